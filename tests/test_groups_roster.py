"""Roster sheets: export, import back, row problems, idempotent re-import."""
import csv
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from models import Customer
from models.group import GroupMember
from services import groups
from services.customers import delete_customers
from services.errors import UserError
from services.files.writers import write_table
from services.groups import GroupFields


@pytest.fixture
def shop(make_customer):
    c = {
        'a': make_customer('tb_小鹿', name='张伟', phone='13812345678'),
        'b': make_customer('=HYPERLINK("x")', name='+王芳', phone='138****1234'),
        'c': make_customer('pdd_c', platform='pdd', name='李明'),
        'same_tb': make_customer('同名', name='淘宝同名'),
        'same_pdd': make_customer('同名', platform='pdd', name='拼多多同名'),
    }
    g = groups.create_group(GroupFields('VIP一群', 'VIP群'))
    groups.add_members(g, [c['a'], c['b']], joined_at=date(2024, 5, 1))
    groups.set_role(g, [c['a']], groups.OWNER)
    groups.update_member(g, c['b'], groups.ADMIN, date(2024, 5, 2), '@管理员 -负责晒单')
    return c, g


def snapshot():
    return sorted((m.group_id, m.customer_id, m.role, m.joined_at, m.note)
                  for m in GroupMember.select())


def read_xlsx(path):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_export_writes_the_roster_as_text(shop, tmp_path):
    c, g = shop
    delete_customers([c['c']])
    path = tmp_path / 'roster.xlsx'
    assert groups.export_roster(path, [g]) == 2
    rows = read_xlsx(path)
    assert rows[0] == groups.ROSTER_HEADERS
    assert rows[1][:6] == ['VIP一群', 'tb_小鹿', '淘宝', '张伟', '13812345678', '群主']
    assert rows[2][:6] == ['VIP一群', '=HYPERLINK("x")', '淘宝', '+王芳', '138****1234', '管理员']
    assert rows[2][7] == '@管理员 -负责晒单'


def test_csv_export_neutralises_formula_looking_cells(shop, tmp_path):
    _, g = shop
    path = tmp_path / 'roster.csv'
    groups.export_roster(path, [g])
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    assert rows[2][1] == '\'=HYPERLINK("x")' and rows[2][3] == "'+王芳"
    assert rows[2][7] == "'@管理员 -负责晒单"
    assert rows[1][6] == '2024-05-01'


@pytest.mark.parametrize('suffix', ['.xlsx', '.csv'])
def test_round_trip_changes_nothing(shop, tmp_path, suffix):
    c, g = shop
    path = tmp_path / f'roster{suffix}'
    groups.export_roster(path)
    before = snapshot()
    result = groups.import_roster(path)
    assert (result.rows_read, result.added, result.updated, result.unchanged) == (2, 0, 0, 2)
    assert result.problems == [] and snapshot() == before


@pytest.mark.parametrize('suffix', ['.xlsx', '.csv'])
def test_round_trip_into_an_empty_group(shop, tmp_path, suffix):
    c, g = shop
    path = tmp_path / f'roster{suffix}'
    groups.export_roster(path)
    before = [(m[1], m[2], m[3], m[4]) for m in snapshot()]
    groups.delete_group(g)
    g2 = groups.create_group(GroupFields('VIP一群'))
    result = groups.import_roster(path)
    assert result.added == 2 and result.problems == []
    assert [(m[1], m[2], m[3], m[4]) for m in snapshot()] == before
    again = groups.import_roster(path)                  # idempotent
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert {m[0] for m in snapshot()} == {g2}


def write_roster(path, rows, headers=None):
    headers = headers or groups.ROSTER_HEADERS
    write_table(path, headers, rows, ['text'] * len(headers))


def test_problems_name_the_row_and_good_rows_still_import(shop, tmp_path):
    c, g = shop
    other = groups.create_group(GroupFields('福利群A', '福利群'))
    delete_customers([c['c']])
    path = tmp_path / 'edited.xlsx'
    write_roster(path, [
        ['福利群A', 'tb_小鹿', '淘宝', '', '', '管理员', '2024-06-01', ''],       # 2 ok
        ['福利群A', '不存在的人', '淘宝', '', '13812345678', '', '', ''],          # 3 unknown
        ['福利群A', '', '', '张伟', '13812345678', '', '', ''],                    # 4 no nick
        ['福利群A', 'x', '', '', '138****1234', '', '', ''],                       # 5 unknown
        ['没这个群', 'tb_小鹿', '淘宝', '', '', '', '', ''],                       # 6 group
        ['福利群A', 'pdd_c', '拼多多', '', '', '', '', ''],                        # 7 binned
        ['福利群A', '同名', '', '', '', '', '', ''],                               # 8 ambiguous
        ['福利群A', '同名', '拼多多', '', '', '群主', '', ''],                      # 9 ok
        ['福利群A', 'tb_小鹿', '淘宝', '', '', '', '', ''],                        # 10 duplicate
        ['福利群A', '=HYPERLINK("x")', '', '', '', '老板', '', ''],                # 11 role
        ['福利群A', '=HYPERLINK("x")', '', '', '', '', '明天', ''],                # 12 date
        ['福利群A', '=HYPERLINK("x")', '微博', '', '', '', '', ''],                # 13 platform
        ['福利群A', '同名', '淘宝', '', '', '群主', '', ''],                        # 14 2nd owner
    ])
    result = groups.import_roster(path)
    by_row = {p.row: (p.column, p.message) for p in result.problems}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14]
    assert '找不到淘宝 买家会员名为“不存在的人”' in by_row[3][1]
    assert by_row[4] == ('买家会员名', '买家会员名为空（名册只按平台和买家会员名找顾客，不按手机号）')
    assert '不按手机号' in by_row[5][1]                        # the masked phone is no match
    assert by_row[6] == ('群名', '没有名为“没这个群”的群（可选择自动新建群）')
    assert '回收站' in by_row[7][1]
    assert '请在「平台」列写明' in by_row[8][1]
    assert by_row[10][1] == '与第2行是同一个群里的同一位顾客'
    assert by_row[11][0] == '角色' and by_row[12][0] == '入群日期' and by_row[13][0] == '平台'
    assert by_row[14] == ('角色', '一个群只能有一位群主，第9行已是群主')
    assert (result.rows_read, result.added) == (13, 2)
    assert {(m.nick, m.role, m.joined_at) for m in groups.list_members(other)} == {
        ('tb_小鹿', 'admin', date(2024, 6, 1)), ('同名', 'owner', date.today())}
    assert Customer.select().count() == 5                     # nobody created silently
    assert '第3行' in str(result.problems[0]) and 'edited.xlsx' in str(result.problems[0])


def test_rows_without_a_group_name_go_to_the_chosen_group(shop, tmp_path):
    c, g = shop
    path = tmp_path / 'plain.csv'
    write_roster(path, [['pdd_c', '拼多多', '群主']], headers=['买家会员名', '平台', '角色'])
    with pytest.raises(UserError, match='没有「群名」列'):
        groups.import_roster(path)
    result = groups.import_roster(path, g)
    assert result.added == 1 and result.updated == 1          # the old 群主 became 成员
    roles = {m.nick: m.role for m in groups.list_members(g)}
    assert roles == {'tb_小鹿': 'member', '=HYPERLINK("x")': 'admin', 'pdd_c': 'owner'}


def test_a_sheet_without_nicks_is_refused(shop, tmp_path):
    path = tmp_path / 'phones.xlsx'
    write_roster(path, [['VIP一群', '13812345678']], headers=['群名', '手机'])
    with pytest.raises(UserError, match='缺少「买家会员名」列'):
        groups.import_roster(path)


def test_missing_groups_and_buyers_are_created_only_when_asked(shop, tmp_path):
    path = tmp_path / 'new.xlsx'
    write_roster(path, [['新群', '新顾客', '拼多多', '小王', '139****0000', '', '', '']])
    result = groups.import_roster(path)
    assert [p.column for p in result.problems] == ['群名']
    assert groups.find_group('新群') is None
    result = groups.import_roster(path, create_groups=True)
    assert result.groups_created == ['新群'] and result.added == 0
    assert [p.column for p in result.problems] == ['买家会员名']
    result = groups.import_roster(path, create_buyers=True)
    assert (result.buyers_created, result.added, result.problems) == (1, 1, [])
    new = Customer.get(Customer.nick == '新顾客')
    assert (new.platform, new.name, new.phone, new.source) == ('pdd', '小王', '139****0000',
                                                               '群名册导入')
    assert [m.nick for m in groups.list_members(groups.find_group('新群'))] == ['新顾客']


def test_an_import_that_fails_halfway_writes_nothing(shop, tmp_path, monkeypatch):
    c, g = shop
    path = tmp_path / 'roster.xlsx'
    write_roster(path, [['VIP一群', 'pdd_c', '拼多多', '', '', '', '', ''],
                        ['新群', '新人', '淘宝', '', '', '', '', '']])
    before = snapshot()
    from services.groups import roster_sheet

    def broken(*args):
        raise RuntimeError('disk full')
    monkeypatch.setattr(roster_sheet, '_write', broken)
    with pytest.raises(RuntimeError):
        groups.import_roster(path, create_groups=True, create_buyers=True)
    assert snapshot() == before
    assert groups.find_group('新群') is None
    assert not Customer.select().where(Customer.nick == '新人').exists()
