"""The 节日 tab: the editable calendar of trade festivals (platforms move some dates yearly)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from services.reminders import festivals


class FestivalTab(QWidget):
    """Emits `changed` after an edit, so the lists and the calendar reload."""
    changed = Signal()

    def __init__(self, today: date | None = None, parent=None):
        super().__init__(parent)
        self.today = today or date.today()
        hint = QLabel(self.tr('节日提醒会在“提前准备”的天数前出现在今日待办里，方便备货、'
                              '设置优惠和通知老顾客。平台每年公布的日期不同，可以在这里修改。'))
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName('festivalTable')
        self.table.setHorizontalHeaderLabels([
            self.tr('节日'), self.tr('日期'), self.tr('下一次'), self.tr('持续'),
            self.tr('提前准备'), self.tr('提醒'), self.tr('备注')])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _: self.edit_current())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr('新增节日'))
        self.edit_button = QPushButton(self.tr('编辑'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.restore_button = QPushButton(self.tr('恢复默认节日'))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.restore_button.clicked.connect(self.restore)
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        bar.addStretch()
        bar.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self._items = festivals.list_festivals()
        self.table.setRowCount(len(self._items))
        for row, f in enumerate(self._items):
            upcoming = festivals.next_date(f, self.today) if f.enabled else None
            values = [f.name, f.when_text(), upcoming.isoformat() if upcoming else '',
                      self.tr('{0} 天').format(f.days), self.tr('{0} 天').format(f.lead_days),
                      self.tr('是') if f.enabled else self.tr('否'), f.note]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if not f.enabled:
                    item.setForeground(Qt.gray)
                self.table.setItem(row, col, item)
        self._selection_changed()

    def current(self):
        row = self.table.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def _selection_changed(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add(self) -> None:
        self._edit(None)

    def edit_current(self) -> None:
        f = self.current()
        if f is not None:
            self._edit(f)

    def _edit(self, info) -> None:
        from ..dialogs.festival_dialog import FestivalDialog
        if FestivalDialog(info, self).exec() == FestivalDialog.Accepted:
            self.reload()
            self.changed.emit()

    def delete_current(self) -> None:
        f = self.current()
        if f is None:
            return
        if QMessageBox.question(self, self.tr('删除节日'),
                                self.tr('删除“{0}”？它的提醒不会再出现。').format(f.name)
                                ) != QMessageBox.Yes:
            return
        festivals.delete_festival(f.id)
        self.reload()
        self.changed.emit()

    def restore(self) -> None:
        n = festivals.restore_defaults()
        QMessageBox.information(self, self.tr('恢复默认节日'),
                                self.tr('已加回 {0} 个默认节日。').format(n) if n else
                                self.tr('默认节日都在，没有需要加回的。'))
        if n:
            self.reload()
            self.changed.emit()
