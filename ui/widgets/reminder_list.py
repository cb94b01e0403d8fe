"""A list of reminders grouped by kind, with what the owner does about them.

Done (with a contact-log entry), snooze, skip, reopen, and export of the whole
list or one kind of it (a call list, a birthday list). Marks are single small
writes, so they run here; exports go to the background.
"""
from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QMenu,
                               QMessageBox, QPushButton, QTreeView, QVBoxLayout, QWidget)

from services import reminders
from services.errors import UserError
from services.privacy import mask_phone

from .. import formatting
from ..labels import platform_name
from ..tasks import BackgroundTask
from .reminder_labels import kind_name, optout_note
from .reminder_tree_model import COLUMNS, DATE_COLUMN, ReminderTreeModel


def sheet_filter() -> str:
    return QCoreApplication.translate('ReminderList', 'Excel 表格 (*.xlsx);;CSV UTF-8 (*.csv)')


class ReminderList(QWidget):
    """Emits `changed` after reminders were marked, so other views can reload."""
    changed = Signal()

    def __init__(self, export_stem: str, keep_marked: bool = False, show_dates: bool = True,
                 parent=None):
        super().__init__(parent)
        self._stem = export_stem
        self.keep_marked = keep_marked      # show marked ones with their state, or drop them
        self._today = date.today()
        self._export_task = None
        self.model = ReminderTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName('reminderTree')
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        for i, column in enumerate(COLUMNS):
            self.tree.setColumnWidth(i, column[2])
        self.tree.setColumnHidden(DATE_COLUMN, not show_dates)     # a day's list: one date
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.selectionModel().currentChanged.connect(self._show_facts)

        self.done_button = QPushButton(self.tr('完成…'))
        self.done_button.setToolTip(self.tr('记下联系结果，提醒从列表里消失'))
        self.snooze_button = QPushButton(self.tr('推迟'))
        self.skip_button = QPushButton(self.tr('跳过'))
        self.skip_button.setToolTip(self.tr('这次不需要联系，不再提醒'))
        self.reopen_button = QPushButton(self.tr('撤销标记'))
        self.export_button = QPushButton(self.tr('导出…'))
        self.done_button.clicked.connect(self.done_selected)
        self.skip_button.clicked.connect(self.skip_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        menu = QMenu(self)
        for days, text in ((1, self.tr('明天')), (3, self.tr('3 天后')), (7, self.tr('一周后'))):
            menu.addAction(text, lambda _=False, d=days:
                           self.snooze_selected(self._today + timedelta(days=d)))
        menu.addAction(self.tr('选择日期…'), self.snooze_to_chosen_day)
        self.snooze_button.setMenu(menu)
        self.export_menu = QMenu(self)
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        self.export_button.setMenu(self.export_menu)
        bar = QHBoxLayout()
        for b in (self.done_button, self.snooze_button, self.skip_button, self.reopen_button):
            bar.addWidget(b)
        bar.addStretch()
        bar.addWidget(self.export_button)
        self.facts = QLabel()
        self.facts.setObjectName('reminderFacts')
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.RichText)
        self.facts.setMinimumHeight(40)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.facts)
        self._selection_changed()

    # --- content --------------------------------------------------------------------------
    def set_reminders(self, items: list, today: date, expand: bool = True) -> None:
        self._today = today
        self.model.set_reminders(items, today)
        if expand:
            # Expanding a 20,000-row group is cheap: the view lays out visible rows only.
            self.tree.expandAll()
        self._selection_changed()
        self._show_facts()

    def selected(self) -> list:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.reminders_at(rows)

    def _selection_changed(self, *_) -> None:
        chosen = self.selected()
        open_ = [r for r in chosen if r.state in ('', 'snoozed')]
        for b in (self.done_button, self.snooze_button, self.skip_button):
            b.setEnabled(bool(open_))
        self.reopen_button.setEnabled(any(r.state for r in chosen))
        self.export_button.setEnabled(self.model.count() > 0)

    def _show_facts(self, *_) -> None:
        r = self.model.reminder(self.tree.currentIndex())
        self.facts.setText(facts_html(r) if r else '')

    # --- marks --------------------------------------------------------------------------------
    def done_selected(self) -> None:
        from ..dialogs.reminder_done_dialog import ReminderDoneDialog
        chosen = [r for r in self.selected() if r.state in ('', 'snoozed')]
        if not chosen:
            return
        dialog = ReminderDoneDialog(len(chosen), any(r.customer_id for r in chosen), self)
        if dialog.exec() != ReminderDoneDialog.Accepted:
            return
        channel, result, note = dialog.values()
        self._mark(lambda: reminders.mark_done(chosen, channel, result, note), chosen, 'done')

    def skip_selected(self) -> None:
        chosen = [r for r in self.selected() if r.state in ('', 'snoozed')]
        if chosen:
            self._mark(lambda: reminders.skip(chosen), chosen, 'skipped')

    def snooze_selected(self, until: date) -> None:
        chosen = [r for r in self.selected() if r.state in ('', 'snoozed')]
        if chosen:
            self._mark(lambda: reminders.snooze(chosen, until), chosen, 'snoozed', until)

    def snooze_to_chosen_day(self) -> None:
        from ..dialogs.reminder_snooze_dialog import ReminderSnoozeDialog
        chosen = [r for r in self.selected() if r.state in ('', 'snoozed')]
        if not chosen:
            return
        latest = min(reminders.snooze_limit(r) for r in chosen)
        if latest <= self._today:
            QMessageBox.information(self, self.tr('推迟提醒'),
                                    self.tr('这些提醒已过期太久，不能再推迟，请完成或跳过。'))
            return
        dialog = ReminderSnoozeDialog(self._today, latest, self)
        if dialog.exec() == ReminderSnoozeDialog.Accepted:
            self.snooze_selected(dialog.value())

    def reopen_selected(self) -> None:
        chosen = [r for r in self.selected() if r.state]
        if chosen:
            self._mark(lambda: reminders.reopen(chosen), chosen, '')

    def _mark(self, work, chosen: list, state: str, until: date | None = None) -> None:
        try:
            work()
        except UserError as e:
            QMessageBox.warning(self, self.tr('提醒'), str(e))
            return
        # Show the result at once; the page reloads the lists in the background anyway.
        marked = {id(r) for r in chosen}
        for r in chosen:
            r.state, r.until = state, until
        items = self.model.reminders()
        if not self.keep_marked:
            items = [r for r in items if id(r) not in marked
                     or (state == 'snoozed' and until <= self._today) or not state]
        self.set_reminders(items, self._today)
        self.changed.emit()

    # --- export -------------------------------------------------------------------------------
    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        self.export_menu.addAction(self.tr('导出整个列表…'), lambda _=False: self.export(None))
        for kind, n in self.model.counts().items():
            self.export_menu.addAction(self.tr('导出{0}名单（{1} 条）…').format(kind_name(kind), n),
                                       lambda _=False, k=kind: self.export(k))

    def export(self, kind: str | None, path: str | None = None,
               masked: bool = True) -> BackgroundTask | None:
        """Buyers who opted out of a kind's channel are left out (and counted); phones
        are masked unless the owner ticks 导出完整手机号."""
        from services.reminders.export import export_reminder_list
        items = [r for r in self.model.reminders() if kind is None or r.kind == kind]
        if not items:
            return None
        if path is None:
            from ..dialogs.export_dialog import ask_options
            name = f'{self._stem}-{kind_name(kind)}' if kind else self._stem
            path, _ = QFileDialog.getSaveFileName(self, self.tr('导出到'), f'{name}.xlsx',
                                                  sheet_filter())
            if not path:
                return None
            full = ask_options(self, self.tr('导出到'), path,
                               self.tr('已退订短信的顾客不导出生日、复购、唤醒名单，'
                                       '已退订电话的顾客不导出回访名单。'))
            if full is None:
                return None
            masked = not full
        task = BackgroundTask(lambda progress, cancelled: export_reminder_list(
            path, items, progress, cancelled, masked), self, self.tr('正在导出…'))
        task.finished.connect(lambda r: QMessageBox.information(
            self, self.tr('导出完成'), self._exported_text(r, path)))
        task.failed.connect(lambda m: QMessageBox.warning(self, self.tr('导出失败'), m))
        self._export_task = task
        return task.start()

    def _exported_text(self, r, path: str) -> str:
        text = self.tr('已导出 {0} 行到\n{1}').format(f'{r.written:,}', path)
        if r.left_out.get('sms'):
            text += self.tr('\n{0} 条因顾客已退订短信没有导出').format(r.left_out['sms'])
        if r.left_out.get('phone'):
            text += self.tr('\n{0} 条因顾客已退订电话没有导出').format(r.left_out['phone'])
        return text


def facts_html(r) -> str:
    """The key facts of a reminder's customer, one short paragraph."""
    if r.customer_id is None:
        return f'<b>{escape(r.name)}</b>　{escape(r.reason)}'
    parts = [f'<b>{escape(r.name or r.nick)}</b>', escape(r.nick)]
    if r.platform:
        parts.append(escape(platform_name(r.platform)))
    if r.tier:
        parts.append(escape(r.tier))
    parts.append(QCoreApplication.translate('ReminderList', '成交 {0} 次，累计 {1}')
                 .format(r.order_count, formatting.yuan(r.total_spent)))
    if r.last_order_at:
        parts.append(QCoreApplication.translate('ReminderList', '最后成交 {0}')
                     .format(formatting.day(r.last_order_at)))
    if r.phone:
        parts.append(QCoreApplication.translate('ReminderList', '手机 {0}')
                     .format(escape(mask_phone(r.phone))))
    if r.wechat:
        parts.append(QCoreApplication.translate('ReminderList', '微信 {0}')
                     .format(escape(r.wechat)))
    return ' · '.join(parts) + f'<br>{escape(r.reason + optout_note(r))}'
