"""The 分析 page: KPI cards against the previous period and the charts, for a period
and filters the owner picks; any bar, slice or cell lists the customers behind it.

The figures are computed off the UI thread (up to about a second on a big shop); a
newer request cancels the one still running.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QGridLayout, QHBoxLayout,
                               QLabel, QMessageBox, QPushButton, QScrollArea, QStackedWidget,
                               QVBoxLayout, QWidget)

from services import analytics, tags, tiers
from services.analytics import Dashboard, Drill, Filters, Period
from services.errors import UserError
from services.files.writers import atomic_path

from ..labels import platform_codes, platform_name
from ..tasks import BackgroundTask
from ..widgets.analytics_cards import KpiStrip
from ..widgets.analytics_customer_charts import (HeatCard, LifecycleCard, PyramidCard,
                                                 SegmentsCard, TrendCard)
from ..widgets.analytics_product_charts import ProductRolesCard, TopProductsCard


# Word-wrapped labels get no font-size (see resources/app.qss).
STYLE = """
QFrame#kpiCard, QFrame#chartCard { background: white; border: 1px solid #dcdde1;
                                  border-radius: 6px; }
QLabel#kpiTitle { color: #57606f; }
QLabel#kpiValue { font-size: 22px; font-weight: bold; color: #2f3542; }
QLabel#kpiPrevious { color: #8395a7; }
QLabel#chartTitle { font-size: 15px; font-weight: bold; color: #2f3542; }
QLabel#chartCaption, QLabel#chartEmpty { color: #747d8c; }
"""


class AnalyticsPage(QWidget):
    """Emits `computed(dashboard)` each time new figures are shown."""
    computed = Signal(object)
    DEFAULT_PERIOD = 'last_90_days'

    def __init__(self, today: date | None = None, parent=None):
        super().__init__(parent)
        self._fixed_today = today             # tests and screenshots pin the day
        self.dashboard: Dashboard | None = None
        self.drill_dialog = None
        self._generation = 0
        self._task: BackgroundTask | None = None
        self._stale = True
        self._build()
        self.reload_lookups()
        self.recompute()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel(self.tr('经营分析'))
        heading.setObjectName('pageHeading')
        self.period = QComboBox()
        self.period.setObjectName('analyticsPeriod')
        for key, text in (('this_month', self.tr('本月')), ('last_month', self.tr('上月')),
                          ('last_90_days', self.tr('近 90 天')), ('this_year', self.tr('今年')),
                          ('custom', self.tr('自定义'))):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(self.period.findData(self.DEFAULT_PERIOD))
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat('yyyy-MM-dd')
            edit.setVisible(False)
            edit.dateChanged.connect(lambda _: self._custom_changed())
        self.platform = QComboBox()
        self.platform.addItem(self.tr('全部平台'), '')
        for code in platform_codes():
            self.platform.addItem(platform_name(code), code)
        self.tag, self.tier = QComboBox(), QComboBox()
        self.period.currentIndexChanged.connect(self._period_changed)
        for combo in (self.platform, self.tag, self.tier):
            combo.currentIndexChanged.connect(lambda _: self.recompute())
        self.refresh_button = QPushButton(self.tr('刷新'))
        self.refresh_button.clicked.connect(self.recompute)
        self.png_button = QPushButton(self.tr('导出图片'))
        self.png_button.setToolTip(self.tr('把整个看板存成一张 PNG 图片'))
        self.png_button.clicked.connect(lambda: self.export_png())
        self.xlsx_button = QPushButton(self.tr('导出数据'))
        self.xlsx_button.setToolTip(self.tr('把看板上的全部数字导出为 Excel'))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(12)
        for w in (self.period, self.start, self.end, self.platform, self.tag, self.tier):
            bar.addWidget(w)
        bar.addStretch()
        for w in (self.refresh_button, self.png_button, self.xlsx_button):
            bar.addWidget(w)
        self.status = QLabel()
        self.status.setObjectName('pageNote')

        self.cards = KpiStrip()
        self.trend = TrendCard()
        self.pyramid, self.segments = PyramidCard(), SegmentsCard()
        self.heat, self.lifecycle = HeatCard(), LifecycleCard()
        self.top_products, self.roles = TopProductsCard(), ProductRolesCard()
        self.charts = (self.trend, self.pyramid, self.segments, self.heat, self.lifecycle,
                       self.top_products, self.roles)
        self.content = QWidget()
        self.content.setObjectName('analyticsContent')
        self.content.setStyleSheet(STYLE)
        grid = QGridLayout(self.content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        grid.addWidget(self.cards, 0, 0, 1, 2)
        grid.addWidget(self.trend, 1, 0, 1, 2)
        for row, (a, b) in enumerate(((self.pyramid, self.segments), (self.heat, self.lifecycle),
                                      (self.top_products, None), (self.roles, None)), start=2):
            # Product titles need the whole width, or the axis cuts them to "…".
            grid.addWidget(a, row, 0, 1, 1 if b else 2)
            if b is not None:
                grid.addWidget(b, row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.cards.drill_requested.connect(self.open_drill)
        for chart in self.charts:
            chart.drill.connect(self.open_drill)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)
        self.empty = QLabel(self.tr('还没有会员和订单。\n导入淘宝、拼多多或抖店的订单后，这里会显示新客、'
                                    '复购、流失、会员等级和商品表现。'))
        self.empty.setObjectName('analyticsEmpty')
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QStackedWidget()
        self.body.addWidget(scroll)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.body, 1)

    def reload_lookups(self) -> None:
        """Tags and tiers for the filters (they change on other pages)."""
        for combo, items, anyone in (
                (self.tag, [(t.id, t.name) for t in tags.list_tags()], self.tr('全部标签')),
                (self.tier, [(t.id, t.name) for t in tiers.list_tiers()], self.tr('全部等级'))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anyone, None)
            for key, name in items:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    # --- what is shown --------------------------------------------------------------------
    def today(self) -> date:
        return self._fixed_today or date.today()

    def current_period(self) -> Period:
        key = self.period.currentData()
        if key == 'custom':
            return analytics.preset('custom', self.today(), self.start.date().toPython(),
                                    self.end.date().toPython())
        return analytics.preset(key, self.today())

    def current_filters(self) -> Filters:
        return Filters(platform=self.platform.currentData() or '',
                       tag_id=self.tag.currentData(), tier_id=self.tier.currentData())

    def filter_text(self) -> str:
        parts = [self.tr('{0}：{1}').format(label, combo.currentText()) for label, combo in (
            (self.tr('平台'), self.platform), (self.tr('标签'), self.tag),
            (self.tr('等级'), self.tier)) if combo.currentIndex() > 0]
        return self.tr('；').join(parts)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == 'custom'
        if custom:
            p = self.dashboard.period if self.dashboard else analytics.preset(
                self.DEFAULT_PERIOD, self.today())
            for edit, day in ((self.start, p.start), (self.end, p.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        self.recompute()

    def _custom_changed(self) -> None:
        if self.period.currentData() == 'custom':
            self.recompute()

    # --- computing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Data changed elsewhere: recompute now if shown, else when next shown."""
        self.reload_lookups()
        if self.isVisible():
            self.recompute()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale and self._task is None:
            self.recompute()
        super().showEvent(event)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def recompute(self) -> None:
        try:
            period = self.current_period()
        except UserError as e:
            self.status.setText(str(e))
            return
        filters = self.current_filters()
        self._stale = False
        self._generation += 1
        mine = self._generation
        if self._task is not None:
            self._task.cancel()
        self.status.setText(self.tr('正在计算 {0} 的数据…').format(period.label()))
        task = BackgroundTask(lambda progress, cancelled: analytics.compute(
            period, filters, progress, cancelled), self, show_progress=False)
        task.finished.connect(lambda dash: self._computed(mine, dash))
        task.failed.connect(lambda message: self._failed(mine, message))
        task.cancelled.connect(lambda: self._failed(mine, ''))
        self._task = task.start()

    def _failed(self, mine: int, message: str) -> None:
        if mine != self._generation:
            return
        self._task = None
        if message:
            self.status.setText(self.tr('没能算出分析数据：{0}').format(message))

    def _computed(self, mine: int, dash: Dashboard) -> None:
        if mine != self._generation:
            return
        self._task = None
        self.dashboard = dash
        no_shop = dash.members == 0 and dash.empty and self.current_filters() == Filters()
        self.body.setCurrentIndex(1 if no_shop else 0)
        self.cards.set_dashboard(dash)
        for chart in self.charts:
            chart.set_dashboard(dash)
        seconds = sum(dash.timings.values())
        scope = self.filter_text() or self.tr('全部会员')
        note = self.tr('{0}，对比上期 {1}；{2}；{3:,} 位会员。').format(
            dash.period.label(), dash.previous.label(), scope, dash.members)
        if dash.empty:
            note += self.tr('这两期都没有成交订单。')
        self.status.setText(note)
        self.status.setToolTip(self.tr('查询用时 {0:.2f} 秒').format(seconds))
        self.computed.emit(dash)

    # --- drill-down and export ------------------------------------------------------------
    def open_drill(self, drill: Drill, title: str) -> None:
        if self.dashboard is None:
            return
        from ..dialogs.drilldown_dialog import DrilldownDialog
        self.drill_dialog = DrilldownDialog(title, drill, self.dashboard.period,
                                            self.dashboard.filters, self)
        self.drill_dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.drill_dialog.show()

    def _ask_path(self, caption: str, name: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, caption, name, pattern)
        return path

    def _default_name(self, suffix: str) -> str:
        p = self.dashboard.period
        return self.tr('经营分析_{0}_{1}').format(p.start.strftime('%Y%m%d'),
                                               p.end.strftime('%Y%m%d')) + suffix

    def export_png(self, path: str | None = None) -> str | None:
        if self.dashboard is None:
            return None
        path = path or self._ask_path(self.tr('导出图片'), self._default_name('.png'),
                                      self.tr('PNG 图片 (*.png)'))
        if not path:
            return None
        image = self.content.grab()
        try:
            with atomic_path(path) as tmp:
                if not image.save(tmp, 'PNG'):
                    raise UserError(self.tr('图片没有保存成功，请换个位置再试。'))
        except UserError as e:
            QMessageBox.warning(self, self.tr('导出图片'), str(e))
            return None
        self.status.setText(self.tr('已导出图片：{0}').format(path))
        return path

    def export_xlsx(self, path: str | None = None) -> str | None:
        if self.dashboard is None:
            return None
        path = path or self._ask_path(self.tr('导出数据'), self._default_name('.xlsx'),
                                      self.tr('Excel 表格 (*.xlsx);;CSV (*.csv)'))
        if not path:
            return None
        try:
            rows = analytics.export_dashboard(path, self.dashboard, self.filter_text())
        except UserError as e:
            QMessageBox.warning(self, self.tr('导出数据'), str(e))
            return None
        self.status.setText(self.tr('已导出 {0} 行数据：{1}').format(f'{rows:,}', path))
        return path
