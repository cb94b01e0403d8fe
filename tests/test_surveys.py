"""services.care: survey definitions, answers per buyer, satisfaction aggregates and the
answers sheet."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from models import ContactLog, Customer, PointsEntry
from models.care import SurveyResponse
from services import custom_fields, points
from services.care import satisfaction
from services.care.responses import (ResponseInput, bonus_given, delete_response,
                                     record_response, responses_of)
from services.care.survey_sheet import export_responses, import_responses, parse_score
from services.care.surveys import (Question, SurveyInfo, delete_survey, get_survey,
                                   list_surveys, save_survey, set_active)
from services.customers import delete_customers
from services.errors import UserError, ValidationError
from services.files.writers import write_table

TODAY = date.today()


@pytest.fixture
def fields(database):
    custom_fields.add_field('肤质', 'choice', ['干性', '油性', '混合性'])
    custom_fields.add_field('风格', 'text')
    custom_fields.add_field('年龄', 'number')


@pytest.fixture
def survey(fields):
    return save_survey(SurveyInfo(name='售后回访', questions=[
        Question('您的肤质是？', 'choice', ['干性', '油性', '混合性'], '肤质'),
        Question('物流速度打几分？', 'score'),
        Question('还想买什么？', 'text', field='风格'),
    ]))


def extra(cid: int) -> dict:
    c = Customer.get_by_id(cid)
    return json.loads(c.extra) if c.extra else {}


# --- definitions --------------------------------------------------------------------

def test_saved_survey_keys_its_questions(survey):
    s = get_survey(survey)
    assert (s.name, s.active, s.responses) == ('售后回访', True, 0)
    assert [(q.id, q.kind, q.field) for q in s.questions] == [
        ('q1', 'choice', '肤质'), ('q2', 'score', ''), ('q3', 'text', '风格')]
    # Editing keeps the ids; a new question gets the next free one, a removed one's
    # id is not reused by the question after it.
    s.questions = [s.questions[2], Question('会推荐给朋友吗？', 'choice', ['会', '不会'])]
    save_survey(s)
    assert [(q.id, q.text) for q in get_survey(survey).questions] == [
        ('q3', '还想买什么？'), ('q4', '会推荐给朋友吗？')]


@pytest.mark.parametrize('info, words', [
    (SurveyInfo(name='  '), '名称'),
    (SurveyInfo(name='x', questions=[Question('', 'text')]), '没有写内容'),
    (SurveyInfo(name='x', questions=[Question('a', 'choice', ['只有一个'])]), '至少要有两个选项'),
    (SurveyInfo(name='x', questions=[Question('a', 'text'), Question('a', 'text')]), '重复'),
    (SurveyInfo(name='x', questions=[Question('满意度', 'score')]), '不能叫'),
    (SurveyInfo(name='x', questions=[Question('a', 'text', field='星座')]), '不存在'),
    (SurveyInfo(name='x', questions=[Question('a', 'score', field='肤质')]), '字段类型不合'),
    (SurveyInfo(name='x', questions=[Question('a', 'choice', ['干性', '中性'], '肤质')]),
     '“中性”不在字段'),
    (SurveyInfo(name='x', questions=[Question('a', 'text', field='风格'),
                                     Question('b', 'text', field='风格')]), '都填写'),
    (SurveyInfo(name='x', questions=[Question('a', 'quiz')]), '类型不对'),
])
def test_bad_definitions_are_refused(fields, info, words):
    with pytest.raises(ValidationError, match=words):
        save_survey(info)
    assert list_surveys() == []


def test_names_are_unique_and_answered_surveys_are_kept(survey, make_customer):
    with pytest.raises(ValidationError, match='已有名为'):
        save_survey(SurveyInfo(name='售后回访'))
    record_response(ResponseInput(survey, make_customer('a'), 4))
    with pytest.raises(UserError, match='停用'):
        delete_survey(survey)
    set_active(survey, False)
    other = save_survey(SurveyInfo(name='新品试用'))
    assert [(s.name, s.responses) for s in list_surveys()] == [('售后回访', 1), ('新品试用', 0)]
    assert [s.name for s in list_surveys(active_only=True)] == ['新品试用']
    delete_survey(other)
    assert [s.name for s in list_surveys()] == ['售后回访']


# --- recording ----------------------------------------------------------------------

def test_record_fills_custom_fields(survey, make_customer):
    a = make_customer('a', extra={'风格': '甜美'})
    r = record_response(ResponseInput(survey, a, 5, {'q1': '油性', 'q2': 4, 'q3': '  '},
                                      answered_at=TODAY - timedelta(days=2), source='callback'))
    assert r.created and r.fields_written == ['肤质'] and r.bonus_points == 0
    assert extra(a) == {'肤质': '油性', '风格': '甜美'}          # an empty answer fills nothing
    (line,) = responses_of(a)
    assert (line.survey_name, line.score, line.source, line.answered_at) == (
        '售后回访', 5, 'callback', TODAY - timedelta(days=2))
    assert line.answers == [('您的肤质是？', '油性'), ('物流速度打几分？', '4')]
    assert Customer.get_by_id(a).updated_at is not None


def test_same_day_updates_and_older_answers_do_not_overwrite_fields(survey, make_customer):
    a = make_customer('a')
    record_response(ResponseInput(survey, a, 3, {'q1': '干性'}, answered_at=TODAY))
    again = record_response(ResponseInput(survey, a, 4, {'q1': '混合性'}, answered_at=TODAY))
    assert not again.created and SurveyResponse.select().count() == 1
    assert extra(a)['肤质'] == '混合性'
    old = record_response(ResponseInput(survey, a, 2, {'q1': '油性'},
                                        answered_at=TODAY - timedelta(days=30)))
    assert old.created and old.fields_written == []
    assert extra(a)['肤质'] == '混合性'
    assert [x.score for x in responses_of(a)] == [4, 2]           # newest first


@pytest.mark.parametrize('score, answers, words', [
    (0, {}, '1 到 5'), (6, {}, '1 到 5'), (None, {}, '1 到 5'), (True, {}, '1 到 5'),
    (3, {'q1': '中性'}, '只能选'), (3, {'q2': 9}, '请打 1 到 5 分'),
    (3, {'q9': 'x'}, '问卷已修改过'), (3, {'q3': 'x' * 501}, '太长'),
])
def test_bad_answers_are_refused_and_nothing_is_written(survey, make_customer, score,
                                                        answers, words):
    a = make_customer('a')
    with pytest.raises(ValidationError, match=words):
        record_response(ResponseInput(survey, a, score, answers))
    assert SurveyResponse.select().count() == 0 and extra(a) == {}


def test_number_and_date_fields_take_only_fitting_answers(fields, make_customer):
    custom_fields.add_field('宝宝生日', 'date')
    s = save_survey(SurveyInfo(name='母婴', questions=[
        Question('宝宝生日？', 'text', field='宝宝生日'), Question('几岁？', 'text', field='年龄')]))
    a = make_customer('a')
    with pytest.raises(ValidationError, match='请填数字'):
        record_response(ResponseInput(s, a, 4, {'q2': '三岁'}))
    with pytest.raises(ValidationError, match='2024-05-06'):
        record_response(ResponseInput(s, a, 4, {'q1': '去年'}))
    record_response(ResponseInput(s, a, 4, {'q1': '2023年5月6日', 'q2': '3'}))
    assert extra(a) == {'宝宝生日': '2023-05-06', '年龄': '3'}


def test_future_dates_and_binned_buyers_are_refused(survey, make_customer):
    a = make_customer('a')
    with pytest.raises(ValidationError, match='晚于今天'):
        record_response(ResponseInput(survey, a, 4, answered_at=TODAY + timedelta(days=1)))
    delete_customers([a])
    with pytest.raises(UserError, match='回收站'):
        record_response(ResponseInput(survey, a, 4))


def test_survey_bonus_is_given_once_per_survey(survey, make_customer):
    a = make_customer('a')
    rules = points.load_rules()
    first = record_response(ResponseInput(survey, a, 5, answered_at=TODAY - timedelta(days=1)),
                            give_bonus=True)
    assert first.bonus_points == rules.survey_points > 0
    assert bonus_given(survey, a)
    second = record_response(ResponseInput(survey, a, 4), give_bonus=True)
    assert second.bonus_points == 0
    other = save_survey(SurveyInfo(name='新品试用'))
    third = record_response(ResponseInput(other, a, 4), give_bonus=True, bonus_points=20)
    assert third.bonus_points == 20
    assert points.balance(a) == rules.survey_points + 20 == Customer.get_by_id(a).points
    reasons = sorted(e.reason for e in PointsEntry.select().where(PointsEntry.kind == 'bonus'))
    assert reasons == ['问卷调研奖励：售后回访', '问卷调研奖励：新品试用']


def test_a_bad_bonus_rolls_the_whole_answer_back(survey, make_customer):
    a = make_customer('a')
    with pytest.raises(ValidationError, match='积分'):
        record_response(ResponseInput(survey, a, 5, {'q1': '干性'}), give_bonus=True,
                        bonus_points=-5)
    assert SurveyResponse.select().count() == 0 and extra(a) == {}
    assert PointsEntry.select().count() == 0


def test_callback_writes_a_linked_contact_record(survey, make_customer):
    a = make_customer('a')
    r = record_response(ResponseInput(survey, a, 2, source='callback'), log_contact='phone')
    log = ContactLog.get_by_id(r.contact_id)
    assert (log.customer_id, log.channel, log.purpose, log.result) == (
        a, 'phone', '满意度回访', '满意度 2 分')
    assert responses_of(a)[0].contact_id == log.id


def test_answers_keep_the_question_they_answered(survey, make_customer):
    a = make_customer('a')
    rid = record_response(ResponseInput(survey, a, 4, {'q2': 5})).id
    s = get_survey(survey)
    s.questions[1].text = '快递满意吗？'
    save_survey(s)
    assert responses_of(a)[0].answers == [('物流速度打几分？', '5')]
    delete_response(rid)
    assert responses_of(a) == []


# --- satisfaction aggregates ----------------------------------------------------------

def test_satisfaction_by_month_and_by_tier(survey, make_customer, tiers):
    other = save_survey(SurveyInfo(name='新品试用'))
    a, b, c, d = (make_customer(n) for n in 'abcd')
    from services.tiers import set_override
    set_override(b, tiers['VIP会员'])
    set_override(c, tiers['VIP会员'])
    for cid, day, score, sid in ((a, date(2024, 1, 5), 5, survey),
                                 (b, date(2024, 1, 20), 2, survey),
                                 (a, date(2024, 3, 1), 4, survey),
                                 (c, date(2024, 3, 9), 3, other),
                                 (d, date(2024, 3, 31), 1, survey)):
        record_response(ResponseInput(sid, cid, score, answered_at=day))
    delete_customers([d])                                # left out from now on
    assert [(m.month, m.average, m.count) for m in satisfaction.by_month()] == [
        ('2024-01', 3.5, 2), ('2024-03', 3.5, 2)]
    assert [(m.month, m.average, m.count) for m in satisfaction.by_month(survey)] == [
        ('2024-01', 3.5, 2), ('2024-03', 4.0, 1)]
    assert [(m.month, m.count) for m in satisfaction.by_month(customer_id=a)] == [
        ('2024-01', 1), ('2024-03', 1)]
    assert [(m.month, m.count) for m in satisfaction.by_month(
        since=date(2024, 1, 10), until=date(2024, 3, 1))] == [('2024-01', 1), ('2024-03', 1)]
    by_tier = [(t.tier, t.average, t.count) for t in satisfaction.by_tier()]
    assert by_tier == [('普通会员', 4.5, 2), ('VIP会员', 2.5, 2)]
    assert satisfaction.overall() == (3.5, 4)
    assert satisfaction.overall(survey_id=other) == (3.0, 1)


# --- the answers sheet ----------------------------------------------------------------

HEADERS = ['买家会员名', '平台', '日期', '满意度', '您的肤质是？', '物流速度打几分？', '还想买什么？']


@pytest.fixture
def buyers(make_customer):
    ids = {'a': make_customer('a'), 'b': make_customer('b', platform='pdd'),
           'twin_tb': make_customer('twin'), 'twin_pdd': make_customer('twin', platform='pdd'),
           'gone': make_customer('gone')}
    delete_customers([ids['gone']])
    return ids


def write_sheet(path, rows, headers=HEADERS):
    write_table(path, headers, rows, ['text'] * len(headers))
    return path


@pytest.mark.parametrize('cell, score', [
    (5, 5), (4.0, 4), ('3', '3'), ('2分', 2), ('★★★★☆', 4), ('非常满意', 5), ('不满意', 2),
    (' 1.0 ', 1),
])
def test_score_cells(cell, score):
    assert parse_score(cell) == int(score)


@pytest.mark.parametrize('cell', [0, 6, 4.5, '', None, '很好', '六分'])
def test_bad_score_cells(cell):
    with pytest.raises(ValueError):
        parse_score(cell)


def test_import_answers_with_row_problems(survey, buyers, tmp_path):
    day = (TODAY - timedelta(days=3)).isoformat()
    path = write_sheet(tmp_path / '答卷.xlsx', [
        ['a', '淘宝', '2024-01-05', '4', '干性', '5', '碎花裙'],        # 2 ok
        ['b', '', '2024/2/1', '满意', '', '', ''],                    # 3 ok, no platform needed
        ['twin', '', day, '3', '', '', ''],                          # 4 two platforms
        ['twin', '拼多多', day, '5', '油性', '', ''],                   # 5 ok
        ['nobody', '淘宝', day, '3', '', '', ''],                      # 6 unknown
        ['gone', '', day, '3', '', '', ''],                          # 7 binned
        ['a', '淘宝', '2099-01-01', '3', '', '', ''],                  # 8 future
        ['a', '淘宝', day, '8', '中性', '', ''],                        # 9 score + choice
        ['', '淘宝', day, '3', '', '', ''],                            # 10 no nick
        ['a', '淘宝', '2024-01-05', '2', '', '', ''],                  # 11 repeats row 2
    ])
    result = import_responses(path, survey)
    assert (result.rows_read, result.added, result.updated, result.unchanged) == (10, 3, 0, 0)
    assert [(p.row, p.column) for p in result.problems] == [
        (4, '买家会员名'), (6, '买家会员名'), (7, '买家会员名'), (8, '日期'), (9, '满意度'),
        (9, '您的肤质是？'), (10, '买家会员名'), (11, '买家会员名')]
    assert '多个平台' in result.problems[0].message and '回收站' in result.problems[2].message
    assert '第2行' in result.problems[-1].message
    assert extra(buyers['a']) == {'肤质': '干性', '风格': '碎花裙'}
    assert extra(buyers['twin_pdd']) == {'肤质': '油性'}
    assert [(x.answered_at, x.score, x.source) for x in responses_of(buyers['b'])] == [
        (date(2024, 2, 1), 4, 'import')]
    assert responses_of(buyers['a'])[0].answers == [
        ('您的肤质是？', '干性'), ('物流速度打几分？', '5'), ('还想买什么？', '碎花裙')]


def test_reimport_is_idempotent_and_updates_changed_answers(survey, buyers, tmp_path):
    rows = [['a', '淘宝', '2024-01-05', '4', '干性', '5', ''],
            ['a', '淘宝', '2024-03-05', '5', '油性', '', ''],
            ['b', '拼多多', '2024-02-01', '3', '', '', '']]
    path = write_sheet(tmp_path / '答卷.csv', rows)
    first = import_responses(path, survey, give_bonus=True)
    assert (first.added, first.updated, first.bonuses, first.fields_filled) == (3, 0, 2, 1)
    assert extra(buyers['a'])['肤质'] == '油性'           # the newest answer wins
    again = import_responses(path, survey, give_bonus=True)
    assert (again.added, again.updated, again.unchanged, again.bonuses) == (0, 0, 3, 0)
    rows[2][3] = '1'
    changed = import_responses(write_sheet(tmp_path / '答卷2.csv', rows), survey)
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 2)
    assert SurveyResponse.select().count() == 3
    assert responses_of(buyers['b'])[0].score == 1


def test_exported_answers_read_back_unchanged(survey, buyers, tmp_path):
    template = tmp_path / '模板.xlsx'
    assert export_responses(template, survey) == 0
    from openpyxl import load_workbook
    sheet = load_workbook(template, read_only=True).active
    assert [c.value for c in next(sheet.iter_rows())] == HEADERS
    record_response(ResponseInput(survey, buyers['a'], 4, {'q1': '干性', 'q2': 3},
                                  answered_at=date(2024, 1, 5)))
    record_response(ResponseInput(survey, buyers['twin_pdd'], 2, {'q3': '=不要公式'},
                                  answered_at=date(2024, 2, 5)))
    for suffix in ('.xlsx', '.csv'):
        path = tmp_path / f'答卷{suffix}'
        assert export_responses(path, survey) == 2
        result = import_responses(path, survey)
        assert result.problems == [] and (result.unchanged, result.added) == (2, 0)
    assert responses_of(buyers['twin_pdd'])[0].answers == [('还想买什么？', '=不要公式')]


def test_sheet_without_required_columns_is_refused(survey, buyers, tmp_path):
    path = write_sheet(tmp_path / 'x.xlsx', [['a', '4']], ['买家会员名', '满意度'])
    with pytest.raises(UserError, match='日期'):
        import_responses(path, survey)
    assert SurveyResponse.select().count() == 0


def test_unknown_columns_are_noted(survey, buyers, tmp_path):
    path = write_sheet(tmp_path / 'x.xlsx', [['a', '2024-01-01', '4', '138']],
                       ['买家会员名', '日期', '满意度', '手机'])
    result = import_responses(path, survey)
    assert result.added == 1
    assert any('手机' in n for n in result.notes)
    assert any('您的肤质是？' in n for n in result.notes)


def test_a_merge_moves_answers_to_the_kept_buyer(survey, make_customer):
    from services.care.responses import fold_into
    keep, dup = make_customer('keep'), make_customer('dup')
    record_response(ResponseInput(survey, keep, 5, answered_at=date(2024, 1, 1)))
    record_response(ResponseInput(survey, dup, 1, answered_at=date(2024, 1, 1)))
    record_response(ResponseInput(survey, dup, 3, answered_at=date(2024, 2, 1)))
    fold_into([dup], keep)
    assert [(x.answered_at, x.score) for x in responses_of(keep)] == [
        (date(2024, 2, 1), 3), (date(2024, 1, 1), 5)]
    assert responses_of(dup) == []


def test_an_old_answer_does_not_undo_a_later_hand_edit(survey, make_customer):
    from services.customers import get_customer, update_customer
    a = make_customer('a')
    Customer.update(created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1)).where(
        Customer.id == a).execute()
    profile = get_customer(a).profile
    profile.extra = {'肤质': '混合性'}
    update_customer(a, profile)                        # typed by the owner today
    old = record_response(ResponseInput(survey, a, 4, {'q1': '干性'},
                                        answered_at=date.today() - timedelta(days=60)))
    assert old.created and old.fields_written == [] and extra(a)['肤质'] == '混合性'
