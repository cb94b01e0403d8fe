"""The shop's file is damaged: restore a backup (the newest good one is preselected) or
another file, or quit. Shown at start-up, or when a query meets a damaged page."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout)

from services.backup_restore import restore
from services.backups import backup_folder, latest_backups

from ..tasks import BackgroundTask
from ..widgets.backup_list import BackupList


class RestoreDialog(QDialog):
    """accept()s after a restore; `result_info` then holds services' RestoreResult."""

    def __init__(self, db_path: str | Path, message: str, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.result_info = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr('掌柜会员通：数据库已损坏'))
        self.folder = backup_folder(self.db_path)
        self.list = BackupList()
        self.list.set_backups(latest_backups(self.db_path, self.folder))
        usable = any(b.restorable for b in self.list.backups())
        self.intro = intro = QLabel(message + (
            self.tr('可以用备份恢复：已选中最近的可用备份。损坏的文件会改名保留，不会删除。')
            if usable else self.tr('在 {0} 里没有找到可用的备份；如果别处有备份文件，可以从那里恢复。')
            .format(self.folder)))
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr('恢复所选备份'))
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(usable)
        self.other_button = QPushButton(self.tr('从其他文件恢复…'))
        self.quit_button = QPushButton(self.tr('退出'))
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.choose_other)
        self.quit_button.clicked.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(720, 420)

    def _selection_changed(self) -> None:
        chosen = self.list.selected()
        self.restore_button.setEnabled(self._task is None and chosen is not None
                                       and chosen.restorable)

    def restore_selected(self) -> None:
        chosen = self.list.selected()
        if chosen is not None:
            self.restore_from(chosen.path)

    def choose_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr('选择备份文件'), str(self.folder),
            self.tr('数据库文件 (*.db);;所有文件 (*)'))
        if path:
            self.restore_from(path)

    def restore_from(self, src: str) -> None:
        """Check and restore `src` in the background; the dialog waits, then closes."""
        self._busy(True)
        self.status.setStyleSheet('')
        self.status.setText(self.tr('正在检查并恢复 {0}…').format(Path(src).name))
        db_path = self.db_path
        task = BackgroundTask(lambda _p, _c: restore(src, db_path), self,
                              self.tr('正在恢复…'), cancellable=False)
        task.finished.connect(self._restored)
        task.failed.connect(self._failed)
        self._task = task.start()

    def _busy(self, busy: bool) -> None:
        for button in (self.restore_button, self.other_button, self.quit_button):
            button.setEnabled(not busy)
        self.list.setEnabled(not busy)

    def _restored(self, result) -> None:
        self._task = None
        self.result_info = result
        self.accept()

    def _failed(self, message: str) -> None:
        self._task = None
        self._busy(False)
        self._selection_changed()
        self.status.setStyleSheet('color: #c0392b;')
        self.status.setText(message)

    def reject(self) -> None:
        if self._task is None:          # never leave while a restore runs
            super().reject()
