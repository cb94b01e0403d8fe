"""添加成员…: find customers by name and add them to one group."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QVBoxLayout)

from services import groups
from services.errors import UserError

from ..widgets.group_customer_picker import CustomerPicker
from ..widgets.group_labels import role_name


class GroupAddDialog(QDialog):
    """`added` holds how many joined after OK."""

    def __init__(self, group_id: int, group_name: str, parent=None):
        super().__init__(parent)
        self.group_id = group_id
        self.added = 0
        self.setWindowTitle(self.tr('添加成员到“{0}”').format(group_name))
        self.picker = CustomerPicker(multiple=True)
        self.role = QComboBox()
        for code in ('member', 'admin'):
            self.role.addItem(role_name(code), code)
        self.joined = QDateEdit(QDate.currentDate())
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat('yyyy-MM-dd')
        self.joined.setMaximumDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr('角色'), self.role)
        form.addRow(self.tr('入群日期'), self.joined)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet('color: #c0392b;')
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr('加入'))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.picker.selection_changed.connect(self._selection_changed)
        self.picker.activated.connect(lambda _id: self.save())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr('可按住 Ctrl 或 Shift 多选；从“会员”页也可以选中一批顾客后点“加入群…”。')))
        layout.addWidget(self.picker, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 480)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.picker.selected_ids()))

    def save(self) -> None:
        ids = self.picker.selected_ids()
        if not ids:
            return
        try:
            self.added = groups.add_members(self.group_id, ids, self.role.currentData(),
                                            self.joined.date().toPython())
        except UserError as e:
            self.error.setText(str(e))
            return
        self.accept()
