"""The 隐私与退订 settings tab: frequency cap, masking defaults, the opt-out list, the password."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from services import consent, privacy
from services.consent.caps import MAX_DAYS, MAX_MESSAGES, ContactCaps
from services.errors import UserError

CHANNELS = ('sms', 'phone', 'wechat')


def _password_edit(placeholder: str) -> QLineEdit:
    w = QLineEdit()
    w.setEchoMode(QLineEdit.Password)
    w.setPlaceholderText(placeholder)
    w.setMaximumWidth(240)
    return w


class PrivacyEditor(QWidget):
    """Emits `saved` after settings, the list or the password changed."""
    saved = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Frequency cap
        self.max_messages = QSpinBox()
        self.max_messages.setRange(0, MAX_MESSAGES)
        self.max_messages.setSuffix(self.tr(' 条'))
        self.max_messages.setSpecialValueText(self.tr('不限'))
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setSuffix(self.tr(' 天'))
        self.count_log = QCheckBox(self.tr('联系记录里记下的短信也算'))
        cap_row = QHBoxLayout()
        cap_row.addWidget(QLabel(self.tr('每位顾客在')))
        cap_row.addWidget(self.days)
        cap_row.addWidget(QLabel(self.tr('内最多收到')))
        cap_row.addWidget(self.max_messages)
        cap_row.addWidget(QLabel(self.tr('营销消息')))
        cap_row.addStretch()
        caps_box = QGroupBox(self.tr('发送频率上限'))
        caps_layout = QVBoxLayout(caps_box)
        caps_layout.addLayout(cap_row)
        caps_layout.addWidget(self.count_log)
        hint = QLabel(self.tr('导出活动短信表或旺旺/微信表时，已达上限的顾客不放进表里，'
                              '另列在“无法发送”名单中（原因：已达发送上限）。选“不限”关闭。'))
        hint.setWordWrap(True)
        caps_layout.addWidget(hint)
        # Masking
        self.mask_exports = QCheckBox(self.tr('导出表格时默认打码（每次导出时可勾选“导出完整手机号”）'))
        mask_box = QGroupBox(self.tr('打码'))
        mask_layout = QVBoxLayout(mask_box)
        mask_note = QLabel(self.tr(
            '会员列表、提醒、群名册里的手机号一律显示为 138****1234，地址只显示省市和开头几个字；'
            '顾客详情里点“显示号码”才显示完整号码。搜索时仍可输入完整号码查找。'
            '上传短信平台的短信表总是完整号码，否则无法发送。'))
        mask_note.setWordWrap(True)
        mask_layout.addWidget(mask_note)
        mask_layout.addWidget(self.mask_exports)
        self.message = QLabel()
        self.message.setObjectName('privacyMessage')
        self.message.setWordWrap(True)
        self.revert_button = QPushButton(self.tr('撤销修改'))
        self.save_button = QPushButton(self.tr('保存'))
        self.revert_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        # Opt-outs
        self.optout_counts = QLabel()
        self.optout_counts.setObjectName('optoutCounts')
        self.optout_button = QPushButton(self.tr('管理退订名单…'))
        self.optout_button.clicked.connect(self.open_optouts)
        optout_box = QGroupBox(self.tr('退订名单'))
        optout_row = QHBoxLayout(optout_box)
        optout_row.addWidget(self.optout_counts, 1)
        optout_row.addWidget(self.optout_button)
        # Password
        self.password_state = QLabel()
        self.password_state.setObjectName('passwordState')
        self.old_password = _password_edit(self.tr('原密码'))
        self.new_password = _password_edit(self.tr('新密码（至少 4 位）'))
        self.repeat_password = _password_edit(self.tr('再输一次新密码'))
        self.set_password_button = QPushButton(self.tr('设置密码'))
        self.remove_password_button = QPushButton(self.tr('取消密码'))
        self.set_password_button.clicked.connect(self.change_password)
        self.remove_password_button.clicked.connect(self.remove_password)
        self.password_message = QLabel()
        self.password_message.setObjectName('passwordMessage')
        self.password_message.setWordWrap(True)
        password_box = QGroupBox(self.tr('密码'))
        form = QFormLayout(password_box)
        form.addRow(self.password_state)
        form.addRow(self.tr('原密码'), self.old_password)
        form.addRow(self.tr('新密码'), self.new_password)
        form.addRow(self.tr('确认新密码'), self.repeat_password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_password_button)
        buttons.addWidget(self.remove_password_button)
        buttons.addStretch()
        form.addRow(buttons)
        form.addRow(self.password_message)

        layout = QVBoxLayout(self)
        layout.addWidget(caps_box)
        layout.addWidget(mask_box)
        layout.addLayout(save_row)
        layout.addWidget(optout_box)
        layout.addWidget(password_box)
        layout.addStretch()
        self.load()

    # --- settings ---------------------------------------------------------------------
    def load(self) -> None:
        caps = consent.load_caps()
        self.max_messages.setValue(caps.max_messages)
        self.days.setValue(caps.days)
        self.count_log.setChecked(caps.count_contact_log)
        p = privacy.load_settings()
        self.mask_exports.setChecked(p.mask_exports)
        self.message.clear()
        self._show_counts()
        self._show_password_state()

    def caps(self) -> ContactCaps:
        return ContactCaps(self.max_messages.value(), self.days.value(),
                           self.count_log.isChecked())

    def privacy_settings(self) -> privacy.PrivacySettings:
        return privacy.PrivacySettings(self.mask_exports.isChecked())

    def save(self) -> bool:
        new, old = self.privacy_settings(), privacy.load_settings()
        if old.mask_exports and not new.mask_exports:
            from ..dialogs.password_dialog import confirm_unmask
            if not confirm_unmask(self):
                self._say(self.tr('没有输入正确的密码，打码设置未改。'), error=True)
                return False
        try:
            from services import settings
            settings.save_all((self.caps(), new))
        except UserError as e:
            self._say(str(e), error=True)
            return False
        self._say(self.tr('已保存。'))
        self.saved.emit()
        return True

    # --- opt-outs ---------------------------------------------------------------------
    def _show_counts(self) -> None:
        counts = consent.entry_counts()
        from ..dialogs.optout_dialog import channel_name
        self.optout_counts.setText('　'.join(
            self.tr('{0} {1} 条').format(channel_name(c), counts.get(c, 0)) for c in CHANNELS))

    def open_optouts(self) -> None:
        from ..dialogs.optout_dialog import OptOutDialog
        dialog = OptOutDialog(self)
        dialog.changed.connect(self._show_counts)
        dialog.changed.connect(self.saved)
        dialog.exec()

    # --- password -----------------------------------------------------------------------
    def _show_password_state(self) -> None:
        has = privacy.has_password()
        self.password_state.setText(
            self.tr('已设置密码：打开软件和查看完整手机号、地址时需要输入。') if has
            else self.tr('未设置密码。设置后，打开软件和查看完整手机号、地址时需要输入密码。'))
        self.old_password.setEnabled(has)
        self.remove_password_button.setEnabled(has)
        self.set_password_button.setText(self.tr('修改密码') if has else self.tr('设置密码'))
        for w in (self.old_password, self.new_password, self.repeat_password):
            w.clear()

    def change_password(self) -> bool:
        if self.new_password.text() != self.repeat_password.text():
            self._say_password(self.tr('两次输入的新密码不一样。'), error=True)
            return False
        try:
            privacy.set_password(self.new_password.text(), self.old_password.text())
        except UserError as e:
            self._say_password(str(e), error=True)
            return False
        from ..dialogs.password_dialog import lock
        lock()
        self._show_password_state()
        self._say_password(self.tr('密码已保存。下次打开软件时需要输入。'))
        self.saved.emit()
        return True

    def remove_password(self) -> bool:
        try:
            privacy.remove_password(self.old_password.text())
        except UserError as e:
            self._say_password(str(e), error=True)
            return False
        self._show_password_state()
        self._say_password(self.tr('密码已取消。'))
        self.saved.emit()
        return True

    # --- messages -----------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')

    def _say_password(self, text: str, error: bool = False) -> None:
        self.password_message.setText(text)
        self.password_message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
