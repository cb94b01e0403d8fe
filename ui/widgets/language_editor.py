"""The UI language on this PC, for the 设置 page; the choice applies from the next start."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from services import ui_prefs
from services.errors import UserError

from .. import i18n


class LanguageEditor(QWidget):
    """Stores the language as soon as it is picked; emits `saved(code)` once stored."""
    saved = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setMinimumWidth(200)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr('界面语言'), self.language)
        intro = QLabel(self.tr(
            '界面语言只影响这台电脑上的掌柜会员通，重新启动后生效。顾客、商品、标签等数据'
            '和导出表格的列名保持原样，不会被翻译。'))
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName('languageMessage')
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch()
        self.load()
        self.language.currentIndexChanged.connect(self._picked)

    def load(self) -> None:
        stored = ui_prefs.load().language
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(stored)))
        self.language.blockSignals(False)
        self._show_state(stored)

    def _picked(self, _index: int) -> None:
        code = self.language.currentData()
        try:
            ui_prefs.save(replace(ui_prefs.load(), language=code))
        except UserError as e:
            self.message.setText(str(e))
            self.message.setStyleSheet('color: #c0392b;')
            return
        self._show_state(code)
        self.saved.emit(code)

    def _show_state(self, stored: str) -> None:
        if stored == i18n.current_language():
            self.message.setText('')
        else:
            self.message.setText(self.tr('已保存。重新启动掌柜会员通后界面将改为 {0}。').format(
                self.language.itemText(self.language.findData(stored))))
            self.message.setStyleSheet('color: #2e7d32;')
