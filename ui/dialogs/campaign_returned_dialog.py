"""Who came back after a campaign stage: the buyers behind a results row."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..formatting import yuan



class ReturnedBuyersDialog(QDialog):
    """Shows a list the caller read in the background (services.campaigns.returned_buyers)."""

    def __init__(self, stage_name: str, span: str, buyers: list, limit: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('回购名单：{0}').format(stage_name))
        self.resize(720, 480)
        shown = self.tr('{0}：{1} 位顾客在统计期内下单（{2}）').format(
            stage_name, f'{len(buyers):,}', span)
        if len(buyers) >= limit:
            shown += self.tr('，只列出消费最多的 {0} 位').format(f'{limit:,}')
        self.heading = QLabel(shown)
        self.table = QTableWidget(len(buyers), 6)
        self.table.setObjectName('returnedBuyers')
        self.table.setHorizontalHeaderLabels([
            self.tr('买家会员名'), self.tr('姓名'), self.tr('分组'), self.tr('首次下单'),
            self.tr('订单数'), self.tr('金额')])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, b in enumerate(buyers):
            cells = [b.nick, b.name, self.tr('对照组') if b.in_control else self.tr('活动组'),
                     f'{b.first_bought:%Y-%m-%d %H:%M}' if b.first_bought else '',
                     f'{b.orders:,}', yuan(b.revenue)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 4:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
