"""Customer lifecycle: create, edit, recycle bin, purge, merge, details."""
import json
from datetime import datetime

import pytest

from models import (ContactLog, Customer, CustomerMerge, CustomerSearch, CustomerTag, Order,
                    OrderLine, PointsEntry)
from services import customer_stats
from services.customer_profile import CustomerProfile
from services.customers import (add_contact, count_customers, create_customer,
                                delete_customers, get_customer, merge_customers,
                                purge_customers, restore_customers, set_tier_override,
                                update_customer)
from services.errors import UserError, ValidationError
from services.member_query import MemberFilter, ids
from services.tags import create_tag, tag_customers

LIVE, BIN = MemberFilter(), MemberFilter(deleted=True)


def live():
    return set(ids(LIVE))


def binned():
    return set(ids(BIN))


# Create and edit

def test_create_round_trips_the_cleaned_profile(database):
    cid = create_customer(CustomerProfile(
        nick=' 小王 ', name='王五', phone='138****1234', birth_kind='lunar', birth_month=8,
        birth_day=15, birth_leap=True, extra={'肤质': '干性', '空': ''}))
    p = get_customer(cid).profile
    assert (p.nick, p.name, p.phone) == ('小王', '王五', '138****1234')
    assert (p.birth_kind, p.birth_month, p.birth_day, p.birth_leap) == ('lunar', 8, 15, True)
    assert p.extra == {'肤质': '干性'}


def test_invalid_profile_creates_nothing(database):
    with pytest.raises(ValidationError):
        create_customer(CustomerProfile(nick='x', phone='call me'))
    assert Customer.select().count() == 0


def test_new_customer_gets_the_lowest_tier(make_customer, tiers):
    assert get_customer(make_customer('a')).tier_id == tiers['普通会员']


def test_nick_unique_per_platform(make_customer):
    make_customer('小王')
    with pytest.raises(ValidationError) as info:
        make_customer(' 小王 ')
    assert info.value.field == 'nick'
    assert make_customer('小王', platform='pdd')
    assert count_customers() == 2


def test_update_changes_profile_and_search(make_customer):
    cid = make_customer('a', name='李明')
    update_customer(cid, CustomerProfile(nick='a2', name='张伟', phone='13900001111'))
    d = get_customer(cid)
    assert (d.profile.nick, d.profile.name, d.profile.phone) == ('a2', '张伟', '13900001111')
    text = CustomerSearch.get_by_id(cid).text
    assert 'zhangwei' in text and 'liming' not in text and '13900001111' in text


def test_update_to_a_taken_nick_refused_and_nothing_changes(make_customer):
    make_customer('a')
    b = make_customer('b', name='原名')
    with pytest.raises(ValidationError) as info:
        update_customer(b, CustomerProfile(nick='a', name='新名'))
    assert info.value.field == 'nick'
    assert get_customer(b).profile.name == '原名'


def test_update_missing_customer(database):
    with pytest.raises(UserError):
        update_customer(999, CustomerProfile(nick='x'))


def test_get_missing_customer(database):
    with pytest.raises(UserError):
        get_customer(999)


# Recycle bin

def test_delete_moves_to_bin_and_restore_brings_back(make_customer):
    a, b = make_customer('a'), make_customer('b')
    assert delete_customers([a]) == 1
    assert live() == {b} and binned() == {a}
    assert count_customers() == 1
    assert get_customer(a).deleted_at is not None
    assert delete_customers([a]) == 0             # already in the bin
    assert restore_customers([a, b]) == 1         # b was never deleted
    assert live() == {a, b} and binned() == set()
    assert get_customer(a).deleted_at is None


def test_delete_keeps_orders_attached(make_customer, make_order):
    a = make_customer('a')
    make_order(a)
    delete_customers([a])
    assert Order.select().where(Order.customer == a).count() == 1


def test_purge_only_from_bin(make_customer, make_order):
    a = make_customer('a')
    make_order(a)
    assert purge_customers([a]) == 0
    assert Customer.get_or_none(Customer.id == a) is not None
    assert Order.select().count() == 1


def test_purge_erases_customer_and_history(make_customer, make_order):
    a, keep = make_customer('a'), make_customer('keep')
    order = make_order(a)
    OrderLine.create(order=order, title='奶粉')
    make_order(keep)
    tag = create_tag('VIP')
    tag_customers([a, keep], tag)
    PointsEntry.create(customer=a, kind='earn', points=10)
    add_contact(a, 'phone')
    delete_customers([a])
    assert purge_customers([a, 12345]) == 1
    assert Customer.get_or_none(Customer.id == a) is None
    assert binned() == set() and live() == {keep}
    assert [o.customer_id for o in Order.select()] == [keep]
    assert OrderLine.select().count() == 0
    assert [t.customer_id for t in CustomerTag.select()] == [keep]
    assert PointsEntry.select().count() == ContactLog.select().count() == 0
    assert CustomerSearch.get_or_none(CustomerSearch.customer == a) is None


def test_purged_nick_can_be_used_again(make_customer):
    a = make_customer('a')
    delete_customers([a])
    purge_customers([a])
    again = make_customer('a')
    assert live() == {again} and binned() == set()


# Tier override

def test_tier_override_locks_and_unlocks(make_customer, tiers):
    a = make_customer('a')
    set_tier_override(a, tiers['至尊VIP会员'])
    customer_stats.refresh(None)
    d = get_customer(a)
    assert (d.tier_id, d.tier_locked) == (tiers['至尊VIP会员'], True)
    set_tier_override(a, None)
    d = get_customer(a)
    assert (d.tier_id, d.tier_locked) == (tiers['普通会员'], False)


# Merge

@pytest.fixture
def merged(make_customer, make_order):
    """Target 'a' (name, no phone) and source 'b' (phone, orders, points, tag, contact)."""
    a = make_customer('a', name='张三', note='老客', extra={'肤质': '干性'})
    b = make_customer('b', name='张三丰', phone='13812345678', city='杭州', note='爱砍价',
                      birth_kind='solar', birth_month=3, birth_day=8,
                      extra={'肤质': '油性', '风格': '简约'})
    make_order(a, 100_00, paid_at=datetime(2024, 1, 1))
    make_order(b, 600_00, paid_at=datetime(2024, 5, 1))
    make_order(b, 50_00, completed=False, status='refunded')
    PointsEntry.create(customer=b, kind='earn', points=60)
    add_contact(b, 'wechat', note='问尺码')
    tag = create_tag('回头客')
    tag_customers([b], tag)
    customer_stats.refresh(None)
    merge_customers([b], a)
    return a, b, tag


def test_merge_moves_orders_points_contacts_tags(merged):
    a, b, tag = merged
    d = get_customer(a)
    assert len(d.orders) == 3
    # 60 from the hand-made entries, 700 earned by the two completed orders (¥1 = 1 point).
    assert (d.order_count, d.total_spent, d.points) == (2, 700_00, 760)
    assert d.last_order_at == datetime(2024, 5, 1)
    assert [c.note for c in d.contacts] == ['问尺码']
    assert [t[0] for t in d.tags] == [tag]
    src = get_customer(b)
    assert (src.orders, src.tags, src.contacts, src.points_history) == ([], [], [], [])
    assert (src.order_count, src.total_spent, src.points) == (0, 0, 0)


def test_merge_fills_blanks_without_overwriting(merged):
    a, _, _ = merged
    p = get_customer(a).profile
    assert p.name == '张三'                       # kept
    assert (p.phone, p.city) == ('13812345678', '杭州')      # filled
    assert (p.birth_kind, p.birth_month, p.birth_day) == ('solar', 3, 8)
    assert p.note == '老客\n爱砍价'
    assert p.extra == {'肤质': '干性', '风格': '简约'}


def test_merge_updates_target_search_keys(merged):
    a, _, _ = merged
    assert ids(MemberFilter(text='13812345678')) == [a]


def test_merge_keeps_a_snapshot(merged):
    a, b, _ = merged
    assert [nick for nick, _ in get_customer(a).merged_from] == ['b']
    snapshot = json.loads(CustomerMerge.get(CustomerMerge.source == b).snapshot)
    assert (snapshot['id'], snapshot['name'], snapshot['phone']) == (b, '张三丰', '13812345678')


def test_merged_source_sits_in_bin_and_cannot_be_restored(merged):
    a, b, _ = merged
    src = get_customer(b)
    assert src.merged_into == a and src.deleted_at is not None
    assert live() == {a} and binned() == {b}
    assert restore_customers([b]) == 0
    assert live() == {a}


def test_merge_sources_sharing_a_tag_the_target_lacks(make_customer):
    a, b, c = make_customer('a'), make_customer('b'), make_customer('c')
    shared, own = create_tag('共有'), create_tag('已有')
    tag_customers([b, c], shared)
    tag_customers([a, b], own)
    merge_customers([b, c], a)
    assert sorted(t[1] for t in get_customer(a).tags) == ['共有', '已有']
    assert CustomerTag.select().where(CustomerTag.customer.in_([b, c])).count() == 0
    assert binned() == {b, c}


def test_merge_into_itself_is_a_no_op(make_customer):
    a = make_customer('a')
    merge_customers([a], a)
    assert live() == {a} and CustomerMerge.select().count() == 0


def test_merge_into_a_deleted_target_refused(make_customer):
    a, b = make_customer('a'), make_customer('b')
    delete_customers([a])
    with pytest.raises(UserError):
        merge_customers([b], a)
    assert live() == {b} and CustomerMerge.select().count() == 0


def test_merge_history_survives_emptying_the_bin(merged):
    a, b, _ = merged
    purge_customers([b])
    assert [nick for nick, _ in get_customer(a).merged_from] == ['b']


# Details

def test_orders_newest_first_unpaid_last(make_customer, make_order):
    a = make_customer('a')
    old = make_order(a, paid_at=datetime(2024, 1, 1))
    unpaid = make_order(a, paid_at=None, completed=False, status='unpaid')
    new = make_order(a, paid_at=datetime(2024, 6, 1))
    OrderLine.create(order=new, title='奶粉', quantity=2)
    OrderLine.create(order=new, title='奶瓶', quantity=1)
    orders = get_customer(a).orders
    assert [o.id for o in orders] == [new.id, old.id, unpaid.id]
    assert orders[0].items == '奶粉 ×2；奶瓶'
    assert len(get_customer(a, max_orders=1).orders) == 1


def test_contacts_newest_first(make_customer):
    a = make_customer('a')
    first = add_contact(a, 'phone', purpose='回访', at=datetime(2024, 1, 1))
    second = add_contact(a, 'wechat', result='满意', at=datetime(2024, 2, 1))
    assert [c.id for c in get_customer(a).contacts] == [second, first]


def test_bin_actions_take_more_ids_than_one_statement_holds(database):
    from models import Customer
    from services.importing.sqlbulk import insert_rows
    from services.customers import delete_customers, purge_customers, restore_customers
    insert_rows(Customer, ('platform', 'nick'), [('taobao', f'n{i}') for i in range(40_000)])
    ids = [i for (i,) in Customer.select(Customer.id).tuples()]
    assert delete_customers(ids) == 40_000
    assert restore_customers(ids) == 40_000
    delete_customers(ids)
    assert purge_customers(ids) == 40_000
    assert Customer.select().count() == 0


def test_a_merge_moves_group_memberships_and_referrals(make_customer):
    from models import Customer
    from services import groups, referrals
    from services.customers import merge_customers
    keep, dup, friend = make_customer('keep'), make_customer('dup'), make_customer('friend')
    vip = groups.create_group(groups.GroupFields(name='VIP群', kind='VIP群'))
    groups.add_members(vip, [dup])
    referrals.record_referral(dup, friend)
    merge_customers([dup], keep)
    assert groups.member_ids(vip) == [keep]
    assert referrals.referrals_of(friend).referred_by.referrer_id == keep
    assert Customer.get_by_id(friend).referred_by_id == keep


def test_a_merge_keeps_the_duplicates_quality_mark_and_survey_answers(make_customer):
    from services import quality_marks
    from services.care import responses, surveys
    from services.customers import merge_customers
    keep, dup = make_customer('keep'), make_customer('dup')
    quality_marks.set_quality(dup, 'good', '回购稳定')
    sid = surveys.save_survey(surveys.SurveyInfo(name='回访'))
    responses.record_response(responses.ResponseInput(sid, dup, score=5))
    merge_customers([dup], keep)
    assert quality_marks.get_mark(keep).quality == 'good'
    assert [r.score for r in responses.responses_of(keep)] == [5]


def test_a_merge_carries_the_duplicates_opt_out(make_customer):
    from services.consent import optouts
    from services.customers import merge_customers
    keep, dup = make_customer('keep'), make_customer('dup')
    optouts.add_optout(dup, 'sms', '回复：TD')
    optouts.add_optout(dup, 'wechat')
    optouts.add_optout(keep, 'wechat')
    merge_customers([dup], keep)
    assert sorted(optouts.channels_of(keep)) == ['sms', 'wechat']
