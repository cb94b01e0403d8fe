"""The 月历 tab: a month with reminder counts per day; clicking a day lists its reminders."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from services import reminders

from ..widgets.calendar_counts import CountsCalendar
from ..widgets.reminder_labels import kind_name
from ..widgets.reminder_list import ReminderList
from .calendar_today import Loader


class MonthTab(QWidget):
    """Emits `changed` after reminders were marked in the day list."""
    changed = Signal()

    def __init__(self, today: date | None = None, parent=None):
        super().__init__(parent)
        self.today = today or date.today()
        self.calendar = CountsCalendar()
        self.calendar.setSelectedDate(QDate(self.today.year, self.today.month, self.today.day))
        self.calendar.currentPageChanged.connect(lambda y, m: self.load_month(y, m))
        self.calendar.selectionChanged.connect(self._day_changed)
        self.month_note = QLabel()
        self.month_note.setWordWrap(True)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.calendar, 1)
        lay.addWidget(self.month_note)
        self.day_heading = QLabel()
        self.day_heading.setObjectName('dayHeading')
        self.list = ReminderList(self.tr('提醒'), keep_marked=True, show_dates=False)
        self.list.changed.connect(self._marked)
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.day_heading)
        lay.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.month_loader = Loader(self, self._month_loaded)
        self.day_loader = Loader(self, self._day_loaded)
        self._day: date | None = None

    def reload(self) -> None:
        self.load_month(self.calendar.yearShown(), self.calendar.monthShown())
        self.load_day(self.calendar.selectedDate().toPython())

    def load_month(self, year: int, month: int) -> None:
        self.month_note.setText(self.tr('正在统计 {0} 年 {1} 月…').format(year, month))
        self.month_loader.load(lambda: (year, month, reminders.counts_by_day(year, month)))

    def _month_loaded(self, result) -> None:
        year, month, counts = result
        if (year, month) != (self.calendar.yearShown(), self.calendar.monthShown()):
            return
        self.calendar.set_counts(counts)
        totals: dict[str, int] = {}
        for per_day in counts.values():
            for kind, n in per_day.items():
                totals[kind] = totals.get(kind, 0) + n
        parts = self.tr('，').join(f'{kind_name(k)} {n:,}' for k, n in totals.items())
        self.month_note.setText(self.tr('{0} 年 {1} 月待办：{2}').format(year, month, parts)
                                if parts else self.tr('{0} 年 {1} 月没有待办的提醒。')
                                .format(year, month))

    def _day_changed(self) -> None:
        self.load_day(self.calendar.selectedDate().toPython())

    def load_day(self, day: date) -> None:
        self._day = day
        self.day_heading.setText(self.tr('正在读取 {0}…').format(day.isoformat()))
        self.day_loader.load(lambda: (day, reminders.on_day(day)))

    def _day_loaded(self, result) -> None:
        day, items = result
        if day != self._day:
            return
        self.list.set_reminders(items, self.today)
        self.day_heading.setText(self.tr('{0} 的提醒：{1} 条（含已完成和已跳过的）')
                                 .format(day.isoformat(), len(items)) if items else
                                 self.tr('{0} 没有提醒。').format(day.isoformat()))

    def _marked(self) -> None:
        self.load_month(self.calendar.yearShown(), self.calendar.monthShown())
        self.changed.emit()
