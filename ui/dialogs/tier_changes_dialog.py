"""等级变动: who moved between member tiers in a period, and why."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)

from services import tiers

from ..formatting import minute
from ..labels import tier_direction_name, tier_reason_name

PERIODS = ('this_month', 'last_month', 'last_7_days', 'last_30_days', 'all')


def period_range(period: str, now: datetime) -> tuple[datetime | None, datetime | None]:
    """(since, until) of a period at `now`; None is open-ended."""
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    month = today.replace(day=1)
    if period == 'this_month':
        return month, None
    if period == 'last_month':
        return (month - timedelta(days=1)).replace(day=1), month
    if period == 'last_7_days':
        return today - timedelta(days=6), None
    if period == 'last_30_days':
        return today - timedelta(days=29), None
    return None, None


class TierChangesDialog(QDialog):
    """Double-clicking a row emits `customer_chosen(customer_id)`."""
    customer_chosen = Signal(int)
    LIMIT = 1000

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('等级变动'))
        self.period = QComboBox()
        for key, text in zip(PERIODS, (self.tr('本月'), self.tr('上月'), self.tr('近 7 天'),
                                       self.tr('近 30 天'), self.tr('全部'))):
            self.period.addItem(text, key)
        self.upgrades_only = QCheckBox(self.tr('只看升级'))
        self.count = QLabel()
        self.count.setObjectName('tierChangesCount')
        self.period.currentIndexChanged.connect(lambda _: self.reload())
        self.upgrades_only.toggled.connect(lambda _: self.reload())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr('时间')))
        bar.addWidget(self.period)
        bar.addWidget(self.upgrades_only)
        bar.addStretch()
        bar.addWidget(self.count)

        headers = (self.tr('时间'), self.tr('买家会员名'), self.tr('姓名'), self.tr('原等级'),
                   self.tr('新等级'), self.tr('方向'), self.tr('原因'), self.tr('备注'))
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.Stretch)
        self.table.doubleClicked.connect(self._chosen)
        hint = QLabel(self.tr('双击一行可在会员列表中查看这位顾客。'))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        foot = QHBoxLayout()
        foot.addWidget(hint, 1)
        foot.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self.resize(900, 520)
        self._moves = []
        self.reload()

    def reload(self) -> None:
        since, until = period_range(self.period.currentData(), datetime.now())
        moves = tiers.changes(since=since, until=until,
                              upgrades_only=self.upgrades_only.isChecked(), limit=self.LIMIT)
        capped = len(moves) >= self.LIMIT
        self._moves = moves
        self.table.setRowCount(len(moves))
        up, down = QColor('#c0392b'), QColor('#2e7d32')
        for r, m in enumerate(moves):
            cells = (minute(m.at), m.nick, m.name, m.from_name, m.to_name,
                     tier_direction_name(m.upgrade), tier_reason_name(m.reason), m.note)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text or '')
                if c == 5 and m.upgrade:
                    item.setForeground(up if m.upgrade == 'up' else down)
                self.table.setItem(r, c, item)
        text = self.tr('共 {0} 次变动').format(f'{len(moves):,}')
        if capped:
            text += self.tr('（只列出最近 {0} 次）').format(f'{self.LIMIT:,}')
        self.count.setText(text)

    def _chosen(self, index) -> None:
        if 0 <= index.row() < len(self._moves) and self._moves[index.row()].customer_id:
            self.customer_chosen.emit(self._moves[index.row()].customer_id)
