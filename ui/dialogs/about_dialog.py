"""关于掌柜会员通: name, version, the open database and its schema, where data lives."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout)

from services.version import APP_NAME, about_info

from ..app import app_icon


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('关于掌柜会员通'))
        self.info = about_info()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f'<b style="font-size: 18px">{APP_NAME}</b><br>Zhanggui')
        heading = QHBoxLayout()
        heading.addWidget(icon)
        heading.addWidget(title, 1)
        form = QFormLayout()
        self.version = self._value(self.info.version)
        form.addRow(self.tr('版本'), self.version)
        form.addRow(self.tr('数据库'), self._value(self.info.database))
        form.addRow(self.tr('结构版本'), self._value(str(self.info.schema_version)))
        form.addRow(self.tr('数据文件夹'), self._value(self.info.data_folder))
        if self.info.backup_folder:
            form.addRow(self.tr('备份文件夹'), self._value(self.info.backup_folder))
        note = QLabel(self.tr('顾客和订单只保存在这台电脑的数据文件里（或店铺自己的数据库服务器上），'
                              '不会上传到任何地方。'))
        note.setWordWrap(True)
        self.open_button = QPushButton(self.tr('打开数据文件夹'))
        self.open_button.clicked.connect(self.open_data_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.info.data_folder))
