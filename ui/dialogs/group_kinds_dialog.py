"""Edit the list of group kinds (淘客群, VIP群 ...): add, rename, reorder, delete."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel,
                               QListWidget, QMessageBox, QPushButton, QVBoxLayout)

from services import groups
from services.errors import UserError


class GroupKindsDialog(QDialog):
    """`changed` is True once anything was saved."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.changed = False
        self.setWindowTitle(self.tr('群类型'))
        self.list = QListWidget()
        self.add_button = QPushButton(self.tr('添加'))
        self.rename_button = QPushButton(self.tr('改名'))
        self.up_button = QPushButton(self.tr('上移'))
        self.down_button = QPushButton(self.tr('下移'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.delete_button.clicked.connect(self.delete)
        side = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.up_button, self.down_button,
                  self.delete_button):
            side.addWidget(b)
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        hint = QLabel(self.tr('改名会同时改掉这一类的所有群；还有群属于某个类型时不能删除它。'))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._selection_changed)
        self.resize(380, 320)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        kinds = groups.list_kinds()
        self.list.clear()
        self.list.addItems(kinds)
        if select in kinds:
            self.list.setCurrentRow(kinds.index(select))
        self._selection_changed()

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.text() if item else None

    def _selection_changed(self, *_) -> None:
        has = self.current() is not None
        for b in (self.rename_button, self.up_button, self.down_button, self.delete_button):
            b.setEnabled(has)

    def _run(self, work, select: str | None) -> None:
        try:
            work()
        except UserError as e:
            QMessageBox.warning(self, self.tr('群类型'), str(e))
            return
        self.changed = True
        self.reload(select)

    def add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr('添加群类型'), self.tr('类型名'))
        if ok:
            self._run(lambda: groups.add_kind(name), name.strip())

    def rename(self) -> None:
        old = self.current()
        if old is None:
            return
        name, ok = QInputDialog.getText(self, self.tr('群类型改名'), self.tr('新名字'), text=old)
        if ok:
            self._run(lambda: groups.rename_kind(old, name), name.strip())

    def move(self, offset: int) -> None:
        name = self.current()
        if name is not None:
            self._run(lambda: groups.move_kind(name, offset), name)

    def delete(self) -> None:
        name = self.current()
        if name is not None:
            self._run(lambda: groups.delete_kind(name), None)
