"""Shop-wide stats against a small shop built by hand."""
import json
from datetime import datetime

import pytest

from models import CLOSED, COMPLETED, REFUNDED, Customer, Order, Tier
from services import customer_stats
from services.shop_stats import shop_stats

TIER_NAMES = ['普通会员', '高级会员', 'VIP会员', '至尊VIP会员']


@pytest.fixture
def shop(database):
    return database


def customer(nick: str, **values) -> int:
    return Customer.create(platform='taobao', nick=nick, **values).id


def order(customer_id: int, no: str, amount: int, status: str = COMPLETED) -> None:
    Order.create(platform='taobao', order_no=no, customer=customer_id, status=status,
                 completed=status == COMPLETED, amount=amount,
                 paid_at=None if status == CLOSED else datetime(2024, 5, int(no[-1]) + 1, 20))


def small_shop() -> dict:
    ids = {
        'repeat': customer('回头客'),         # three completed orders and a refund
        'single': customer('一次客'),         # one completed order and a closed one
        'lost': customer('没成交'),           # only closed and refunded orders
        'quiet': customer('只登记'),          # no orders at all
        'binned': customer('回收站', deleted_at=datetime(2024, 6, 1)),
    }
    order(ids['repeat'], 'A1', 300_00)
    order(ids['repeat'], 'A2', 150_50)
    order(ids['repeat'], 'A3', 60_00)
    order(ids['repeat'], 'A4', 999_00, REFUNDED)
    order(ids['single'], 'B1', 12_34)
    order(ids['single'], 'B2', 88_00, CLOSED)
    order(ids['lost'], 'C1', 50_00, CLOSED)
    order(ids['lost'], 'C2', 70_00, REFUNDED)
    order(ids['binned'], 'E1', 5000_00)
    order(ids['binned'], 'E2', 5000_00)
    return ids


def test_empty_shop(shop):
    s = shop_stats()
    assert s['customers'] == s['buyers'] == s['repeat_buyers'] == s['orders'] == 0
    assert s['revenue'] == 0 and s['revenue_fen'] == 0
    assert s['repurchase_rate'] == 0
    assert list(s['tiers'].items()) == [(name, 0) for name in TIER_NAMES]
    assert s['segments'] == {}
    json.dumps(s)                                       # plain data all the way down


def test_only_completed_orders_of_live_customers_count(shop):
    small_shop()
    s = shop_stats()
    assert s['customers'] == 4                          # the recycle bin is left out
    assert s['buyers'] == 2                             # closed/refunded-only buyer is not one
    assert s['repeat_buyers'] == 1
    assert s['orders'] == 4
    assert s['revenue_fen'] == 300_00 + 150_50 + 60_00 + 12_34
    assert s['revenue'] == 522.84
    assert s['repurchase_rate'] == 0.5


def test_stats_do_not_wait_for_the_derived_columns(shop):
    # Nothing refreshed the customer caches: the order figures come from the orders.
    small_shop()
    assert Customer.select().where(Customer.order_count > 0).count() == 0
    assert shop_stats()['orders'] == 4


def test_single_order_buyer_is_not_a_repeat_buyer(shop):
    cid = customer('只买一次')
    order(cid, 'S1', 99_90)
    s = shop_stats()
    assert (s['buyers'], s['repeat_buyers'], s['orders']) == (1, 0, 1)
    assert s['repurchase_rate'] == 0
    assert s['revenue'] == 99.9


def test_repurchase_rate_is_rounded_to_four_places(shop):
    for i in range(3):
        order(customer(f'买家{i}'), f'R{i}', 10_00)
    order(Customer.get(Customer.nick == '买家0').id, 'R9', 10_00)
    assert shop_stats()['repurchase_rate'] == 0.3333


def test_tiers_by_rank_with_live_customers_only(shop):
    ids = small_shop()
    customer_stats.refresh()
    vip = Tier.get(Tier.name == 'VIP会员').id
    Customer.update(tier=vip, tier_locked=True).where(Customer.id == ids['quiet']).execute()
    tiers = shop_stats()['tiers']
    assert list(tiers) == TIER_NAMES
    # 回头客 reached 高级会员 (510.50 yuan); 回收站 would be 至尊 but is deleted.
    assert tiers == {'普通会员': 2, '高级会员': 1, 'VIP会员': 1, '至尊VIP会员': 0}


def test_segments_count_live_customers_with_a_segment(shop):
    ids = small_shop()
    for key, segment in (('repeat', '重要价值客户'), ('single', '一般发展客户'),
                         ('lost', '一般发展客户'), ('binned', '重要价值客户')):
        Customer.update(segment=segment).where(Customer.id == ids[key]).execute()
    assert shop_stats()['segments'] == {'一般发展客户': 2, '重要价值客户': 1}
