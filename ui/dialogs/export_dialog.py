"""Where an export goes, and whether it carries full phone numbers and addresses.

ask_export() shows the usual save dialog, then a small options dialog: phones and
addresses leave masked (138****1234) unless the owner ticks 导出完整手机号 for this
one export. The box starts as 设置 → 隐私与退订 says; ticking it asks for the shop
password when one is set. Sheets whose whole point is the full number (the SMS
platform upload) say so in `note`.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QVBoxLayout, QWidget)

from services import privacy


def sheet_filter() -> str:
    return QCoreApplication.translate('ExportDialog', 'Excel 表格 (*.xlsx);;CSV UTF-8 (*.csv)')


class ExportOptionsDialog(QDialog):
    def __init__(self, title: str, path: str, parent: QWidget | None = None, note: str = '',
                 allow_full: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        where = QLabel(self.tr('导出到：{0}').format(path))
        where.setWordWrap(True)
        self.full_phones = QCheckBox(self.tr('导出完整手机号和地址'))
        self.full_phones.setObjectName('exportFullPhones')
        self.full_phones.setChecked(allow_full and not privacy.load_settings().mask_exports)
        self.full_phones.setVisible(allow_full)
        hint = QLabel(self.tr('不勾选时手机号导出为 138****1234，地址只保留省市和开头几个字。'))
        hint.setWordWrap(True)
        hint.setVisible(allow_full)
        self.note = QLabel(note)
        self.note.setObjectName('exportNote')
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr('导出'))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.full_phones)
        layout.addWidget(hint)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        if self.full_phones.isChecked():
            from .password_dialog import confirm_unmask
            if not confirm_unmask(self):
                return
        super().accept()

    def full(self) -> bool:
        return self.full_phones.isChecked()


def ask_options(parent: QWidget | None, title: str, path: str, note: str = '',
                allow_full: bool = True) -> bool | None:
    """Full phones for this export? None when the owner cancelled."""
    dialog = ExportOptionsDialog(title, path, parent, note, allow_full)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.full()


def ask_export(parent: QWidget | None, title: str, default_name: str, note: str = '',
               allow_full: bool = True) -> tuple[str, bool] | None:
    """(path, full phones) or None when the owner cancelled either dialog."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default_name, sheet_filter())
    if not path:
        return None
    if Path(path).suffix.lower() not in ('.xlsx', '.csv'):
        path += '.xlsx'
    full = ask_options(parent, title, path, note, allow_full)
    return None if full is None else (path, full)
