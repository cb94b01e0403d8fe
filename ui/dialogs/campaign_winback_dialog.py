"""Start the built-in win-back campaign: pick the promotion it leads up to and the offer."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QSpinBox,
                               QVBoxLayout)

from services import campaigns
from services.errors import UserError


class WinbackDialog(QDialog):
    """After Accepted, `new` is a NewCampaign for CampaignDialog to show for review."""

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.new = None
        self.setWindowTitle(self.tr('沉睡顾客唤醒活动'))
        days = campaigns.winback_days()
        intro = QLabel(self.tr(
            '圈出 {0} 天以上没有成交的顾客，分两步发送：大促前约 7 天发“想念问候”，'
            '前 2 天发优惠券。活动结束后可查看谁回来下了单。').format(days))
        intro.setWordWrap(True)
        self.use_festival = QRadioButton(self.tr('即将到来的大促'))
        self.use_festival.setChecked(True)
        self.festivals = QListWidget()
        self.festivals.setObjectName('winbackFestivals')
        for p in campaigns.upcoming_promotions(self.today):
            left = (p.date - self.today).days
            item = QListWidgetItem(self.tr('{0}  ·  {1}（还有 {2} 天）').format(
                p.name, p.date.isoformat(), left))
            item.setData(Qt.UserRole, (p.name, p.date))
            self.festivals.addItem(item)
        if self.festivals.count():
            self.festivals.setCurrentRow(0)
        self.use_date = QRadioButton(self.tr('其他日期'))
        self.other_date = QDateEdit(QDate(self.today + timedelta(days=14)))
        self.other_date.setCalendarPopup(True)
        self.other_date.setDisplayFormat('yyyy-MM-dd')
        self.other_name = QLineEdit(self.tr('店铺活动'))
        self.coupon = QLineEdit()
        self.coupon.setPlaceholderText(self.tr('如 满199减30元券'))
        self.control = QSpinBox()
        self.control.setRange(0, 50)
        self.control.setValue(10)
        self.control.setSuffix(' %')
        self.control.setSpecialValueText(self.tr('不留对照组'))
        form = QFormLayout()
        form.addRow(self.use_date, self.other_date)
        form.addRow(self.tr('活动名称'), self.other_name)
        form.addRow(self.tr('召回优惠券'), self.coupon)
        form.addRow(self.tr('对照组'), self.control)
        self.error = QLabel()
        self.error.setStyleSheet('color: #c0392b;')
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr('下一步'))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.use_festival)
        layout.addWidget(self.festivals, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self.festivals.itemClicked.connect(lambda _i: self.use_festival.setChecked(True))
        self.other_date.dateChanged.connect(lambda _d: self.use_date.setChecked(True))

    def promotion(self):
        item = self.festivals.currentItem()
        if self.use_festival.isChecked() and item is not None:
            name, when = item.data(Qt.UserRole)
            return campaigns.Promotion(name, when)
        name = self.other_name.text().strip() or self.tr('店铺活动')
        return campaigns.Promotion(name, self.other_date.date().toPython())

    def accept(self) -> None:
        if not self.coupon.text().strip():
            self.error.setText(self.tr('请填写召回用的优惠券，如 满199减30元券。'))
            return
        try:
            self.new = campaigns.winback_campaign(self.promotion(), self.today,
                                                  coupon=self.coupon.text().strip(),
                                                  control_percent=self.control.value())
        except UserError as e:
            self.error.setText(str(e))
            return
        super().accept()
