"""The points rules: earning ratio, start date, expiry and bonus defaults."""
from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDoubleSpinBox, QFormLayout, QHBoxLayout,
                               QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from services import settings
from services.errors import UserError
from services.points.rules import PointsRules


def _spin(maximum: int, suffix: str) -> QSpinBox:
    w = QSpinBox()
    w.setRange(0, maximum)
    w.setSuffix(suffix)
    w.setGroupSeparatorShown(True)
    return w


class PointsEditor(QWidget):
    """Edit and save services.points PointsRules; emits `saved` once stored."""
    saved = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.per_yuan = QDoubleSpinBox()
        self.per_yuan.setRange(0, 100)
        self.per_yuan.setDecimals(3)
        self.per_yuan.setSingleStep(0.5)
        self.per_yuan.setSuffix(self.tr(' 分'))
        self.use_since = QCheckBox(self.tr('只计这天及以后付款的订单'))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat('yyyy-MM-dd')
        self.since.setDate(QDate.currentDate())
        self.use_since.toggled.connect(self.since.setEnabled)
        self.expiry = _spin(3650, self.tr(' 天'))
        self.expiry.setSpecialValueText(self.tr('永不过期'))
        self.signin = _spin(1_000_000, self.tr(' 分'))
        self.birthday = _spin(1_000_000, self.tr(' 分'))
        self.survey = _spin(1_000_000, self.tr(' 分'))
        since_row = QHBoxLayout()
        since_row.addWidget(self.use_since)
        since_row.addWidget(self.since)
        since_row.addStretch()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr('每消费 1 元得'), self.per_yuan)
        form.addRow(self.tr('积分起算'), since_row)
        form.addRow(self.tr('积分有效期（自到账起）'), self.expiry)
        form.addRow(self.tr('签到奖励默认'), self.signin)
        form.addRow(self.tr('生日奖励默认'), self.birthday)
        form.addRow(self.tr('问卷奖励默认'), self.survey)
        intro = QLabel(self.tr(
            '已完成的订单按实付金额计积分，每单向下取整；填 0 则订单不计积分。'
            '导入多年历史订单的店铺可设起算日期，从今天开始积分。过期时先到期的积分先扣。'))
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.revert_button = QPushButton(self.tr('撤销修改'))
        self.save_button = QPushButton(self.tr('保存积分规则'))
        self.revert_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch()
        layout.addLayout(buttons)

    def load(self) -> None:
        r = settings.load(PointsRules)
        self.per_yuan.setValue(float(r.per_yuan))
        since = r.since()
        self.use_since.setChecked(since is not None)
        self.since.setEnabled(since is not None)
        if since is not None:
            self.since.setDate(QDate(since.year, since.month, since.day))
        self.expiry.setValue(r.expiry_days)
        self.signin.setValue(r.signin_points)
        self.birthday.setValue(r.birthday_points)
        self.survey.setValue(r.survey_points)
        self.message.clear()

    def rules(self) -> PointsRules:
        per_yuan = round(self.per_yuan.value(), 3)
        return PointsRules(
            int(per_yuan) if per_yuan == int(per_yuan) else per_yuan,
            self.since.date().toString('yyyy-MM-dd') if self.use_since.isChecked() else '',
            self.expiry.value(), self.signin.value(), self.birthday.value(), self.survey.value())

    def save(self) -> bool:
        try:
            settings.save(self.rules())
        except UserError as e:
            self._say(str(e), error=True)
            return False
        self._say(self.tr('积分规则已保存。'))
        self.saved.emit()
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
