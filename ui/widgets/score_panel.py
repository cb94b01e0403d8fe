"""One customer's scores explained, their tier history and a hand-set tier."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from services import customers, scoring, tiers
from services.errors import UserError

from .. import formatting

_REASONS = {'rule': QT_TRANSLATE_NOOP('ScorePanel', '按规则'),
            'manual': QT_TRANSLATE_NOOP('ScorePanel', '手动'),
            'import': QT_TRANSLATE_NOOP('ScorePanel', '导入')}
_AUTO = -1


class ScorePanel(QWidget):
    """Loads when shown (the detail panel changes customer on every click).

    Emits `changed(customer_id)` after the owner set or released a tier."""
    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._customer: int | None = None
        self._tier_id: int | None = None
        self._locked = False
        self._dirty = False
        self.lines = QWidget()
        self.lines_layout = QVBoxLayout(self.lines)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.tier_label = QLabel()
        self.tier_label.setWordWrap(True)
        self.tier_combo = QComboBox()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr('备注（可不填）'))
        self.apply_button = QPushButton(self.tr('设定等级'))
        self.apply_button.clicked.connect(self.apply_override)
        self.message = QLabel()
        self.message.setWordWrap(True)
        tier_box = QGroupBox(self.tr('会员等级'))
        tier_lay = QVBoxLayout(tier_box)
        row = QHBoxLayout()
        row.addWidget(self.tier_combo, 1)
        row.addWidget(self.apply_button)
        tier_lay.addWidget(self.tier_label)
        tier_lay.addLayout(row)
        tier_lay.addWidget(self.note)
        tier_lay.addWidget(self.message)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(
            [self.tr('时间'), self.tr('变动'), self.tr('方式'), self.tr('备注')])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMinimumHeight(120)
        tier_lay.addWidget(QLabel(self.tr('等级变动记录')))
        tier_lay.addWidget(self.history)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(self.lines)
        lay.addWidget(tier_box)
        lay.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def set_customer(self, customer_id: int | None, tier_id: int | None = None,
                     locked: bool = False) -> None:
        self._customer, self._tier_id, self._locked = customer_id, tier_id, locked
        self._dirty = True
        if self.isVisible():
            self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.load()

    def load(self) -> None:
        self._dirty = False
        self.message.clear()
        self._clear_lines()
        enabled = self._customer is not None
        for w in (self.tier_combo, self.apply_button, self.note):
            w.setEnabled(enabled)
        if not enabled:
            self.tier_label.clear()
            self.history.setRowCount(0)
            return
        for label, value, why in scoring.explain(self._customer).lines:
            self._add_line(label, value, why)
        self._show_tier()

    def line_texts(self) -> list[str]:
        """Every text the explanation shows (tests)."""
        return [w.text() for w in self.lines.findChildren(QLabel)]

    def _clear_lines(self) -> None:
        while self.lines_layout.count():
            item = self.lines_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)     # gone from findChildren at once
                widget.deleteLater()

    def _add_line(self, label: str, value: str, why: str) -> None:
        head = QLabel(f'<b>{label}</b>&nbsp;&nbsp;{value}')
        head.setTextFormat(Qt.RichText)
        text = QLabel(why)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        text.setStyleSheet('color: #555;')
        self.lines_layout.addWidget(head)
        self.lines_layout.addWidget(text)

    def _show_tier(self) -> None:
        names = {t.id: t.name for t in tiers.list_tiers()}
        name = names.get(self._tier_id, '—')
        self.tier_label.setText(
            self.tr('当前：{0}（手动指定，不随消费调整）').format(name) if self._locked
            else self.tr('当前：{0}（按规则自动调整）').format(name))
        self.tier_combo.clear()
        for tier_id, tier_name in names.items():
            self.tier_combo.addItem(tier_name, tier_id)
        self.tier_combo.addItem(self.tr('恢复自动'), _AUTO)
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(self._tier_id)))
        moves = tiers.changes(customer_id=self._customer, limit=200)
        self.history.setRowCount(len(moves))
        for r, m in enumerate(moves):
            arrow = {'up': '↑', 'down': '↓'}.get(m.upgrade, '→')
            values = [formatting.minute(m.at), f'{m.from_name} {arrow} {m.to_name}',
                      self.tr(_REASONS.get(m.reason, m.reason)), m.note]
            for c, v in enumerate(values):
                self.history.setItem(r, c, QTableWidgetItem(v))

    def select_tier(self, tier_id: int | None) -> None:
        """Choose a tier in the combo, None for 恢复自动 (tests and shortcuts)."""
        self.tier_combo.setCurrentIndex(self.tier_combo.findData(_AUTO if tier_id is None
                                                                 else tier_id))

    def apply_override(self) -> None:
        if self._customer is None:
            return
        data = self.tier_combo.currentData()
        try:
            tiers.set_override(self._customer, None if data == _AUTO else data,
                               self.note.text().strip())
            d = customers.get_customer(self._customer, max_orders=0)
        except UserError as e:
            self.message.setText(str(e))
            return
        self._tier_id, self._locked = d.tier_id, d.tier_locked
        self.note.clear()
        self._show_tier()
        self.message.setText(self.tr('已设定。') if self._locked else self.tr('已恢复自动等级。'))
        self.changed.emit(self._customer)
