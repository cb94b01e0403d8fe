"""Edit one member of a group: role, join date and note."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QVBoxLayout)

from services import groups
from services.errors import UserError
from services.groups import MemberLine

from ..widgets.group_labels import role_codes, role_name


class GroupMemberDialog(QDialog):
    def __init__(self, group_id: int, member: MemberLine, parent=None):
        super().__init__(parent)
        self.group_id, self.member = group_id, member
        self.setWindowTitle(self.tr('群成员：{0}').format(member.nick))
        self.role = QComboBox()
        for code in role_codes():
            self.role.addItem(role_name(code), code)
        self.role.setCurrentIndex(max(0, self.role.findData(member.role)))
        self.joined = QDateEdit()
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat('yyyy-MM-dd')
        self.joined.setMaximumDate(QDate.currentDate())
        self.joined.setDate(QDate(member.joined_at or date.today()))
        self.note = QLineEdit(member.note)
        self.note.setMaxLength(500)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet('color: #c0392b;')
        form = QFormLayout()
        form.addRow(self.tr('角色'), self.role)
        form.addRow(self.tr('入群日期'), self.joined)
        form.addRow(self.tr('备注'), self.note)
        hint = QLabel(self.tr('设为群主后，原来的群主会变成普通成员。'))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def save(self) -> None:
        try:
            groups.update_member(self.group_id, self.member.customer_id, self.role.currentData(),
                                 self.joined.date().toPython(), self.note.text())
        except UserError as e:
            self.error.setText(str(e))
            return
        self.accept()
