"""One customer's points in the detail panel: balance, history, redeem / adjust / give."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from services import points

from .. import formatting
from ..dialogs.points_dialog import ADJUST, BONUS, REDEEM, PointsDialog
from ..labels import platform_name, points_kind_name

_SOURCES = {
    'coupon': QT_TRANSLATE_NOOP('PointsTab', '优惠券'),
    'gift': QT_TRANSLATE_NOOP('PointsTab', '礼品'),
    'manual': QT_TRANSLATE_NOOP('PointsTab', '手动'),
    'survey': QT_TRANSLATE_NOOP('PointsTab', '问卷'),
    'expiry': QT_TRANSLATE_NOOP('PointsTab', '有效期'),
    'signin': QT_TRANSLATE_NOOP('PointsTab', '签到'),
    'birthday': QT_TRANSLATE_NOOP('PointsTab', '生日'),
    'order': QT_TRANSLATE_NOOP('PointsTab', '订单'),
    'referral': QT_TRANSLATE_NOOP('PointsTab', '转介绍'),
}


def source_text(source: str) -> str:
    """'order:taobao:123' -> '淘宝订单' (the reason names the order), 'birthday:2024' ->
    '生日 2024', 'gift' -> '礼品'; anything else as stored."""
    head, _, rest = source.partition(':')
    if head not in _SOURCES:
        return source
    name = QCoreApplication.translate('PointsTab', _SOURCES[head])
    if head == 'order':
        platform, _, number = rest.partition(':')
        # Entries from before order links name the order number alone.
        return f'{platform_name(platform)}{name}' if number else f'{name} {rest}'.strip()
    return f'{name} {rest}'.strip()


class PointsTab(QWidget):
    """Loads when shown (the detail panel changes customer on every click).

    Emits `changed(customer_id)` after a redemption, adjustment or bonus."""
    changed = Signal(int)
    REASON_WIDTH = 230
    HEADERS = (QT_TRANSLATE_NOOP('PointsTab', '时间'), QT_TRANSLATE_NOOP('PointsTab', '类型'),
               QT_TRANSLATE_NOOP('PointsTab', '积分'), QT_TRANSLATE_NOOP('PointsTab', '余额'),
               QT_TRANSLATE_NOOP('PointsTab', '原因'), QT_TRANSLATE_NOOP('PointsTab', '来源'))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._customer: int | None = None
        self._editable = True
        self._dirty = False
        self.balance = 0
        self.balance_label = QLabel()
        self.balance_label.setObjectName('pointsBalance')
        self.redeem_button = QPushButton(self.tr('兑换'))
        self.adjust_button = QPushButton(self.tr('调整'))
        self.bonus_button = QPushButton(self.tr('赠送'))
        self.redeem_button.clicked.connect(lambda: self.open_dialog(REDEEM))
        self.adjust_button.clicked.connect(lambda: self.open_dialog(ADJUST))
        self.bonus_button.clicked.connect(lambda: self.open_dialog(BONUS))
        top = QHBoxLayout()
        top.addWidget(self.balance_label, 1)
        for b in (self.redeem_button, self.adjust_button, self.bonus_button):
            top.addWidget(b)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Interactive)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._show_empty()

    def set_customer(self, customer_id: int | None, editable: bool = True) -> None:
        """editable False (a binned customer) shows the history without the buttons."""
        self._customer, self._editable = customer_id, editable
        self._dirty = True
        if self.isVisible():
            self.load()

    def customer_id(self) -> int | None:
        return self._customer

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.load()

    def load(self) -> None:
        self._dirty = False
        if self._customer is None:
            self._show_empty()
            return
        lines = points.history(self._customer)
        self.balance = lines[0].balance if lines else 0
        self.balance_label.setText(self.tr('当前积分：{0}').format(f'{self.balance:,}'))
        for b in (self.redeem_button, self.adjust_button, self.bonus_button):
            b.setEnabled(self._editable)
        self.table.setRowCount(len(lines))
        for r, x in enumerate(lines):
            values = (formatting.minute(x.created_at), points_kind_name(x.kind),
                      f'{x.points:+,}', f'{x.balance:,}', x.reason, source_text(x.source))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setToolTip(value)
                elif c == 5:
                    item.setToolTip(x.source)
                elif c in (2, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        # Order reasons are long; the source after them stays in view, the tooltip has it all.
        self.table.resizeColumnToContents(4)
        self.table.setColumnWidth(4, min(self.table.columnWidth(4), self.REASON_WIDTH))

    def _show_empty(self) -> None:
        self.balance = 0
        self.balance_label.clear()
        self.table.setRowCount(0)
        for b in (self.redeem_button, self.adjust_button, self.bonus_button):
            b.setEnabled(False)

    def open_dialog(self, mode: str) -> None:
        if self._customer is None or not self._editable:
            return
        dialog = PointsDialog(self._customer, mode, self)
        if dialog.exec():
            self.load()
            self.changed.emit(self._customer)
