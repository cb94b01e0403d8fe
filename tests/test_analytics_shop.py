"""A small shop for the analytics tests, every figure of it worked out by hand.

The period is March 2024 (31 days); the previous period is 2024-01-30 .. 2024-02-29,
the one before it 2023-12-30 .. 2024-01-29. Amounts are fen.

    A  taobao  03-05 10:30 p1 10000; 03-20 21:15 p1 8000 + p2 12000     new, repeat
    B  pdd     02-10 09:00 p1 5000;  03-10 21:40 p2 7000                returning
    C  taobao  02-15 12:00 p2 8000                                      churned
    D  taobao  2023-06-01 3000; 03-15 refunded 9900; 03-16 closed 9900  lost
    E  taobao  03-12 p1 50000, in the recycle bin                        never counts
    F  taobao  03-31 23:59:59 gift 4000; 04-01 00:00:00 6000             new, on the edge
    G  taobao  01-15 11:00 2000; 02-29 23:59:59 p3 3000                 churned
    H  taobao  2022-05-05 1000                                          long lost
    I  taobao  no orders

Tiers are pinned by hand: A VIP, B and G 高级, the rest 普通. Segments are set by
hand: A, B 重要价值客户; F 一般发展客户; C 重要挽留客户; the rest none.
"""
from __future__ import annotations

from datetime import date, datetime

from models import CLOSED, COMPLETED, REFUNDED, Customer, Order, OrderLine, Product

PERIOD = (date(2024, 3, 1), date(2024, 3, 31))


def _order(cid: int, no: str, paid_at, amount: int, lines=(), status: str = COMPLETED,
           platform: str = 'taobao', created_at=None) -> Order:
    o = Order.create(platform=platform, order_no=no, customer=cid, status=status,
                     completed=status == COMPLETED, amount=amount, paid_at=paid_at,
                     created_at=created_at or paid_at)
    for product, title, fen in lines:
        OrderLine.create(order=o, product=product, title=title, amount=fen, price=fen)
    return o


def build(make_customer, tiers: dict) -> dict:
    """Create the shop; returns {'A': id, ..., 'p1': product id, ...}."""
    from services import customer_stats
    from services.customers import delete_customers, set_tier_override
    ids = {n: make_customer(f'买家{n}', platform='pdd' if n == 'B' else 'taobao')
           for n in 'ABCDEFGHI'}
    p1 = Product.create(title='婴儿奶粉', price=10000).id
    p2 = Product.create(title='宝宝湿巾', price=7000).id
    p3 = Product.create(title='磨牙棒', price=3000).id
    ids.update(p1=p1, p2=p2, p3=p3)
    t = datetime
    _order(ids['A'], 'A1', t(2024, 3, 5, 10, 30), 10000, [(p1, '婴儿奶粉', 10000)])
    _order(ids['A'], 'A2', t(2024, 3, 20, 21, 15), 20000,
           [(p1, '婴儿奶粉', 8000), (p2, '宝宝湿巾', 12000)])
    _order(ids['B'], 'B1', t(2024, 2, 10, 9), 5000, [(p1, '婴儿奶粉', 5000)], platform='pdd')
    _order(ids['B'], 'B2', t(2024, 3, 10, 21, 40), 7000, [(p2, '宝宝湿巾', 7000)],
           platform='pdd')
    _order(ids['C'], 'C1', t(2024, 2, 15, 12), 8000, [(p2, '宝宝湿巾', 8000)])
    _order(ids['D'], 'D1', t(2023, 6, 1, 8), 3000)
    _order(ids['D'], 'D2', t(2024, 3, 15, 8), 9900, [(p1, '婴儿奶粉', 9900)], status=REFUNDED)
    _order(ids['D'], 'D3', None, 9900, status=CLOSED, created_at=t(2024, 3, 16, 8))
    _order(ids['E'], 'E1', t(2024, 3, 12, 15), 50000, [(p1, '婴儿奶粉', 50000)])
    _order(ids['F'], 'F1', t(2024, 3, 31, 23, 59, 59), 4000, [(None, '赠品小样', 4000)])
    _order(ids['F'], 'F2', t(2024, 4, 1, 0, 0, 0), 6000, [(p1, '婴儿奶粉', 6000)])
    _order(ids['G'], 'G1', t(2024, 1, 15, 11), 2000)
    _order(ids['G'], 'G2', t(2024, 2, 29, 23, 59, 59), 3000, [(p3, '磨牙棒', 3000)])
    _order(ids['H'], 'H1', t(2022, 5, 5, 12), 1000)
    customer_stats.refresh(None)
    pins = {'A': 'VIP会员', 'B': '高级会员', 'G': '高级会员'}
    for n in 'ABCDEFGHI':
        set_tier_override(ids[n], tiers[pins.get(n, '普通会员')])
    segments = {'A': '重要价值客户', 'B': '重要价值客户', 'F': '一般发展客户',
                'C': '重要挽留客户'}
    Customer.update(segment='').execute()
    for n, name in segments.items():
        Customer.update(segment=name).where(Customer.id == ids[n]).execute()
    delete_customers([ids['E']])
    return ids


# No tests here: the shop is shared by test_analytics.py and test_analytics_page.py.
