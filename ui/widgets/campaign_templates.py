"""The 模板 tab: the template list, the editor and the live preview side by side."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from services import campaigns
from services.errors import UserError

from ..labels import channel_name
from .campaign_template_editor import TemplateEditor, TemplatePreview


class TemplatesTab(QWidget):
    """Emits `changed` after a template was saved or deleted."""
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.templates: list = []
        self.list = QListWidget()
        self.list.setObjectName('templateList')
        self.list.currentRowChanged.connect(self._picked)
        self.new_button = QPushButton(self.tr('新建'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.starters_button = QPushButton(self.tr('添加示例模板'))
        self.starters_button.setToolTip(self.tr('沉睡唤醒、生日祝福、旺旺回访等常用模板'))
        self.new_button.clicked.connect(self.new_template)
        self.delete_button.clicked.connect(self.delete_current)
        self.starters_button.clicked.connect(self.add_starters)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(left_buttons)
        left_layout.addWidget(self.starters_button)

        self.editor = TemplateEditor()
        self.editor.edited.connect(self._edited)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr('保存模板'))
        self.revert_button = QPushButton(self.tr('撤销修改'))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._picked_again)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.editor, 1)
        middle_layout.addLayout(bottom)
        self.preview = TemplatePreview()

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.preview)
        splitter.setSizes([200, 520, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.editor.template_id
        self.templates = campaigns.list_templates()
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.templates:
            item = QListWidgetItem(f'{t.name}  ·  {channel_name(t.channel)}')
            item.setData(Qt.UserRole, t.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = [i for i, t in enumerate(self.templates) if t.id == current]
        if rows:
            self.list.setCurrentRow(rows[0])
        elif self.templates:
            self.list.setCurrentRow(0)
        else:
            self.new_template()

    def _picked(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            self.editor.load(self.templates[row])
            self._say('')

    def _picked_again(self) -> None:
        if self.editor.template_id is None:
            self.new_template()
        else:
            self._picked(self.list.currentRow())

    def _edited(self) -> None:
        self.preview.set_template(self.editor.info())

    def new_template(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.editor.load(campaigns.TemplateInfo(name=self.tr('新模板')))
        self.editor.name.selectAll()
        self.editor.name.setFocus()

    def save(self) -> bool:
        try:
            tid = campaigns.save_template(self.editor.info())
        except UserError as e:
            self._say(str(e), error=True)
            return False
        self.editor.template_id = tid
        self.reload(tid)
        self._say(self.tr('模板已保存。'))
        self.changed.emit()
        return True

    def delete_current(self) -> None:
        tid = self.editor.template_id
        if tid is None:
            return
        answer = QMessageBox.question(self, self.tr('删除模板'),
                                      self.tr('删除模板“{0}”？').format(self.editor.name.text()))
        if answer != QMessageBox.Yes:
            return
        try:
            campaigns.delete_template(tid)
        except UserError as e:
            self._say(str(e), error=True)
            return
        self.editor.template_id = None
        self.reload()
        self.changed.emit()

    def add_starters(self) -> None:
        n = campaigns.add_starters()
        self.reload()
        self._say(self.tr('已添加 {0} 个示例模板。').format(n) if n else
                  self.tr('示例模板都已在列表里。'))
        if n:
            self.changed.emit()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
