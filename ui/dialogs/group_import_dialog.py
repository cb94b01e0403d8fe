"""Import a roster sheet: choose options, run in the background, show what happened."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QListWidget, QVBoxLayout)

from services import groups
from services.groups import RosterImport

from ..tasks import BackgroundTask


class GroupImportDialog(QDialog):
    """Emits `imported` after rows were written; `result` holds the RosterImport."""
    imported = Signal()

    def __init__(self, path: str, default_group_id: int | None = None, parent=None):
        super().__init__(parent)
        self.path = path
        self.result: RosterImport | None = None
        self._task = None
        self.setWindowTitle(self.tr('导入群名册'))
        intro = QLabel(self.tr(
            '文件：{0}\n按「平台」+「买家会员名」找顾客（不按手机号）；「群名」列写明每行属于哪个群。'
            '同一个表重复导入不会重复添加，表里没有的成员不会被移出。').format(Path(path).name))
        intro.setWordWrap(True)
        self.default_group = QComboBox()
        self.default_group.addItem(self.tr('（不指定：没有群名的行记为问题）'), None)
        for g in groups.list_groups():
            self.default_group.addItem(g.name, g.id)
        self.default_group.setCurrentIndex(max(0, self.default_group.findData(default_group_id)))
        self.create_groups = QCheckBox(self.tr('群名不存在时自动新建群'))
        self.create_buyers = QCheckBox(self.tr('找不到的顾客自动新建（否则记为问题）'))
        form = QFormLayout()
        form.addRow(self.tr('没有群名的行导入到'), self.default_group)
        form.addRow('', self.create_groups)
        form.addRow('', self.create_buyers)
        self.summary = QLabel()
        self.summary.setObjectName('importSummary')
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Close)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr('开始导入'))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 420)

    def start(self) -> None:
        group_id = self.default_group.currentData()
        create_groups, create_buyers = (self.create_groups.isChecked(),
                                        self.create_buyers.isChecked())
        path = self.path

        def work(progress, cancelled):
            return groups.import_roster(path, group_id, create_groups=create_groups,
                                        create_buyers=create_buyers, progress=progress,
                                        cancelled=cancelled)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.summary.setText(self.tr('正在导入…'))
        task = BackgroundTask(work, self, self.tr('正在导入群名册…'))
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._failed(self.tr('已取消，没有导入任何内容。')))
        self._task = task.start()

    def _done(self, result: RosterImport) -> None:
        self.result = result
        parts = [self.tr('读取 {0} 行：新入群 {1}，更新 {2}，无变化 {3}').format(
            result.rows_read, result.added, result.updated, result.unchanged)]
        if result.buyers_created:
            parts.append(self.tr('新建顾客 {0} 位').format(result.buyers_created))
        if result.groups_created:
            parts.append(self.tr('新建群：{0}').format(self.tr('、').join(result.groups_created)))
        if result.problems:
            parts.append(self.tr('{0} 行有问题未导入（见下方）').format(len(result.problems)))
        self.summary.setText(self.tr('；').join(parts) + ('\n' + '\n'.join(result.notes)
                                                         if result.notes else ''))
        self.problems.clear()
        self.problems.addItems([str(p) for p in result.problems])
        self.problems.setVisible(bool(result.problems))
        self.imported.emit()

    def _failed(self, message: str) -> None:
        self.summary.setText(message)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)
