"""Groups: kinds, CRUD, members with roles and dates, the group filter of the member list."""
from datetime import date, timedelta

import pytest

from models import Customer
from models.group import GroupMember
from services import groups
from services.customers import delete_customers, merge_customers, purge_customers, \
    restore_customers
from services.errors import UserError, ValidationError
from services.groups import GroupFields
from services.member_query import MemberFilter, count, ids, page
from services.tags import create_tag, tag_customers


@pytest.fixture
def buyers(make_customer):
    return {n: make_customer(n, name=f'{n}姐') for n in ('a', 'b', 'c', 'd')}


def vip(name='VIP一群', kind='VIP群', app='wechat') -> int:
    return groups.create_group(GroupFields(name, kind, app))


# --- kinds ----------------------------------------------------------------------------

def test_a_new_shop_has_the_default_kinds(database):
    assert groups.list_kinds() == ['淘客群', 'VIP群', '晒单群', '福利群', '售后群']


def test_kinds_can_be_added_moved_renamed_and_deleted(database):
    groups.add_kind(' 宝妈群 ')
    assert groups.list_kinds()[-1] == '宝妈群'
    with pytest.raises(ValidationError, match='已有群类型'):
        groups.add_kind('VIP群')
    with pytest.raises(ValidationError, match='不能为空'):
        groups.add_kind('  ')
    groups.move_kind('宝妈群', -1)
    assert groups.list_kinds()[-2:] == ['宝妈群', '售后群']
    gid = vip()
    assert groups.rename_kind('VIP群', '会员群') == 1
    assert groups.get_group(gid).kind == '会员群'
    assert 'VIP群' not in groups.list_kinds()
    with pytest.raises(UserError, match='还有 1 个群'):
        groups.delete_kind('会员群')
    groups.delete_kind('晒单群')
    assert '晒单群' not in groups.list_kinds()


# --- groups ---------------------------------------------------------------------------

def test_group_crud(database):
    gid = vip()
    g = groups.get_group(gid)
    assert (g.name, g.kind, g.app, g.members) == ('VIP一群', 'VIP群', 'wechat', 0)
    groups.update_group(gid, GroupFields(' 老客QQ群 ', '福利群', 'qq', ' 每周五发券 '))
    g = groups.get_group(gid)
    assert (g.name, g.kind, g.app, g.note) == ('老客QQ群', '福利群', 'qq', '每周五发券')
    groups.delete_group(gid)
    assert groups.list_groups() == []
    with pytest.raises(UserError):
        groups.get_group(gid)


@pytest.mark.parametrize('fields,message', [
    (GroupFields(''), '群名不能为空'),
    (GroupFields('x' * 65), '最多 64'),
    (GroupFields('群', kind='没有这类'), '没有群类型'),
    (GroupFields('群', app='dingtalk'), '微信群或QQ群'),
])
def test_bad_group_fields_are_refused(database, fields, message):
    with pytest.raises(ValidationError, match=message):
        groups.create_group(fields)


def test_group_names_are_unique(database):
    gid = vip()
    with pytest.raises(ValidationError, match='已有名为'):
        vip()
    other = vip('VIP二群')
    with pytest.raises(ValidationError, match='已有名为'):
        groups.update_group(other, GroupFields('VIP一群'))
    assert groups.get_group(gid).name == 'VIP一群'


def test_groups_list_by_kind_order_with_live_counts_and_owner(buyers):
    qq = vip('晒单QQ', '晒单群', 'qq')
    b = vip('B群')
    a = vip('A群')
    groups.add_members(a, [buyers['a'], buyers['b'], buyers['c']])
    groups.set_role(a, [buyers['b']], groups.OWNER)
    delete_customers([buyers['c']])
    listed = groups.list_groups()
    assert [g.id for g in listed] == [a, b, qq]           # VIP群 before 晒单群, then name
    assert [(g.members, g.owner) for g in listed] == [(2, 'b'), (0, ''), (0, '')]


# --- members --------------------------------------------------------------------------

def test_adding_members_is_idempotent_and_keeps_roles_and_dates(buyers):
    gid = vip()
    first = date(2024, 5, 1)
    assert groups.add_members(gid, [buyers['a'], buyers['b']], joined_at=first) == 2
    groups.set_role(gid, [buyers['a']], groups.ADMIN)
    assert groups.add_members(gid, [buyers['a'], buyers['b'], buyers['c'], buyers['c']]) == 1
    lines = {m.nick: m for m in groups.list_members(gid)}
    assert (lines['a'].role, lines['a'].joined_at) == ('admin', first)
    assert (lines['c'].role, lines['c'].joined_at) == ('member', date.today())
    assert GroupMember.select().count() == 3


def test_binned_customers_are_not_added_and_keep_their_place(buyers):
    gid = vip()
    groups.add_members(gid, [buyers['a']])
    delete_customers([buyers['a'], buyers['b']])
    assert groups.add_members(gid, [buyers['b']]) == 0
    assert groups.list_members(gid) == []
    assert [g.group_id for g in groups.groups_of(buyers['a'])] == [gid]   # row kept
    restore_customers([buyers['a']])
    assert [m.customer_id for m in groups.list_members(gid)] == [buyers['a']]


def test_erasing_a_customer_or_deleting_the_group_removes_the_rows(buyers):
    gid, other = vip(), vip('二群')
    groups.add_members(gid, [buyers['a'], buyers['b']])
    groups.add_members(other, [buyers['a']])
    delete_customers([buyers['a']])
    purge_customers([buyers['a']])
    assert [m.nick for m in groups.list_members(gid)] == ['b']
    groups.delete_group(gid)
    assert GroupMember.select().count() == 0
    assert Customer.select().where(Customer.id == buyers['b']).exists()


def test_remove_members(buyers):
    gid = vip()
    groups.add_members(gid, list(buyers.values()))
    assert groups.remove_members(gid, [buyers['a'], buyers['b'], buyers['b']]) == 2
    assert groups.remove_members(gid, [buyers['a']]) == 0
    assert sorted(m.nick for m in groups.list_members(gid)) == ['c', 'd']


def test_one_owner_per_group_and_handing_over(buyers):
    gid = vip()
    groups.add_members(gid, [buyers['a'], buyers['b'], buyers['c']])
    with pytest.raises(ValidationError, match='一位群主'):
        groups.set_role(gid, [buyers['a'], buyers['b']], groups.OWNER)
    assert groups.set_role(gid, [buyers['a']], groups.OWNER) == 1
    assert groups.set_role(gid, [buyers['b']], groups.OWNER) == 1
    roles = {m.nick: m.role for m in groups.list_members(gid)}
    assert roles == {'a': 'member', 'b': 'owner', 'c': 'member'}
    assert groups.list_members(gid)[0].nick == 'b'               # 群主 listed first
    groups.add_members(gid, [buyers['d']], role=groups.OWNER)
    roles = {m.nick: m.role for m in groups.list_members(gid)}
    assert roles == {'a': 'member', 'b': 'member', 'c': 'member', 'd': 'owner'}
    with pytest.raises(ValidationError):
        groups.set_role(gid, [buyers['a']], 'boss')


def test_update_one_membership(buyers):
    gid = vip()
    groups.add_members(gid, [buyers['a'], buyers['b']])
    groups.set_role(gid, [buyers['b']], groups.OWNER)
    groups.update_member(gid, buyers['a'], groups.OWNER, date(2023, 1, 2), ' 群里最活跃 ')
    m = {x.nick: x for x in groups.list_members(gid)}
    assert (m['a'].role, m['a'].joined_at, m['a'].note) == ('owner', date(2023, 1, 2), '群里最活跃')
    assert m['b'].role == 'member'
    with pytest.raises(ValidationError, match='晚于今天'):
        groups.update_member(gid, buyers['a'], groups.MEMBER, date.today() + timedelta(days=1))
    with pytest.raises(UserError, match='不在这个群'):
        groups.update_member(gid, buyers['c'], groups.MEMBER, date(2024, 1, 1))


def test_groups_of_a_customer(buyers):
    a, b = vip('A群'), vip('B群', '福利群', 'qq')
    groups.add_members(b, [buyers['a']], joined_at=date(2024, 1, 1))
    groups.add_members(a, [buyers['a']], joined_at=date(2024, 2, 1))
    groups.set_role(a, [buyers['a']], groups.ADMIN)
    got = [(g.name, g.kind, g.app, g.role, g.joined_at) for g in groups.groups_of(buyers['a'])]
    assert got == [('B群', '福利群', 'qq', 'member', date(2024, 1, 1)),
                   ('A群', 'VIP群', 'wechat', 'admin', date(2024, 2, 1))]
    assert groups.groups_of(buyers['b']) == []


def test_a_missing_group_is_refused(buyers):
    with pytest.raises(UserError, match='已不存在'):
        groups.add_members(999, [buyers['a']])


def test_merging_duplicates_moves_memberships(buyers):
    a, b = vip('A群'), vip('B群')
    groups.add_members(a, [buyers['a'], buyers['b']])
    groups.set_role(a, [buyers['b']], groups.ADMIN)
    groups.add_members(b, [buyers['b']], joined_at=date(2024, 3, 3))
    groups.fold_into([buyers['b']], buyers['a'])
    merge_customers([buyers['b']], buyers['a'])
    got = sorted((g.name, g.role, g.joined_at) for g in groups.groups_of(buyers['a']))
    assert got == [('A群', 'member', date.today()), ('B群', 'member', date(2024, 3, 3))]
    assert groups.groups_of(buyers['b']) == []


# --- the member list filter -------------------------------------------------------------

def test_group_filter_in_the_member_list(buyers):
    gid, empty = vip(), vip('空群')
    groups.add_members(gid, [buyers['a'], buyers['b'], buyers['c']])
    f = MemberFilter(group_id=gid, sort='nick', descending=False)
    assert count(f) == 3
    assert ids(f) == [buyers['a'], buyers['b'], buyers['c']]
    assert [r.nick for r in page(f, 1, 5)] == ['b', 'c']
    assert count(MemberFilter(group_id=empty)) == 0
    # With text, a tag, and the recycle bin.
    assert ids(f.with_(text='b姐')) == [buyers['b']]
    t = create_tag('老客')
    tag_customers([buyers['b'], buyers['c'], buyers['d']], t)
    assert ids(f.with_(tag_id=t)) == [buyers['b'], buyers['c']]
    assert ids(f.with_(tag_id=t, text='c')) == [buyers['c']]
    delete_customers([buyers['c']])
    assert ids(f) == [buyers['a'], buyers['b']]
    assert ids(f.with_(deleted=True)) == [buyers['c']]
    groups.remove_members(gid, [buyers['a']])
    assert ids(f) == [buyers['b']]            # the cached result follows the change
