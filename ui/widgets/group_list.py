"""The list of groups on the 社群 page: name, kind, app and member count."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from services.groups import GroupInfo

from .group_labels import app_name


class GroupListPanel(QWidget):
    """Emits `current_changed(GroupInfo | None)`; the page wires the buttons."""
    current_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[GroupInfo] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName('groupTable')
        self.table.setHorizontalHeaderLabels([self.tr('群名'), self.tr('类型'), self.tr('应用'),
                                              self.tr('人数')])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.new_button = QPushButton(self.tr('新建群'))
        self.edit_button = QPushButton(self.tr('编辑'))
        self.delete_button = QPushButton(self.tr('删除'))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._selection_changed()

    def set_groups(self, groups: list[GroupInfo], select: int | None = None) -> None:
        """Fill the list; `select` (default: the current group) stays selected."""
        if select is None and self.current() is not None:
            select = self.current().id
        self._groups = list(groups)
        self.table.blockSignals(True)
        self.table.setRowCount(len(groups))
        for r, g in enumerate(groups):
            values = (g.name, g.kind, app_name(g.app), f'{g.members:,}')
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 0 and g.note:
                    item.setToolTip(g.note)
                if c == 3:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        rows = [i for i, g in enumerate(groups) if g.id == select]
        row = rows[0] if rows else (0 if groups else -1)
        self.table.clearSelection()
        if row >= 0:
            self.table.selectRow(row)
        self.table.blockSignals(False)
        self._selection_changed()

    def groups(self) -> list[GroupInfo]:
        return list(self._groups)

    def current(self) -> GroupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._groups):
            return None
        return self._groups[rows[0].row()]

    def select(self, group_id: int) -> None:
        for r, g in enumerate(self._groups):
            if g.id == group_id:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        g = self.current()
        self.edit_button.setEnabled(g is not None)
        self.delete_button.setEnabled(g is not None)
        self.current_changed.emit(g)
