"""Repurchase reminders: when a buyer's supply runs out.

- Products with a consumption cycle (days one unit lasts): for each buyer and
  product, the latest completed purchase; due = that day + quantity x cycle.
  Buying the product again replaces the reminder with one for the new purchase.
- Otherwise, for buyers with purchases on 3+ different days whose latest
  purchase holds no cycle product: due = latest day + the median of the gaps
  between their purchase days (several orders on one day count as one).

Both read only orders from REPURCHASE_HORIZON_DAYS before the window on: a
supply or a usual gap longer than that is left to win-back. A sale without a
payment time counts from when it was made, as in services.customer_stats.
"""
from __future__ import annotations

from models import Customer, Order, OrderLine, Product

from ..chunking import chunks
from .core import Reminder, Window, iso, no_index, ordinal_sql, param, rows, table
from .rules import MEDIAN_MIN_DAYS, REPURCHASE, REPURCHASE_HORIZON_DAYS, ReminderRules

_SHIFT = 20         # customer id and product id packed into one integer key


def collect(win: Window, rules: ReminderRules, out: list) -> None:
    lead = rules.repurchase_days
    first, last = win.occasion_range(REPURCHASE, lead)
    floor = first - REPURCHASE_HORIZON_DAYS
    marks = win.marks.get(REPURCHASE)
    isos, add = win.isos, win.add
    cycles = {pid: (days, title) for pid, days, title in rows(
        f'SELECT id, cycle_days, title FROM {table(Product)} WHERE cycle_days > 0')}
    shift = _shift(cycles)
    mask = (1 << shift) - 1
    latest, cycle_last, gone = (_latest_cycle_purchases(floor, cycles, shift) if cycles
                                else ({}, {}, set()))
    marked = win.marked_customers(REPURCHASE)
    a, b = win.plain_range(lead)
    days = win.days
    for key, (day, oid, qty) in latest.items():
        cycle, title = cycles[key & mask]
        span = qty * cycle
        occ = day + span
        if first <= occ <= last and 0 < span <= REPURCHASE_HORIZON_DAYS:
            cid = key >> shift
            if gone and cid in gone:
                continue                # the recycle bin gets no reminders
            bought = isos[day]
            amount = f' ×{qty}' if qty > 1 else ''
            occasion = f'{bought}#{oid}/{key & mask}'
            reason = f'{title}{amount} 于 {bought} 购买，约 {span} 天用完'
            if cid in marked:
                add(out, REPURCHASE, marks, lead, occ, occasion, cid, reason, oid)
            elif a <= occ <= b:         # the common case, inline: ~100,000 a year
                out.append(Reminder(REPURCHASE, days[occ], occasion, cid, reason,
                                    days[occ - lead], '', None, oid))
    for cid, day, oid, gap, count in _median_due(first, last, cycle_last):
        occ = day + gap
        if first <= occ <= last:
            bought = isos[day]
            add(out, REPURCHASE, marks, lead, occ, f'{bought}#{oid}', cid,
                f'通常每 {gap} 天回购一次（{count} 次购买），上次 {bought}', oid)


def _shift(cycles: dict) -> int:
    return max(_SHIFT, max(cycles, default=0).bit_length())


def _latest_cycle_purchases(floor: int, cycles: dict, shift: int) -> tuple[dict, dict, set]:
    """{customer << shift | product: (day, order id, quantity)} of the latest completed
    purchase since `floor`, {customer: day of their latest cycle purchase}, and the ids
    of customers in the recycle bin."""
    p = param()
    products = ', '.join(str(int(pid)) for pid in cycles)
    o, line = table(Order), table(OrderLine)
    # An order whose item count is this line's quantity has no other line of the product;
    # otherwise (several SKUs of one product, or no count) its lines of the product add up.
    qty = (f'CASE WHEN o.item_count = l.quantity THEN l.quantity ELSE (SELECT SUM(l2.quantity)'
           f' FROM {line} AS l2 WHERE l2.order_id = o.id AND l2.product_id = l.product_id) END')
    latest: dict = {}
    cycle_last: dict = {}
    # Paid orders in paid_at order (the index gives it, no sort), then the few never paid;
    # a later row replaces an earlier one.
    for column, test in (('o.paid_at', f'o.paid_at >= {p}'),
                         ('o.created_at', f'o.paid_at IS NULL AND o.created_at >= {p}')):
        found = rows(
            f'SELECT o.customer_id * {1 << shift} + l.product_id, {ordinal_sql(column)},'
            f' o.id, {qty}, o.customer_id'
            f' FROM {o} AS o CROSS JOIN {line} AS l ON l.order_id = o.id'
            f' WHERE {test} AND o.completed = {p}'
            f' AND {no_index("l.product_id")} IN ({products}) ORDER BY {column}, o.id',
            [iso(floor), True])
        if latest:                      # never-paid orders: keep whichever is later
            found = [r for r in found if r[0] not in latest or r[1] >= latest[r[0]][0]]
        latest.update({r[0]: r[1:4] for r in found})
        cycle_last.update({r[4]: r[1] for r in found if r[1] >= cycle_last.get(r[4], 0)})
    gone = {i for (i,) in rows(f'SELECT id FROM {table(Customer)} WHERE deleted_at IS NOT NULL')}
    return latest, cycle_last, gone


def _median_due(first: int, last: int, cycle_last: dict) -> list[tuple]:
    """(customer, last day, last order id, median gap, purchase days) for buyers whose
    median-gap prediction lands in [first, last] and whose latest purchase holds no cycle
    product (cycle_last: {customer: day of their latest cycle purchase})."""
    p = param()
    # The median gap is at most last - first purchase, so a prediction can reach `first`
    # only if 2 x last - first purchase >= first.
    bought, began = ordinal_sql('last_order_at'), ordinal_sql('first_order_at')
    sql = (f'SELECT id, {bought} FROM {table(Customer)}'
           f' WHERE deleted_at IS NULL AND order_count >= {p}'
           f' AND {no_index("last_order_at")} >= {p} AND {no_index("last_order_at")} < {p}'
           f' AND 2 * {bought} - {began} >= {p}')
    args = [MEDIAN_MIN_DAYS, iso(first - REPURCHASE_HORIZON_DAYS), iso(last), first]
    # A cycle purchase on the buyer's last day: the cycle rule speaks for it.
    ids = [cid for cid, day in rows(sql, args) if cycle_last.get(cid) != day]
    history: dict[int, list] = {}
    for chunk in chunks(ids, 5000):
        marks = ', '.join([p] * len(chunk))
        for column, test in (('paid_at', 'paid_at IS NOT NULL'),
                             ('created_at', 'paid_at IS NULL')):
            sql = (f'SELECT customer_id, {ordinal_sql(column)}, id FROM {table(Order)}'
                   f' WHERE customer_id IN ({marks}) AND completed = {p} AND {test}')
            for cid, day, oid in rows(sql, [*chunk, True]):
                h = history.get(cid)
                if h is None:
                    history[cid] = [(day, oid)]
                else:
                    h.append((day, oid))
    out = []
    for cid, h in history.items():
        days = sorted({d for d, _ in h})
        if len(days) < MEDIAN_MIN_DAYS:
            continue
        gaps = sorted(b - a for a, b in zip(days, days[1:]))
        n = len(gaps)
        gap = (gaps[(n - 1) // 2] + gaps[n // 2] + 1) // 2     # median, halves round up
        final = days[-1]
        if gap <= REPURCHASE_HORIZON_DAYS and first <= final + gap <= last:
            out.append((cid, final, max(oid for d, oid in h if d == final), gap, len(days)))
    return out
