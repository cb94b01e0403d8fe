"""Callback and win-back reminders, from completed orders.

Callbacks read the orders paid in the window (the paid_at index) above the
owner's threshold, and optionally smaller orders of repeat buyers. Win-back
reads the customers' cached last purchase (customer.last_order_at, kept by
services.customer_stats from completed orders, indexed with deleted_at), so a
buyer who orders again moves out of the list as soon as the import refreshes it.
"""
from __future__ import annotations

from models import Customer, Order

from models.dialect import cross_join, no_index, ordinal_sql, param, postgres
from .core import Reminder, Window, iso, rows, table
from .rules import CALLBACK, WINBACK, ReminderRules

# From this many days on, callbacks scan an index rather than look orders up: on a
# busy shop a year holds half the orders, and the scan costs at most ~0.15 s per
# million orders.
SCAN_DAYS = 180


def _yuan(fen: int) -> str:
    return f'¥{fen // 100:,}.{fen % 100:02d}'


def callbacks(win: Window, rules: ReminderRules, out: list) -> None:
    days = rules.callback_days
    first, last = win.occasion_range(CALLBACK, 0)
    marks = win.marks.get(CALLBACK)
    marked = win.marked_customers(CALLBACK)
    a, b = win.plain_range(0)
    isos, on, add, append = win.isos, win.days, win.add, out.append
    tail = f'，{days} 天回访'
    for oid, cid, paid, amount, nth in _orders(first - days, last - days, rules):
        bought = isos[paid]
        why = (f'{bought} 成交 ¥{amount // 100:,}.{amount % 100:02d}{tail}' if nth is None else
               f'{bought} 第 {nth} 次成交 {_yuan(amount)}{tail}')
        occ = paid + days
        if cid in marked:
            add(out, CALLBACK, marks, 0, occ, f'{bought}#{oid}', cid, why, oid)
        elif a <= occ <= b:             # the common case, inline
            day = on[occ]
            append(Reminder(CALLBACK, day, f'{bought}#{oid}', cid, why, day, '', None, oid))


def _orders(first: int, last: int, rules: ReminderRules) -> list[tuple]:
    """(order id, customer id, paid ordinal, amount, nth or None) of completed orders
    paid on days first..last that call for a callback."""
    p = param()
    o, c = table(Order), table(Customer)
    lo, hi = iso(first), iso(last + 1)
    bought = 'COALESCE(o.paid_at, o.created_at)'
    join = f'FROM {o} AS o {cross_join()} {c} AS c ON c.id = o.customer_id'
    done = f'o.completed = {p} AND c.deleted_at IS NULL'
    # Two queries, not one OR (which would collect every matching row id first). The
    # paid one names only columns of the (customer, completed, paid_at, amount) index:
    # for a long window, scanning that index is cheaper than looking each order of
    # the paid_at range up in the table.
    paid = no_index('o.paid_at') if last - first + 1 >= SCAN_DAYS else 'o.paid_at'
    found = rows(f'SELECT o.id, o.customer_id, {ordinal_sql("o.paid_at")}, o.amount, NULL {join}'
                 f' WHERE {paid} >= {p} AND {paid} < {p} AND {done} AND o.amount >= {p}',
                 [lo, hi, True, rules.callback_min_amount])
    # Never paid (a shop's own sheet): counted from when the order was made.
    found += rows(f'SELECT o.id, o.customer_id, {ordinal_sql("o.created_at")}, o.amount, NULL'
                  f' {join} WHERE o.paid_at IS NULL AND o.created_at >= {p}'
                  f' AND o.created_at < {p} AND {done} AND o.amount >= {p}',
                  [lo, hi, True, rules.callback_min_amount])
    found.sort()                        # by order id, as one query gave them
    when = (f'((o.paid_at >= {p} AND o.paid_at < {p})'
            f' OR (o.paid_at IS NULL AND o.created_at >= {p} AND o.created_at < {p}))')
    base = f'{join} WHERE {when} AND {done}'
    n = rules.callback_repeat_orders
    if n:
        # The order's rank among the buyer's completed orders (the covering index answers it).
        nth = (f'(SELECT COUNT(*) FROM {o} AS o2 WHERE o2.customer_id = o.customer_id'
               f' AND o2.completed = {p} AND COALESCE(o2.paid_at, o2.created_at) <= {bought})')
        found += rows(f'SELECT * FROM (SELECT o.id, o.customer_id, {ordinal_sql(bought)},'
                      f' o.amount, {nth} AS nth {base} AND o.amount < {p}) AS t'
                      f' WHERE nth >= {p}',
                      [True, lo, hi, lo, hi, True, rules.callback_min_amount, n])
    return found


def winbacks(win: Window, rules: ReminderRules, out: list) -> None:
    days = rules.winback_days
    first, last = win.occasion_range(WINBACK, 0)
    marks = win.marks.get(WINBACK)
    p = param()
    sql = (f'SELECT id, {ordinal_sql("last_order_at")} FROM {table(Customer)}'
           f' WHERE deleted_at IS NULL AND last_order_at >= {p} AND last_order_at < {p}')
    if postgres():              # SQLite's order, from its (deleted_at, last_order_at) index
        sql += ' ORDER BY last_order_at, id'
    for cid, bought in rows(sql, [iso(first - days), iso(last - days + 1)]):
        occasion = win.isos[bought]
        win.add(out, WINBACK, marks, 0, bought + days, occasion, cid,
                f'最后一次成交在 {occasion}，已 {days} 天没有再买')
