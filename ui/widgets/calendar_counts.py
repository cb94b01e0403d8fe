"""A month calendar that paints, in each day's cell, how many reminders of each kind fall on it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QCalendarWidget

from services.reminders.rules import KINDS

from .reminder_labels import kind_color, kind_name

_TODAY = QColor('#fff3e0')
_SELECTED = QColor('#dcebfc')


class CountsCalendar(QCalendarWidget):
    """set_counts({date: {kind: n}}) for the month shown; cells show small coloured badges."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._counts: dict[date, dict[str, int]] = {}
        self.setObjectName('reminderCalendar')
        # Month and weekday names in the UI's language (the app runs in zh_CN).
        self.setLocale(QLocale(QLocale.Chinese, QLocale.China))
        self.setGridVisible(True)
        self.setFirstDayOfWeek(Qt.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.ShortDayNames)
        self.setMinimumSize(560, 420)
        self._badge_font = QFont(self.font())
        self._badge_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.8))

    def set_counts(self, counts: dict[date, dict[str, int]]) -> None:
        self._counts = counts
        self.updateCells()

    def counts(self) -> dict[date, dict[str, int]]:
        return self._counts

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        day = qdate.toPython()
        metrics = QFontMetrics(self._badge_font)
        line = metrics.height() + 2
        if qdate == self.selectedDate():
            painter.fillRect(rect, _SELECTED)
        elif day == date.today():
            painter.fillRect(rect, _TODAY)
        # Qt draws the day number (and its selection colour) centred in the rect it gets:
        # give it a strip at the top, so the badges below never cover it.
        strip = QRect(rect.left(), rect.top(), rect.width(), min(rect.height(), line + 6))
        super().paintCell(painter, strip, qdate)
        counts = self._counts.get(day)
        if not counts or qdate.month() != self.monthShown():
            return
        painter.save()
        painter.setFont(self._badge_font)
        x, y = rect.left() + 3, strip.bottom() + 3
        for kind in KINDS:
            n = counts.get(kind)
            if not n:
                continue
            text = f'{kind_name(kind)} {n}'
            width = metrics.horizontalAdvance(text) + 6
            if x + width > rect.right() - 2 and x > rect.left() + 3:
                x, y = rect.left() + 3, y + line + 2
            if y + line > rect.bottom():
                break                                        # a tiny window: what fits
            badge = QRect(x, y, width, line)
            painter.setPen(Qt.NoPen)
            painter.setBrush(kind_color(kind))
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(Qt.white)
            painter.drawText(badge, Qt.AlignCenter, text)
            x += width + 3
        painter.restore()

    def badge_lines(self) -> list[str]:
        """What the shown month's cells say, for tests and accessibility."""
        out = []
        for day in sorted(self._counts):
            if day.month == self.monthShown() and day.year == self.yearShown():
                parts = [f'{kind_name(k)} {self._counts[day][k]}' for k in KINDS
                         if self._counts[day].get(k)]
                out.append(f'{day.isoformat()} ' + ' '.join(parts))
        return out
