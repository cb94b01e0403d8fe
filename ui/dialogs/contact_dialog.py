"""Record one contact with a customer: a call, a 旺旺 chat, a WeChat message."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QPlainTextEdit, QVBoxLayout)

from services import customers

from ..labels import channel_codes, channel_name


class ContactDialog(QDialog):
    def __init__(self, customer_id: int, parent=None):
        super().__init__(parent)
        self.customer_id = customer_id
        self.setWindowTitle(self.tr('记录联系'))
        self.channel = QComboBox()
        for code in channel_codes():
            self.channel.addItem(channel_name(code), code)
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems([self.tr('回访'), self.tr('生日祝福'), self.tr('复购提醒'),
                               self.tr('唤醒'), self.tr('售后'), self.tr('其他')])
        self.result = QLineEdit()
        self.result.setPlaceholderText(self.tr('如 已接通、未接、已回复'))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr('方式'), self.channel)
        form.addRow(self.tr('事由'), self.purpose)
        form.addRow(self.tr('结果'), self.result)
        form.addRow(self.tr('备注'), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def save(self) -> None:
        customers.add_contact(self.customer_id, self.channel.currentData(),
                              self.purpose.currentText().strip(), self.result.text().strip(),
                              self.note.toPlainText().strip())
        self.accept()
