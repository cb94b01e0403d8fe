"""Charts of the dashboard about customers: monthly new and returning buyers with
revenue, the tier pyramid, RFM segments, when buyers buy, lifecycle stages and flow.

Each card's `set_dashboard(dash)` redraws it; a click on a bar, slice or cell emits
`drill(Drill, title)`.
"""
from __future__ import annotations

from PySide6.QtCharts import (QBarSeries, QHorizontalBarSeries, QHorizontalStackedBarSeries,
                              QLineSeries, QStackedBarSeries)
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPen
from PySide6.QtWidgets import QHBoxLayout, QToolTip, QWidget

from services.analytics import STAGES, Dashboard, Drill

from ..labels import lifecycle_name, segment_name
from .analytics_chart_card import (COLORS, ChartCard, bar_set, category_axis, chart_view,
                                   new_chart, rows_height, value_axis)
from .analytics_grid import GridChart


def stage_name(code: str) -> str:
    if code == 'none':
        return QCoreApplication.translate('AnalyticsCharts', '未购买')
    return lifecycle_name(code)


class TrendCard(ChartCard):
    drill = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(self.tr('每月新客与老客'), parent)

    def set_dashboard(self, dash: Dashboard) -> None:
        self.set_caption(dash.definitions.get('trend', ''))
        months = dash.months
        if not any(m.new or m.returning or m.revenue for m in months):
            self.show_empty(self.tr('这段时间没有成交订单。'))
            return
        chart = new_chart()
        names = [m.month.strftime('%y-%m') for m in months]
        new = bar_set(self.tr('新客'), [m.new for m in months], COLORS[0])
        back = bar_set(self.tr('老客'), [m.returning for m in months], COLORS[1])
        bars = QStackedBarSeries()
        bars.append(new)
        bars.append(back)
        chart.addSeries(bars)
        line = QLineSeries()
        line.setName(self.tr('成交额（元）'))
        line.setPen(QPen(QColor(COLORS[2]), 2))
        for i, m in enumerate(months):
            line.append(i, m.revenue / 100)
        chart.addSeries(line)
        x = category_axis(names)
        chart.addAxis(x, Qt.AlignBottom)
        left = value_axis(max(m.new + m.returning for m in months))
        left.setTitleText(self.tr('人'))
        chart.addAxis(left, Qt.AlignLeft)
        right = value_axis(max(m.revenue for m in months) / 100, '%.0f')
        right.setTitleText(self.tr('元'))
        chart.addAxis(right, Qt.AlignRight)
        for s, axis in ((bars, left), (line, right)):
            s.attachAxis(x)
            s.attachAxis(axis)
        for part, series_set in (('new', new), ('returning', back)):
            series_set.clicked.connect(
                lambda i, part=part, label=series_set.label():
                self.drill.emit(Drill('month', (months[i].month, part)),
                                f'{months[i].month:%Y-%m} {label}'))
        self.set_body(chart_view(chart, 260))


class PyramidCard(ChartCard):
    drill = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(self.tr('会员等级金字塔'), parent)

    def set_dashboard(self, dash: Dashboard) -> None:
        self.set_caption(dash.definitions.get('tiers', ''))
        tiers = sorted(dash.tiers, key=lambda t: t.rank)       # lowest tier at the bottom
        if not any(t.members for t in tiers):
            self.show_empty(self.tr('还没有会员。'))
            return
        names = [t.name or self.tr('无等级') for t in tiers]
        top = max(t.members for t in tiers)
        # Each tier a bar centred on the axis, this period's buyers in its middle: a pyramid.
        pad = [(top - t.members) / 2 for t in tiers]
        rest = [(t.members - t.active) / 2 for t in tiers]
        parts = [bar_set('', pad, '#00000000'), bar_set(self.tr('会员数'), rest, COLORS[0]),
                 bar_set(self.tr('本期活跃'), [t.active for t in tiers], COLORS[1]),
                 bar_set(self.tr('会员数') + ' ', rest, COLORS[0]), bar_set('', pad, '#00000000')]
        series = QHorizontalStackedBarSeries()
        for part in parts:
            series.append(part)
        chart = new_chart()
        chart.addSeries(series)
        y = category_axis([f'{n} {t.members:,}' for n, t in zip(names, tiers)])
        x = value_axis(top)
        x.setRange(0, top)
        x.setVisible(False)
        chart.addAxis(y, Qt.AlignLeft)
        chart.addAxis(x, Qt.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        for i, marker in enumerate(chart.legend().markers(series)):
            marker.setVisible(i in (1, 2))

        def members(i):
            self.drill.emit(Drill('tier', (tiers[i].tier_id,)), names[i])

        def active(i):
            self.drill.emit(Drill('tier_active', (tiers[i].tier_id,)),
                            self.tr('本期活跃的{0}').format(names[i]))

        def hovered(on, i):
            if on:
                QToolTip.showText(QCursor.pos(), self.tr('{0}：{1} 人，本期活跃 {2} 人').format(
                    names[i], f'{tiers[i].members:,}', f'{tiers[i].active:,}'))
            else:
                QToolTip.hideText()
        for part in (parts[1], parts[3]):
            part.clicked.connect(members)
        parts[2].clicked.connect(active)
        for part in parts[1:4]:
            part.hovered.connect(hovered)
        self.set_body(chart_view(chart, rows_height(len(tiers))))


class SegmentsCard(ChartCard):
    drill = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(self.tr('RFM 分群：人数与本期成交额占比'), parent)

    def set_dashboard(self, dash: Dashboard) -> None:
        self.set_caption(dash.definitions.get('segments', ''))
        segments = [s for s in dash.segments if s.members or s.revenue]
        if not segments:
            self.show_empty(self.tr('还没有评分的会员。'))
            return
        # Short names ('重要价值'), or the axis cuts them to "…".
        names = [segment_name(s.name).removesuffix(self.tr('客户')) or self.tr('未评分')
                 for s in segments]
        ordered = list(reversed(range(len(segments))))           # biggest at the top
        height = rows_height(len(segments))
        members = self._bars(self.tr('会员数'), [segments[i].members for i in ordered],
                             [names[i] for i in ordered], COLORS[0], '%d')
        members[1].clicked.connect(lambda j: self.drill.emit(
            Drill('segment', (segments[ordered[j]].name,)), names[ordered[j]]))
        # The revenue share beside it, row for row (a pie's labels got cut short here).
        share = self._bars(self.tr('本期成交额占比 %'),
                           [round(segments[i].share * 100, 1) for i in ordered],
                           [names[i] for i in ordered], COLORS[1], '%.0f', top=100)
        share[0].axes(Qt.Vertical)[0].setLabelsVisible(False)
        share[1].clicked.connect(lambda j: self.drill.emit(
            Drill('segment_buyers', (segments[ordered[j]].name,)),
            self.tr('本期购买的{0}').format(names[ordered[j]])))
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(chart_view(members[0], height), 3)
        row.addWidget(chart_view(share[0], height), 2)
        self.set_body(body)

    @staticmethod
    def _bars(title: str, values: list, names: list[str], color: str, fmt: str,
              top: float | None = None):
        """(chart, bar set): one horizontal bar a segment, the value at its end."""
        bars = bar_set(title, values, color)
        bars.setLabelColor(QColor('#2f3542'))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsOutsideEnd)
        series.setLabelsFormat('@value')
        chart = new_chart()
        chart.setTitle(title)
        chart.legend().hide()
        chart.addSeries(series)
        y = category_axis(names)
        x = value_axis(max(values or [0]) * 1.15, fmt)
        if top is not None:
            x.setRange(0, top)
        chart.addAxis(y, Qt.AlignLeft)
        chart.addAxis(x, Qt.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        return chart, bars


class HeatCard(ChartCard):
    drill = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(self.tr('购买时段（星期 × 小时）'), parent)
        self.days = [self.tr('周一'), self.tr('周二'), self.tr('周三'), self.tr('周四'),
                     self.tr('周五'), self.tr('周六'), self.tr('周日')]
        self.grid = GridChart(show_numbers=False, column_step=3)
        self.grid.cell_clicked.connect(self._clicked)
        self.grid.tooltip_text = lambda r, c, n: self.tr('{0} {1}点：{2} 单').format(
            self.days[r], c, f'{n:,}')

    def set_dashboard(self, dash: Dashboard) -> None:
        self.set_caption(dash.definitions.get('heat', ''))
        if not sum(map(sum, dash.heat)):
            self.show_empty(self.tr('本期没有成交订单。'))
            return
        self.grid.set_data(self.days, [str(h) for h in range(24)], dash.heat)
        if self.stack.indexOf(self.grid) < 0:
            self.set_body(self.grid)
        self.stack.setCurrentWidget(self.grid)

    def _clicked(self, row: int, column: int) -> None:
        self.drill.emit(Drill('heat', (row, column)),
                        self.tr('{0} {1}点下单的顾客').format(self.days[row], column))


class LifecycleCard(ChartCard):
    drill = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(self.tr('生命周期：现在与本期流转'), parent)
        self.flow: GridChart | None = None

    def set_dashboard(self, dash: Dashboard) -> None:
        self.set_caption('\n'.join(x for x in (dash.definitions.get('stages', ''),
                                               dash.definitions.get('flow', '')) if x))
        if not any(dash.stages.values()) and not dash.flow:
            self.show_empty(self.tr('还没有成交过的会员。'))
            return
        codes = list(dash.stages)
        bars = bar_set(self.tr('会员数'), [dash.stages[c] for c in codes], COLORS[3])
        series = QBarSeries()
        series.append(bars)
        chart = new_chart()
        chart.legend().hide()
        chart.addSeries(series)
        x = category_axis([stage_name(c) for c in codes])
        y = value_axis(max(dash.stages.values()))
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        bars.clicked.connect(lambda i: self.drill.emit(Drill('stage', (codes[i],)),
                                                       stage_name(codes[i])))
        matrix = [[0] * len(STAGES) for _ in STAGES]
        for cell in dash.flow:
            matrix[STAGES.index(cell.source)][STAGES.index(cell.target)] = cell.customers
        names = [stage_name(s) for s in STAGES]
        self.flow = GridChart()
        self.flow.cell_clicked.connect(self._flow_clicked)
        self.flow.tooltip_text = lambda r, c, n: self.tr('期初{0} → 期末{1}：{2} 人').format(
            names[r], names[c + 1], f'{n:,}')
        # Nobody ends a period as 'not a buyer yet' and is shown: that column is left out.
        self.flow.set_data([self.tr('期初{0}').format(n) for n in names],
                           [self.tr('期末{0}').format(n) for n in names[1:]],
                           [row[1:] for row in matrix])
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(chart_view(chart), 2)
        row.addWidget(self.flow, 3)
        self.set_body(body)

    def _flow_clicked(self, row: int, column: int) -> None:
        source, target = STAGES[row], STAGES[column + 1]
        self.drill.emit(Drill('flow', (source, target)), self.tr('期初{0}、期末{1}').format(
            stage_name(source), stage_name(target)))
