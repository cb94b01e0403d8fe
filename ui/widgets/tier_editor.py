"""The member tier rules as an editable table, with a live count of who lands where."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services import tiers
from services.errors import UserError
from services.tiers import TierInfo

from ..tasks import BackgroundTask

NAME, SPENT, ORDERS, BOTH, DISCOUNT, NOW, AFTER = range(7)
_ID_ROLE = int(Qt.UserRole)
_COLOR_ROLE = int(Qt.UserRole) + 1


def _spin(maximum: int, suffix: str = '', minimum: int = 0) -> QSpinBox:
    w = QSpinBox()
    w.setRange(minimum, maximum)
    w.setSuffix(suffix)
    w.setGroupSeparatorShown(True)
    w.setButtonSymbols(QSpinBox.NoButtons)
    w.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return w


class TierEditor(QWidget):
    """Edit, preview (debounced, in the background) and save the tier rules.

    Emits `saved(moved)` after the rules are stored and everyone is reassigned."""
    saved = Signal(int)
    PREVIEW_MS = 400

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self._preview_task: BackgroundTask | None = None
        self._save_task: BackgroundTask | None = None
        self._generation = 0
        self._debounce = QTimer(self, singleShot=True, interval=self.PREVIEW_MS)
        self._debounce.timeout.connect(self._start_preview)
        intro = QLabel(self.tr(
            '顾客达到门槛即升到该等级：累计消费或成交笔数满足其一即可，勾选“同时满足”则两者都要达到。'
            '最低的等级不设门槛。手动指定等级的顾客保持不变。折扣写 95 即 95折，100 为不打折。'))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr('名称'), self.tr('累计消费 ¥'), self.tr('成交笔数'), self.tr('同时满足'),
            self.tr('折扣'), self.tr('当前人数'), self.tr('预览人数')])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.Stretch)
        header.setMinimumSectionSize(90)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton(self.tr('添加等级'))
        self.remove_button = QPushButton(self.tr('删除所选等级'))
        self.revert_button = QPushButton(self.tr('撤销修改'))
        self.save_button = QPushButton(self.tr('保存等级规则'))
        self.save_button.setDefault(True)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.revert_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName('tierMessage')
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.revert_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # --- rows -----------------------------------------------------------------
    def load(self) -> None:
        """Show the stored rules with their member counts."""
        self._loading = True
        self.table.setRowCount(0)
        for t in tiers.list_tiers(with_counts=True):
            self._append(t)
        self._loading = False
        self._show_message('')
        self._schedule()

    def _append(self, t: TierInfo) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(t.name)
        name.setData(_ID_ROLE, t.id)
        name.setData(_COLOR_ROLE, t.color)
        self.table.setItem(row, NAME, name)
        spent = _spin(99_999_999)
        spent.setValue(t.min_spent // 100)
        orders = _spin(1_000_000, self.tr(' 笔'))
        orders.setValue(t.min_orders)
        discount = _spin(100, self.tr(' 折'), 1)
        discount.setValue(t.discount)
        discount.setToolTip(self.tr('95 即 95折，100 为不打折'))
        both = QCheckBox()
        both.setChecked(t.require_both)
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setAlignment(Qt.AlignCenter)
        lay.addWidget(both)
        for col, w in ((SPENT, spent), (ORDERS, orders), (DISCOUNT, discount)):
            w.valueChanged.connect(self._edited)
            self.table.setCellWidget(row, col, w)
        both.toggled.connect(self._edited)
        self.table.setCellWidget(row, BOTH, box)
        for col, value in ((NOW, str(t.members) if t.id is not None else '—'), (AFTER, '')):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemIsEnabled)
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.table.setItem(row, col, item)

    def add_row(self) -> None:
        top = self.rules()[-1] if self.table.rowCount() else None
        spent = (top.min_spent * 2 if top and top.min_spent else 1000_00)
        self._append(TierInfo(None, self.tr('新等级'), self.table.rowCount(), spent,
                              top.min_orders if top else 0, top.discount if top else 100))
        self.table.setCurrentCell(self.table.rowCount() - 1, NAME)
        self._edited()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._edited()

    def set_cell(self, row: int, column: int, value) -> None:
        """Set one value as if typed (tests and keyboard helpers)."""
        if column == NAME:
            self.table.item(row, NAME).setText(value)
        elif column == BOTH:
            self.table.cellWidget(row, BOTH).findChild(QCheckBox).setChecked(bool(value))
        else:
            self.table.cellWidget(row, column).setValue(int(value))

    def rules(self) -> list[TierInfo]:
        """The rules as edited (not validated)."""
        out = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME)
            out.append(TierInfo(
                name.data(_ID_ROLE), name.text(), row,
                self.table.cellWidget(row, SPENT).value() * 100,
                self.table.cellWidget(row, ORDERS).value(),
                self.table.cellWidget(row, DISCOUNT).value(),
                name.data(_COLOR_ROLE) or '',
                self.table.cellWidget(row, BOTH).findChild(QCheckBox).isChecked()))
        return out

    def preview_counts(self) -> dict[str, str]:
        return {self.table.item(r, NAME).text().strip(): self.table.item(r, AFTER).text()
                for r in range(self.table.rowCount())}

    # --- preview and save ---------------------------------------------------------
    def _edited(self, *_) -> None:
        if not self._loading:
            self._schedule()

    def _schedule(self) -> None:
        self._generation += 1
        self._debounce.start()

    def _start_preview(self) -> None:
        proposed = self.rules()
        try:
            tiers.validate(proposed)
        except UserError as e:
            self._show_preview({})
            self._show_message(str(e), error=True)
            return
        self._show_message('')
        generation = self._generation
        task = BackgroundTask(lambda _p, _c: tiers.preview(proposed), self, show_progress=False)
        task.finished.connect(lambda counts: self._preview_done(generation, counts))
        task.failed.connect(lambda message: self._show_message(message, error=True))
        self._preview_task = task.start()

    def _preview_done(self, generation: int, counts: dict) -> None:
        if generation == self._generation:      # an older preview for rules since edited
            self._show_preview(counts)

    def _show_preview(self, counts: dict) -> None:
        for row in range(self.table.rowCount()):
            value = counts.get(self.table.item(row, NAME).text().strip())
            self.table.item(row, AFTER).setText('' if value is None else str(value))

    def save(self) -> bool:
        """Validate here (message shown inline), then save and reassign in the background."""
        proposed = self.rules()
        try:
            tiers.validate(proposed)
        except UserError as e:
            self._show_message(str(e), error=True)
            return False
        self.setEnabled(False)
        task = BackgroundTask(lambda _p, _c: tiers.save_tiers(proposed), self,
                              self.tr('正在重新分配会员等级…'), cancellable=False)
        task.finished.connect(self._saved)
        task.failed.connect(self._save_failed)
        self._save_task = task.start()
        return True

    def _saved(self, moved: int) -> None:
        self.setEnabled(True)
        self.load()
        self._show_message(self.tr('已保存，{0} 位会员的等级有变动。').format(moved))
        self.saved.emit(moved)

    def _save_failed(self, message: str) -> None:
        self.setEnabled(True)
        self._show_message(message, error=True)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
        self.message.setVisible(bool(text))
