"""Record a referral: who introduced whom, when, and the reward to the one who did.

Opened from a customer's detail, either to name who brought them (the referrer is
searched) or whom they brought (the new buyer is searched). The service's refusal
(self, a loop, a second referrer) shows inline."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout)

from services import referrals
from services.errors import UserError
from services.points import MAX_POINTS

from ..widgets.group_customer_picker import CustomerPicker
from ..widgets.group_labels import reward_codes, reward_name

REFERRER, REFERRED = 'referrer', 'referred'


class ReferralDialog(QDialog):
    """mode REFERRER: pick who referred `customer_id`; REFERRED: pick whom they referred.
    `referral_id` holds the new record's id after Save."""

    def __init__(self, customer_id: int, customer_label: str, mode: str = REFERRER,
                 parent=None):
        super().__init__(parent)
        self.customer_id, self.mode = customer_id, mode
        self.referral_id: int | None = None
        if mode == REFERRER:
            self.setWindowTitle(self.tr('登记推荐人'))
            intro = self.tr('是谁把“{0}”介绍来的？搜索并选中推荐人：').format(customer_label)
        else:
            self.setWindowTitle(self.tr('登记推荐的新顾客'))
            intro = self.tr('“{0}”介绍来了谁？搜索并选中这位新顾客：').format(customer_label)
        self.picker = CustomerPicker(exclude={customer_id})
        self.at = QDateEdit(QDate.currentDate())
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat('yyyy-MM-dd')
        self.at.setMaximumDate(QDate.currentDate())
        self.reward = QComboBox()
        for code in reward_codes():
            self.reward.addItem(reward_name(code), code)
        self.points = QSpinBox()
        self.points.setRange(1, MAX_POINTS)
        self.points.setValue(100)
        self.points.setGroupSeparatorShown(True)
        self.cash = QDoubleSpinBox()
        self.cash.setRange(0.01, 100_000)
        self.cash.setDecimals(2)
        self.cash.setPrefix('¥')
        self.cash.setValue(10)
        self.note = QLineEdit()
        self.note.setMaxLength(128)
        self.note.setPlaceholderText(self.tr('如：微信红包、送试用装'))
        self.form = QFormLayout()
        self.form.addRow(self.tr('介绍日期'), self.at)
        self.form.addRow(self.tr('给推荐人的奖励'), self.reward)
        self.form.addRow(self.tr('奖励积分'), self.points)
        self.form.addRow(self.tr('现金金额'), self.cash)
        self.form.addRow(self.tr('备注'), self.note)
        self.error = QLabel()
        self.error.setObjectName('referralError')
        self.error.setWordWrap(True)
        self.error.setStyleSheet('color: #c0392b;')
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.picker.selection_changed.connect(self._picked)
        self.reward.currentIndexChanged.connect(self._reward_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro))
        layout.addWidget(self.picker, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 520)
        self._reward_changed()
        self._picked()

    def _picked(self) -> None:
        self.buttons.button(QDialogButtonBox.Save).setEnabled(bool(self.picker.selected_ids()))

    def _reward_changed(self, *_) -> None:
        code = self.reward.currentData()
        self.form.setRowVisible(self.points, code == 'points')
        self.form.setRowVisible(self.cash, code == 'cash')
        self.error.clear()

    def save(self) -> None:
        picked = self.picker.selected_ids()
        if not picked:
            return
        other = picked[0]
        referrer, referred = ((other, self.customer_id) if self.mode == REFERRER
                              else (self.customer_id, other))
        try:
            self.referral_id = referrals.record_referral(
                referrer, referred, at=self.at.date().toPython(),
                reward=self.reward.currentData(), points=self.points.value(),
                cash=round(self.cash.value() * 100), note=self.note.text())
        except UserError as e:
            self.error.setText(str(e))
            return
        self.accept()
