"""Create or edit a WeChat/QQ group: name, kind, app and a note."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QVBoxLayout)

from services import groups
from services.errors import UserError
from services.groups import GroupFields, GroupInfo

from ..widgets.group_labels import app_codes, app_name


class GroupDialog(QDialog):
    """`group_id` holds the saved group's id after Save."""

    def __init__(self, parent=None, group: GroupInfo | None = None):
        super().__init__(parent)
        self.group_id = group.id if group else None
        self.setWindowTitle(self.tr('编辑群') if group else self.tr('新建群'))
        self.name = QLineEdit(group.name if group else '')
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr('例如：宝妈福利1群'))
        self.kind = QComboBox()
        self.kind.addItem(self.tr('（未分类）'), '')
        for k in groups.list_kinds():
            self.kind.addItem(k, k)
        if group and group.kind and self.kind.findData(group.kind) < 0:
            self.kind.addItem(group.kind, group.kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(group.kind if group else '')))
        self.app = QComboBox()
        for code in app_codes():
            self.app.addItem(app_name(code), code)
        self.app.setCurrentIndex(max(0, self.app.findData(group.app if group else 'wechat')))
        self.note = QPlainTextEdit(group.note if group else '')
        self.note.setPlaceholderText(self.tr('群规、发券时间、群二维码有效期等'))
        self.note.setFixedHeight(70)
        self.error = QLabel()
        self.error.setObjectName('groupError')
        self.error.setWordWrap(True)
        self.error.setStyleSheet('color: #c0392b;')
        form = QFormLayout()
        form.addRow(self.tr('群名'), self.name)
        form.addRow(self.tr('类型'), self.kind)
        form.addRow(self.tr('应用'), self.app)
        form.addRow(self.tr('备注'), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def fields(self) -> GroupFields:
        return GroupFields(self.name.text(), self.kind.currentData() or '',
                           self.app.currentData(), self.note.toPlainText())

    def save(self) -> None:
        try:
            if self.group_id is None:
                self.group_id = groups.create_group(self.fields())
            else:
                groups.update_group(self.group_id, self.fields())
        except UserError as e:
            self.error.setText(str(e))
            return
        self.accept()
