"""Repurchase, callback and win-back reminders, from completed orders."""
from datetime import date, datetime, timedelta

import pytest

from models import OrderLine, Product
from services import customer_stats, reminders
from services.reminders.rules import ReminderRules

RULES = ReminderRules()


def d(text: str) -> date:
    return date.fromisoformat(text)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text + ' 10:00:00')


@pytest.fixture
def shop(database, make_customer, make_order):
    """shop.buy(nick, day, [(product, qty), ...], amount=..., completed=True) -> order."""
    class Shop:
        milk = Product.create(title='婴儿奶粉 800g', price=228_00, cycle_days=10).id
        diapers = Product.create(title='纸尿裤 L', price=89_00, cycle_days=7).id
        shirt = Product.create(title='纯棉T恤', price=79_00).id
        ids: dict = {}

        def buy(self, nick, day, items=(), amount=100_00, completed=True, paid=True):
            cid = self.ids.get(nick) or self.ids.setdefault(nick, make_customer(nick))
            o = make_order(cid, amount, completed=completed, paid_at=at(day) if paid else None)
            if not paid:
                o.created_at = at(day)
                o.save()
            for product, qty in items:
                OrderLine.create(order=o.id, product=product, title='x', quantity=qty)
            customer_stats.refresh([cid])
            return o
    return Shop()


def kinds_of(kind, start, end, **kw):
    return reminders.reminders_between(d(start), d(end), kinds=(kind,), rules=kw.pop(
        'rules', RULES), details=True, **kw)


# --- repurchase by cycle ------------------------------------------------------------------

def test_cycle_due_is_purchase_plus_quantity_times_cycle(shop):
    o = shop.buy('mom', '2025-03-01', [(shop.milk, 2)])
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.date == d('2025-03-21') and r.remind_on == d('2025-03-14')     # a week ahead
    assert r.order_id == o.id and r.occasion == f'2025-03-01#{o.id}/{shop.milk}'
    assert '婴儿奶粉 800g ×2' in r.reason and '20 天' in r.reason
    # On the 今日 list from the lead day, not before.
    assert reminders.due_today(d('2025-03-13'), kinds=('repurchase',), rules=RULES) == []
    assert len(reminders.due_today(d('2025-03-14'), kinds=('repurchase',), rules=RULES)) == 1


def test_buying_again_replaces_the_reminder(shop):
    shop.buy('mom', '2025-03-01', [(shop.milk, 2)])
    later = shop.buy('mom', '2025-03-18', [(shop.milk, 1), (shop.shirt, 1)])
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.date == d('2025-03-28') and r.order_id == later.id


def test_each_cycle_product_has_its_own_reminder(shop):
    shop.buy('mom', '2025-03-01', [(shop.milk, 1), (shop.diapers, 2)])
    found = sorted((r.date, r.reason.split(' ')[0]) for r in
                   kinds_of('repurchase', '2025-01-01', '2025-12-31'))
    assert found == [(d('2025-03-11'), '婴儿奶粉'), (d('2025-03-15'), '纸尿裤')]


@pytest.mark.parametrize('item_count', [0, 3, 4])      # unknown, exact, with another item
def test_two_lines_of_one_product_in_one_order_add_up(shop, item_count):
    o = shop.buy('mom', '2025-03-01', [(shop.milk, 1), (shop.milk, 2)])     # two SKUs
    if item_count == 4:
        OrderLine.create(order=o.id, product=shop.shirt, title='x', quantity=1)
    o.item_count = item_count
    o.save()
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.date == d('2025-03-31') and '×3' in r.reason


def test_a_single_line_with_its_item_count(shop):
    o = shop.buy('mom', '2025-03-01', [(shop.milk, 2)])
    o.item_count = 2
    o.save()
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.date == d('2025-03-21')


def test_open_and_refunded_orders_do_not_count(shop):
    shop.buy('mom', '2025-03-01', [(shop.milk, 1)], completed=False)
    assert kinds_of('repurchase', '2025-01-01', '2025-12-31') == []


def test_a_supply_longer_than_a_year_is_not_a_repurchase_reminder(shop):
    shop.buy('mom', '2025-03-01', [(shop.milk, 37)])                  # 370 days
    assert kinds_of('repurchase', '2025-01-01', '2026-12-31') == []


def test_unpaid_time_counts_from_when_the_order_was_made(shop):
    shop.buy('store', '2025-05-01', [(shop.diapers, 1)], paid=False)
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.date == d('2025-05-08')


# --- repurchase by the median gap -----------------------------------------------------------

def test_median_gap_predicts_the_next_purchase(shop):
    for day in ('2025-01-01', '2025-01-11', '2025-01-11', '2025-01-31', '2025-02-10'):
        last = shop.buy('regular', day, [(shop.shirt, 1)])
    # Purchase days 01-01, 01-11, 01-31, 02-10 (two orders on 01-11 count once):
    # gaps 10, 20, 10 -> median 10.
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.date == d('2025-02-20') and r.order_id == last.id
    assert r.reason.startswith('通常每 10 天回购一次（4 次购买）')


def test_median_needs_three_purchase_days(shop):
    for day in ('2025-01-01', '2025-01-01', '2025-02-01'):
        shop.buy('twice', day, [(shop.shirt, 1)])
    assert kinds_of('repurchase', '2025-01-01', '2025-12-31') == []


def test_median_of_an_even_count_rounds_half_up(shop):
    for day in ('2025-01-01', '2025-01-11', '2025-02-01'):           # gaps 10, 21
        shop.buy('regular', day, [(shop.shirt, 1)])
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.date == d('2025-02-17')                                  # + 16 (15.5 up)


def test_no_median_when_the_last_purchase_has_a_cycle(shop):
    for day in ('2025-01-01', '2025-01-11', '2025-01-21'):
        shop.buy('mixed', day, [(shop.shirt, 1)])
    shop.buy('mixed', '2025-01-31', [(shop.diapers, 1)])
    (r,) = kinds_of('repurchase', '2025-01-01', '2025-12-31')
    assert r.reason.startswith('纸尿裤') and r.date == d('2025-02-07')


# --- callbacks -----------------------------------------------------------------------------------

def test_callback_after_a_big_order(shop):
    big = shop.buy('vip', '2025-04-01', amount=300_00)
    shop.buy('small', '2025-04-01', amount=299_99)
    shop.buy('open', '2025-04-01', amount=900_00, completed=False)
    (r,) = kinds_of('callback', '2025-04-01', '2025-04-30')
    assert (r.nick, r.date, r.order_id) == ('vip', d('2025-04-16'), big.id)
    assert r.occasion == f'2025-04-01#{big.id}' and '¥300.00' in r.reason


def test_callbacks_for_repeat_buyers_of_small_orders_when_chosen(shop):
    for day in ('2025-01-05', '2025-02-05', '2025-03-05'):
        shop.buy('loyal', day, amount=19_90)
    assert kinds_of('callback', '2025-01-01', '2025-12-31') == []
    rules = ReminderRules(callback_repeat_orders=3)
    (r,) = kinds_of('callback', '2025-01-01', '2025-12-31', rules=rules)
    assert r.date == d('2025-03-20') and '第 3 次成交' in r.reason


def test_callback_days_and_threshold_are_settings(shop):
    shop.buy('vip', '2025-04-01', amount=150_00)
    rules = ReminderRules(callback_days=10, callback_min_amount=100_00)
    (r,) = kinds_of('callback', '2025-04-01', '2025-04-30', rules=rules)
    assert r.date == d('2025-04-11')


# --- win-back ------------------------------------------------------------------------------

def test_winback_after_180_days_and_gone_after_a_new_order(shop):
    shop.buy('sleepy', '2025-01-10')
    (r,) = kinds_of('winback', '2025-07-01', '2025-07-31')
    assert r.date == d('2025-07-09') and r.occasion == '2025-01-10'
    assert '180 天' in r.reason
    assert kinds_of('winback', '2025-07-10', '2025-07-31') == []       # crossed before
    (r,) = reminders.due_today(d('2025-07-20'), kinds=('winback',), rules=RULES)
    assert r.date == d('2025-07-09')                                   # overdue, still listed
    shop.buy('sleepy', '2025-07-15')
    assert reminders.due_today(d('2025-07-20'), kinds=('winback',), rules=RULES) == []


def test_a_buyer_who_lapses_again_is_a_new_occasion(shop):
    shop.buy('sleepy', '2025-01-10')
    (first,) = kinds_of('winback', '2025-07-01', '2025-07-31')
    reminders.mark_done([first], 'wechat', '已发优惠券')
    assert kinds_of('winback', '2025-07-01', '2025-07-31') == []
    shop.buy('sleepy', '2025-08-01')
    (again,) = kinds_of('winback', '2026-01-01', '2026-03-01')
    assert again.occasion == '2025-08-01' and again.date == d('2026-01-28')


def test_only_completed_orders_count_for_winback(shop):
    shop.buy('sleepy', '2025-01-10')
    shop.buy('sleepy', '2025-06-01', completed=False)                 # closed, not a purchase
    (r,) = kinds_of('winback', '2025-07-01', '2025-07-31')
    assert r.date == d('2025-07-09')


# --- windows agree with each other -----------------------------------------------------------

def test_month_by_month_equals_the_whole_span(shop):
    """Each window reads its own slice of the order history; the slices must add up."""
    import random
    from services import customers
    rng = random.Random(7)
    products = [shop.milk, shop.diapers, shop.shirt]
    for n in range(40):
        nick = f'buyer{n}'
        for _ in range(rng.randint(1, 6)):
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(500))
            items = [(rng.choice(products), rng.randint(1, 4))
                     for _ in range(rng.choice((1, 1, 2, 3)))]
            shop.buy(nick, day.isoformat(), items, completed=rng.random() < 0.9,
                     paid=rng.random() < 0.9)
    customers.delete_customers([shop.ids['buyer3'], shop.ids['buyer4']])
    span = (d('2025-01-01'), d('2026-06-30'))
    wide = {(r.customer_id, r.occasion, r.date, r.reason) for r in reminders.occasions_between(
        *span, kinds=('repurchase',), rules=RULES)}
    assert len(wide) > 40 and any('通常每' in w[3] for w in wide)
    narrow, month = set(), span[0]
    while month <= span[1]:
        end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        narrow |= {(r.customer_id, r.occasion, r.date, r.reason) for r in
                   reminders.occasions_between(month, end, kinds=('repurchase',), rules=RULES)}
        month = end + timedelta(days=1)
    assert narrow == wide
    # The 今日 list (DUE, narrow) agrees with the wide listing over the same days.
    today = d('2025-09-15')
    due = {(r.customer_id, r.occasion) for r in reminders.due_today(
        today, kinds=('repurchase',), rules=RULES, details=False)}
    assert due == {(c, o) for c, o, day, _ in wide
                   if today - timedelta(days=30) <= day <= today + timedelta(days=7)}
