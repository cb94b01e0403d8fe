"""Manage tags: add, rename, recolour, group and delete; automatic tags and their rules."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from services import auto_tags, tags
from services.errors import UserError

from ..labels import tag_rule_text


class TagManagerDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('标签管理'))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr('标签'), self.tr('分组'),
                                              self.tr('顾客数'), self.tr('来源'),
                                              self.tr('规则')])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _: self.open_current())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr('新建'))
        self.add_auto_button = QPushButton(self.tr('新建自动标签'))
        self.add_auto_button.setToolTip(self.tr('按规则自动给顾客打的标签，如 高消费、双11买家'))
        self.rule_button = QPushButton(self.tr('编辑规则'))
        self.add_auto_button.clicked.connect(self.add_auto)
        self.rule_button.clicked.connect(self.edit_rule)
        self.rename_button = QPushButton(self.tr('改名/分组'))
        self.color_button = QPushButton(self.tr('颜色'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.color_button.clicked.connect(self.recolor)
        self.delete_button.clicked.connect(self.delete)
        side = QVBoxLayout()
        for b in (self.add_button, self.add_auto_button, self.rule_button, self.rename_button,
                  self.color_button, self.delete_button):
            side.addWidget(b)
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        hint = QLabel(self.tr('删除标签只会去掉顾客身上的这个标签，不会删除顾客。'
                              '自动标签由规则决定谁有它，双击可编辑规则。'))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(760, 440)
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
            # Tags are few (dozens): one small read per automatic tag is fine.
            rule = tag_rule_text(auto_tags.rule_of(t.id)) if t.auto else ''
            if t.auto and not rule:
                rule = self.tr('（规则无效，不会选中任何顾客）')
            for c, item in enumerate((name, QTableWidgetItem(t.group), count,
                                      QTableWidgetItem(source), QTableWidgetItem(rule))):
                self.table.setItem(r, c, item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        t = self._current()
        for b in (self.rename_button, self.color_button, self.delete_button):
            b.setEnabled(t is not None)
        self.rule_button.setEnabled(t is not None and t.auto)

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

    def open_current(self) -> None:
        """Double-click: an automatic tag opens its rule, a manual one its name."""
        t = self._current()
        if t is not None and t.auto:
            self.edit_rule()
        else:
            self.rename()

    def add_auto(self) -> None:
        from .auto_tag_dialog import AutoTagDialog
        dialog = AutoTagDialog(self)
        if dialog.exec():
            self.reload()
            self._select(dialog.tag_id)

    def edit_rule(self) -> None:
        t = self._current()
        if t is None or not t.auto:
            return
        from .auto_tag_dialog import AutoTagDialog
        if AutoTagDialog(self, tag_id=t.id, name=t.name).exec():
            self.reload()
            self._select(t.id)

    def _select(self, tag_id: int | None) -> None:
        for r, t in enumerate(self._tags):
            if t.id == tag_id:
                self.table.selectRow(r)
                return

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
