"""Automatic tags follow their rules and stay apart from hand-made tags."""
from datetime import datetime

import pytest

from models import CustomerTag, Tag
from services import auto_tags, tags
from services.customer_stats import refresh
from services.errors import UserError, ValidationError


def members(tag_id):
    return {ct.customer_id for ct in CustomerTag.select().where(CustomerTag.tag == tag_id)}


def test_rules_pick_members_and_follow_changes(make_customer, make_order):
    big, small = make_customer('big'), make_customer('small')
    make_order(big, 2000_00, paid_at=datetime(2025, 11, 11, 20))
    order = make_order(small, 100_00, paid_at=datetime(2025, 6, 1))
    refresh(None)
    high = auto_tags.create_rule('高消费', {'kind': 'spent_at_least', 'value': 2000})
    double11 = auto_tags.create_rule('双11买家', {'kind': 'bought_in', 'value': ['11-01', '11-12']})
    tier = auto_tags.create_rule('VIP', {'kind': 'tier', 'value': 'VIP会员'})
    assert members(high) == {big} and members(double11) == {big} and members(tier) == {big}
    make_order(small, 1900_00, paid_at=datetime(2025, 11, 2))
    refresh([small])                                   # an import's refresh of one buyer
    assert members(high) == {big, small} and members(double11) == {big, small}
    order.completed = False
    order.save()
    refresh([small])
    assert members(high) == {big}                      # ¥1900 alone is below ¥2000
    assert Tag.get_by_id(high).auto


def test_manual_tags_are_untouched(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 10_00)
    manual = tags.create_tag('老客户')
    tags.tag_customers([a], manual)
    auto = auto_tags.create_rule('高消费', {'kind': 'spent_at_least', 'value': 2000})
    refresh(None)
    assert members(manual) == {a}
    with pytest.raises(UserError, match='自动标签'):
        tags.tag_customers([a], auto)
    with pytest.raises(UserError, match='自动标签'):
        tags.untag_customers([a], auto)


def test_bad_rules_are_refused(database):
    for rule in ({'kind': 'segment', 'value': '不存在'}, {'kind': 'tier', 'value': '金卡'},
                 {'kind': 'bought_in', 'value': ['11-01']}, {'kind': 'nope', 'value': 1}):
        with pytest.raises(ValidationError):
            auto_tags.create_rule('x', rule)
    assert Tag.select().count() == 0


def test_updating_a_rule_reapplies_it(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 600_00)
    refresh(None)
    t = auto_tags.create_rule('常客', {'kind': 'orders_at_least', 'value': 2})
    assert members(t) == set()
    auto_tags.update_rule(t, {'kind': 'orders_at_least', 'value': 1})
    assert members(t) == {a}
    assert auto_tags.rule_of(t) == {'kind': 'orders_at_least', 'value': 1}


def test_a_lifecycle_tag_follows_the_calendar(make_customer, make_order):
    from datetime import date, timedelta
    from services import customer_stats, scoring
    a = make_customer('a')
    make_order(a, 10_00, paid_at=datetime.combine(date.today() - timedelta(days=85),
                                                 datetime.min.time()))
    refresh(None)
    sleeping = auto_tags.create_rule('沉睡', {'kind': 'lifecycle', 'value': 'sleeping'})
    assert members(sleeping) == set()
    assert scoring.load_state().as_of == date.today()
    customer_stats.rescore(tiers=False, as_of=date.today() + timedelta(days=10))
    # Ten days on, a daily pass: the stage moves past 90 days and the tag follows.
    assert members(sleeping) == {a}


def test_a_rule_whose_tier_is_renamed_away_keeps_no_one(make_customer, make_order):
    from services import tiers
    a = make_customer('a')
    make_order(a, 6000_00)
    refresh(None)
    top = auto_tags.create_rule('至尊客户', {'kind': 'tier', 'value': '至尊VIP会员'})
    assert members(top) == {a}
    rules = tiers.list_tiers()
    rules[-1].name = '黑金会员'
    tiers.save_tiers(rules)
    assert members(top) == set()


def test_bought_in_counts_a_sale_without_payment_time(make_customer, make_order):
    from models import Order
    a = make_customer('a')
    o = make_order(a, 10_00, paid_at=None)
    Order.update(created_at=datetime(2025, 11, 6, 12)).where(Order.id == o.id).execute()
    refresh(None)
    t = auto_tags.create_rule('双11买家', {'kind': 'bought_in', 'value': ['11-01', '11-12']})
    assert members(t) == {a}
