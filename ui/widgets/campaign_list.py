"""The 活动 tab: the campaign list, the create wizards, and the chosen campaign's detail."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QMessageBox,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services import campaigns

from ..formatting import day
from ..labels import service_text
from .campaign_detail import CampaignDetail
from .campaign_runner import Runner

_COLUMNS = (QT_TRANSLATE_NOOP('CampaignsTab', '活动'), QT_TRANSLATE_NOOP('CampaignsTab', '人群'),
            QT_TRANSLATE_NOOP('CampaignsTab', '目标/对照'),
            QT_TRANSLATE_NOOP('CampaignsTab', '状态'),
            QT_TRANSLATE_NOOP('CampaignsTab', '创建日期'))


class CampaignsTab(QWidget):
    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today
        self.items: list = []
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setObjectName('campaignTable')
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in _COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._picked)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.new_button = QPushButton(self.tr('新建活动'))
        self.winback_button = QPushButton(self.tr('沉睡唤醒活动'))
        self.winback_button.setToolTip(self.tr('内置的两步唤醒：大促前 7 天问候，前 2 天发券'))
        self.edit_button = QPushButton(self.tr('编辑'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.new_button.clicked.connect(lambda: self.create())
        self.winback_button.clicked.connect(self.create_winback)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        bar = QHBoxLayout()
        for b in (self.new_button, self.winback_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        bar.addStretch()
        self.detail = CampaignDetail(today=today)
        self.detail.changed.connect(self._detail_changed)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.runner = Runner(self)

    def reload(self, select_id: int | None = None) -> None:
        """Read the list off the UI thread (live member counts of big campaigns take a
        moment), then select `select_id` or the campaign selected before."""
        current = self.current()
        select_id = select_id if select_id is not None else (current.id if current else None)
        self.runner.run(lambda _p, _c: campaigns.list_campaigns(),
                        lambda items: self._listed(items, select_id))

    def _listed(self, items: list, select_id: int | None) -> None:
        self._fill(items)
        rows = [i for i, c in enumerate(self.items) if c.id == select_id]
        if rows or self.items:
            self.table.selectRow(rows[0] if rows else 0)
        self._picked()

    def _fill(self, items: list) -> None:
        self.items = items
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, c in enumerate(self.items):
            cells = (c.name, c.audience_name, f'{c.targets:,} / {c.control:,}',
                     service_text(campaigns.STATE_NAMES.get(c.state, c.state)), day(c.created_at))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.blockSignals(False)

    def current(self):
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _picked(self) -> None:
        self.detail.show_campaign(self.current())
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _detail_changed(self) -> None:
        self.runner.run(lambda _p, _c: campaigns.list_campaigns(), self._relisted)

    def _relisted(self, items: list) -> None:
        # The list's state column changed; the detail already shows the new state.
        shown = self.detail.info.id if self.detail.info else None
        self._fill(items)
        self.table.blockSignals(True)
        for row, c in enumerate(self.items):
            if c.id == shown:
                self.table.selectRow(row)
        self.table.blockSignals(False)

    def create(self, new=None) -> None:
        from ..dialogs.campaign_dialog import CampaignDialog
        dialog = CampaignDialog(new=new, parent=self, today=self.today)
        if dialog.exec() == CampaignDialog.Accepted:
            self.reload(dialog.campaign_id)

    def create_winback(self) -> None:
        from ..dialogs.campaign_winback_dialog import WinbackDialog
        dialog = WinbackDialog(self, today=self.today)
        if dialog.exec() == WinbackDialog.Accepted:
            self.create(dialog.new)

    def edit_current(self) -> None:
        c = self.current()
        if c is None:
            return
        # A big campaign's members take a moment to read: off the UI thread.
        self.runner.run(lambda _p, _c: campaigns.get_campaign(c.id), self._edit)

    def _edit(self, info) -> None:
        from ..dialogs.campaign_dialog import CampaignDialog
        dialog = CampaignDialog(info=info, parent=self, today=self.today)
        if dialog.exec() == CampaignDialog.Accepted:
            self.reload(info.id)

    def delete_current(self) -> None:
        c = self.current()
        if c is None:
            return
        answer = QMessageBox.question(
            self, self.tr('删除活动'),
            self.tr('删除活动“{0}”？它的名单、发送记录和效果统计都会一起删除。').format(c.name))
        if answer == QMessageBox.Yes:
            self.runner.run(lambda _p, _c: campaigns.delete_campaign(c.id),
                            lambda _r: self.reload(), self.tr('正在删除活动…'),
                            cancellable=False)
