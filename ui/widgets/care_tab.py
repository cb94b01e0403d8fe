"""The 关怀 tab of a customer's detail: the quality mark (with its reason) and platform
credit level, and the buyer's satisfaction answers with a small line of the monthly
average score.

Also the display names of quality and credit codes, for the member table and filters.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services import quality_marks
from services.care import responses, satisfaction
from services.care.codes import CREDIT_KINDS, CREDIT_LEVELS
from services.errors import UserError

from .. import formatting

_C = 'CareTab'
_QUALITIES = {
    'good': QT_TRANSLATE_NOOP('CareTab', '优质'),
    'normal': QT_TRANSLATE_NOOP('CareTab', '一般'),
    'bad': QT_TRANSLATE_NOOP('CareTab', '劣质'),
}
_CREDIT_KINDS = {
    'heart': QT_TRANSLATE_NOOP('CareTab', '{0}心'),
    'diamond': QT_TRANSLATE_NOOP('CareTab', '{0}钻'),
    'crown': QT_TRANSLATE_NOOP('CareTab', '{0}冠'),
    'goldcrown': QT_TRANSLATE_NOOP('CareTab', '{0}金冠'),
}
_SOURCES = {
    'callback': QT_TRANSLATE_NOOP('CareTab', '回访'),
    'import': QT_TRANSLATE_NOOP('CareTab', '导入'),
    'manual': QT_TRANSLATE_NOOP('CareTab', '手动'),
}
_HEADERS = (QT_TRANSLATE_NOOP('CareTab', '日期'), QT_TRANSLATE_NOOP('CareTab', '问卷'),
            QT_TRANSLATE_NOOP('CareTab', '满意度'), QT_TRANSLATE_NOOP('CareTab', '回答'),
            QT_TRANSLATE_NOOP('CareTab', '来源'))


_QUESTION_MARKS = ('?', chr(0xFF1F))       # ASCII and full-width


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def quality_name(code: str) -> str:
    return _tr(_QUALITIES[code]) if code in _QUALITIES else code


def quality_codes() -> list[str]:
    return list(_QUALITIES)


def credit_label(code: str) -> str:
    """'diamond3' -> '3钻'; '' -> ''."""
    for kind, _ in CREDIT_KINDS:
        level = code[len(kind):]
        if code.startswith(kind) and level.isdigit() and code in CREDIT_LEVELS:
            return _tr(_CREDIT_KINDS[kind]).format(level)
    return code


def source_name(code: str) -> str:
    return _tr(_SOURCES[code]) if code in _SOURCES else code


class SatisfactionLine(QWidget):
    """A small line of monthly average scores (1-5), oldest month on the left."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.points: list = []          # [MonthPoint]
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_points(self, points: list) -> None:
        self.points = list(points)
        self.setVisible(bool(points))
        self.update()

    def paintEvent(self, event) -> None:
        if not self.points:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = p.fontMetrics()
        left, right, top = fm.horizontalAdvance('5') + 6, 8, 6
        bottom = fm.height() + 4
        w, h = self.width() - left - right, self.height() - top - bottom
        grid = QPen(QColor('#dddddd'))
        p.setPen(grid)
        for score in (1, 3, 5):
            y = top + h * (5 - score) / 4
            p.drawLine(QPointF(left, y), QPointF(left + w, y))
            p.setPen(QColor('#888888'))
            p.drawText(QPointF(0, y + fm.ascent() / 2 - 1), str(score))
            p.setPen(grid)
        n = len(self.points)
        xs = [left + (w * i / (n - 1) if n > 1 else w / 2) for i in range(n)]
        ys = [top + h * (5 - pt.average) / 4 for pt in self.points]
        p.setPen(QPen(QColor('#2e7d32'), 2))
        for i in range(1, n):
            p.drawLine(QPointF(xs[i - 1], ys[i - 1]), QPointF(xs[i], ys[i]))
        p.setBrush(QColor('#2e7d32'))
        for x, y in zip(xs, ys):
            p.drawEllipse(QPointF(x, y), 3, 3)
        p.setPen(QColor('#888888'))
        baseline = self.height() - 3
        p.drawText(QPointF(left, baseline), self.points[0].month)
        if n > 1:
            last = self.points[-1].month
            p.drawText(QPointF(left + w - fm.horizontalAdvance(last), baseline), last)
        p.end()


class CareTab(QWidget):
    """Loads when shown. Emits `mark_changed(customer_id)` after the quality mark or credit
    was saved and `recorded(customer_id)` after an answer was recorded (its bonus may have
    moved points)."""
    mark_changed = Signal(int)
    recorded = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._customer: int | None = None
        self._label = ''
        self._editable = True
        self._dirty = False
        self._lines: list = []
        self._saved = ('', '', '')         # the stored mark, to enable 保存 on a change
        self.quality = QComboBox()
        self.quality.setObjectName('qualityMark')
        self.quality.addItem(self.tr('未标记'), '')
        for code in quality_codes():
            self.quality.addItem(quality_name(code), code)
        self.reason = QLineEdit()
        self.reason.setObjectName('qualityReason')
        self.reason.setMaxLength(quality_marks.MAX_REASON)
        self.reason.setPlaceholderText(self.tr('劣质必填，如 多次恶意退款'))
        self.credit = QComboBox()
        self.credit.setObjectName('creditLevel')
        self.credit.addItem(self.tr('未知'), '')
        for code in CREDIT_LEVELS:
            self.credit.addItem(credit_label(code), code)
        self.save_mark_button = QPushButton(self.tr('保存标记'))
        self.save_mark_button.clicked.connect(self.save_mark)
        self.mark_message = QLabel()
        self.mark_message.setWordWrap(True)
        for w in (self.quality, self.credit):
            w.currentIndexChanged.connect(self._update_buttons)
        self.reason.textEdited.connect(self._update_buttons)
        mark_box = QGroupBox(self.tr('客户质量'))
        form = QFormLayout(mark_box)
        form.addRow(self.tr('质量'), self.quality)
        form.addRow(self.tr('原因'), self.reason)
        form.addRow(self.tr('买家信用'), self.credit)
        row = QHBoxLayout()
        row.addWidget(self.mark_message, 1)
        row.addWidget(self.save_mark_button)
        form.addRow(row)

        self.summary = QLabel()
        self.summary.setObjectName('satisfactionSummary')
        self.line = SatisfactionLine()
        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setHorizontalHeaderLabels([_tr(h) for h in _HEADERS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.record_button = QPushButton(self.tr('记录问卷…'))
        self.record_button.setObjectName('recordSurvey')
        self.record_button.clicked.connect(self.record)
        self.delete_button = QPushButton(self.tr('删除所选答卷'))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        answers_box = QGroupBox(self.tr('满意度'))
        box = QVBoxLayout(answers_box)
        box.addWidget(self.summary)
        box.addWidget(self.line)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(mark_box)
        layout.addWidget(answers_box, 1)
        self.set_customer(None)

    # --- which customer -------------------------------------------------------------
    def set_customer(self, customer_id: int | None, label: str = '',
                     editable: bool = True) -> None:
        """editable False (a binned customer) shows the records without the buttons."""
        self._customer, self._label, self._editable = customer_id, label, editable
        self._dirty = True
        if self.isVisible() or customer_id is None:
            self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.load()

    def load(self) -> None:
        self._dirty = False
        self.mark_message.clear()
        if self._customer is None:
            self._show_mark(quality_marks.MarkInfo(0))
            self._lines = []
            self.table.setRowCount(0)
            self.summary.clear()
            self.line.set_points([])
            self._update_buttons()
            return
        self._show_mark(quality_marks.get_mark(self._customer))
        self._lines = responses.responses_of(self._customer)
        average, count = satisfaction.overall(customer_id=self._customer)
        self.summary.setText(self.tr('平均 {0:.1f} 分 · 共 {1} 份答卷').format(average, count)
                             if count else self.tr('还没有满意度答卷'))
        self.line.set_points(satisfaction.by_month(customer_id=self._customer))
        self.table.setRowCount(len(self._lines))
        for r, x in enumerate(self._lines):
            # A question ends in its own question mark: '您的肤质是？ 油性', else '肤质：油性'.
            pairs = [(self.tr('{0} {1}') if q.endswith(_QUESTION_MARKS) else
                      self.tr('{0}：{1}')).format(q, a) for q, a in x.answers]
            answers = self.tr('；').join(pairs)
            values = (formatting.day(x.answered_at), x.survey_name, str(x.score), answers,
                      source_name(x.source))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 3:
                    item.setToolTip('\n'.join(pairs))
                elif c == 2:
                    item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(r, c, item)
        self._update_buttons()

    def _show_mark(self, m) -> None:
        for w in (self.quality, self.credit):
            w.blockSignals(True)
        self.quality.setCurrentIndex(max(0, self.quality.findData(m.quality)))
        self.credit.setCurrentIndex(max(0, self.credit.findData(m.credit)))
        for w in (self.quality, self.credit):
            w.blockSignals(False)
        self.reason.setText(m.reason)
        self._saved = (m.quality, m.reason, m.credit)
        if m.updated_at:
            self.mark_message.setStyleSheet('color: #888888;')
            self.mark_message.setText(self.tr('更新于 {0}').format(formatting.minute(m.updated_at)))

    def _current_mark(self) -> tuple[str, str, str]:
        return (self.quality.currentData() or '', self.reason.text().strip(),
                self.credit.currentData() or '')

    def _update_buttons(self, *_) -> None:
        on = self._customer is not None and self._editable
        for w in (self.quality, self.credit, self.record_button):
            w.setEnabled(on)
        self.reason.setEnabled(on and bool(self.quality.currentData()))
        self.save_mark_button.setEnabled(on and self._current_mark() != self._saved)
        self.delete_button.setEnabled(on and bool(self.table.selectionModel().selectedRows()))

    # --- actions ----------------------------------------------------------------------
    def save_mark(self) -> bool:
        if self._customer is None or not self._editable:
            return False
        quality, reason, credit = self._current_mark()
        try:
            m = quality_marks.set_mark(self._customer, quality, reason, credit)
        except UserError as e:
            self.mark_message.setStyleSheet('color: #c0392b;')
            self.mark_message.setText(str(e))
            return False
        self._show_mark(m)
        self.mark_message.setStyleSheet('color: #2e7d32;')
        self.mark_message.setText(self.tr('已保存'))
        self._update_buttons()
        self.mark_changed.emit(self._customer)
        return True

    def record(self) -> None:
        from ..dialogs.survey_answer_dialog import SurveyAnswerDialog
        if self._customer is None or not self._editable:
            return
        dialog = SurveyAnswerDialog(self._customer, self._label, self)
        if not dialog.has_surveys():
            QMessageBox.information(self, self.tr('记录问卷'), self.tr(
                '还没有启用的满意度问卷。请先在 设置 → 满意度问卷 里新建一份。'))
            return
        if dialog.exec():
            self.load()
            self.recorded.emit(self._customer)

    def delete_selected(self) -> None:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        chosen = [self._lines[r] for r in rows if r < len(self._lines)]
        if not chosen:
            return
        answer = QMessageBox.question(self, self.tr('删除答卷'), self.tr(
            '删除 {0} 份答卷？已赠送的积分和已填入的顾客资料不会撤回。').format(len(chosen)))
        if answer != QMessageBox.Yes:
            return
        for line in chosen:
            responses.delete_response(line.id)
        self.load()
