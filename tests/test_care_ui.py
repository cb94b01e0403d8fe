"""The survey and quality-mark flows driven like the owner: the 关怀 tab of the customer
detail, the answer dialog, the survey editor on the 设置 page, and the member list's
quality column and filters."""
from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from models import ContactLog, Customer
from services import custom_fields, customers, points, quality_marks
from services.care import responses, surveys
from services.care.responses import ResponseInput
from services.care.surveys import Question, SurveyInfo
from ui.dialogs.survey_answer_dialog import SurveyAnswerDialog
from ui.dialogs.survey_editor_dialog import SurveyEditor
from ui.widgets.customer_detail import CustomerDetailPanel
from ui.widgets.member_table_model import COLUMNS


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))


@pytest.fixture
def survey(database):
    custom_fields.add_field('肤质', 'choice', ['干性', '油性', '混合性'])
    return surveys.save_survey(SurveyInfo(name='售后回访', questions=[
        Question('您的肤质是？', 'choice', ['干性', '油性', '混合性'], '肤质'),
        Question('物流打几分？', 'score')]))


@pytest.fixture
def panel(qtbot, make_customer):
    a = make_customer('tb_xiaolu', name='张伟')
    p = CustomerDetailPanel()
    qtbot.addWidget(p)
    p.resize(520, 700)
    p.show()
    p.show_detail(customers.get_customer(a))
    p.tabs.setCurrentWidget(p.care)
    return p


def test_record_a_survey_answer_from_the_detail(qtbot, survey, panel, monkeypatch):
    cid = panel.customer_id()
    tab = panel.care
    assert tab.summary.text() == '还没有满意度答卷' and tab.table.rowCount() == 0
    assert not tab.line.isVisible()

    def fill_and_save(dialog):
        assert dialog.survey.currentText() == '售后回访'
        dialog.save()                                        # no score picked yet
        assert '请选择满意度' in dialog.error.text()
        dialog.scores.button(4).click()
        assert dialog.score_word.text() == '满意'
        skin = dialog.findChild(type(dialog.survey), 'answer_q1')
        skin.setCurrentIndex(skin.findText('油性'))
        logistics = dialog.findChild(type(dialog.survey), 'answer_q2')
        logistics.setCurrentIndex(logistics.findData(5))
        dialog.source.setCurrentIndex(dialog.source.findData('callback'))
        assert dialog.log_contact.isChecked()               # a callback is a contact too
        assert dialog.bonus.isEnabled() and '50' in dialog.bonus.text()
        dialog.bonus.setChecked(True)
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(SurveyAnswerDialog, 'exec', fill_and_save)
    with qtbot.waitSignal(panel.points_changed) as signal:
        tab.record_button.click()
    assert signal.args == [cid]
    assert tab.table.rowCount() == 1
    assert [tab.table.item(0, c).text() for c in range(5)] == [
        date.today().isoformat(), '售后回访', '4', '您的肤质是？ 油性；物流打几分？ 5', '回访']
    assert tab.summary.text() == '平均 4.0 分 · 共 1 份答卷'
    assert tab.line.isVisible() and len(tab.line.points) == 1
    assert json.loads(Customer.get_by_id(cid).extra) == {'肤质': '油性'}
    assert points.balance(cid) == 50
    log = ContactLog.get(ContactLog.customer == cid)
    assert (log.purpose, log.result) == ('满意度回访', '满意度 4 分')

    # A second answer to the same survey: the points were given already.
    def second(dialog):
        assert not dialog.bonus.isEnabled() and '已领过' in dialog.bonus.text()
        dialog.scores.button(2).click()
        dialog.day.setDate(date(2024, 1, 5))
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(SurveyAnswerDialog, 'exec', second)
    tab.record_button.click()
    assert tab.table.rowCount() == 2 and tab.table.item(1, 0).text() == '2024-01-05'
    assert tab.summary.text() == '平均 3.0 分 · 共 2 份答卷'
    assert [p.month for p in tab.line.points] == ['2024-01', date.today().strftime('%Y-%m')]
    assert points.balance(cid) == 50


def test_without_surveys_the_owner_is_sent_to_the_settings(qtbot, database, panel,
                                                           monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, 'information', lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(SurveyAnswerDialog, 'exec', lambda d: pytest.fail('opened'))
    panel.care.record_button.click()
    assert '设置 → 满意度问卷' in told[0]


def test_delete_an_answer(qtbot, survey, panel, monkeypatch):
    cid = panel.customer_id()
    responses.record_response(ResponseInput(survey, cid, 5))
    panel.care.load()
    panel.care.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    panel.care.delete_button.click()
    assert panel.care.table.rowCount() == 0 and responses.responses_of(cid) == []


def test_set_a_quality_mark_from_the_detail(qtbot, panel):
    cid = panel.customer_id()
    tab = panel.care
    assert not tab.save_mark_button.isEnabled()              # nothing changed yet
    assert not tab.reason.isEnabled()                        # no quality, no reason
    tab.quality.setCurrentIndex(tab.quality.findData('bad'))
    assert tab.reason.isEnabled() and tab.save_mark_button.isEnabled()
    tab.save_mark_button.click()
    assert '原因' in tab.mark_message.text()
    assert quality_marks.get_mark(cid).is_empty()
    tab.reason.setText('多次恶意退款')
    tab.credit.setCurrentIndex(tab.credit.findText('2钻'))
    with qtbot.waitSignal(panel.points_changed):
        tab.save_mark_button.click()
    m = quality_marks.get_mark(cid)
    assert (m.quality, m.reason, m.credit) == ('bad', '多次恶意退款', 'diamond2')
    assert not tab.save_mark_button.isEnabled()
    # Clearing the quality keeps the credit level and drops the reason.
    tab.quality.setCurrentIndex(tab.quality.findData(''))
    tab.save_mark_button.click()
    m = quality_marks.get_mark(cid)
    assert (m.quality, m.reason, m.credit) == ('', '', 'diamond2')
    assert tab.reason.text() == '' and tab.credit.currentText() == '2钻'


def test_a_binned_customer_shows_marks_without_editing(qtbot, panel):
    cid = panel.customer_id()
    quality_marks.set_quality(cid, 'good')
    customers.delete_customers([cid])
    panel.show_detail(customers.get_customer(cid))
    tab = panel.care
    assert tab.quality.currentText() == '优质'
    assert not tab.quality.isEnabled() and not tab.record_button.isEnabled()


def test_filter_the_member_list_by_quality_and_credit(qtbot, make_customer):
    from ui.pages.members_page import MembersPage
    ids = {n: make_customer(n) for n in ('a', 'b', 'c')}
    quality_marks.set_mark(ids['a'], 'good', '', 'crown1')
    quality_marks.set_mark(ids['b'], 'bad', '骚扰客服', 'heart2')
    page = MembersPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    assert page.model.rowCount() == 3
    column = [c[0] for c in COLUMNS].index('quality')
    shown = {page.model.index(r, 1).data(): page.model.index(r, column).data()
             for r in range(3)}
    assert shown == {'a': '优质', 'b': '劣质', 'c': ''}
    assert page.model.headerData(column, Qt.Horizontal) == '客户质量'
    f = page.filters
    f.more.setChecked(True)
    f.quality.setCurrentIndex(f.quality.findData('bad'))
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == 'b'
    f.quality.setCurrentIndex(0)
    f.credit.setCurrentIndex(f.credit.findData('heart2'))
    assert page.model.rowCount() == 2
    f.credit.setCurrentIndex(f.credit.findData('crown1'))
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == 'a'
    f.reset()
    assert page.model.rowCount() == 3 and page.model.current_filter().credit_min == ''


def test_marking_in_the_detail_updates_the_list(qtbot, make_customer):
    from ui.pages.members_page import MembersPage
    a = make_customer('a')
    page = MembersPage()
    qtbot.addWidget(page)
    page.show()
    page.filters.quality.setCurrentIndex(page.filters.quality.findData('good'))
    assert page.model.rowCount() == 0
    page.filters.quality.setCurrentIndex(0)
    page.detail.tabs.setCurrentWidget(page.detail.care)
    assert page.detail.customer_id() == a
    tab = page.detail.care
    tab.quality.setCurrentIndex(tab.quality.findData('good'))
    tab.save_mark_button.click()
    column = [c[0] for c in COLUMNS].index('quality')
    assert page.model.index(0, column).data() == '优质'


# --- the survey editor ----------------------------------------------------------------

def test_define_a_survey_in_the_editor(qtbot, database):
    custom_fields.add_field('风格', 'text')
    editor = SurveyEditor()
    qtbot.addWidget(editor)
    editor.show()
    assert editor.list.count() == 0 and not editor.import_button.isEnabled()
    editor.new_survey()
    editor.name.setText('新品试用')
    editor.table.item(0, 0).setText('喜欢哪种风格？')
    editor.table.item(0, 2).setText('甜美，通勤、 运动')
    target = editor.table.cellWidget(0, 3)
    target.setCurrentIndex(target.findData('风格'))
    editor.add_question()
    kind = editor.table.cellWidget(1, 1)
    kind.setCurrentIndex(kind.findData('score'))
    editor.save()
    assert editor.message.text() == '第2个问题没有写内容'
    assert surveys.list_surveys() == []
    editor.table.item(1, 0).setText('包装打几分？')
    editor.table.setCurrentCell(1, 0)
    editor.up_button.click()
    assert editor.table.item(0, 0).text() == '包装打几分？'
    assert editor.save()
    (s,) = surveys.list_surveys()
    assert (s.name, s.active) == ('新品试用', True)
    assert [(q.text, q.kind, q.choices, q.field) for q in s.questions] == [
        ('包装打几分？', 'score', [], ''), ('喜欢哪种风格？', 'choice', ['甜美', '通勤', '运动'], '风格')]
    assert editor.list.item(0).text() == '新品试用（0 份答卷）'
    assert editor.import_button.isEnabled()
    editor.active.setChecked(False)
    editor.save()
    assert surveys.list_surveys(active_only=True) == []
    assert '已停用' in editor.list.item(0).text()


def test_the_settings_page_has_the_survey_tab(qtbot, database):
    from ui.pages.settings_page import SettingsPage
    page = SettingsPage()
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert '满意度问卷' in titles and isinstance(page.surveys, SurveyEditor)


def test_import_answers_through_the_editor(qtbot, survey, make_customer, tmp_path):
    from services.files.writers import write_table
    a = make_customer('tb_xiaolu')
    path = tmp_path / '答卷.xlsx'
    write_table(path, ['买家会员名', '日期', '满意度', '您的肤质是？'],
                [['tb_xiaolu', '2024-03-01', '5', '干性'], ['nobody', '2024-03-01', '4', '']],
                ['text'] * 4)
    editor = SurveyEditor()
    qtbot.addWidget(editor)
    dialog = editor.import_from(str(path))
    dialog.give_bonus.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.start()
    assert dialog.result.added == 1 and len(dialog.result.problems) == 1
    assert '新答卷 1' in dialog.summary.text() and dialog.problems.count() == 1
    assert 'nobody' in dialog.problems.item(0).text()
    assert points.balance(a) == 50
    qtbot.waitUntil(lambda: '1 份答卷' in editor.list.item(0).text(), timeout=2000)
    dialog.close()
