"""Add or edit one trade festival: solar or lunar month-day each year, or a dated event."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from services.errors import UserError, ValidationError
from services.reminders import festivals
from services.reminders.calendars import lunar_day_name, lunar_month_name
from services.reminders.festivals import FestivalInfo


class FestivalDialog(QDialog):
    def __init__(self, info: FestivalInfo | None = None, parent=None):
        super().__init__(parent)
        self.info = info or FestivalInfo(month=1, day=1)
        self.setWindowTitle(self.tr('编辑节日') if self.info.id else self.tr('新增节日'))
        self.name = QLineEdit(self.info.name)
        self.name.setMaxLength(32)
        self.name.setPlaceholderText(self.tr('如 年货节、店庆'))
        self.calendar = QComboBox()
        for code, text in (('solar', self.tr('公历 每年')), ('lunar', self.tr('农历 每年')),
                           ('date', self.tr('具体日期（只一次）'))):
            self.calendar.addItem(text, code)
        self.month, self.day = QComboBox(), QComboBox()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat('yyyy-MM-dd')
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.month, self.day, self.date):
            row.addWidget(w)
        row.addStretch()
        self.days = QSpinBox()
        self.days.setRange(1, 60)
        self.days.setSuffix(self.tr(' 天'))
        self.lead = QSpinBox()
        self.lead.setRange(0, 90)
        self.lead.setSuffix(self.tr(' 天'))
        self.enabled = QCheckBox(self.tr('提醒这个节日'))
        self.note = QLineEdit(self.info.note)
        self.error = QLabel()
        self.error.setObjectName('formError')
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr('名称'), self.name)
        form.addRow(self.tr('日期类型'), self.calendar)
        form.addRow(self.tr('日期'), when)
        form.addRow(self.tr('持续'), self.days)
        form.addRow(self.tr('提前准备'), self.lead)
        form.addRow('', self.enabled)
        form.addRow(self.tr('备注'), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.calendar.currentIndexChanged.connect(self._calendar_changed)
        self._load()

    def _load(self) -> None:
        f = self.info
        self.calendar.setCurrentIndex(max(0, self.calendar.findData(f.calendar)))
        self._calendar_changed()
        if f.month:
            self.month.setCurrentIndex(f.month - 1)
        if f.day:
            self.day.setCurrentIndex(min(f.day, self.day.count()) - 1)
        d = f.date or date.today()
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.days.setValue(f.days)
        self.lead.setValue(f.lead_days)
        self.enabled.setChecked(f.enabled)

    def _calendar_changed(self) -> None:
        kind = self.calendar.currentData()
        lunar = kind == 'lunar'
        month, day = self.month.currentIndex(), self.day.currentIndex()
        self.month.clear()
        self.day.clear()
        for m in range(1, 13):
            self.month.addItem(lunar_month_name(m) if lunar else self.tr('{0}月').format(m))
        for d in range(1, 31 if lunar else 32):
            self.day.addItem(lunar_day_name(d) if lunar else self.tr('{0}日').format(d))
        self.month.setCurrentIndex(max(0, month))
        self.day.setCurrentIndex(max(0, min(day, self.day.count() - 1)))
        for w in (self.month, self.day):
            w.setVisible(kind != 'date')
        self.date.setVisible(kind == 'date')

    def value(self) -> FestivalInfo:
        kind = self.calendar.currentData()
        return FestivalInfo(
            id=self.info.id, name=self.name.text(), calendar=kind,
            month=self.month.currentIndex() + 1 if kind != 'date' else None,
            day=self.day.currentIndex() + 1 if kind != 'date' else None,
            date=self.date.date().toPython() if kind == 'date' else None,
            days=self.days.value(), lead_days=self.lead.value(),
            enabled=self.enabled.isChecked(), note=self.note.text())

    def save(self) -> None:
        try:
            self.info.id = festivals.save_festival(self.value())
        except (ValidationError, UserError) as e:
            self.error.setText(str(e))
            return
        self.accept()
