"""Mark reminders done: how the customer was reached, what came of it, a note."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QPlainTextEdit, QVBoxLayout)

from ..labels import channel_name
from ..widgets.reminder_labels import CHANNELS


class ReminderDoneDialog(QDialog):
    """values() -> (channel code, result, note) once accepted."""

    def __init__(self, count: int, with_customers: bool = True, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('完成提醒'))
        intro = QLabel(self.tr('把选中的 {0} 条提醒标记为已完成。').format(count) + (
            self.tr('每位顾客的联系记录里会记下这次联系。') if with_customers else ''))
        intro.setWordWrap(True)
        self.channel = QComboBox()
        for code in CHANNELS:
            self.channel.addItem(channel_name(code), code)
        self.result = QComboBox()
        self.result.setEditable(True)
        self.result.addItems([self.tr('已接通'), self.tr('已回复'), self.tr('已发送'),
                              self.tr('未接通'), self.tr('没有意向'), self.tr('已下单')])
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr('如 送了 10 元券，下周再联系'))
        self.note.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr('联系方式'), self.channel)
        form.addRow(self.tr('结果'), self.result)
        form.addRow(self.tr('备注'), self.note)
        for w in (self.channel, self.result):
            w.setEnabled(with_customers)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr('完成'))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def values(self) -> tuple[str, str, str]:
        return (self.channel.currentData(), self.result.currentText().strip(),
                self.note.toPlainText().strip())
