"""The 数据与备份 section of the settings page: where the data is, the automatic backup
policy, the list of backups, 立即备份 and 恢复所选."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from services import settings
from services.backup_restore import restore
from services.backups import BackupPolicy, backup_folder, database_file, latest_backups, take_backup
from services.errors import UserError

from ..tasks import BackgroundTask
from .backup_list import BackupList


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    w = QSpinBox()
    w.setRange(low, high)
    w.setSuffix(suffix)
    return w


class BackupEditor(QWidget):
    """Emits `restored` after a backup replaced the shop's data (every page must reload)."""
    restored = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._task: BackgroundTask | None = None
        self.db_path = database_file()
        self.location = QLabel()
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.about_button = QPushButton(self.tr('关于掌柜会员通…'))
        self.about_button.clicked.connect(self.show_about)
        top = QHBoxLayout()
        top.addWidget(self.location, 1)
        top.addWidget(self.about_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.message = QLabel()
        self.message.setWordWrap(True)
        if self.db_path is None:
            self.location.setText(self.tr(
                '数据库在服务器上（PostgreSQL）：请用服务器的备份工具（如 pg_dump）定期备份。'))
            layout.addStretch()
            return
        self.location.setText(self.tr('数据文件：{0}').format(self.db_path))
        layout.addWidget(self._policy_box())
        layout.addWidget(self._list_box(), 1)
        layout.addWidget(self.message)
        self.load()

    # --- building ----------------------------------------------------------------------
    def _policy_box(self) -> QGroupBox:
        self.enabled = QCheckBox(self.tr('自动备份（打开软件后，以及当天第一次导入、撤销导入或恢复之前）'))
        self.every_days = _spin(1, 30, self.tr(' 天'))
        self.keep_daily = _spin(1, 90, self.tr(' 份'))
        self.keep_weekly = _spin(0, 104, self.tr(' 份'))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr('默认：数据文件旁的 backups 文件夹'))
        choose = QPushButton(self.tr('选择…'))
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.save_button = QPushButton(self.tr('保存备份设置'))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        form.addRow(self.enabled)
        form.addRow(self.tr('每隔'), self.every_days)
        form.addRow(self.tr('按天保留最近'), self.keep_daily)
        form.addRow(self.tr('再按周保留'), self.keep_weekly)
        form.addRow(self.tr('备份文件夹'), folder_row)
        save_row = QHBoxLayout()
        save_row.addStretch()
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        box = QGroupBox(self.tr('备份方式'))
        box.setLayout(form)
        return box

    def _list_box(self) -> QGroupBox:
        self.list = BackupList()
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.backup_button = QPushButton(self.tr('立即备份'))
        self.restore_button = QPushButton(self.tr('恢复所选…'))
        self.open_button = QPushButton(self.tr('打开备份文件夹'))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(self.open_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch()
        buttons.addWidget(self.open_button)
        box = QGroupBox(self.tr('备份列表'))
        inner = QVBoxLayout(box)
        inner.addWidget(self.list, 1)
        inner.addLayout(buttons)
        return box

    # --- policy ----------------------------------------------------------------------
    def load(self) -> None:
        if self.db_path is None:
            return
        p = settings.load(BackupPolicy)
        self.enabled.setChecked(p.enabled)
        self.every_days.setValue(p.every_days)
        self.keep_daily.setValue(p.keep_daily)
        self.keep_weekly.setValue(p.keep_weekly)
        self.folder.setText(p.folder)
        self.refresh()

    def policy(self) -> BackupPolicy:
        return BackupPolicy(self.enabled.isChecked(), self.every_days.value(),
                            self.keep_daily.value(), self.keep_weekly.value(),
                            self.folder.text().strip())

    def save(self) -> bool:
        try:
            settings.save(self.policy())
        except UserError as e:
            self._say(str(e), error=True)
            return False
        self.refresh()
        self._say(self.tr('备份设置已保存。'))
        return True

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr('选择备份文件夹'),
                                                  self.folder.text() or str(self._folder()))
        if folder:
            self.folder.setText(folder)

    def _folder(self) -> Path:
        return backup_folder(self.db_path)

    # --- the list -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.list.set_backups(latest_backups(self.db_path))
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.list.selected()
        idle = self._task is None
        self.restore_button.setEnabled(idle and chosen is not None and chosen.restorable)
        self.backup_button.setEnabled(idle)

    def open_folder(self) -> None:
        folder = self._folder()
        if not folder.is_dir():
            self._say(self.tr('备份文件夹还不存在：第一次备份时会建立。'))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def backup_now(self) -> None:
        self._run(lambda _p, _c: take_backup(), self.tr('正在备份…'), self._backed_up)

    def _backed_up(self, dest) -> None:
        self.refresh()
        self._say(self.tr('已备份到：{0}').format(dest))

    def restore_selected(self) -> None:
        chosen = self.list.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self, self.tr('恢复备份'),
            self.tr('用 {0} 的备份替换现在的全部数据？\n现在的数据会先备份到备份文件夹'
                    '（类型“恢复前”），需要时可以再恢复回来。')
            .format(chosen.taken_at.strftime('%Y-%m-%d %H:%M')))
        if answer != QMessageBox.Yes:
            return
        path = chosen.path
        self._run(lambda _p, _c: restore(path), self.tr('正在恢复备份…'), self._restored)

    def _restored(self, result) -> None:
        self.refresh()
        self._say(self.tr('已恢复：{0:,} 位顾客，{1:,} 笔订单。').format(result.customers, result.orders))
        self.restored.emit()

    def _run(self, fn, title: str, done) -> None:
        task = BackgroundTask(fn, self, title, cancellable=False)
        task.finished.connect(lambda result: (self._finished(), done(result)))
        task.failed.connect(lambda message: (self._finished(), self._say(message, error=True)))
        self._task = task.start()
        self._selection_changed()

    def _finished(self) -> None:
        self._task = None
        self._selection_changed()

    def show_about(self) -> None:
        from ..dialogs.about_dialog import AboutDialog
        AboutDialog(self).exec()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
