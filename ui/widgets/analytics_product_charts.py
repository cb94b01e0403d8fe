"""Charts of the dashboard about products: the top products by repeat buyers and the
star / cash-cow / question / dog map by share and growth."""
from __future__ import annotations

from PySide6.QtCharts import QHorizontalBarSeries, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QPointF, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPen
from PySide6.QtWidgets import QToolTip

from services.analytics import ROLES, Dashboard, Drill, ProductRow

from .analytics_chart_card import (COLORS, ChartCard, bar_set, category_axis, chart_view,
                                   new_chart, rows_height, short, value_axis)

ROLE_NAMES = {'star': QT_TRANSLATE_NOOP('AnalyticsProducts', '明星'), 'cash_cow': QT_TRANSLATE_NOOP('AnalyticsProducts', '金牛'),
              'question': QT_TRANSLATE_NOOP('AnalyticsProducts', '问题'), 'dog': QT_TRANSLATE_NOOP('AnalyticsProducts', '瘦狗')}
ROLE_COLORS = {'star': '#f1c40f', 'cash_cow': '#27ae60', 'question': '#3d7bd9', 'dog': '#95a5a6'}
GROWTH_CAP = 300.0          # percent; new products and bigger growth are drawn at the cap


def role_name(role: str) -> str:
    return QCoreApplication.translate('AnalyticsProducts', ROLE_NAMES.get(role, role))


class TopProductsCard(ChartCard):
    drill = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(self.tr('复购最多的商品'), parent)

    def set_dashboard(self, dash: Dashboard) -> None:
        self.set_caption(dash.definitions.get('products', ''))
        top = dash.top_products(10)
        if not top:
            self.show_empty(self.tr('本期没有卖出带商品明细的订单。'))
            return
        top = list(reversed(top))                       # the first at the top
        repeat = bar_set(self.tr('复购顾客'), [p.repeat_buyers for p in top], COLORS[1])
        buyers = bar_set(self.tr('购买顾客'), [p.buyers for p in top], COLORS[0])
        series = QHorizontalBarSeries()
        series.append(repeat)
        series.append(buyers)
        chart = new_chart()
        chart.addSeries(series)
        y = category_axis([short(p.title, 20) for p in top])
        x = value_axis(max(p.buyers for p in top))
        chart.addAxis(y, Qt.AlignLeft)
        chart.addAxis(x, Qt.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        repeat.clicked.connect(lambda i: self.drill.emit(
            Drill('product', (top[i].key, 'repeat')), self.tr('{0} 的复购顾客').format(top[i].title)))
        buyers.clicked.connect(lambda i: self.drill.emit(
            Drill('product', (top[i].key, 'buyers')), self.tr('{0} 的购买顾客').format(top[i].title)))
        self.set_body(chart_view(chart, rows_height(len(top))))


class ProductRolesCard(ChartCard):
    """x: share of the period's product revenue; y: growth against the previous period."""
    drill = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(self.tr('商品角色：占比 × 增长'), parent)

    @staticmethod
    def point(p: ProductRow) -> QPointF:
        growth = GROWTH_CAP if p.growth is None else min(p.growth * 100, GROWTH_CAP)
        return QPointF(p.share * 100, growth)

    def set_dashboard(self, dash: Dashboard) -> None:
        self.set_caption(dash.definitions.get('product_roles', ''))
        products = dash.products
        if not any(p.revenue for p in products):
            self.show_empty(self.tr('本期没有卖出带商品明细的订单。'))
            return
        chart = new_chart()
        x = QValueAxis()
        x.setTitleText(self.tr('本期销售额占比 %'))
        x.setLabelFormat('%.0f')
        y = QValueAxis()
        y.setTitleText(self.tr('比上期增长 %'))
        y.setLabelFormat('%.0f')
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        points = {p.key: self.point(p) for p in products}
        xs = [pt.x() for pt in points.values()] or [0]
        ys = [pt.y() for pt in points.values()] or [0]
        x.setRange(0, max(max(xs) * 1.15, 5))
        y.setRange(min(min(ys), 0) - 10, max(max(ys), 0) + 20)
        x.applyNiceNumbers()
        y.applyNiceNumbers()
        for role in ROLES:
            mine = [p for p in products if p.role == role]
            if not mine:
                continue
            series = QScatterSeries()
            series.setName(f'{role_name(role)} {len(mine)}')
            series.setMarkerSize(11)
            series.setColor(QColor(ROLE_COLORS[role]))
            series.setBorderColor(QColor('#555'))
            for p in mine:
                series.append(points[p.key])
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)
            series.clicked.connect(lambda pt, mine=mine: self._clicked(pt, mine, points))
            series.hovered.connect(lambda pt, on, mine=mine: self._hovered(pt, on, mine, points))
        selling = [p for p in products if p.revenue]
        self._guide(chart, x, y, 100 / len(selling), vertical=True)
        total_now = sum(p.revenue for p in products)
        total_before = sum(p.revenue_previous for p in products)
        if total_before:
            self._guide(chart, x, y, (total_now - total_before) / total_before * 100,
                        vertical=False)
        self.set_body(chart_view(chart, 280))

    def _guide(self, chart, x, y, at: float, vertical: bool) -> None:
        line = QLineSeries()
        pen = QPen(QColor('#999'))
        pen.setStyle(Qt.DashLine)
        line.setPen(pen)
        if vertical:
            line.append(at, y.min())
            line.append(at, y.max())
        else:
            at = min(at, GROWTH_CAP)
            line.append(x.min(), at)
            line.append(x.max(), at)
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
        chart.legend().markers(line)[0].setVisible(False)

    @staticmethod
    def _nearest(pt: QPointF, mine: list[ProductRow], points: dict) -> ProductRow:
        return min(mine, key=lambda p: (points[p.key].x() - pt.x()) ** 2
                   + (points[p.key].y() - pt.y()) ** 2)

    def _clicked(self, pt: QPointF, mine: list[ProductRow], points: dict) -> None:
        p = self._nearest(pt, mine, points)
        self.drill.emit(Drill('product', (p.key, 'buyers')),
                        self.tr('{0} 的购买顾客').format(p.title))

    def _hovered(self, pt: QPointF, on: bool, mine: list[ProductRow], points: dict) -> None:
        if not on:
            QToolTip.hideText()
            return
        p = self._nearest(pt, mine, points)
        growth = self.tr('新品') if p.growth is None else f'{p.growth * 100:+.0f}%'
        QToolTip.showText(QCursor.pos(), self.tr('{0}（{1}）\n占比 {2:.1f}%，增长 {3}').format(
            p.title, role_name(p.role), p.share * 100, growth))
