"""The owner's reminder settings: how far ahead, which orders get a callback, when to win back."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget)

from services import settings
from services.errors import UserError
from services.reminders.rules import ReminderRules


def _days(low: int, high: int, suffix: str) -> QSpinBox:
    s = QSpinBox()
    s.setRange(low, high)
    s.setSuffix(suffix)
    return s


class ReminderRulesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('提醒设置'))
        days = self.tr(' 天')
        self.birthday = _days(0, 60, days)
        self.repurchase = _days(0, 60, days)
        self.callback = _days(1, 90, days)
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        self.amount.setPrefix('¥')
        self.repeat = QCheckBox(self.tr('老客的小额订单也回访，成交满'))
        self.repeat_orders = _days(2, 100, self.tr(' 次'))
        self.repeat.toggled.connect(self.repeat_orders.setEnabled)
        repeat_row = QWidget()
        row = QHBoxLayout(repeat_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.repeat)
        row.addWidget(self.repeat_orders)
        row.addStretch()
        self.winback = _days(30, 1095, days)
        self.overdue = _days(0, 90, days)
        form = QFormLayout()
        form.addRow(self.tr('生日提前提醒'), self.birthday)
        form.addRow(self.tr('复购提前提醒'), self.repurchase)
        form.addRow(self.tr('成交后回访'), self.callback)
        form.addRow(self.tr('回访订单金额至少'), self.amount)
        form.addRow('', repeat_row)
        form.addRow(self.tr('多久没买算沉睡（唤醒）'), self.winback)
        form.addRow(self.tr('过期未处理的提醒保留'), self.overdue)
        self.error = QLabel()
        self.error.setObjectName('formError')
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load(settings.load(ReminderRules))

    def _load(self, r: ReminderRules) -> None:
        self.birthday.setValue(r.birthday_days)
        self.repurchase.setValue(r.repurchase_days)
        self.callback.setValue(r.callback_days)
        self.amount.setValue(r.callback_min_amount / 100)
        self.repeat.setChecked(bool(r.callback_repeat_orders))
        self.repeat_orders.setValue(r.callback_repeat_orders or 3)
        self.repeat_orders.setEnabled(bool(r.callback_repeat_orders))
        self.winback.setValue(r.winback_days)
        self.overdue.setValue(r.overdue_days)

    def value(self) -> ReminderRules:
        return ReminderRules(
            birthday_days=self.birthday.value(), repurchase_days=self.repurchase.value(),
            callback_days=self.callback.value(),
            callback_min_amount=round(self.amount.value() * 100),
            callback_repeat_orders=self.repeat_orders.value() if self.repeat.isChecked() else 0,
            winback_days=self.winback.value(), overdue_days=self.overdue.value())

    def save(self) -> None:
        try:
            settings.save(self.value())
        except UserError as e:
            self.error.setText(str(e))
            return
        self.accept()
