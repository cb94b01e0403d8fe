"""services.quality_marks and the codes behind them: marks, credit levels, the member
filters on them, and the member sheet carrying them out and back in."""
from __future__ import annotations

from pathlib import Path

import pytest

from models import Customer, ImportChange
from models.care import CustomerMark
from services import exporting, member_query, quality_marks
from services.care.codes import (CREDIT_LEVELS, credit_name, credit_rank, credits_from,
                                 parse_credit, parse_quality)
from services.customers import delete_customers, profile_of
from services.errors import UserError, ValidationError
from services.files.member_sheet import parse_member_rows
from services.files.table_reader import read_table
from services.files.writers import write_table
from services.importing import batches
from services.member_query import MemberFilter


# --- codes --------------------------------------------------------------------------

def test_credit_levels_run_from_one_heart_to_five_gold_crowns():
    assert len(CREDIT_LEVELS) == 20
    assert [credit_name(c) for c in CREDIT_LEVELS[4:7]] == ['5心', '1钻', '2钻']
    assert (credit_name('goldcrown5'), credit_rank('heart1'), credit_rank('crown1'),
            credit_rank('')) == ('5金冠', 1, 11, 0)
    assert credits_from('crown4') == ['crown4', 'crown5'] + [f'goldcrown{n}' for n in range(1, 6)]
    with pytest.raises(ValueError):
        credits_from('heart6')


@pytest.mark.parametrize('text, code', [
    ('1心', 'heart1'), ('五颗心', 'heart5'), ('2钻石', 'diamond2'), ('3 冠', 'crown3'),
    ('4蓝冠', 'crown4'), ('两金冠', 'goldcrown2'), ('heart2', 'heart2'), ('', ''),
])
def test_credit_text(text, code):
    assert parse_credit(text) == code


@pytest.mark.parametrize('text', ['0心', '6钻', '心', '三星', 'heart9'])
def test_bad_credit_text(text):
    with pytest.raises(ValueError):
        parse_credit(text)


def test_quality_text():
    assert [parse_quality(t) for t in ('优质', '一般', '劣质', '', 'GOOD')] == [
        'good', 'normal', 'bad', '', 'good']
    with pytest.raises(ValueError):
        parse_quality('极好')


# --- setting marks ------------------------------------------------------------------

def test_set_and_clear_a_mark(make_customer):
    a = make_customer('a')
    m = quality_marks.set_quality(a, 'bad', ' 恶意差评 ')
    assert (m.quality, m.reason, m.credit) == ('bad', '恶意差评', '')
    m = quality_marks.set_credit(a, 'diamond2')
    assert (m.quality, m.reason, m.credit) == ('bad', '恶意差评', 'diamond2')
    m = quality_marks.clear_quality(a)
    assert (m.quality, m.reason, m.credit) == ('', '', 'diamond2')
    quality_marks.set_credit(a, '')
    assert CustomerMark.select().count() == 0          # an empty mark leaves no row
    assert quality_marks.get_mark(a).is_empty()


def test_bad_needs_a_reason_and_codes_are_checked(make_customer):
    a = make_customer('a')
    with pytest.raises(ValidationError) as e:
        quality_marks.set_quality(a, 'bad', '  ')
    assert e.value.field == 'reason' and '原因' in str(e.value)
    with pytest.raises(ValidationError):
        quality_marks.set_quality(a, 'excellent')
    with pytest.raises(ValidationError):
        quality_marks.set_credit(a, 'heart6')
    with pytest.raises(ValidationError):
        quality_marks.set_quality(a, 'good', 'x' * 201)
    assert CustomerMark.select().count() == 0


def test_a_binned_customer_cannot_be_marked(make_customer):
    a = make_customer('a')
    delete_customers([a])
    with pytest.raises(UserError, match='回收站'):
        quality_marks.set_quality(a, 'good')
    with pytest.raises(UserError, match='不存在'):
        quality_marks.set_quality(a + 100, 'good')


def test_counts_and_list_leave_out_binned_customers(make_customer):
    a, b, c = make_customer('a'), make_customer('b'), make_customer('c')
    quality_marks.set_mark(a, 'good', '', 'heart3')
    quality_marks.set_mark(b, 'good', '回购多')
    quality_marks.set_mark(c, 'bad', '骚扰客服', 'heart3')
    delete_customers([c])
    assert quality_marks.counts() == {'good': 2, 'normal': 0, 'bad': 0, 'heart3': 1}
    assert sorted(m.nick for m in quality_marks.list_marks()) == ['a', 'b']
    assert [m.nick for m in quality_marks.list_marks('bad')] == []
    assert quality_marks.describe(quality_marks.get_mark(a)) == '优质 · 3心'


# --- member filters and the quality column ------------------------------------------

@pytest.fixture
def marked_shop(make_customer):
    ids = {n: make_customer(n) for n in ('a', 'b', 'c', 'd', 'e')}
    quality_marks.set_mark(ids['a'], 'good', '', 'heart5')
    quality_marks.set_mark(ids['b'], 'good', '', 'diamond1')
    quality_marks.set_mark(ids['c'], 'bad', '恶意退款', 'crown2')
    quality_marks.set_mark(ids['d'], '', '', 'goldcrown1')
    return ids


@pytest.mark.parametrize('f, nicks', [
    (MemberFilter(quality='good'), ['a', 'b']),
    (MemberFilter(quality='bad'), ['c']),
    (MemberFilter(quality='normal'), []),
    (MemberFilter(credit_min='diamond1'), ['b', 'c', 'd']),
    (MemberFilter(credit_min='heart5'), ['a', 'b', 'c', 'd']),
    (MemberFilter(credit_min='goldcrown2'), []),
    (MemberFilter(quality='good', credit_min='diamond1'), ['b']),
    (MemberFilter(quality='good', text='b'), ['b']),
    (MemberFilter(credit_min='nonsense'), []),
])
def test_member_filters_on_marks(marked_shop, f, nicks):
    f = f.with_(sort='nick', descending=False)
    assert member_query.count(f) == len(nicks)
    assert [r.nick for r in member_query.page(f, 0, 100)] == nicks
    assert sorted(member_query.ids(f)) == sorted(marked_shop[n] for n in nicks)


def test_filters_leave_out_binned_customers(marked_shop):
    delete_customers([marked_shop['a']])
    assert [r.nick for r in member_query.page(MemberFilter(quality='good'), 0, 10)] == ['b']


def test_page_rows_carry_the_quality(marked_shop):
    rows = member_query.page(MemberFilter(sort='nick', descending=False), 0, 100)
    assert [(r.nick, r.quality) for r in rows] == [
        ('a', 'good'), ('b', 'good'), ('c', 'bad'), ('d', ''), ('e', '')]


def test_cached_counts_follow_a_new_mark(marked_shop):
    f = MemberFilter(quality='good')
    assert member_query.count(f) == 2
    quality_marks.set_quality(marked_shop['e'], 'good')
    assert member_query.count(f) == 3


# --- the member sheet -----------------------------------------------------------------

def _import(path):
    table = read_table(path)
    parsed = parse_member_rows(table.raw_headers, table.rows, table.row_numbers, Path(path).name)
    return parsed, batches.commit(parsed, f'hash-{Path(path).name}')


def _marks():
    return {Customer.get_by_id(m.customer_id).nick: (m.quality, m.reason, m.credit)
            for m in CustomerMark.select()}


@pytest.mark.parametrize('suffix', ['.xlsx', '.csv'])
def test_sheet_round_trip_keeps_marks(marked_shop, tmp_path, suffix):
    quality_marks.set_quality(marked_shop['e'], 'normal', '=公式一样的原因')
    before = _marks()
    path = tmp_path / f'会员{suffix}'
    exporting.export_members(path)
    table = read_table(path)
    rows = {r[1]: dict(zip(table.headers, r)) for r in table.rows}
    assert (rows['c']['客户质量'], rows['c']['质量原因'], rows['c']['买家信用']) == (
        '劣质', '恶意退款', '2冠')
    parsed, info = _import(path)
    assert parsed.problems == [] and (info.added, info.updated) == (0, 0)
    assert _marks() == before
    assert ImportChange.select().count() == 0


def test_a_mark_changed_in_the_sheet_is_imported_and_undone(marked_shop, tmp_path):
    path = tmp_path / '会员.xlsx'
    exporting.export_members(path)
    table = read_table(path)
    rows = [list(r) for r in table.rows]
    q, reason, credit = (table.headers.index(h) for h in ('客户质量', '质量原因', '买家信用'))
    by_nick = {r[1]: r for r in rows}
    by_nick['a'][q], by_nick['a'][reason] = '劣质', '职业差评师'
    by_nick['c'][q], by_nick['c'][reason] = '', ''              # unmarked, credit stays
    by_nick['e'][credit] = '4钻'
    edited = tmp_path / '会员-改.xlsx'
    write_table(edited, table.raw_headers, rows, ['text'] * len(table.headers))
    profiles = {c.nick: profile_of(c) for c in Customer.select()}
    parsed, info = _import(edited)
    assert parsed.problems == [] and (info.added, info.updated) == (0, 3)
    assert _marks() == {'a': ('bad', '职业差评师', 'heart5'), 'b': ('good', '', 'diamond1'),
                        'c': ('', '', 'crown2'), 'd': ('', '', 'goldcrown1'),
                        'e': ('', '', 'diamond4')}
    assert {c.nick: profile_of(c) for c in Customer.select()} == profiles
    batches.undo(info.id)
    assert _marks() == {'a': ('good', '', 'heart5'), 'b': ('good', '', 'diamond1'),
                        'c': ('bad', '恶意退款', 'crown2'), 'd': ('', '', 'goldcrown1')}


def test_partial_sheet_touches_only_its_mark_column(marked_shop, tmp_path):
    path = tmp_path / '质量.xlsx'
    write_table(path, ['买家会员名', '客户质量'],
                [['b', '一般'], ['d', '优质'], ['新客', '优质']], ['text', 'text'])
    parsed, info = _import(path)
    assert parsed.problems == [] and (info.added, info.updated) == (1, 2)
    marks = _marks()
    assert marks['b'] == ('normal', '', 'diamond1')       # the credit is not in the sheet
    assert marks['d'] == ('good', '', 'goldcrown1')
    assert marks['新客'] == ('good', '', '')
    assert marks['a'] == ('good', '', 'heart5') and marks['c'] == ('bad', '恶意退款', 'crown2')
    batches.undo(info.id)
    assert '新客' not in _marks() and _marks()['b'] == ('good', '', 'diamond1')


def test_sheet_rows_with_unusable_marks_are_problems(marked_shop, tmp_path):
    path = tmp_path / '质量.xlsx'
    write_table(path, ['买家会员名', '客户质量', '质量原因', '姓名'],
                [['a', '劣质', '', '改名甲'], ['b', '', '没选质量', '改名乙'],
                 ['c', '一般', '', '改名丙'], ['e', '超好', '', '改名戊']],
                ['text'] * 4)
    parsed, info = _import(path)
    assert [(p.row, p.column) for p in parsed.problems] == [(5, '客户质量')]
    stored = info.problems
    assert len(stored) == 3
    assert any(s.startswith('质量.xlsx 第5行「客户质量」列') for s in stored)
    assert any(s.startswith('质量.xlsx 第2行「质量原因」列') and '劣质' in s for s in stored)
    assert any(s.startswith('质量.xlsx 第3行「客户质量」列') for s in stored)
    names = {c.nick: c.name for c in Customer.select()}
    assert (names['a'], names['b'], names['c'], names['e']) == ('', '', '改名丙', '')
    assert _marks()['c'] == ('normal', '', 'crown2')
    assert _marks()['a'] == ('good', '', 'heart5')


def test_a_merge_fills_the_targets_empty_mark_from_the_sources(make_customer):
    keep, dup1, dup2 = make_customer('keep'), make_customer('dup1'), make_customer('dup2')
    quality_marks.set_mark(keep, '', '', 'heart4')
    quality_marks.set_mark(dup1, 'bad', '恶意退款', 'diamond1')
    quality_marks.fold_into([dup1, dup2], keep)
    m = quality_marks.get_mark(keep)
    assert (m.quality, m.reason, m.credit) == ('bad', '恶意退款', 'heart4')
    assert quality_marks.get_mark(dup1).is_empty()
    quality_marks.set_mark(dup2, 'good', '', 'crown3')
    quality_marks.fold_into([dup2], keep)             # the target's own values stay
    m = quality_marks.get_mark(keep)
    assert (m.quality, m.credit) == ('bad', 'heart4')
