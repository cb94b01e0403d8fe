"""The owner's own customer fields (肤质, 风格, 宝宝生日 ...)."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QMessageBox, QPushButton,
                               QVBoxLayout)

from services import custom_fields
from services.errors import UserError


class CustomFieldsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('自定义字段'))
        self.list = QListWidget()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr('如 肤质、风格、宝宝生日'))
        self.kind = QComboBox()
        for code, label in (('text', self.tr('文字')), ('number', self.tr('数字')),
                            ('date', self.tr('日期')), ('choice', self.tr('选项'))):
            self.kind.addItem(label, code)
        self.choices = QLineEdit()
        self.choices.setPlaceholderText(self.tr('选项用逗号分开，如 干性,油性,混合性'))
        self.add_button = QPushButton(self.tr('添加字段'))
        self.remove_button = QPushButton(self.tr('删除所选字段'))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        form = QFormLayout()
        form.addRow(self.tr('字段名'), self.name)
        form.addRow(self.tr('类型'), self.kind)
        form.addRow(self.tr('选项'), self.choices)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        hint = QLabel(self.tr('字段会出现在每位顾客的资料里，也会作为会员表的列导出和导入。'
                              '删除字段不会清掉顾客已填的内容。'))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(440, 420)
        self.reload()

    def reload(self) -> None:
        self._fields = custom_fields.list_fields()
        self.list.clear()
        for f in self._fields:
            extra = self.tr('（{0}）').format(self.tr('、').join(f.choices)) if f.choices else ''
            self.list.addItem(f'{f.name} · {self.kind.itemText(self.kind.findData(f.kind))}{extra}')

    def add(self) -> None:
        choices = [c.strip() for c in self.choices.text().replace('，', ',').split(',') if c.strip()]
        try:
            custom_fields.add_field(self.name.text(), self.kind.currentData(), choices)
        except UserError as e:
            QMessageBox.warning(self, self.tr('自定义字段'), str(e))
            return
        self.name.clear()
        self.choices.clear()
        self.reload()

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._fields):
            custom_fields.remove_field(self._fields[row].id)
            self.reload()
