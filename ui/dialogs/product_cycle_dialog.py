"""The product list with each product's consumption cycle (days one unit lasts).

A shop has hundreds to a few thousand products, so a plain widget table is right here.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from services import products
from services.errors import UserError

from .. import formatting

_CYCLE = 4


class ProductCycleDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('商品消耗周期'))
        hint = QLabel(self.tr('填写一件商品大约能用多少天（如 一罐奶粉 10 天），复购提醒按 '
                              '“购买日 + 数量 × 周期” 计算；不设周期的商品，按顾客自己的'
                              '购买间隔推算（至少 3 次购买）。0 表示不设周期。'))
        hint.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr('搜索商品名称、编码或类目'))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName('productTable')
        self.table.setHorizontalHeaderLabels([self.tr('商品'), self.tr('编码'), self.tr('类目'),
                                              self.tr('售出(笔)'), self.tr('周期(天)')])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(_CYCLE, QHeaderView.Fixed)
        self.table.setColumnWidth(_CYCLE, 96)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self._products = products.list_products()
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._products))
        for row, p in enumerate(self._products):
            for col, text in enumerate((p.title, p.code, p.category, f'{p.lines:,}')):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if col == 0 and p.price:
                    item.setToolTip(self.tr('单价 {0}').format(formatting.yuan(p.price)))
                self.table.setItem(row, col, item)
            spin = QSpinBox()
            spin.setRange(0, products.MAX_CYCLE_DAYS)
            spin.setSpecialValueText(self.tr('不设'))
            spin.setValue(p.cycle_days or 0)
            self.table.setCellWidget(row, _CYCLE, spin)

    def _filter(self, text: str) -> None:
        text = text.strip().lower()
        for row, p in enumerate(self._products):
            hay = f'{p.title} {p.code} {p.category}'.lower()
            self.table.setRowHidden(row, bool(text) and text not in hay)

    def cycle_spin(self, row: int) -> QSpinBox:
        return self.table.cellWidget(row, _CYCLE)

    def changes(self) -> dict[int, int | None]:
        out = {}
        for row, p in enumerate(self._products):
            days = self.cycle_spin(row).value() or None
            if days != p.cycle_days:
                out[p.id] = days
        return out

    def save(self) -> None:
        try:
            products.set_cycles(self.changes())
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        self.accept()
