"""The shop's backups, newest first: time, kind, size, schema version, file name."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from services.backups import AUTO, BEFORE_MIGRATION, BEFORE_RESTORE, MANUAL, BackupInfo

_T = 'BackupList'
KIND_NAMES = {AUTO: QT_TRANSLATE_NOOP('BackupList', '自动'),
              MANUAL: QT_TRANSLATE_NOOP('BackupList', '手动'),
              BEFORE_RESTORE: QT_TRANSLATE_NOOP('BackupList', '恢复前'),
              BEFORE_MIGRATION: QT_TRANSLATE_NOOP('BackupList', '升级前')}


def size_text(size: int) -> str:
    if size >= 1 << 30:
        return f'{size / (1 << 30):.1f} GB'
    if size >= 1 << 20:
        return f'{size / (1 << 20):.1f} MB'
    return f'{max(size, 1) / 1024:.0f} KB'


class BackupList(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([self.tr('时间'), self.tr('类型'), self.tr('大小'),
                                        self.tr('结构版本'), self.tr('文件')])
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self._backups: list[BackupInfo] = []

    def set_backups(self, found: list[BackupInfo]) -> None:
        """Show `found`; the newest usable one is selected."""
        self._backups = list(found)
        self.setRowCount(len(found))
        first_good = -1
        for row, b in enumerate(found):
            usable = b.restorable
            if usable and first_good < 0:
                first_good = row
            version = (str(b.schema_version) if usable else
                       self.tr('不可用') if b.schema_version is None else
                       self.tr('{0}（较新）').format(b.schema_version))
            kind = KIND_NAMES.get(b.kind)
            values = (b.taken_at.strftime('%Y-%m-%d %H:%M'),
                      QCoreApplication.translate(_T, kind) if kind else self.tr('其他'),
                      size_text(b.size), version, Path(b.path).name)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setToolTip(b.path)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if not usable:
                    item.setForeground(Qt.gray)
                self.setItem(row, column, item)
        if first_good >= 0:
            self.selectRow(first_good)
        else:
            self.clearSelection()

    def backups(self) -> list[BackupInfo]:
        return list(self._backups)

    def selected(self) -> BackupInfo | None:
        rows = self.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None
