"""Edges of the fast paths in services.reminders: the median pre-filter's bound, callbacks
over wide and narrow windows, and the two ways customer details are read."""
from datetime import date, datetime

from models import Customer, Order
from services import customer_stats, reminders
from services.reminders.rules import ReminderRules

RULES = ReminderRules()


def d(text: str) -> date:
    return date.fromisoformat(text)


def buy(make_order, cid, day, amount=100_00, paid=True):
    at = datetime.fromisoformat(day + ' 10:00:00')
    o = make_order(cid, amount, paid_at=at if paid else None)
    if not paid:
        Order.update(created_at=at).where(Order.id == o.id).execute()
    customer_stats.refresh([cid])
    return o


def test_median_prediction_at_the_bound_is_found(make_customer, make_order):
    """Gaps 10 and 1: median 6 = (11 + 1) // 2, the largest a span of 11 days allows, so
    the pre-filter's bound is met with equality and must not drop the buyer."""
    cid = make_customer('tight')
    for day in ('2025-03-01', '2025-03-11', '2025-03-12'):
        last = buy(make_order, cid, day)
    (r,) = reminders.occasions_between(d('2025-03-18'), d('2025-03-18'), kinds=('repurchase',),
                                       rules=RULES)
    assert r.date == d('2025-03-18') and r.order_id == last.id
    assert reminders.occasions_between(d('2025-03-19'), d('2025-12-31'),
                                       kinds=('repurchase',), rules=RULES) == []


def test_wide_and_narrow_callback_queries_agree(make_customer, make_order):
    a, b, gone = make_customer('a'), make_customer('b'), make_customer('gone')
    buy(make_order, a, '2025-02-01', 500_00)
    buy(make_order, b, '2025-06-01', 800_00, paid=False)        # never paid: made that day
    buy(make_order, b, '2025-06-02', 100_00)                    # below the threshold
    buy(make_order, gone, '2025-06-03', 900_00)
    Customer.update(deleted_at=datetime(2025, 7, 1)).where(Customer.id == gone).execute()

    def found(start, end):
        return sorted((r.customer_id, r.date) for r in reminders.occasions_between(
            d(start), d(end), kinds=('callback',), rules=RULES))
    wide = found('2025-01-01', '2025-12-31')
    assert wide == [(a, d('2025-02-16')), (b, d('2025-06-16'))]
    assert found('2025-02-01', '2025-02-28') + found('2025-06-01', '2025-06-30') == wide


def test_wide_and_narrow_callbacks_keep_the_same_orders_and_texts(make_customer,
                                                                  make_order):
    """The threshold is inclusive and unfinished orders never count, on both query paths
    (a year scans an index, a month reads the paid_at range); same keys and reasons."""
    a, b = make_customer('a'), make_customer('b')
    edge = buy(make_order, a, '2025-03-05', RULES.callback_min_amount)
    buy(make_order, a, '2025-03-06', RULES.callback_min_amount - 1)
    open_ = make_order(b, 900_00, completed=False, paid_at=datetime(2025, 3, 7, 9, 0))
    late = buy(make_order, b, '2025-03-08', 1234_56, paid=False)

    def found(start, end):
        return [(r.customer_id, r.order_id, r.date, r.occasion, r.reason)
                for r in reminders.reminders_between(d(start), d(end), kinds=('callback',),
                                                     rules=RULES)]
    wide = found('2025-01-01', '2025-12-31')
    assert wide == [
        (a, edge.id, d('2025-03-20'), f'2025-03-05#{edge.id}',
         f'2025-03-05 成交 ¥{RULES.callback_min_amount // 100:,}.00，15 天回访'),
        (b, late.id, d('2025-03-23'), f'2025-03-08#{late.id}',
         '2025-03-08 成交 ¥1,234.56，15 天回访')]
    assert open_.id not in [row[1] for row in wide]
    assert found('2025-03-01', '2025-03-31') == wide


def test_details_for_scattered_and_dense_customers(make_customer, make_order):
    ids = [make_customer(f'buyer{n}', name=f'顾客{n}') for n in range(12)]
    for cid in ids:
        buy(make_order, cid, '2025-01-10', 400_00)
    listed = reminders.occasions_between(d('2025-01-01'), d('2025-12-31'), kinds=('callback',),
                                         rules=RULES)
    scattered = [r for r in listed if r.customer_id in (ids[0], ids[-1])]
    reminders.attach_details(scattered)                         # ids far apart: IN (...)
    reminders.attach_details(listed)                            # dense ids: one id range
    for r in listed:
        n = ids.index(r.customer_id)
        assert (r.nick, r.name, r.order_count, r.total_spent) == (f'buyer{n}', f'顾客{n}', 1,
                                                                  400_00)
        assert r.last_order_at == datetime(2025, 1, 10, 10, 0)
