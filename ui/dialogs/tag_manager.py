"""Manage tags: add, rename, recolour, group and delete."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from services import tags
from services.errors import UserError


class TagManagerDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('标签管理'))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr('标签'), self.tr('分组'),
                                              self.tr('顾客数'), self.tr('来源')])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _: self.rename())
        self.add_button = QPushButton(self.tr('新建'))
        self.rename_button = QPushButton(self.tr('改名/分组'))
        self.color_button = QPushButton(self.tr('颜色'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.color_button.clicked.connect(self.recolor)
        self.delete_button.clicked.connect(self.delete)
        side = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.color_button, self.delete_button):
            side.addWidget(b)
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        hint = QLabel(self.tr('删除标签只会去掉顾客身上的这个标签，不会删除顾客。'))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.reload()

    def reload(self) -> None:
        self._tags = tags.list_tags(with_counts=True)
        self.table.setRowCount(len(self._tags))
        for r, t in enumerate(self._tags):
            name = QTableWidgetItem(t.name)
            name.setForeground(QColor(t.color))
            count = QTableWidgetItem(f'{t.count:,}')
            count.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            source = self.tr('规则') if t.auto else self.tr('手动')
            for c, item in enumerate((name, QTableWidgetItem(t.group), count,
                                      QTableWidgetItem(source))):
                self.table.setItem(r, c, item)

    def _current(self):
        row = self.table.currentRow()
        return self._tags[row] if 0 <= row < len(self._tags) else None

    def _run(self, fn) -> None:
        try:
            fn()
        except UserError as e:
            QMessageBox.warning(self, self.tr('标签管理'), str(e))
        self.reload()

    def add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr('新建标签'), self.tr('标签名'))
        if ok:
            self._run(lambda: tags.create_tag(name))

    def rename(self) -> None:
        t = self._current()
        if t is None:
            return
        name, ok = QInputDialog.getText(self, self.tr('改名'), self.tr('标签名'), text=t.name)
        if not ok:
            return
        group, ok = QInputDialog.getText(self, self.tr('分组'),
                                         self.tr('分组（如 社群、客户特征，可留空）'), text=t.group)
        if ok:
            self._run(lambda: tags.rename_tag(t.id, name, group=group))

    def recolor(self) -> None:
        t = self._current()
        if t is None:
            return
        color = QColorDialog.getColor(QColor(t.color), self, self.tr('标签颜色'))
        if color.isValid():
            self._run(lambda: tags.rename_tag(t.id, t.name, color=color.name()))

    def delete(self) -> None:
        t = self._current()
        if t is None:
            return
        answer = QMessageBox.question(
            self, self.tr('删除标签'),
            self.tr('删除标签“{0}”？{1} 位顾客会失去这个标签。').format(t.name, f'{t.count:,}'))
        if answer == QMessageBox.Yes:
            self._run(lambda: tags.delete_tag(t.id))
