"""Import a sheet of survey answers: choose options, run in the background, show what
happened row by row."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QLabel, QListWidget,
                               QVBoxLayout)

from services.care import survey_sheet
from services.care.survey_sheet import ResponseImport

from ..tasks import BackgroundTask


class SurveyImportDialog(QDialog):
    """Emits `imported` after rows were written; `result` holds the ResponseImport."""
    imported = Signal()

    def __init__(self, path: str, survey_id: int, survey_name: str, parent=None):
        super().__init__(parent)
        self.path, self.survey_id = path, survey_id
        self.result: ResponseImport | None = None
        self._task = None
        self.setWindowTitle(self.tr('导入问卷答卷'))
        intro = QLabel(self.tr(
            '文件：{0}\n问卷：{1}\n表里要有「买家会员名」「日期」「满意度」（1-5 分）列，「平台」可选，'
            '然后每个问题一列（列名就是问题）。按平台和买家会员名找顾客，不按手机号；同一位顾客同一天的'
            '答卷再次导入会更新，不会重复。').format(Path(path).name, survey_name))
        intro.setWordWrap(True)
        self.give_bonus = QCheckBox(self.tr('给新答卷的顾客赠送问卷积分（每份问卷每位顾客一次）'))
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
        layout.addWidget(self.give_bonus)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 420)

    def start(self) -> None:
        path, survey_id, bonus = self.path, self.survey_id, self.give_bonus.isChecked()

        def work(progress, cancelled):
            return survey_sheet.import_responses(path, survey_id, give_bonus=bonus,
                                                 progress=progress, cancelled=cancelled)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.summary.setText(self.tr('正在导入…'))
        task = BackgroundTask(work, self, self.tr('正在导入答卷…'))
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._failed(self.tr('已取消，没有导入任何内容。')))
        self._task = task.start()

    def _done(self, result: ResponseImport) -> None:
        self.result = result
        parts = [self.tr('读取 {0} 行：新答卷 {1}，更新 {2}，无变化 {3}').format(
            result.rows_read, result.added, result.updated, result.unchanged)]
        if result.fields_filled:
            parts.append(self.tr('填入了 {0} 位顾客的资料字段').format(result.fields_filled))
        if result.bonuses:
            parts.append(self.tr('{0} 位顾客获得问卷积分').format(result.bonuses))
        if result.problems:
            parts.append(self.tr('{0} 行有问题未导入（见下方）').format(len(result.problems)))
        self.summary.setText(self.tr('；').join(parts) + (
            '\n' + '\n'.join(result.notes) if result.notes else ''))
        self.problems.clear()
        self.problems.addItems([str(p) for p in result.problems])
        self.problems.setVisible(bool(result.problems))
        self.imported.emit()

    def _failed(self, message: str) -> None:
        self.summary.setText(message)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)
