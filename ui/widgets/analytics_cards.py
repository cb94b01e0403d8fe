"""The dashboard's KPI cards: this period's figure, the previous one and the change;
a click asks for the customers behind it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from services.analytics import Dashboard, Drill, Kpi

from .. import formatting

TITLES = {
    'buyers': QT_TRANSLATE_NOOP('AnalyticsCards', '购买顾客'),
    'new_buyers': QT_TRANSLATE_NOOP('AnalyticsCards', '新客'),
    'returning_buyers': QT_TRANSLATE_NOOP('AnalyticsCards', '老客'),
    'repeat_buyers': QT_TRANSLATE_NOOP('AnalyticsCards', '复购顾客'),
    'repurchase_rate': QT_TRANSLATE_NOOP('AnalyticsCards', '复购率'),
    'churn_rate': QT_TRANSLATE_NOOP('AnalyticsCards', '流失率'),
    'revenue': QT_TRANSLATE_NOOP('AnalyticsCards', '成交额'),
    'orders': QT_TRANSLATE_NOOP('AnalyticsCards', '成交订单'),
    'aov': QT_TRANSLATE_NOOP('AnalyticsCards', '客单价'),
}
# A rise is good news except for churn.
_WORSE_WHEN_UP = {'churn_rate'}
_UP, _DOWN, _FLAT = '#1e8e3e', '#c0392b', '#777'


def title(key: str) -> str:
    return QCoreApplication.translate('AnalyticsCards', TITLES.get(key, key))


def value_text(kind: str, value) -> str:
    if kind == 'money':
        return formatting.yuan(value)
    if kind == 'rate':
        return f'{value * 100:.1f}%'
    return f'{value:,}'


def change_text(k: Kpi) -> tuple[str, str]:
    """(text, colour) of the change against the previous period."""
    change = k.change
    same = QCoreApplication.translate('AnalyticsCards', '与上期持平')
    if k.kind == 'rate':
        points = change * 100
        if abs(points) < 0.05:
            return same, _FLAT
        arrow = '▲' if points > 0 else '▼'
        good = (points > 0) != (k.key in _WORSE_WHEN_UP)
        text = QCoreApplication.translate('AnalyticsCards', '{0} {1:.1f} 个百分点')
        return text.format(arrow, abs(points)), _UP if good else _DOWN
    if change is None:
        if k.value:
            return QCoreApplication.translate('AnalyticsCards', '上期为 0'), _FLAT
        return QCoreApplication.translate('AnalyticsCards', '两期都没有'), _FLAT
    if abs(change) < 0.0005:
        return same, _FLAT
    arrow = '▲' if change > 0 else '▼'
    good = (change > 0) != (k.key in _WORSE_WHEN_UP)
    return f'{arrow} {abs(change) * 100:.1f}%', _UP if good else _DOWN


class KpiCard(QFrame):
    clicked = Signal(object)                # the Kpi

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.kpi: Kpi | None = None
        self.setObjectName('kpiCard')
        self.setFrameShape(QFrame.StyledPanel)
        self.title = QLabel(title(key))
        self.title.setObjectName('kpiTitle')
        self.value = QLabel('—')
        self.value.setObjectName('kpiValue')
        self.change = QLabel('')
        self.previous = QLabel('')
        self.previous.setObjectName('kpiPrevious')
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for w in (self.title, self.value, self.change, self.previous):
            layout.addWidget(w)

    def set_kpi(self, k: Kpi, definition: str) -> None:
        self.kpi = k
        self.value.setText(value_text(k.kind, k.value))
        text, colour = change_text(k)
        self.change.setText(text)
        self.change.setStyleSheet(f'color: {colour};')
        self.previous.setText(self.tr('上期 {0}').format(value_text(k.kind, k.previous)))
        hint = self.tr('点击查看名单') if k.drill is not None else ''
        self.setToolTip('\n'.join(x for x in (definition, hint) if x))
        self.setCursor(Qt.PointingHandCursor if k.drill is not None else Qt.ArrowCursor)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.kpi is not None and self.kpi.drill:
            self.clicked.emit(self.kpi)
        super().mousePressEvent(event)


class KpiStrip(QWidget):
    """The cards in two rows; drill_requested(Drill, title) when one is clicked."""
    drill_requested = Signal(object, str)
    KEYS = ('buyers', 'new_buyers', 'returning_buyers', 'repeat_buyers', 'repurchase_rate',
            'revenue', 'orders', 'aov', 'churn_rate')

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards = {key: KpiCard(key) for key in self.KEYS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for i, key in enumerate(self.KEYS):
            card = self.cards[key]
            card.clicked.connect(self._clicked)
            grid.addWidget(card, i // 5, i % 5)
        self.tiers = QLabel()
        self.tiers.setObjectName('kpiTiers')
        self.tiers.setTextFormat(Qt.RichText)
        self.tiers.setWordWrap(True)
        self.tiers.setToolTip(self.tr('本期买过的会员，按当前等级分'))
        self.tiers.linkActivated.connect(self._tier_link)
        tier_box = QFrame()
        tier_box.setObjectName('kpiCard')
        tier_box.setFrameShape(QFrame.StyledPanel)
        box = QVBoxLayout(tier_box)
        box.setContentsMargins(12, 8, 12, 8)
        heading = QLabel(self.tr('活跃会员（按等级）'))
        heading.setObjectName('kpiTitle')
        box.addWidget(heading)
        box.addWidget(self.tiers)
        grid.addWidget(tier_box, 1, 4)
        self._dash: Dashboard | None = None

    def set_dashboard(self, dash: Dashboard) -> None:
        self._dash = dash
        for key, card in self.cards.items():
            card.set_kpi(dash.kpis[key], dash.definitions.get(key, ''))
        lines = []
        for t in dash.tiers:
            if not t.members and not t.active and not t.active_previous:
                continue
            name = t.name or self.tr('无等级')
            k = Kpi('tier', 'count', t.active, t.active_previous)
            text, colour = change_text(k)
            lines.append(f'<a href="{t.tier_id}" style="text-decoration:none">{name}</a> '
                         f'<b>{t.active:,}</b> <span style="color:{colour}">{text}</span>')
        self.tiers.setText('<br>'.join(lines) or self.tr('还没有会员'))

    def _clicked(self, k: Kpi) -> None:
        self.drill_requested.emit(k.drill, title(k.key))

    def _tier_link(self, href: str) -> None:
        tier_id = None if href == 'None' else int(href)
        name = next((t.name for t in self._dash.tiers if t.tier_id == tier_id), '') or \
            self.tr('无等级')
        self.drill_requested.emit(Drill('tier_active', (tier_id,)),
                                  self.tr('本期活跃的{0}').format(name))
