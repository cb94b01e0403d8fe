"""services.files.member_sheet: the formats written, and every way a cell comes back."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from member_samples import CUSTOM_FIELDS, SAMPLES, expected_values
from services.customer_profile import CustomerProfile
from services.files.member_sheet import (MEMBER_HEADERS, MemberSheetRow, member_row,
                                         parse_member_rows, sheet_headers)
from services.files.writers import neutralise

FIXTURE = Path(__file__).parent / 'fixtures' / 'member_sheet_libreoffice.xlsx'


def parse(headers, rows, label='members.xlsx', **kw):
    return parse_member_rows(headers, rows, range(2, len(rows) + 2), label, **kw)


def sheet_rows(custom=CUSTOM_FIELDS):
    return [member_row(MemberSheetRow(id=i + 1, profile=p, tier='VIP会员', points=10,
                                      order_count=2, total_spent=12345,
                                      first_order_at=datetime(2024, 1, 2, 3, 4, 5),
                                      last_order_at=datetime(2024, 3, 4, 5, 6, 7),
                                      segment='重要价值客户', tags=sorted(tags)), custom)
            for i, (p, tags) in enumerate(SAMPLES)]


def test_headers_are_exactly_the_documented_ones():
    assert MEMBER_HEADERS == [
        '会员编号', '买家会员名', '平台', '姓名', '手机', '微信', '性别', '生日', '生日类型',
        '地区', '地址', '会员等级', '积分', '订单数', '累计消费', '首次购买', '最近购买',
        'RFM分群', '标签', '备注', '客户质量', '质量原因', '买家信用', '退订']
    assert sheet_headers(CUSTOM_FIELDS)[24:] == ['肤质', '宝宝生日', '备注（自定义）']


def test_written_formats():
    rows = {r[1]: dict(zip(sheet_headers(CUSTOM_FIELDS), r)) for r in sheet_rows()}
    first = rows['=HYPERLINK("http://evil.example","点我")']
    assert (first['会员编号'], first['平台'], first['性别']) == ('1', '淘宝', '男')
    assert (first['生日'], first['生日类型']) == ('1984-闰04-05', '农历')
    assert first['地区'] == '浙江省 杭州市'
    assert first['标签'] == '=SUM(A1),回头客'
    assert first['累计消费'] == 12345          # fen: the writer turns the money column into yuan
    assert first['备注（自定义）'] == '@自定义'
    assert (rows['拼多多用户😀']['生日'], rows['拼多多用户😀']['性别']) == ('闰06-30', '女')
    assert (rows['0012345']['生日'], rows['0012345']['生日类型']) == ('02-29', '公历')
    assert rows['0012345']['地区'] == ' 上海市'       # a city alone keeps its place
    assert rows['-负号开头']['地区'] == '西藏自治区'
    assert (rows['plain']['生日'], rows['plain']['生日类型'], rows['plain']['平台']) == (
        '', '', '其他')


@pytest.mark.parametrize('csv_file', [False, True])
def test_rows_parse_back_to_the_profiles(csv_file):
    rows = sheet_rows()
    label = 'members.xlsx'
    if csv_file:   # as our CSV writer stores them: guarded, everything text
        rows = [[neutralise(v) if isinstance(v, str) else ('' if v is None else str(v))
                 for v in r] for r in rows]
        label = 'members.csv'
    parsed = parse(sheet_headers(CUSTOM_FIELDS), rows, label)
    assert parsed.problems == [] and parsed.kind == 'members'
    assert parsed.rows_read == len(SAMPLES) == len(parsed.records)
    for record, (profile, tags) in zip(parsed.records, SAMPLES):
        assert record.values == expected_values(profile)
        assert (record.platform, record.nick) == (profile.platform, profile.nick)
        assert record.tags == sorted(tags)
    assert any('由软件计算' in n for n in parsed.notes)


def test_partial_sheet_sets_only_its_columns():
    parsed = parse(['买家会员名', '手机'], [['张三', 13812345678], ['李四', 13900000000.0],
                                        [None, None], ['王五', None]])
    assert parsed.rows_read == 3
    assert [r.values for r in parsed.records] == [
        {'nick': '张三', 'phone': '13812345678'}, {'nick': '李四', 'phone': '13900000000'},
        {'nick': '王五', 'phone': ''}]
    assert all(r.tags is None and r.platform == 'taobao' for r in parsed.records)
    assert [r.row for r in parsed.records] == [2, 3, 5]


def test_sheet_without_nick_column_is_refused():
    parsed = parse(['姓名', '手机'], [['张三', '138']])
    assert parsed.records == []
    assert parsed.problems[0].column == '买家会员名' and parsed.problems[0].row == 1


@pytest.mark.parametrize('cells, column, words', [
    (['', '淘宝', '男', ''], '买家会员名', '为空'),
    (['a', '京东', '男', ''], '平台', '未知平台'),
    (['a', '淘宝', '中', ''], '性别', '性别'),
    (['a', '淘宝', '男', '13-01'], '生日', '公历没有这一天'),
    (['a', '淘宝', '男', '02-30'], '生日', '公历没有这一天'),
    (['a', '淘宝', '男', '五月六日'], '生日', '看不懂'),
    (['a', '淘宝', '男', '1850-01-01'], '生日', '年份'),
    (['a', '淘宝', '男', '闰04-05', '公历'], '生日类型', '农历'),
    (['a', '淘宝', '男', '04-05', '阴阳历'], '生日类型', '公历或农历'),
    (['a', '淘宝', '男', '13-01', '农历'], '生日', '农历生日'),
])
def test_bad_cells_are_problems_naming_row_and_column(cells, column, words):
    headers = ['买家会员名', '平台', '性别', '生日', '生日类型'][:len(cells)]
    parsed = parse(headers, [['ok', '淘宝', '', ''][:len(cells)], cells], 'm.xlsx')
    assert [r.nick for r in parsed.records] == ['ok']
    assert parsed.rows_read == 2
    (problem,) = parsed.problems
    assert (problem.row, problem.column, problem.file) == (3, column, 'm.xlsx')
    assert words in problem.message
    assert str(problem).startswith('m.xlsx 第3行「')


@pytest.mark.parametrize('cell, kind, expected', [
    (datetime(1990, 5, 6), '', ('solar', 1990, 5, 6, False)),
    (date(1990, 5, 6), '公历', ('solar', 1990, 5, 6, False)),
    (32999, '', ('solar', 1990, 5, 6, False)),                  # the date serial itself
    ('1990/5/6', '', ('solar', 1990, 5, 6, False)),
    ('1990-05-06 00:00:00', '', ('solar', 1990, 5, 6, False)),
    ('1990年5月6日', '', ('solar', 1990, 5, 6, False)),
    ('5月6日', '', ('solar', None, 5, 6, False)),
    ('农历03-05', '', ('lunar', None, 3, 5, False)),
    ('闰04-05', '', ('lunar', None, 4, 5, True)),
    ('2000-闰04-30', '农历', ('lunar', 2000, 4, 30, True)),
    ('04-05', '阴历', ('lunar', None, 4, 5, False)),
    ('', '农历', ('', None, None, None, False)),
    (None, '', ('', None, None, None, False)),
])
def test_birthday_shapes(cell, kind, expected):
    parsed = parse(['买家会员名', '生日', '生日类型'], [['a', cell, kind]])
    assert parsed.problems == []
    v = parsed.records[0].values
    assert (v['birth_kind'], v['birth_year'], v['birth_month'], v['birth_day'],
            v['birth_leap']) == expected


def test_tags_split_on_every_comma_and_drop_repeats():
    parsed = parse(['买家会员名', '标签'], [['a', '回头客，宝妈、学生, 回头客,,'], ['b', None]])
    assert [r.tags for r in parsed.records] == [['回头客', '宝妈', '学生'], []]


def test_region_shapes():
    parsed = parse(['买家会员名', '地区'], [['a', '浙江省 杭州市'], ['b', ' 杭州市'],
                                          ['c', '浙江省'], ['d', '内蒙古\u3000包头市'], ['e', None]])
    assert [(r.values['province'], r.values['city']) for r in parsed.records] == [
        ('浙江省', '杭州市'), ('', '杭州市'), ('浙江省', ''), ('内蒙古', '包头市'), ('', '')]


def test_computed_columns_are_ignored():
    parsed = parse(['会员编号', '买家会员名', '会员等级', '积分', '订单数', '累计消费', '首次购买',
                    '最近购买', 'RFM分群'], [[99, 'a', 'VIP', 1, 2, 3.0, None, None, 'x']])
    assert parsed.records[0].values == {'nick': 'a'}


def test_csv_guard_is_only_stripped_from_csv_files():
    rows = [["'=1+1", "'+86 138"], ["'plain", "''=x"]]
    from_csv = parse(['买家会员名', '备注'], rows, 'm.csv')
    from_xlsx = parse(['买家会员名', '备注'], rows, 'm.xlsx')
    assert [(r.nick, r.values['note']) for r in from_csv.records] == [
        ('=1+1', '+86 138'), ("'plain", "'=x")]
    assert [(r.nick, r.values['note']) for r in from_xlsx.records] == [
        ("'=1+1", "'+86 138"), ("'plain", "''=x")]


def test_custom_fields_by_header():
    headers = ['买家会员名', '肤质', '备注(自定义)', '杂项']
    everything = parse(headers, [['a', '干性', 3, None]])
    assert everything.records[0].values['extra'] == {'肤质': '干性', '备注': '3', '杂项': ''}
    known = parse(headers, [['a', '干性', 3, None]], custom_fields=['肤质', '备注'])
    assert known.records[0].values['extra'] == {'肤质': '干性', '备注': '3'}
    assert any('杂项' in n for n in known.notes)


def test_cells_from_a_retyped_sheet():
    parsed = parse(['买家会员名', '手机', '微信', '性别', '平台'],
                   [[12345, 13812345678.0, 'wx', 'F', 'TAOBAO'],
                    ['b', '  138 0000 0000 ', None, '女性', '抖店']])
    a, b = parsed.records
    assert (a.nick, a.values['phone'], a.values['gender'], a.platform) == (
        '12345', '13812345678', 'F', 'taobao')
    assert (b.values['phone'], b.values['gender'], b.platform) == ('138 0000 0000', 'F', 'douyin')


def test_libreoffice_saved_fixture_parses_to_the_samples():
    """A sheet the app exported, re-saved by LibreOffice 7.4, checked without LibreOffice."""
    from services.files.table_reader import read_table
    table = read_table(FIXTURE)
    parsed = parse_member_rows(table.raw_headers, table.rows, table.row_numbers, FIXTURE.name)
    assert parsed.problems == []
    assert len(parsed.records) == len(SAMPLES)
    for record, (profile, tags) in zip(parsed.records, SAMPLES):
        assert record.values == expected_values(profile)
        assert record.tags == sorted(tags)
    # The cleaned headers table_reader also offers work the same for the standard columns.
    cleaned = parse_member_rows(table.headers, table.rows, table.row_numbers, FIXTURE.name)
    assert [r.values for r in cleaned.records] == [r.values for r in parsed.records]


def test_profile_round_trip_through_cleaned():
    # The parsed values rebuild a profile equal to the exported one (what the importer does).
    parsed = parse(sheet_headers(CUSTOM_FIELDS), sheet_rows())
    for record, (profile, _) in zip(parsed.records, SAMPLES):
        values = dict(record.values)
        extra = {k: v for k, v in values.pop('extra').items() if v}
        rebuilt = CustomerProfile(**values, extra=extra).cleaned()
        assert rebuilt == profile.cleaned()


# --- quality marks and credit levels (客户质量, 质量原因, 买家信用) ------------------------

MARKS = [('bad', '=恶意退款 3 次', 'heart3'), ('good', '', 'goldcrown5'), ('', '', ''),
         ('normal', '回复慢', ''), ('', '', 'diamond1'), ('good', '+老客户', 'crown2')]


def marked_rows():
    return [member_row(MemberSheetRow(id=i + 1, profile=p, quality=q, quality_reason=r,
                                      credit=c), CUSTOM_FIELDS)
            for i, ((p, _), (q, r, c)) in enumerate(zip(SAMPLES, MARKS))]


def test_marks_are_written_as_chinese_names():
    rows = [dict(zip(sheet_headers(CUSTOM_FIELDS), r)) for r in marked_rows()]
    assert [(r['客户质量'], r['质量原因'], r['买家信用']) for r in rows] == [
        ('劣质', '=恶意退款 3 次', '3心'), ('优质', '', '5金冠'), ('', '', ''),
        ('一般', '回复慢', ''), ('', '', '1钻'), ('优质', '+老客户', '2冠')]


@pytest.mark.parametrize('csv_file', [False, True])
def test_marks_parse_back_unchanged(csv_file):
    rows, label = marked_rows(), 'members.xlsx'
    if csv_file:
        rows = [[neutralise(v) if isinstance(v, str) else ('' if v is None else str(v))
                 for v in r] for r in rows]
        label = 'members.csv'
    parsed = parse(sheet_headers(CUSTOM_FIELDS), rows, label)
    assert parsed.problems == []
    assert [r.marks for r in parsed.records] == [
        {'quality': q, 'reason': r, 'credit': c} for q, r, c in MARKS]


def test_a_sheet_without_mark_columns_leaves_marks_alone():
    parsed = parse(['买家会员名', '手机'], [['a', '138']])
    assert parsed.records[0].marks is None


def test_partial_mark_columns_and_the_ways_credit_is_written():
    parsed = parse(['买家会员名', '买家信用'],
                   [['a', '3心'], ['b', '三颗心'], ['c', '2 皇冠'], ['d', '1金皇冠'],
                    ['e', 'DIAMOND4'], ['f', None]])
    assert parsed.problems == []
    assert [r.marks for r in parsed.records] == [
        {'credit': 'heart3'}, {'credit': 'heart3'}, {'credit': 'crown2'},
        {'credit': 'goldcrown1'}, {'credit': 'diamond4'}, {'credit': ''}]
    only_quality = parse(['买家会员名', '客户质量'], [['a', '优质客户'], ['b', 'bad']])
    assert [r.marks for r in only_quality.records] == [{'quality': 'good'}, {'quality': 'bad'}]


@pytest.mark.parametrize('column, cell, words', [
    ('客户质量', '很好', '优质、一般、劣质'),
    ('买家信用', '6心', '买家信用看不懂'),
    ('买家信用', '3星', '买家信用看不懂'),
])
def test_unknown_mark_values_are_row_problems(column, cell, words):
    parsed = parse(['买家会员名', column], [['ok', ''], ['a', cell]])
    assert [r.nick for r in parsed.records] == ['ok']
    (problem,) = parsed.problems
    assert (problem.row, problem.column) == (3, column)
    assert words in problem.message
