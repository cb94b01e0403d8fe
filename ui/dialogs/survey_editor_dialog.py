"""Satisfaction surveys: define them (name, on/off, questions that may fill custom fields),
and take their answers out to a sheet and back in. The editor is a widget so the 设置
page can show it as a tab; SurveyEditorDialog is the same in a window."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QMessageBox,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services import custom_fields
from services.care import survey_sheet, surveys
from services.care.surveys import Question, SurveyInfo
from services.errors import UserError

from ..tasks import BackgroundTask

_C = 'SurveyEditor'
_KINDS = {
    surveys.CHOICE: QT_TRANSLATE_NOOP('SurveyEditor', '单选'),
    surveys.SCORE: QT_TRANSLATE_NOOP('SurveyEditor', '打分 1-5'),
    surveys.TEXT: QT_TRANSLATE_NOOP('SurveyEditor', '文字'),
}
_HEADERS = (QT_TRANSLATE_NOOP('SurveyEditor', '问题'), QT_TRANSLATE_NOOP('SurveyEditor', '类型'),
            QT_TRANSLATE_NOOP('SurveyEditor', '选项（逗号分开）'),
            QT_TRANSLATE_NOOP('SurveyEditor', '填入顾客字段'))
_TEXT, _KIND, _CHOICES, _FIELD = range(4)


class SurveyEditor(QWidget):
    """Emits `saved(survey_id)` after a survey was saved."""
    saved = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._surveys: list[SurveyInfo] = []
        self._current = SurveyInfo()
        self._fields: list[str] = []
        self._loading = False
        self._dirty = False
        self._task = None
        self.list = QListWidget()
        self.list.setObjectName('surveyList')
        self.list.currentRowChanged.connect(self._chosen)
        self.new_button = QPushButton(self.tr('新建问卷'))
        self.delete_button = QPushButton(self.tr('删除问卷'))
        self.new_button.clicked.connect(self.new_survey)
        self.delete_button.clicked.connect(self.delete_survey)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        lv.addLayout(row)

        self.name = QLineEdit()
        self.name.setObjectName('surveyName')
        self.name.setPlaceholderText(self.tr('如 售后满意度回访'))
        self.active = QCheckBox(self.tr('启用（记录问卷时可以选它）'))
        self.active.setChecked(True)
        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setObjectName('surveyQuestions')
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate(_C, h) for h in _HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(_TEXT, QHeaderView.Stretch)
        header.setSectionResizeMode(_CHOICES, QHeaderView.Stretch)
        # The combo boxes in these columns would be squeezed to their header's width.
        for column, width in ((_KIND, 110), (_FIELD, 130)):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton(self.tr('添加问题'))
        self.remove_button = QPushButton(self.tr('删除问题'))
        self.up_button = QPushButton(self.tr('上移'))
        self.down_button = QPushButton(self.tr('下移'))
        self.add_button.clicked.connect(lambda: self.add_question())
        self.remove_button.clicked.connect(self.remove_question)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        q_buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            q_buttons.addWidget(b)
        q_buttons.addStretch()
        hint = QLabel(self.tr('每份问卷都先问满意度（1-5 分），再问下面的问题。问题的答案可以填入顾客的'
                              '自定义字段（如 肤质、风格；在 顾客 → 自定义字段 里添加）。'))
        hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName('surveyMessage')
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr('保存问卷'))
        self.export_button = QPushButton(self.tr('导出答卷 / 模板…'))
        self.import_button = QPushButton(self.tr('导入答卷…'))
        self.save_button.clicked.connect(self.save)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.save_button)
        right = QWidget()
        form = QFormLayout()
        form.addRow(self.tr('问卷名称'), self.name)
        form.addRow('', self.active)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(form)
        rv.addWidget(hint)
        rv.addWidget(self.table, 1)
        rv.addLayout(q_buttons)
        rv.addLayout(bottom)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([180, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.name.textEdited.connect(self._edited)
        self.active.toggled.connect(self._edited)
        self.table.itemChanged.connect(self._edited)
        self.load()

    # --- loading ----------------------------------------------------------------------
    def showEvent(self, event) -> None:
        # Answers recorded elsewhere change the counts; new custom fields the choices.
        super().showEvent(event)
        if not self._dirty:
            self.load()

    def load(self, select_id: int | None = None) -> None:
        """The surveys from the database; keeps (or moves to) the chosen one."""
        self._fields = [f.name for f in custom_fields.list_fields()]
        self._surveys = surveys.list_surveys()
        keep = select_id if select_id is not None else self._current.id
        self.list.blockSignals(True)
        self.list.clear()
        for s in self._surveys:
            text = self.tr('{0}（{1} 份答卷）').format(s.name, s.responses)
            if not s.active:
                text += self.tr(' · 已停用')
            self.list.addItem(text)
        self.list.blockSignals(False)
        ids = [s.id for s in self._surveys]
        if keep in ids:
            self.list.setCurrentRow(ids.index(keep))
        elif self._surveys:
            self.list.setCurrentRow(0)
        else:
            self._show(SurveyInfo())

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self._surveys):
            self._show(self._surveys[row])

    def _show(self, s: SurveyInfo) -> None:
        self._loading = True
        self._current = s
        self.name.setText(s.name)
        self.active.setChecked(s.active)
        self.table.setRowCount(0)
        for q in s.questions:
            self.add_question(q)
        self._loading = False
        self._dirty = False
        self.message.clear()
        has_id = s.id is not None
        for b in (self.delete_button, self.export_button, self.import_button):
            b.setEnabled(has_id)

    def _edited(self, *_) -> None:
        if not self._loading:
            self._dirty = True

    # --- questions --------------------------------------------------------------------
    def add_question(self, q: Question | None = None) -> None:
        q = q or Question(kind=surveys.CHOICE)
        r = self.table.rowCount()
        was_loading = self._loading
        self._loading = True
        self.table.insertRow(r)
        text = QTableWidgetItem(q.text)
        text.setData(Qt.UserRole, q.id)          # the question's stable key
        self.table.setItem(r, _TEXT, text)
        kind = QComboBox()
        for code, label in _KINDS.items():
            kind.addItem(QCoreApplication.translate(_C, label), code)
        kind.setCurrentIndex(max(0, kind.findData(q.kind)))
        kind.currentIndexChanged.connect(self._edited)
        self.table.setCellWidget(r, _KIND, kind)
        self.table.setItem(r, _CHOICES, QTableWidgetItem(', '.join(q.choices)))
        target = QComboBox()
        target.addItem(self.tr('（不填入）'), '')
        for name in self._fields + ([q.field] if q.field and q.field not in self._fields else []):
            target.addItem(name, name)
        target.setCurrentIndex(max(0, target.findData(q.field)))
        target.currentIndexChanged.connect(self._edited)
        self.table.setCellWidget(r, _FIELD, target)
        self._loading = was_loading
        if not was_loading:
            self._dirty = True
            self.table.setCurrentCell(r, _TEXT)

    def questions(self) -> list[Question]:
        out = []
        for r in range(self.table.rowCount()):
            text = self.table.item(r, _TEXT)
            choices = self.table.item(r, _CHOICES)
            out.append(Question(
                text.text() if text else '', self.table.cellWidget(r, _KIND).currentData(),
                surveys.split_choices(choices.text() if choices else ''),
                self.table.cellWidget(r, _FIELD).currentData() or '',
                (text.data(Qt.UserRole) or '') if text else ''))
        return out

    def _refill(self, questions: list[Question], current: int) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for q in questions:
            self.add_question(q)
        self._loading = False
        self._dirty = True
        if 0 <= current < len(questions):
            self.table.setCurrentCell(current, _TEXT)

    def remove_question(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            qs = self.questions()
            del qs[r]
            self._refill(qs, min(r, len(qs) - 1))

    def _move(self, step: int) -> None:
        r = self.table.currentRow()
        qs = self.questions()
        if 0 <= r < len(qs) and 0 <= r + step < len(qs):
            qs[r], qs[r + step] = qs[r + step], qs[r]
            self._refill(qs, r + step)

    # --- surveys ----------------------------------------------------------------------
    def current_info(self) -> SurveyInfo:
        return SurveyInfo(self._current.id, self.name.text(), self.active.isChecked(),
                          self.questions(), self._current.responses)

    def _discard_ok(self) -> bool:
        if not self._dirty:
            return True
        return QMessageBox.question(self, self.tr('满意度问卷'), self.tr(
            '当前问卷的修改还没有保存，放弃这些修改？')) == QMessageBox.Yes

    def new_survey(self) -> None:
        if not self._discard_ok():
            return
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show(SurveyInfo(questions=[Question(kind=surveys.CHOICE)]))
        self._dirty = True
        self.name.setFocus()

    def save(self) -> bool:
        try:
            sid = surveys.save_survey(self.current_info())
        except UserError as e:
            self._say(str(e), error=True)
            return False
        self._dirty = False
        self.load(sid)
        self._say(self.tr('已保存'))
        self.saved.emit(sid)
        return True

    def delete_survey(self) -> None:
        s = self._current
        if s.id is None:
            return
        answer = QMessageBox.question(self, self.tr('删除问卷'),
                                      self.tr('删除问卷“{0}”？').format(s.name))
        if answer != QMessageBox.Yes:
            return
        try:
            surveys.delete_survey(s.id)
        except UserError as e:
            self._say(str(e), error=True)
            return
        self._current = SurveyInfo()
        self._dirty = False
        self.load()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
        self.message.setText(text)

    # --- answers out and in ----------------------------------------------------------
    def _saved_survey(self) -> SurveyInfo | None:
        if self._current.id is None:
            self._say(self.tr('请先保存问卷'), error=True)
            return None
        if self._dirty and not self.save():
            return None
        return self._current

    def choose_export(self) -> None:
        s = self._saved_survey()
        if s is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr('导出答卷'), self.tr('{0}-答卷.xlsx').format(s.name),
            self.tr('Excel 表格 (*.xlsx);;CSV 文件 (*.csv)'))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        sid = self._current.id

        def work(progress, cancelled):
            return survey_sheet.export_responses(path, sid, progress, cancelled)
        task = BackgroundTask(work, self, self.tr('正在导出答卷…'))
        task.finished.connect(lambda n: self._say(
            self.tr('已导出 {0} 份答卷；没有答卷时就是空白的导入模板。').format(n)))
        task.failed.connect(lambda m: self._say(m, error=True))
        self._task = task.start()

    def choose_import(self) -> None:
        s = self._saved_survey()
        if s is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr('导入答卷'), '', self.tr('表格 (*.xlsx *.xls *.csv)'))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> QDialog:
        from .survey_import_dialog import SurveyImportDialog
        dialog = SurveyImportDialog(path, self._current.id, self._current.name, self)
        dialog.imported.connect(lambda: self.load(self._current.id))
        dialog.open()
        return dialog


class SurveyEditorDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('满意度问卷'))
        self.editor = SurveyEditor()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)
