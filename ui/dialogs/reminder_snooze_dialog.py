"""Pick the day a snoozed reminder comes back."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout


class ReminderSnoozeDialog(QDialog):
    def __init__(self, today: date, latest: date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('推迟提醒'))
        self.day = QDateEdit(QDate(today.year, today.month, today.day).addDays(1))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat('yyyy-MM-dd')
        self.day.setMinimumDate(QDate(today.year, today.month, today.day).addDays(1))
        self.day.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        hint = QLabel(self.tr('到这一天提醒会重新出现在今日待办里（最晚 {0}）。')
                      .format(latest.isoformat()))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.day)
        layout.addWidget(buttons)

    def value(self) -> date:
        return self.day.date().toPython()
