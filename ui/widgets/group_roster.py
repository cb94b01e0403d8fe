"""One group's roster on the 社群 page: who is in it, as what, since when."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from services.groups import GroupInfo, MemberLine

from .group_labels import app_name
from .group_member_model import COLUMNS, ID_ROLE, SORT_ROLE, GroupMemberModel

ROLE_COLUMN = [c[0] for c in COLUMNS].index('role')


class GroupRosterPanel(QWidget):
    """The page wires the buttons; `selection_changed` after the picked members change."""
    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._group: GroupInfo | None = None
        self.title = QLabel()
        self.title.setObjectName('groupTitle')
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr('在群里查找 买家会员名 / 姓名 / 手机'))
        self.model = GroupMemberModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName('groupMembers')
        self.table.setModel(self.proxy)
        # By role: 群主 and 管理员 on top; the sort is stable, so the service's order
        # (join date, nick) holds within a role.
        self.table.horizontalHeader().setSortIndicator(ROLE_COLUMN, Qt.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr('添加成员…'))
        self.edit_button = QPushButton(self.tr('编辑成员…'))
        self.admin_button = QPushButton(self.tr('设为管理员'))
        self.member_button = QPushButton(self.tr('设为成员'))
        self.remove_button = QPushButton(self.tr('移出群'))
        self.import_button = QPushButton(self.tr('导入名册…'))
        self.export_button = QPushButton(self.tr('导出名册…'))
        self.import_button.setToolTip(self.tr('从 Excel/CSV 名册导入成员（按平台+买家会员名对应顾客）'))
        self.export_button.setToolTip(self.tr('把这个群的名册导出为 Excel 或 CSV'))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.admin_button, self.member_button,
                  self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.set_group(None, [])

    def group(self) -> GroupInfo | None:
        return self._group

    def set_group(self, group: GroupInfo | None, members: list[MemberLine]) -> None:
        """Show a group and its roster; the selection is kept for members still there."""
        keep = set(self.selected_ids()) if group and self._group and \
            group.id == self._group.id else set()
        self._group = group
        self.model.set_rows(members)
        if group is None:
            self.title.setText(self.tr('选择或新建一个群'))
            self.info.setText(self.tr('在左边新建微信群或QQ群，再从“会员”页选中顾客点“加入群…”，'
                                      '或在这里添加成员、导入名册。'))
        else:
            self.title.setText(group.name)
            parts = [self.tr('{0}群').format(app_name(group.app)), group.kind,
                     self.tr('{0} 人').format(f'{group.members:,}')]
            if group.owner:
                parts.append(self.tr('群主 {0}').format(group.owner))
            if group.note:
                parts.append(group.note)
            self.info.setText(' · '.join(p for p in parts if p))
        self.add_button.setEnabled(group is not None)
        self.import_button.setEnabled(group is not None)
        self.export_button.setEnabled(group is not None and bool(members))
        if keep:
            selection = self.table.selectionModel()
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(ID_ROLE) in keep:
                    selection.select(self.proxy.index(row, 0),
                                     QItemSelectionModel.Select | QItemSelectionModel.Rows)
        self._selection_changed()

    def selected_ids(self) -> list[int]:
        return [i.data(ID_ROLE) for i in self.table.selectionModel().selectedRows()]

    def current_line(self) -> MemberLine | None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.model.line(self.proxy.mapToSource(rows[0]).row())

    def _selection_changed(self, *_) -> None:
        n = len(self.selected_ids())
        for b in (self.admin_button, self.member_button, self.remove_button):
            b.setEnabled(n > 0)
        self.edit_button.setEnabled(n == 1)
        self.selection_changed.emit()
