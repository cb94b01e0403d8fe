"""Tier rules, their history and overrides."""
from datetime import datetime

import pytest

from models import Customer, TierChange
from services import tiers
from services.customer_stats import refresh
from services.errors import ValidationError


def tier_of(cid):
    return Customer.get_by_id(cid).tier.name


def test_thresholds_at_the_edge_and_either_rule(make_customer, make_order):
    spend = make_customer('spend')
    make_order(spend, 500_00)                     # exactly 高级会员's ¥500
    below = make_customer('below')
    make_order(below, 499_99)
    count = make_customer('count')
    for _ in range(3):
        make_order(count, 1_00)                   # 3 orders is enough on its own
    refresh(None)
    assert (tier_of(spend), tier_of(below), tier_of(count)) == ('高级会员', '普通会员', '高级会员')


def test_require_both(make_customer, make_order):
    rules = tiers.list_tiers()
    rules[1].require_both = True
    tiers.save_tiers(rules)
    a = make_customer('a')
    make_order(a, 600_00)
    refresh([a])
    assert tier_of(a) == '普通会员'
    for _ in range(2):
        make_order(a, 1_00)
    refresh([a])
    assert tier_of(a) == '高级会员'


def test_moves_are_recorded_with_reason_and_direction(make_customer, make_order):
    a = make_customer('a')
    assert TierChange.select().count() == 0       # a new member's first tier is not a move
    order = make_order(a, 2000_00)
    refresh([a])
    up = tiers.changes(customer_id=a)
    assert [(m.from_name, m.to_name, m.upgrade, m.reason) for m in up] == [
        ('普通会员', 'VIP会员', 'up', 'rule')]
    order.completed = False
    order.status = 'refunded'
    order.save()
    refresh([a])
    assert [m.upgrade for m in tiers.changes(customer_id=a)] == ['down', 'up']
    assert [m.nick for m in tiers.changes(since=datetime(2000, 1, 1), upgrades_only=True)] == ['a']


def test_an_override_survives_recomputes_and_is_recorded(make_customer, make_order, tiers):
    from services import tiers as tier_service
    a = make_customer('a')
    make_order(a, 10_00)
    tier_service.set_override(a, tiers['至尊VIP会员'], note='老朋友')
    refresh(None)
    refresh([a])
    assert tier_of(a) == '至尊VIP会员' and Customer.get_by_id(a).tier_locked
    moves = tier_service.changes(customer_id=a)
    assert (moves[0].to_name, moves[0].reason, moves[0].note) == ('至尊VIP会员', 'manual', '老朋友')
    tier_service.set_override(a, None)
    assert tier_of(a) == '普通会员' and not Customer.get_by_id(a).tier_locked


def test_save_preview_and_remove_a_tier(make_customer, make_order):
    a, b = make_customer('a'), make_customer('b')
    make_order(a, 600_00)
    make_order(b, 2500_00)
    refresh(None)
    rules = [t for t in tiers.list_tiers() if t.name != 'VIP会员']
    rules[1].min_spent = 700_00
    assert tiers.preview(rules) == {'普通会员': 1, '高级会员': 1, '至尊VIP会员': 0}
    assert tier_of(b) == 'VIP会员'                                 # preview wrote nothing
    moved = tiers.save_tiers(rules)
    assert moved == 2
    assert (tier_of(a), tier_of(b)) == ('普通会员', '高级会员')
    out_of_removed = tiers.changes(customer_id=b)[0]
    assert (out_of_removed.from_name, out_of_removed.upgrade) == ('VIP会员', '')
    assert [t.rank for t in tiers.list_tiers()] == [0, 1, 2]


@pytest.mark.parametrize('change, field', [
    (lambda ts: ts.pop() and ts.clear(), 'tiers'),
    (lambda ts: setattr(ts[1], 'name', '普通会员'), 'name'),
    (lambda ts: setattr(ts[0], 'min_spent', 1_00), 'min_spent'),
    (lambda ts: setattr(ts[2], 'discount', 0), 'discount'),
    (lambda ts: setattr(ts[2], 'min_orders', 1), 'min_orders'),
])
def test_invalid_rules_are_refused_and_nothing_changes(database, change, field):
    rules = tiers.list_tiers()
    change(rules)
    with pytest.raises(ValidationError) as e:
        tiers.save_tiers(rules)
    assert e.value.field == field
    assert [t.name for t in tiers.list_tiers()] == ['普通会员', '高级会员', 'VIP会员', '至尊VIP会员']


def test_discount_text():
    assert [tiers.discount_text(d) for d in (100, 95, 90, 88)] == ['无折扣', '95折', '9折', '88折']
