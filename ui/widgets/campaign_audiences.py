"""The 人群 tab: saved audiences with their live size."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from services import campaigns
from services.errors import UserError

from ..formatting import minute
from .campaign_runner import Runner

_COLUMNS = (QT_TRANSLATE_NOOP('AudiencesTab', '名称'), QT_TRANSLATE_NOOP('AudiencesTab', '条件'),
            QT_TRANSLATE_NOOP('AudiencesTab', '人数'),
            QT_TRANSLATE_NOOP('AudiencesTab', '修改时间'))


class AudiencesTab(QWidget):
    """Emits `changed` after an audience was saved or deleted (the campaign wizard lists them)."""
    changed = Signal()

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today              # tests and screenshots pin the day
        self.audiences: list = []
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in _COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.new_button = QPushButton(self.tr('新建人群'))
        self.edit_button = QPushButton(self.tr('编辑'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.winback_button = QPushButton(self.tr('添加“沉睡顾客”人群'))
        self.winback_button.setToolTip(self.tr('按 提醒设置 里的唤醒天数，圈出很久没买的顾客'))
        self.refresh_button = QPushButton(self.tr('刷新人数'))
        self.new_button.clicked.connect(self.new_audience)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.winback_button.clicked.connect(self.add_winback)
        self.refresh_button.clicked.connect(self.reload)
        self.hint = QLabel(self.tr('人群是保存下来的筛选条件，人数随数据实时变化；'
                                   '建活动时会把当时的名单固定下来。'))
        self.hint.setWordWrap(True)
        bar = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button, self.winback_button):
            bar.addWidget(b)
        bar.addStretch()
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.runner = Runner(self)

    def reload(self) -> None:
        self.audiences = campaigns.list_audiences()
        self.table.setRowCount(len(self.audiences))
        for row, a in enumerate(self.audiences):
            cells = (a.name, campaigns.describe(a.filter, a.asleep_days), self.tr('计算中…'),
                     minute(a.updated_at))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)
        today = self.today
        self.runner.run(lambda _p, _c: campaigns.audience_reaches(today), self._sized)

    def _sized(self, sizes: dict) -> None:
        # id -> (people, of them opted out of SMS): "120（3 人已退订短信）"
        for row, a in enumerate(self.audiences):
            item = self.table.item(row, 2)
            if item is not None and a.id in sizes:
                n, opted = sizes[a.id]
                text = f'{n:,}'
                if opted:
                    text += self.tr('（{0} 人已退订短信）').format(f'{opted:,}')
                item.setText(text)

    def size_of(self, audience_id: int) -> str:
        for row, a in enumerate(self.audiences):
            if a.id == audience_id:
                return self.table.item(row, 2).text()
        return ''

    def current(self):
        row = self.table.currentRow()
        return self.audiences[row] if 0 <= row < len(self.audiences) else None

    def select_id(self, audience_id: int) -> None:
        for row, a in enumerate(self.audiences):
            if a.id == audience_id:
                self.table.selectRow(row)

    def new_audience(self) -> None:
        self._edit(None)

    def edit_current(self) -> None:
        a = self.current()
        if a is not None:
            self._edit(a)

    def _edit(self, info) -> None:
        from ..dialogs.audience_dialog import AudienceDialog
        dialog = AudienceDialog(info, self, self.today)
        if dialog.exec() == AudienceDialog.Accepted:
            self.reload()
            self.select_id(dialog.saved_id)
            self.changed.emit()

    def add_winback(self) -> None:
        try:
            aid = campaigns.winback_audience()
        except UserError as e:
            QMessageBox.warning(self, self.tr('人群'), str(e))
            return
        self.reload()
        self.select_id(aid)
        self.changed.emit()

    def delete_current(self) -> None:
        a = self.current()
        if a is None:
            return
        answer = QMessageBox.question(
            self, self.tr('删除人群'),
            self.tr('删除人群“{0}”？用它建的活动会保留各自的名单。').format(a.name))
        if answer != QMessageBox.Yes:
            return
        campaigns.delete_audience(a.id)
        self.reload()
        self.changed.emit()
