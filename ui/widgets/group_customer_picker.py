"""Find live customers by nick, name, phone or pinyin and pick one or several.

Used to add members to a group and to choose who referred whom. The search runs
through the member list query (the same as the 会员 page), limited to a screenful.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from services import member_query
from services.member_query import MemberFilter

from ..labels import platform_name


class CustomerPicker(QWidget):
    """`selection_changed` after the picked customers change; `activated(id)` on a
    double-click or Enter."""
    selection_changed = Signal()
    activated = Signal(int)
    LIMIT = 50
    DEBOUNCE_MS = 200

    def __init__(self, multiple: bool = False, exclude: set[int] | None = None, parent=None):
        super().__init__(parent)
        self._exclude = set(exclude or ())
        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search = QLineEdit()
        self.search.setObjectName('pickerSearch')
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr('输入买家会员名、姓名、手机或拼音首字母搜索'))
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._enter)
        self.results = QListWidget()
        self.results.setSelectionMode(QAbstractItemView.ExtendedSelection if multiple
                                      else QAbstractItemView.SingleSelection)
        self.results.itemSelectionChanged.connect(self.selection_changed)
        self.results.itemDoubleClicked.connect(
            lambda item: self.activated.emit(item.data(Qt.UserRole)))
        self.hint = QLabel()
        self.hint.setObjectName('pickerHint')
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.hint.setText(self.tr('输入后显示匹配的顾客'))

    def search_now(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            self.hint.setText(self.tr('输入后显示匹配的顾客'))
            return
        f = MemberFilter(text=text, sort='nick', descending=False)
        rows = [r for r in member_query.page(f, 0, self.LIMIT + len(self._exclude))
                if r.id not in self._exclude][:self.LIMIT]
        total = member_query.count(f)
        for r in rows:
            where = platform_name(r.platform) + (f' · {r.name}' if r.name else '')
            item = QListWidgetItem(self.tr('{0}（{1}）').format(r.nick, where))
            item.setData(Qt.UserRole, r.id)
            self.results.addItem(item)
        if not rows:
            self.hint.setText(self.tr('没有找到匹配的顾客'))
        elif total > len(rows):
            self.hint.setText(self.tr('显示前 {0} 位，共 {1} 位匹配，请输入更完整的名字')
                              .format(len(rows), f'{total:,}'))
        else:
            self.hint.setText(self.tr('找到 {0} 位').format(len(rows)))
        if len(rows) == 1:
            self.results.setCurrentRow(0)

    def _enter(self) -> None:
        self.search_now()
        ids = self.selected_ids()
        if len(ids) == 1:
            self.activated.emit(ids[0])

    def selected_ids(self) -> list[int]:
        return [item.data(Qt.UserRole) for item in self.results.selectedItems()]

    def selected_labels(self) -> list[str]:
        return [item.text() for item in self.results.selectedItems()]
