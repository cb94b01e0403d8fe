"""Derived columns come from completed orders and the points ledger; tiers from rules."""
from datetime import datetime

import pytest

from models import CLOSED, REFUNDED, Customer, Order, PointsEntry, Tier
from services.customer_stats import refresh
from services.customers import get_customer, set_tier_override


def stats(cid):
    c = Customer.get_by_id(cid)
    return c.order_count, c.total_spent, c.first_order_at, c.last_order_at


def test_only_completed_orders_count(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 100_00, paid_at=datetime(2024, 3, 1))
    make_order(a, 250_00, paid_at=datetime(2024, 5, 1))
    make_order(a, 999_00, completed=False, status=REFUNDED, paid_at=datetime(2024, 1, 1))
    make_order(a, 888_00, completed=False, status=CLOSED, paid_at=datetime(2024, 9, 1))
    make_order(a, 777_00, completed=False, status='unpaid', paid_at=None)
    refresh([a])
    assert stats(a) == (2, 350_00, datetime(2024, 3, 1), datetime(2024, 5, 1))
    assert Order.select().where(Order.customer == a).count() == 5     # kept, just not counted


def test_status_change_then_refresh(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 100_00, paid_at=datetime(2024, 3, 1))
    later = make_order(a, 200_00, completed=False, paid_at=datetime(2024, 4, 1))
    refresh([a])
    assert stats(a) == (1, 100_00, datetime(2024, 3, 1), datetime(2024, 3, 1))
    Order.update(completed=True, status='completed').where(Order.id == later.id).execute()
    refresh([a])
    assert stats(a) == (2, 300_00, datetime(2024, 3, 1), datetime(2024, 4, 1))


def test_only_completed_order_refunded_returns_to_zero(make_customer, make_order, tiers):
    a = make_customer('a')
    order = make_order(a, 600_00)
    refresh(None)
    assert stats(a)[:2] == (1, 600_00)
    assert get_customer(a).tier_id == tiers['高级会员']
    Order.update(completed=False, status=REFUNDED).where(Order.id == order.id).execute()
    refresh(None)
    assert stats(a) == (0, 0, None, None)
    assert get_customer(a).tier_id == tiers['普通会员']


def test_refresh_of_ids_touches_only_those(make_customer, make_order):
    a, b = make_customer('a'), make_customer('b')
    make_order(a, 100_00)
    make_order(b, 200_00)
    refresh([a])
    assert stats(a)[:2] == (1, 100_00)
    assert stats(b)[:2] == (0, 0)
    refresh([])
    assert stats(b)[:2] == (0, 0)
    refresh(None)
    assert stats(b)[:2] == (1, 200_00)


def test_refresh_corrects_stale_values(make_customer, make_order):
    a, idle = make_customer('a'), make_customer('idle')
    make_order(a, 100_00)
    Customer.update(order_count=7, total_spent=1, points=5,
                    last_order_at=datetime(2020, 1, 1)).execute()
    refresh(None)
    assert stats(a) == (1, 100_00, datetime(2024, 1, 1, 10), datetime(2024, 1, 1, 10))
    assert stats(idle) == (0, 0, None, None)
    assert Customer.get_by_id(idle).points == 0


def test_points_are_the_ledger_sum(make_customer):
    a, b = make_customer('a'), make_customer('b')
    PointsEntry.create(customer=a, kind='earn', points=100)
    PointsEntry.create(customer=a, kind='redeem', points=-30)
    PointsEntry.create(customer=b, kind='earn', points=10)
    PointsEntry.create(customer=b, kind='expire', points=-10)
    refresh(None)
    assert (Customer.get_by_id(a).points, Customer.get_by_id(b).points) == (70, 0)
    PointsEntry.delete().where(PointsEntry.customer == a).execute()
    refresh([a])
    assert Customer.get_by_id(a).points == 0


# Tiers (seeded: 高级 500 yuan or 3 orders, VIP 2000 or 8, 至尊 5000 or 15)

@pytest.mark.parametrize('spent,orders,tier', [
    (0, 0, '普通会员'),
    (499_99, 2, '普通会员'),
    (500_00, 1, '高级会员'),          # spend exactly at the threshold
    (10, 3, '高级会员'),              # order count exactly at the threshold
    (1999_99, 7, '高级会员'),
    (2000_00, 1, 'VIP会员'),
    (10, 8, 'VIP会员'),
    (4999_99, 14, 'VIP会员'),
    (5000_00, 1, '至尊VIP会员'),
    (10, 15, '至尊VIP会员'),
])
def test_tier_thresholds(make_customer, make_order, tiers, spent, orders, tier):
    a = make_customer('a')
    for i in range(orders):
        # The first order carries the whole spend, the rest count only as orders.
        make_order(a, spent if i == 0 else 0)
    refresh([a])
    assert get_customer(a).tier_id == tiers[tier]


def test_edited_thresholds_apply_on_refresh(make_customer, make_order, tiers):
    a = make_customer('a')
    make_order(a, 300_00)
    refresh(None)
    assert get_customer(a).tier_id == tiers['普通会员']
    Tier.update(min_spent=300_00).where(Tier.name == '高级会员').execute()
    refresh(None)
    assert get_customer(a).tier_id == tiers['高级会员']


def test_locked_tier_survives_refresh(make_customer, make_order, tiers):
    low, high = make_customer('low'), make_customer('high')
    make_order(high, 6000_00)
    set_tier_override(low, tiers['至尊VIP会员'])
    set_tier_override(high, tiers['普通会员'])
    refresh(None)
    refresh([low, high])
    assert get_customer(low).tier_id == tiers['至尊VIP会员']
    assert get_customer(high).tier_id == tiers['普通会员']


def test_single_tier_left(make_customer, tiers):
    a = make_customer('a')
    Tier.delete().where(Tier.name != '普通会员').execute()
    Customer.update(tier=None).execute()
    refresh(None)
    assert get_customer(a).tier_id == tiers['普通会员']


def test_no_tiers_at_all(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 100_00)
    Tier.delete().execute()
    refresh(None)
    assert stats(a)[:2] == (1, 100_00)
    assert get_customer(a).tier_id is None


def test_a_rule_change_recounts_promotion_orders_only_when_the_windows_changed(
        make_customer, make_order, monkeypatch):
    from datetime import datetime
    from models import Customer
    from services import customer_stats, settings
    from services.scoring.rules import LoyaltyRules
    a = make_customer('a')
    make_order(a, 100_00, paid_at=datetime(2024, 6, 10, 10))
    customer_stats.refresh(None)
    assert Customer.get_by_id(a).promo_orders == 1                 # 618 by default
    passes = []
    real = customer_stats._refresh_orders
    monkeypatch.setattr(customer_stats, '_refresh_orders',
                        lambda ids: passes.append(ids) or real(ids))
    customer_stats.refresh(None, orders_changed=False)             # e.g. a tier rule saved
    assert passes == []
    settings.save(LoyaltyRules(promo_windows=[['11-01', '11-12']]))
    customer_stats.refresh(None, orders_changed=False)
    assert passes == [None] and Customer.get_by_id(a).promo_orders == 0
    customer_stats.refresh(None)                                    # orders may have changed
    assert passes == [None, None]


def test_a_points_rule_change_rewrites_the_balances_it_moves(make_customer, make_order):
    from datetime import datetime
    from models import Customer
    from services import customer_stats, settings
    from services.points import PointsRules
    a = make_customer('a')
    make_order(a, 100_00, paid_at=datetime(2024, 6, 10, 10))
    settings.save(PointsRules(earn_since='2025-01-01'))             # the order earns nothing
    customer_stats.refresh(None)
    assert Customer.get_by_id(a).points == 0
    settings.save(PointsRules(earn_since='2024-01-01'))             # moved back: it earns
    customer_stats.refresh(None, orders_changed=False)
    assert Customer.get_by_id(a).points == 100
