"""加入群…: put the customers selected in the member table into a group.

The dialog only asks which group, as what and since when; the caller adds them
(off the UI thread: a selection can be large)."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QPushButton, QVBoxLayout)

from services import groups

from ..widgets.group_labels import app_name, role_name


class GroupJoinDialog(QDialog):
    def __init__(self, count: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('加入群'))
        intro = QLabel(self.tr('把选中的 {0} 位顾客加入群。已在群里的顾客保持原来的角色和入群日期。')
                       .format(f'{count:,}'))
        intro.setWordWrap(True)
        self.group = QComboBox()
        self.group.setObjectName('joinGroup')
        self.new_button = QPushButton(self.tr('新建群…'))
        self.new_button.clicked.connect(self.new_group)
        row = QHBoxLayout()
        row.addWidget(self.group, 1)
        row.addWidget(self.new_button)
        self.role = QComboBox()
        codes = ['member', 'admin'] + (['owner'] if count == 1 else [])
        for code in codes:
            self.role.addItem(role_name(code), code)
        self.joined = QDateEdit(QDate.currentDate())
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat('yyyy-MM-dd')
        self.joined.setMaximumDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr('群'), row)
        form.addRow(self.tr('角色'), self.role)
        form.addRow(self.tr('入群日期'), self.joined)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.group.clear()
        self._names = {}
        for g in groups.list_groups():
            self._names[g.id] = g.name
            kind = f' · {g.kind}' if g.kind else ''
            self.group.addItem(self.tr('{0}（{1}{2} · {3}人）').format(
                g.name, app_name(g.app), kind, g.members), g.id)
        if select is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(select)))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(self.group.count() > 0)

    def new_group(self) -> None:
        from .group_dialog import GroupDialog
        dialog = GroupDialog(self)
        if dialog.exec():
            self.reload(dialog.group_id)

    def group_id(self) -> int | None:
        return self.group.currentData()

    def group_name(self) -> str:
        return self._names.get(self.group_id(), '')

    def role_code(self) -> str:
        return self.role.currentData()

    def joined_at(self):
        return self.joined.date().toPython()
