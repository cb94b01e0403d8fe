"""Batch actions of the member page: tag, delete, restore, purge, merge.

A mixin of MembersPage: it uses the page's table, model, status line and
`_changed()`; every change runs off the UI thread through `_write`.
"""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

from services import customers, tags
from services.errors import UserError

from ..dialogs.tag_dialog import BatchTagDialog
from ..tasks import BackgroundTask


class MemberActions:
    def tag_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.model.current_filter().deleted:
            return
        dialog = BatchTagDialog(tags.list_tags(), len(ids), self)
        if not dialog.exec():
            return
        name = dialog.tag_name()
        if dialog.removing():
            known = {t.name: t.id for t in tags.list_tags()}
            if name not in known:
                return
            message = self.tr('已从 {0} 位顾客去掉标签“{1}”')
            work = lambda: tags.untag_customers(ids, known[name])  # noqa: E731
        else:
            message = self.tr('已给 {0} 位顾客加上标签“{1}”')
            work = lambda: tags.tag_customers(ids, tags.get_or_create_tag(name))  # noqa: E731
        self._write(work, self.tr('批量打标签'),
                    lambda n: self.status.setText(message.format(f'{n:,}', name)))

    def join_group_selected(self) -> None:
        """加入群…: the selected customers join a WeChat/QQ group (those in it stay as
        they are)."""
        from services import groups
        from ..dialogs.group_join_dialog import GroupJoinDialog
        ids = self.selected_ids()
        if not ids or self.model.current_filter().deleted:
            return
        dialog = GroupJoinDialog(len(ids), self)
        if not dialog.exec() or dialog.group_id() is None:
            return
        group_id, role, joined = dialog.group_id(), dialog.role_code(), dialog.joined_at()
        name = dialog.group_name()
        self._write(lambda: groups.add_members(group_id, ids, role, joined),
                    self.tr('加入群'), lambda n: self.status.setText(
                        self.tr('{0} 位顾客加入了“{1}”（已在群里的 {2} 位不变）').format(
                            f'{n:,}', name, f'{len(ids) - n:,}')))

    def _join_group_button(self) -> QPushButton:
        """The 加入群… button: enabled with a selection, hidden in the recycle bin."""
        button = QPushButton(self.tr('加入群…'))
        button.setObjectName('joinGroupButton')
        button.setToolTip(self.tr('把选中的顾客加入微信群/QQ群名册'))
        button.clicked.connect(self.join_group_selected)

        def update(*_):
            button.setEnabled(self.selected_count() > 0)
            button.setVisible(not self.model.current_filter().deleted)
        self.table.selectionModel().selectionChanged.connect(update)
        self.model.modelReset.connect(update)
        update()
        return button

    def _write(self, work, title: str, then=None) -> None:
        """Run a change off the UI thread: a whole-shop selection can be 1M rows.

        The page is disabled meanwhile; a progress note shows after half a second.
        """
        self.setEnabled(False)
        task = BackgroundTask(lambda progress, cancelled: work(), self, title,
                              cancellable=False)

        def done(result):
            self.setEnabled(True)
            self._changed()
            if then is not None:
                then(result)

        def failed(message):
            self.setEnabled(True)
            QMessageBox.warning(self, title, message)
            self._changed()
        task.finished.connect(done)
        task.failed.connect(failed)
        self._task = task.start()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.model.current_filter().deleted:
            return
        answer = QMessageBox.question(
            self, self.tr('删除顾客'),
            self.tr('把选中的 {0} 位顾客移到回收站？订单和记录都会保留，可随时恢复。').format(
                f'{len(ids):,}'))
        if answer == QMessageBox.Yes:
            self._write(lambda: customers.delete_customers(ids), self.tr('删除顾客'))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._write(lambda: customers.restore_customers(ids), self.tr('恢复'))

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.warning(
            self, self.tr('彻底删除'),
            self.tr('彻底删除 {0} 位顾客及其订单和记录？此操作不能撤销。').format(f'{len(ids):,}'),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer == QMessageBox.Yes:
            self._write(lambda: customers.purge_customers(ids), self.tr('彻底删除'))

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            return
        if len(ids) > 20:
            QMessageBox.information(self, self.tr('合并重复顾客'),
                                    self.tr('一次最多合并 20 位顾客，请少选一些。'))
            return
        rows = [customers.get_customer(i, max_orders=0) for i in ids]
        labels = [self.tr('{0}（{1}，{2} 单）').format(d.profile.nick, d.profile.name or '-',
                                                    d.order_count) for d in rows]
        choice, ok = QInputDialog.getItem(
            self, self.tr('合并重复顾客'),
            self.tr('保留哪一位？其余顾客的订单、标签、积分和联系记录都会并入这一位。'),
            labels, 0, False)
        if not ok:
            return
        target = rows[labels.index(choice)].id
        try:
            customers.merge_customers([i for i in ids if i != target], target)
        except UserError as e:
            QMessageBox.warning(self, self.tr('合并重复顾客'), str(e))
            return
        self._changed()
        self._show_customer(target)
