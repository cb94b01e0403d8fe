"""Choose a tag to put on, or take off, the selected customers."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QRadioButton, QVBoxLayout, QHBoxLayout)

from services.tags import TagInfo


class BatchTagDialog(QDialog):
    """`tag_name()` is an existing or a new tag; `removing()` says which way."""

    def __init__(self, tags: list[TagInfo], count: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('批量打标签'))
        self.tag = QComboBox()
        self.tag.setEditable(True)
        self.tag.lineEdit().setPlaceholderText(self.tr('选择已有标签或输入新标签'))
        self.tag.addItems([t.name for t in tags])
        self.tag.setCurrentIndex(-1)
        self.add = QRadioButton(self.tr('加上标签'))
        self.remove = QRadioButton(self.tr('去掉标签'))
        self.add.setChecked(True)
        ways = QHBoxLayout()
        ways.addWidget(self.add)
        ways.addWidget(self.remove)
        ways.addStretch()
        form = QFormLayout()
        form.addRow(QLabel(self.tr('已选 {0} 位顾客').format(count)))
        form.addRow(self.tr('标签'), self.tag)
        form.addRow(self.tr('操作'), ways)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setObjectName('formError')
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def tag_name(self) -> str:
        return self.tag.currentText().strip()

    def removing(self) -> bool:
        return self.remove.isChecked()

    def _accept(self) -> None:
        if not self.tag_name():
            self.error.setText(self.tr('请选择或输入一个标签'))
            return
        self.accept()
