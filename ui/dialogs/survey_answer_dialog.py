"""Record one buyer's answer to a satisfaction survey: the score 1-5, the survey's
questions, where it came from, and optionally the survey points and a contact record."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QRadioButton, QVBoxLayout, QWidget)

from services import points
from services.care import responses, surveys
from services.care.responses import ResponseInput
from services.errors import UserError

from ..labels import channel_codes, channel_name

SCORE_WORDS = (QT_TRANSLATE_NOOP('SurveyAnswerDialog', '非常不满意'),
               QT_TRANSLATE_NOOP('SurveyAnswerDialog', '不满意'),
               QT_TRANSLATE_NOOP('SurveyAnswerDialog', '一般'),
               QT_TRANSLATE_NOOP('SurveyAnswerDialog', '满意'),
               QT_TRANSLATE_NOOP('SurveyAnswerDialog', '非常满意'))


class SurveyAnswerDialog(QDialog):
    """`recorded` holds the services' Recorded after a successful save.

    source: 'callback' when opened from a finished callback reminder (then
    contact_id, if given, links the answer to that contact record)."""

    def __init__(self, customer_id: int, label: str = '', parent=None, *,
                 source: str = 'manual', contact_id: int | None = None,
                 survey_id: int | None = None):
        super().__init__(parent)
        self.customer_id = customer_id
        self.contact_id = contact_id
        self.recorded = None
        self._surveys = surveys.list_surveys(active_only=True)
        self._answers: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr('记录满意度问卷'))
        who = QLabel(self.tr('顾客：{0}').format(label) if label else '')
        self.survey = QComboBox()
        self.survey.setObjectName('surveyChoice')
        for s in self._surveys:
            self.survey.addItem(s.name, s.id)
        if survey_id is not None:
            self.survey.setCurrentIndex(max(0, self.survey.findData(survey_id)))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat('yyyy-MM-dd')
        self.day.setMaximumDate(QDate.currentDate())
        self.scores = QButtonGroup(self)
        score_row = QHBoxLayout()
        for n in range(1, 6):
            b = QRadioButton(str(n))
            b.setToolTip(self.tr(SCORE_WORDS[n - 1]))
            b.setObjectName(f'score{n}')
            self.scores.addButton(b, n)
            score_row.addWidget(b)
        self.score_word = QLabel()
        score_row.addWidget(self.score_word, 1)
        self.scores.idClicked.connect(
            lambda n: self.score_word.setText(self.tr(SCORE_WORDS[n - 1])))
        self.source = QComboBox()
        self.source.addItem(self.tr('回访'), 'callback')
        self.source.addItem(self.tr('手动录入'), 'manual')
        self.source.setCurrentIndex(max(0, self.source.findData(source)))
        self.log_contact = QCheckBox(self.tr('同时记入联系记录'))
        self.channel = QComboBox()
        for code in channel_codes():
            self.channel.addItem(channel_name(code), code)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.log_contact)
        contact_row.addWidget(self.channel)
        contact_row.addStretch()
        self.bonus = QCheckBox()
        self.bonus.setObjectName('surveyBonus')
        self.form = QFormLayout()
        self.form.addRow(self.tr('问卷'), self.survey)
        self.form.addRow(self.tr('日期'), self.day)
        self.form.addRow(self.tr('满意度'), score_row)
        self.questions = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName('surveyError')
        self.error.setWordWrap(True)
        self.error.setStyleSheet('color: #c0392b;')
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        extra = QFormLayout()
        extra.addRow(self.tr('来源'), self.source)
        extra.addRow('', contact_row)
        extra.addRow('', self.bonus)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(self.form)
        layout.addLayout(self.questions)
        layout.addLayout(extra)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.log_contact.toggled.connect(self.channel.setEnabled)
        self.survey.currentIndexChanged.connect(self._survey_changed)
        self._source_changed()
        self._survey_changed()

    def has_surveys(self) -> bool:
        return bool(self._surveys)

    def current_survey(self):
        i = self.survey.currentIndex()
        return self._surveys[i] if 0 <= i < len(self._surveys) else None

    def _source_changed(self, *_) -> None:
        # A callback opened from a finished reminder already has its contact record.
        can_log = self.contact_id is None
        self.log_contact.setVisible(can_log)
        self.channel.setVisible(can_log)
        self.log_contact.setChecked(can_log and self.source.currentData() == 'callback')
        self.channel.setEnabled(self.log_contact.isChecked())

    def _survey_changed(self, *_) -> None:
        while self.questions.rowCount():
            self.questions.removeRow(0)
        self._answers.clear()
        s = self.current_survey()
        if s is None:
            self.bonus.setEnabled(False)
            self.bonus.setText(self.tr('赠送问卷积分'))
            return
        for q in s.questions:
            if q.kind == surveys.TEXT:
                w = QLineEdit()
            else:
                w = QComboBox()
                w.addItem('', None)
                for value in (range(1, 6) if q.kind == surveys.SCORE else q.choices):
                    w.addItem(str(value), value)
            if q.field:
                w.setToolTip(self.tr('答案会填入顾客资料的“{0}”').format(q.field))
            w.setObjectName(f'answer_{q.id}')
            self._answers[q.id] = w
            self.questions.addRow(q.text + (f' → {q.field}' if q.field else ''), w)
        default = points.load_rules().bonus_default('survey') or 0
        given = responses.bonus_given(s.id, self.customer_id)
        self.bonus.setEnabled(not given and default > 0)
        self.bonus.setChecked(False)
        self.bonus.setText(self.tr('这份问卷的积分已领过') if given else
                           self.tr('赠送问卷积分 {0} 分（每份问卷每位顾客一次）').format(default))

    def answers(self) -> dict:
        out = {}
        for qid, w in self._answers.items():
            value = w.text() if isinstance(w, QLineEdit) else w.currentData()
            if value not in (None, ''):
                out[qid] = value
        return out

    def save(self) -> None:
        s = self.current_survey()
        if s is None:
            self.error.setText(self.tr('还没有启用的问卷'))
            return
        score = self.scores.checkedId()
        if score < 1:
            self.error.setText(self.tr('请选择满意度（1 到 5 分）'))
            return
        entry = ResponseInput(s.id, self.customer_id, score, self.answers(),
                              self.day.date().toPython(), self.source.currentData(),
                              self.contact_id)
        log = (self.channel.currentData()
               if self.contact_id is None and self.log_contact.isChecked() else '')
        try:
            self.recorded = responses.record_response(
                entry, give_bonus=self.bonus.isEnabled() and self.bonus.isChecked(),
                log_contact=log)
        except UserError as e:
            self.error.setText(str(e))
            return
        self.accept()
