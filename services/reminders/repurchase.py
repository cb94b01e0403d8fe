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

from operator import itemgetter

from models import Customer, Order, OrderLine, Product

from ..chunking import chunks
from .core import Reminder, Window, ids_sql, iso, no_index, ordinal_sql, param, rows, table
from .rules import MEDIAN_MIN_DAYS, REPURCHASE, REPURCHASE_HORIZON_DAYS, ReminderRules

_SHIFT = 20         # customer id and product id packed into one integer key
# A purchase day and an order id (below 2**43) packed into one integer.
_DAY_AT = 43
_ID_MASK = (1 << _DAY_AT) - 1


def collect(win: Window, rules: ReminderRules, out: list) -> None:
    lead = rules.repurchase_days
    first, last = win.occasion_range(REPURCHASE, lead)
    marks = win.marks.get(REPURCHASE)
    isos, add = win.isos, win.add
    cycles = {pid: (days, title) for pid, days, title in rows(
        f'SELECT id, cycle_days, title FROM {table(Product)} WHERE cycle_days > 0')}
    shift = _shift(cycles)
    mask = (1 << shift) - 1
    latest, cycle_last = (_latest_cycle_purchases(first, cycles, shift) if cycles
                          else ({}, {}))
    # Keep the latest purchases falling due here before making any text (a year of a busy
    # shop: ~430,000 latest, ~300,000 due). A latest purchase that is never due (a supply
    # past the horizon) still hides the older ones, as it did in `latest`.
    due = [r for r in latest.values() if first <= r[1] <= last]
    gone = _deleted() if due else set()
    marked = win.marked_customers(REPURCHASE)
    a, b = win.plain_range(lead)
    days = win.days
    texts: dict = {}            # (product, span) -> the reason before and after the day
    for key, occ, oid, cid, day in due:
        span = occ - day
        if not 0 < span <= REPURCHASE_HORIZON_DAYS or cid in gone:
            continue                    # lasts no day or past the horizon; recycle bin
        pid = key & mask
        bought = isos[day]
        what = texts.get((pid, span))
        if what is None:
            qty = span // cycles[pid][0]
            what = texts[pid, span] = (cycles[pid][1] + (f' ×{qty}' if qty > 1 else '') + ' 于 ',
                                       f' 购买，约 {span} 天用完')
        occasion = f'{bought}#{oid}/{pid}'
        reason = what[0] + bought + what[1]
        if cid in marked:
            add(out, REPURCHASE, marks, lead, occ, occasion, cid, reason, oid)
        elif a <= occ <= b:             # the common case, inline
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


def _deleted() -> set:
    return {i for (i,) in rows(f'SELECT id FROM {table(Customer)} WHERE deleted_at IS NOT NULL')}


def _latest_cycle_purchases(first: int, cycles: dict, shift: int) -> tuple[dict, dict]:
    """{customer << shift | product: (key, due day, order id, customer, day)} of the latest
    completed purchase since the horizon before `first` (due day = day + quantity x cycle),
    and {customer: day of their latest cycle purchase}."""
    p = param()
    o, line = table(Order), table(OrderLine)
    # An order whose item count is this line's quantity has no other line of the product;
    # otherwise (several SKUs of one product, or no count) its lines of the product add up.
    qty = (f'(CASE WHEN o.item_count = l.quantity THEN l.quantity ELSE (SELECT SUM(l2.quantity)'
           f' FROM {line} AS l2 WHERE l2.order_id = o.id'
           f' AND {no_index("l2.product_id")} = l.product_id) END)')
    # Literal integers we read ourselves: the cycle of each product.
    cycle = ('(CASE l.product_id ' + ' '.join(f'WHEN {int(pid)} THEN {int(days)}'
                                               for pid, (days, _) in cycles.items()) + ' END)')
    latest: dict = {}
    cycle_last: dict = {}
    # Paid orders in paid_at order (the index gives it, no sort), then the few never paid;
    # a later row replaces an earlier one. dict(zip(...)) keeps them at C speed: a grouped
    # query (a sort in SQLite) or a Python loop over ~500,000 rows costs more.
    for column, test in (('o.paid_at', f'o.paid_at >= {p}'),
                         ('o.created_at', f'o.paid_at IS NULL AND o.created_at >= {p}')):
        day = ordinal_sql(column)
        found = rows(
            f'SELECT o.customer_id * {1 << shift} + l.product_id, {day} + {qty} * {cycle}, o.id,'
            f' o.customer_id, {day}'
            f' FROM {o} AS o CROSS JOIN {line} AS l ON l.order_id = o.id'
            f' WHERE {test} AND o.completed = {p}'
            f' AND {no_index("l.product_id")} IN ({", ".join(map(str, map(int, cycles)))})'
            f' ORDER BY {column}, o.id',
            [iso(first - REPURCHASE_HORIZON_DAYS), True])
        if latest:                      # never-paid orders: keep whichever is later
            found = [r for r in found if r[0] not in latest or r[4] >= latest[r[0]][4]]
            cycle_last.update((r[3], r[4]) for r in found if r[4] >= cycle_last.get(r[3], 0))
        else:
            cycle_last = dict(zip(map(itemgetter(3), found), map(itemgetter(4), found)))
        latest.update(zip(map(itemgetter(0), found), found))
    return latest, cycle_last


def _median_due(first: int, last: int, cycle_last: dict) -> list[tuple]:
    """(customer, last day, last order id, median gap, purchase days) for buyers whose
    median-gap prediction lands in [first, last] and whose latest purchase holds no cycle
    product (cycle_last: {customer: day of their latest cycle purchase})."""
    p = param()
    # The median gap is at most half the span from the first purchase to the last, rounded
    # up, so a prediction can reach `first` only if last + (last - first purchase + 1) // 2
    # >= first; that drops most old buyers before their history is read. Most buyers
    # qualify in a busy shop, so the table is read straight (no index: 3x faster).
    bought, began = ordinal_sql('last_order_at'), ordinal_sql('first_order_at')
    sql = (f'SELECT id, {bought} FROM {table(Customer)}'
           f' WHERE {no_index("deleted_at")} IS NULL AND {no_index("order_count")} >= {p}'
           f' AND {no_index("last_order_at")} >= {p} AND {no_index("last_order_at")} < {p}'
           f' AND 3 * {bought} - {began} + 1 >= {p}')
    args = [MEDIAN_MIN_DAYS, iso(first - REPURCHASE_HORIZON_DAYS), iso(last), 2 * first]
    # A cycle purchase on the buyer's last day: the cycle rule speaks for it.
    ids = [cid for cid, day in rows(sql, args) if cycle_last.get(cid) != day]
    # Each buyer's purchases as one text of day << _DAY_AT | order id (few rows to fetch:
    # the covering index answers it in customer order).
    history: dict[int, str] = {}
    for chunk in chunks(ids, 5000):
        marks = ', '.join([p] * len(chunk))
        for column, test in (('paid_at', 'paid_at IS NOT NULL'),
                             ('created_at', 'paid_at IS NULL')):
            sql = (f'SELECT customer_id, {ids_sql(f"{ordinal_sql(column)} * {1 << _DAY_AT} + id")}'
                   f' FROM {table(Order)} WHERE customer_id IN ({marks}) AND completed = {p}'
                   f' AND {test} GROUP BY customer_id')
            for cid, text in rows(sql, [*chunk, True]):
                history[cid] = history[cid] + ',' + text if cid in history else text
    out = []
    for cid, text in history.items():
        packed = sorted(map(int, text.split(',')))
        days = sorted({v >> _DAY_AT for v in packed})
        if len(days) < MEDIAN_MIN_DAYS:
            continue
        gaps = sorted(b - a for a, b in zip(days, days[1:]))
        n = len(gaps)
        gap = (gaps[(n - 1) // 2] + gaps[n // 2] + 1) // 2     # median, halves round up
        final = days[-1]
        if gap <= REPURCHASE_HORIZON_DAYS and first <= final + gap <= last:
            # The largest order id of the last day (packed values sort by day, then id).
            out.append((cid, final, max(v for v in packed if v >> _DAY_AT == final)
                        & _ID_MASK, gap, len(days)))
    return out
