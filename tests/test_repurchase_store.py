"""The repurchase cache stays equal to a rebuild from the orders, whatever changes them."""
import random
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from models import OrderLine, Product, RepurchaseDue
from services import customer_stats, customers, products, reminders
from services.reminders import repurchase_store
from services.reminders.rules import ReminderRules

RULES = ReminderRules()


def cached() -> set:
    return set(RepurchaseDue.select(
        RepurchaseDue.customer, RepurchaseDue.product_id, RepurchaseDue.order_id,
        RepurchaseDue.bought, RepurchaseDue.due, RepurchaseDue.purchases).tuples())


def rebuilt() -> set:
    return set(repurchase_store.compute(None))


@pytest.fixture
def shop(database, make_customer, make_order):
    rng = random.Random(11)
    milk = Product.create(title='奶粉', cycle_days=10).id
    wipes = Product.create(title='湿巾', cycle_days=5).id
    shirt = Product.create(title='T恤').id
    ids = [make_customer(f'b{n}') for n in range(30)]

    def buy(cid, day=None, refresh=True):
        day = day or date(2025, 1, 1) + timedelta(days=rng.randrange(300))
        o = make_order(cid, 50_00, paid_at=datetime.combine(day, datetime.min.time()),
                       completed=rng.random() < 0.9)
        for _ in range(rng.choice((1, 2))):
            OrderLine.create(order=o.id, product=rng.choice((milk, wipes, shirt)),
                             title='x', quantity=rng.randint(1, 3))
        if refresh:
            customer_stats.refresh([cid])
        return o
    for cid in ids:
        for _ in range(rng.randint(1, 5)):
            buy(cid, refresh=False)
    customer_stats.refresh(ids)
    return type('Shop', (), dict(ids=ids, buy=staticmethod(buy), milk=milk, rng=rng))


def listing() -> set:
    return {(r.customer_id, r.occasion, r.date, r.reason) for r in reminders.occasions_between(
        date(2024, 6, 1), date(2026, 6, 30), kinds=('repurchase',), rules=RULES)}


def test_the_first_listing_builds_the_cache_and_later_orders_update_it(shop):
    assert not repurchase_store.is_current()
    before = listing()
    assert repurchase_store.is_current() and cached() == rebuilt() and len(before) > 20
    for cid in shop.rng.sample(shop.ids, 8):
        shop.buy(cid, date(2025, 11, 1) + timedelta(days=shop.rng.randrange(20)))
    assert repurchase_store.is_current()            # a few buyers: updated in place
    assert cached() == rebuilt()
    assert listing() != before


def test_a_buyer_who_buys_the_product_again_moves_to_the_new_due_day(shop):
    listing()
    cid = shop.ids[0]
    o = shop.buy(cid, date(2026, 1, 1))
    OrderLine.delete().where(OrderLine.order == o.id).execute()
    OrderLine.create(order=o.id, product=shop.milk, title='奶粉', quantity=2)
    o.completed = True
    o.save()
    customer_stats.refresh([cid])
    rows = [r for r in reminders.occasions_between(date(2026, 1, 1), date(2026, 12, 31),
                                                   kinds=('repurchase',), rules=RULES)
            if r.customer_id == cid and r.occasion.endswith(f'/{shop.milk}')]
    assert [(r.date, r.order_id) for r in rows] == [(date(2026, 1, 21), o.id)]


def test_a_cycle_change_marks_the_cache_stale_and_the_next_listing_rebuilds(shop):
    listing()
    products.set_cycles({shop.milk: 30})
    assert not repurchase_store.is_current()
    after = listing()
    assert repurchase_store.is_current() and cached() == rebuilt()
    assert any('约 30 天' in reason or '约 60 天' in reason or '约 90 天' in reason
               for *_, reason in after)


def test_many_buyers_at_once_leave_the_rebuild_to_the_next_listing(shop, monkeypatch):
    listing()
    monkeypatch.setattr(repurchase_store, 'WHOLE_SHOP_ABOVE', 3)
    for cid in shop.ids[:5]:
        shop.buy(cid, date(2025, 12, 1), refresh=False)
    customer_stats.refresh(shop.ids[:5])
    assert not repurchase_store.is_current()
    listing()
    assert cached() == rebuilt()


def test_a_rule_change_does_not_touch_the_cache(shop):
    listing()
    customer_stats.refresh(None, orders_changed=False)
    assert repurchase_store.is_current()


def test_merging_buyers_moves_their_due_days(shop):
    listing()
    a, b = shop.ids[1], shop.ids[2]
    customers.merge_customers([b], a)
    assert cached() == rebuilt()
    assert not any(cid == b for cid, *_ in cached())


def test_a_binned_buyer_is_cached_but_not_listed(shop):
    listing()
    cid = next(c for c, *_ in cached())
    customers.delete_customers([cid])
    assert all(r[0] != cid for r in listing())
    customers.restore_customers([cid])
    assert any(r[0] == cid for r in listing())


def test_a_v2_shop_builds_its_cache_on_the_first_listing(tmp_path):
    from models.database import close_database, open_database
    shop = tmp_path / 'shop.db'
    shutil.copy(Path(__file__).parent / 'fixtures' / 'shop_schema_v2.db', shop)
    open_database(shop)
    try:
        assert not repurchase_store.is_current() and not cached()
        reminders.reminders_between(date(2024, 1, 1), date(2026, 12, 31))
        assert repurchase_store.is_current() and cached() == rebuilt()
    finally:
        close_database()


def test_a_lines_report_and_its_undo_keep_the_cache_right(database, tmp_path):
    """A 宝贝报表 changes which products an order holds; its undo puts them back."""
    from order_samples import taobao_matrix, write_csv
    from services.importing.batches import undo
    from services.importing.service import import_file
    import_file(str(write_csv(tmp_path / 'ExportOrderList.csv', taobao_matrix())))
    Product.create(title='加厚羊毛衫 秋冬款', code='YMS-001', cycle_days=30)
    listing()                                           # the cache is built and current
    lines = write_csv(tmp_path / 'ExportOrderDetailList.csv', [
        ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注',
         '订单状态', '商家编码'],
        ['="1930123456789012345"', '加厚羊毛衫 秋冬款', '199.00', '2', '', '', '', '',
         '交易成功', 'YMS-001']], 'gbk')
    batch = import_file(str(lines))
    assert batch.updated == 1 and repurchase_store.is_current()
    assert cached() == rebuilt() and len(cached()) == 1
    undo(batch.id)
    assert repurchase_store.is_current() and cached() == rebuilt() == set()


def test_a_change_while_a_rebuild_computes_is_not_overwritten(shop, monkeypatch):
    """The calendar rebuilds in the background while the owner edits a cycle."""
    compute = repurchase_store.compute
    edits = [lambda: products.set_cycles({shop.milk: 30})]

    def slow(ids):
        rows = compute(ids)
        if edits:
            edits.pop()()               # lands after the rows were computed
        return rows
    monkeypatch.setattr(repurchase_store, 'compute', slow)
    assert repurchase_store.rebuild() is False and not repurchase_store.is_current()
    repurchase_store.ensure_current()
    assert repurchase_store.is_current() and cached() == rebuilt()
    assert any(due - bought in (30, 60, 90) for _, pid, _, bought, due, _ in cached()
               if pid == shop.milk)


def test_a_buyer_changed_while_the_cache_is_stale_keeps_it_stale(shop):
    listing()
    repurchase_store.mark_stale()
    gen = repurchase_store._state()['gen']
    customer_stats.refresh([shop.ids[0]])
    assert repurchase_store._state() == {'stale': True, 'gen': gen + 1}
