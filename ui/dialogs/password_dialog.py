"""The shop password: asked at start (3 tries, then the app closes) and before unmasking.

A right password before an unmask is remembered for a few minutes, so showing
several numbers in a row asks once. Without a password set, nothing is asked.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from services import privacy

TRIES = 3
UNLOCK_SECONDS = 300
_unlocked_until = 0.0


class PasswordDialog(QDialog):
    """Accepted once the right password is typed; rejected after TRIES wrong ones."""

    def __init__(self, prompt: str, parent: QWidget | None = None, tries: int = TRIES):
        super().__init__(parent)
        self.setWindowTitle(self.tr('输入密码'))
        self.tries_left = tries
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setObjectName('passwordEdit')
        self.error = QLabel()
        self.error.setObjectName('passwordError')
        self.error.setStyleSheet('color: #c0392b;')
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(320)

    def check(self) -> None:
        if privacy.check_password(self.password.text()):
            self.accept()
            return
        self.tries_left -= 1
        self.password.clear()
        if self.tries_left <= 0:
            self.reject()
            return
        self.error.setText(self.tr('密码不对，还可以再试 {0} 次。').format(self.tries_left))


def ask_at_start(parent: QWidget | None = None) -> bool:
    """True when the app may open: no password set, or the right one typed."""
    if not privacy.has_password():
        return True
    dialog = PasswordDialog(QCoreApplication.translate(
        'PasswordDialog', '这个店铺设置了密码，请输入密码打开。'), parent)
    return dialog.exec() == QDialog.Accepted


def confirm_unmask(parent: QWidget | None = None) -> bool:
    """True when full numbers may be shown or exported now."""
    global _unlocked_until
    if not privacy.has_password() or time.monotonic() < _unlocked_until:
        return True
    dialog = PasswordDialog(QCoreApplication.translate(
        'PasswordDialog', '查看或导出完整的手机号和地址需要输入店铺密码。'),
                            parent)
    if dialog.exec() != QDialog.Accepted:
        return False
    _unlocked_until = time.monotonic() + UNLOCK_SECONDS
    return True


def lock() -> None:
    """Forget a recent unmask (tests, and after the password changes)."""
    global _unlocked_until
    _unlocked_until = 0.0
