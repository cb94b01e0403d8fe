"""Redeem, adjust or give one customer's points; the service's refusal shows inline."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QSpinBox, QVBoxLayout)

from services import points
from services.errors import UserError

REDEEM, ADJUST, BONUS = 'redeem', 'adjust', 'bonus'


class PointsDialog(QDialog):
    """`new_balance` holds the balance after a successful save."""

    def __init__(self, customer_id: int, mode: str = REDEEM, parent=None):
        super().__init__(parent)
        self.customer_id = customer_id
        self.new_balance: int | None = None
        self._rules = points.load_rules()
        self.balance = points.balance(customer_id)
        self.setWindowTitle(self.tr('积分'))
        self.mode = QComboBox()
        for code, label in ((REDEEM, self.tr('兑换')), (ADJUST, self.tr('调整')),
                            (BONUS, self.tr('赠送'))):
            self.mode.addItem(label, code)
        self.balance_label = QLabel(f'{self.balance:,}')
        self.redeem_kind = QComboBox()
        for code, label in (('coupon', self.tr('优惠券')), ('gift', self.tr('礼品')),
                            ('manual', self.tr('其他'))):
            self.redeem_kind.addItem(label, code)
        self.direction = QComboBox()
        self.direction.addItem(self.tr('增加'), 1)
        self.direction.addItem(self.tr('扣减'), -1)
        self.bonus_kind = QComboBox()
        for code, label in (('signin', self.tr('签到')), ('birthday', self.tr('生日')),
                            ('survey', self.tr('问卷调研')), ('manual', self.tr('手动赠送'))):
            self.bonus_kind.addItem(label, code)
        self.points = QSpinBox()
        self.points.setRange(1, points.MAX_POINTS)
        self.points.setGroupSeparatorShown(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.after = QLabel()
        self.error = QLabel()
        self.error.setObjectName('pointsError')
        self.error.setWordWrap(True)
        self.error.setStyleSheet('color: #c0392b;')
        self.form = QFormLayout()
        self.form.addRow(self.tr('操作'), self.mode)
        self.form.addRow(self.tr('当前积分'), self.balance_label)
        self.form.addRow(self.tr('兑换类型'), self.redeem_kind)
        self.form.addRow(self.tr('增加或扣减'), self.direction)
        self.form.addRow(self.tr('赠送类型'), self.bonus_kind)
        self.form.addRow(self.tr('积分'), self.points)
        self.form.addRow(self.tr('原因'), self.reason)
        self.form.addRow(self.tr('操作后'), self.after)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.bonus_kind.currentIndexChanged.connect(self._bonus_kind_changed)
        self.points.valueChanged.connect(self._show_after)
        self.direction.currentIndexChanged.connect(self._show_after)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self._mode_changed()

    def current_mode(self) -> str:
        return self.mode.currentData()

    def _mode_changed(self, *_) -> None:
        mode = self.current_mode()
        self.form.setRowVisible(self.redeem_kind, mode == REDEEM)
        self.form.setRowVisible(self.direction, mode == ADJUST)
        self.form.setRowVisible(self.bonus_kind, mode == BONUS)
        presets = {REDEEM: [self.tr('兑换5元无门槛券'), self.tr('兑换10元优惠券'),
                            self.tr('兑换礼品')],
                   ADJUST: [self.tr('补录线下消费'), self.tr('更正误操作'), self.tr('其他')],
                   BONUS: []}[mode]
        self.reason.clear()
        self.reason.addItems(presets)
        self.reason.setCurrentText('')
        self.reason.lineEdit().setPlaceholderText(
            self.tr('不填则按赠送类型记录') if mode == BONUS else self.tr('必填'))
        if mode == BONUS:
            self._bonus_kind_changed()
        self.error.clear()
        self._show_after()

    def _bonus_kind_changed(self, *_) -> None:
        default = self._rules.bonus_default(self.bonus_kind.currentData())
        if default:
            self.points.setValue(default)

    def _delta(self) -> int:
        n = self.points.value()
        mode = self.current_mode()
        if mode == REDEEM:
            return -n
        if mode == ADJUST:
            return n * self.direction.currentData()
        return n

    def _show_after(self, *_) -> None:
        after = self.balance + self._delta()
        self.after.setText(self.tr('余额 {0}').format(f'{after:,}'))
        self.after.setStyleSheet('color: #c0392b;' if after < 0 else '')

    def save(self) -> None:
        mode, n, reason = self.current_mode(), self.points.value(), self.reason.currentText()
        try:
            if mode == REDEEM:
                result = points.redeem(self.customer_id, n, reason,
                                       self.redeem_kind.currentData())
            elif mode == ADJUST:
                result = points.adjust(self.customer_id, self._delta(), reason)
            else:
                result = points.bonus(self.customer_id, self.bonus_kind.currentData(), n,
                                      reason)
        except UserError as e:
            self.error.setText(str(e))
            return
        self.new_balance = result
        self.accept()
