"""The 今日 tab: everything due today or overdue, grouped by kind, with its actions."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from services import reminders

from ..tasks import Runner
from ..widgets.reminder_labels import kind_name
from ..widgets.reminder_list import ReminderList


class Loader(Runner):
    """Runs one list computation at a time off the UI thread; a newer request wins and
    `done` gets its result."""

    def __init__(self, owner: QWidget, done):
        super().__init__(owner, QCoreApplication.translate('Loader', '提醒'))
        self.done = done

    def load(self, work, title: str = '') -> None:
        self.run(lambda _progress, _cancelled: work(), self.done, title, cancellable=False)


class TodayTab(QWidget):
    """Emits `changed` after reminders were marked here."""
    changed = Signal()

    def __init__(self, today: date | None = None, parent=None):
        super().__init__(parent)
        self.today = today or date.today()
        self.heading = QLabel()
        self.heading.setObjectName('todayHeading')
        self.refresh_button = QPushButton(self.tr('刷新'))
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        self.list = ReminderList(self.tr('今日提醒'))
        self.list.changed.connect(self._marked)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.loader = Loader(self, self._loaded)

    def reload(self) -> None:
        today = self.today
        self.heading.setText(self.tr('正在整理 {0} 的待办…').format(today.isoformat()))
        self.loader.load(lambda: reminders.due_today(today), self.tr('正在整理今日待办…'))

    def _loaded(self, items: list) -> None:
        self.list.set_reminders(items, self.today)
        self._update_heading()

    def _update_heading(self) -> None:
        counts = self.list.model.counts()
        total = sum(counts.values())
        if not total:
            self.heading.setText(self.tr('{0}：今天没有待办，生日、复购、回访和节日提醒到期时会出现在这里。')
                                 .format(self.today.isoformat()))
            return
        overdue = sum(1 for r in self.list.model.reminders() if r.date < self.today)
        parts = self.tr('，').join(f'{kind_name(k)} {n:,}' for k, n in counts.items())
        text = self.tr('{0} 待办 {1} 条：{2}').format(self.today.isoformat(), f'{total:,}', parts)
        if overdue:
            text += self.tr('（其中逾期 {0} 条）').format(f'{overdue:,}')
        self.heading.setText(text)

    def _marked(self) -> None:
        self._update_heading()
        self.changed.emit()
