"""The 日历 page: today's task list, the month calendar and the festival calendar.

The lists are computed off the UI thread (a big shop's 今日 list takes a few
tenths of a second); marks are written at once and the other tabs reload.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from .calendar_festivals import FestivalTab
from .calendar_month import MonthTab
from .calendar_today import TodayTab


class CalendarPage(QWidget):
    def __init__(self, today: date | None = None, parent=None):
        super().__init__(parent)
        self._fixed_today = today           # tests and screenshots pin the day
        self.today = today or date.today()
        heading = QLabel(self.tr('日历与提醒'))
        heading.setObjectName('pageHeading')
        self.products_button = QPushButton(self.tr('商品周期…'))
        self.products_button.setToolTip(self.tr('设置每种商品一件能用多少天，用于复购提醒'))
        self.rules_button = QPushButton(self.tr('提醒设置…'))
        self.rules_button.setToolTip(self.tr('生日提前几天、回访天数和金额、多久没买算沉睡'))
        self.products_button.clicked.connect(self.edit_products)
        self.rules_button.clicked.connect(self.edit_rules)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch()
        top.addWidget(self.products_button)
        top.addWidget(self.rules_button)
        self.today_tab = TodayTab(self.today)
        self.month_tab = MonthTab(self.today)
        self.festival_tab = FestivalTab(self.today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.today_tab, self.tr('今日'))
        self.tabs.addTab(self.month_tab, self.tr('月历'))
        self.tabs.addTab(self.festival_tab, self.tr('节日'))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.today_tab.changed.connect(lambda: self._stale(self.month_tab))
        self.month_tab.changed.connect(lambda: self._stale(self.today_tab))
        self.festival_tab.changed.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._stale_tabs: set = set()
        self.today_tab.reload()
        self._stale_tabs.add(self.month_tab)     # built on first visit

    def refresh(self) -> None:
        """Data changed elsewhere (an import, an edit): reload what is shown, the rest later."""
        self._stale_tabs = {self.today_tab, self.month_tab}
        self._tab_changed(self.tabs.currentIndex())

    def showEvent(self, event) -> None:
        # The app may stay open overnight: a new day is a new 今日 list.
        if self._fixed_today is None and date.today() != self.today:
            self.today = date.today()
            for tab in (self.today_tab, self.month_tab, self.festival_tab):
                tab.today = self.today
            self.festival_tab.reload()
            self.refresh()
        super().showEvent(event)

    def _stale(self, tab) -> None:
        self._stale_tabs.add(tab)

    def _tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab in self._stale_tabs:
            self._stale_tabs.discard(tab)
            tab.reload()

    def edit_products(self) -> None:
        from ..dialogs.product_cycle_dialog import ProductCycleDialog
        if ProductCycleDialog(self).exec() == ProductCycleDialog.Accepted:
            self.refresh()

    def edit_rules(self) -> None:
        from ..dialogs.reminder_rules_dialog import ReminderRulesDialog
        if ReminderRulesDialog(self).exec() == ReminderRulesDialog.Accepted:
            self.refresh()
