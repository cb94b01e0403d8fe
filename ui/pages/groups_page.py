"""The 社群 page: WeChat/QQ groups, their rosters, and roster sheets in and out.

Groups are few and rosters small (a WeChat group holds 500), so changes run at once
on the UI thread; reading or writing a sheet runs in the background.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from services import groups
from services.errors import UserError

from ..tasks import BackgroundTask
from ..widgets.group_list import GroupListPanel
from ..widgets.group_roster import GroupRosterPanel


class GroupsPage(QWidget):
    """Emits `changed` after a change other pages may show (members, new buyers)."""
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._task = None
        heading = QLabel(self.tr('社群'))
        heading.setObjectName('pageHeading')
        self.kinds_button = QPushButton(self.tr('群类型…'))
        self.kinds_button.setToolTip(self.tr('淘客群、VIP群、晒单群……可以增删改名'))
        self.export_all_button = QPushButton(self.tr('导出全部名册…'))
        self.kinds_button.clicked.connect(self.edit_kinds)
        self.export_all_button.clicked.connect(lambda: self.export_roster(all_groups=True))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch()
        top.addWidget(self.export_all_button)
        top.addWidget(self.kinds_button)
        self.list = GroupListPanel()
        self.roster = GroupRosterPanel()
        self.list.current_changed.connect(self._group_changed)
        self.list.new_button.clicked.connect(self.new_group)
        self.list.edit_button.clicked.connect(self.edit_group)
        self.list.delete_button.clicked.connect(self.delete_group)
        self.list.table.doubleClicked.connect(lambda _: self.edit_group())
        r = self.roster
        r.add_button.clicked.connect(self.add_members)
        r.edit_button.clicked.connect(self.edit_member)
        r.table.doubleClicked.connect(lambda _: self.edit_member())
        r.admin_button.clicked.connect(lambda: self.set_role(groups.ADMIN))
        r.member_button.clicked.connect(lambda: self.set_role(groups.MEMBER))
        r.remove_button.clicked.connect(self.remove_members)
        r.import_button.clicked.connect(self.import_roster)
        r.export_button.clicked.connect(lambda: self.export_roster(all_groups=False))
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.roster)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.reload()

    # --- loading ----------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Reload the groups and the shown roster (customers may have changed elsewhere)."""
        all_groups = groups.list_groups()
        self.export_all_button.setEnabled(any(g.members for g in all_groups))
        self.list.set_groups(all_groups, select)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def _group_changed(self, group) -> None:
        self.roster.set_group(group, groups.list_members(group.id) if group else [])

    def _after_change(self, select: int | None = None) -> None:
        self.reload(select)
        self.changed.emit()

    def _try(self, title: str, work) -> bool:
        try:
            work()
        except UserError as e:
            QMessageBox.warning(self, title, str(e))
            self.reload()
            return False
        return True

    # --- groups -----------------------------------------------------------------------
    def new_group(self) -> None:
        from ..dialogs.group_dialog import GroupDialog
        dialog = GroupDialog(self)
        if dialog.exec():
            self._after_change(dialog.group_id)

    def edit_group(self) -> None:
        from ..dialogs.group_dialog import GroupDialog
        g = self.list.current()
        if g is not None and GroupDialog(self, g).exec():
            self._after_change(g.id)

    def delete_group(self) -> None:
        g = self.list.current()
        if g is None:
            return
        answer = QMessageBox.question(
            self, self.tr('删除群'),
            self.tr('删除“{0}”和它的名册（{1} 人）？顾客本身不会被删除。').format(g.name, g.members))
        if answer == QMessageBox.Yes and self._try(self.tr('删除群'),
                                                   lambda: groups.delete_group(g.id)):
            self._after_change()

    def edit_kinds(self) -> None:
        from ..dialogs.group_kinds_dialog import GroupKindsDialog
        dialog = GroupKindsDialog(self)
        dialog.exec()
        if dialog.changed:
            self.reload()

    # --- members ----------------------------------------------------------------------
    def add_members(self) -> None:
        from ..dialogs.group_add_dialog import GroupAddDialog
        g = self.roster.group()
        if g is not None and GroupAddDialog(g.id, g.name, self).exec():
            self._after_change(g.id)

    def edit_member(self) -> None:
        from ..dialogs.group_member_dialog import GroupMemberDialog
        g, line = self.roster.group(), self.roster.current_line()
        if g is not None and line is not None and GroupMemberDialog(g.id, line, self).exec():
            self._after_change(g.id)

    def set_role(self, role: str) -> None:
        g, ids = self.roster.group(), self.roster.selected_ids()
        if g is not None and ids and self._try(self.tr('设置角色'),
                                               lambda: groups.set_role(g.id, ids, role)):
            self._after_change(g.id)

    def remove_members(self) -> None:
        g, ids = self.roster.group(), self.roster.selected_ids()
        if g is None or not ids:
            return
        answer = QMessageBox.question(
            self, self.tr('移出群'),
            self.tr('把选中的 {0} 位顾客移出“{1}”？').format(len(ids), g.name))
        if answer == QMessageBox.Yes and self._try(self.tr('移出群'),
                                                   lambda: groups.remove_members(g.id, ids)):
            self._after_change(g.id)

    # --- sheets -----------------------------------------------------------------------
    def import_roster(self) -> None:
        from ..dialogs.group_import_dialog import GroupImportDialog
        g = self.roster.group()
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr('选择群名册'), '', self.tr('表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)'))
        if not path:
            return
        dialog = GroupImportDialog(path, g.id if g else None, self)
        dialog.imported.connect(lambda: self._after_change(g.id if g else None))
        dialog.exec()

    def export_roster(self, all_groups: bool) -> None:
        from .files_page import sheet_filter
        g = self.roster.group()
        if not all_groups and g is None:
            return
        # A group name may hold characters a file name cannot (a / in 宝妈/奶粉群).
        name = '' if all_groups else ''.join('_' if c in '\\/:*?"<>|' else c for c in g.name)
        default = self.tr('全部群名册.xlsx') if all_groups else self.tr('{0}名册.xlsx').format(name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr('导出群名册'), default, sheet_filter())
        if not path:
            return
        from ..dialogs.export_dialog import ask_options
        full = ask_options(self, self.tr('导出群名册'), path)
        if full is not None:
            self.run_export(path, None if all_groups else [g.id], masked=not full)

    def run_export(self, path: str, group_ids: list[int] | None,
                   masked: bool = True) -> BackgroundTask:
        task = BackgroundTask(
            lambda progress, cancelled: groups.export_roster(path, group_ids, progress, cancelled,
                                                             masked),
            self, self.tr('正在导出名册…'))
        task.finished.connect(lambda n: QMessageBox.information(
            self, self.tr('导出完成'), self.tr('已导出 {0} 行到\n{1}').format(f'{n:,}', path)))
        task.failed.connect(lambda m: QMessageBox.warning(self, self.tr('导出失败'), m))
        self._task = task.start()
        return self._task
