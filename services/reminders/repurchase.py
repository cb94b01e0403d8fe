"""Repurchase reminders: when a buyer's supply runs out.

- Products with a consumption cycle (days one unit lasts): for each buyer and
  product, the latest completed purchase; due = that day + quantity x cycle.
  Buying the product again replaces the reminder with one for the new purchase.
- Otherwise, for buyers with purchases on 3+ different days whose latest
  purchase holds no cycle product: due = latest day + the median of the gaps
  between their purchase days (several orders on one day count as one).

A supply or a usual gap longer than REPURCHASE_HORIZON_DAYS is left to win-back.
The due days are kept in a cache (repurchase_store), so a listing reads a range
of it rather than every buyer's orders.
"""
from __future__ import annotations

from models import Customer, Product, RepurchaseDue

from . import repurchase_store
from .core import Reminder, Window, param, rows, table
from .rules import REPURCHASE, ReminderRules


def collect(win: Window, rules: ReminderRules, out: list) -> None:
    repurchase_store.ensure_current()
    lead = rules.repurchase_days
    first, last = win.occasion_range(REPURCHASE, lead)
    marks = win.marks.get(REPURCHASE)
    isos, add = win.isos, win.add
    p = param()
    # Read in due order from the covering index: a year of a busy shop is ~300,000 rows.
    due = rows(f'SELECT customer_id, product_id, order_id, bought, due, purchases'
               f' FROM {table(RepurchaseDue)} WHERE due >= {p} AND due <= {p}', [first, last])
    if not due:
        return
    cycles = {pid: (days, title) for pid, days, title in rows(
        f'SELECT id, cycle_days, title FROM {table(Product)} WHERE cycle_days > 0')}
    gone = _deleted()
    marked = win.marked_customers(REPURCHASE)
    a, b = win.plain_range(lead)
    days = win.days
    texts: dict = {}            # (product, span) -> the reason before and after the day
    for cid, pid, oid, day, occ, count in due:
        if cid in gone:
            continue                    # in the recycle bin
        bought = isos[day]
        span = occ - day
        if pid is None:
            occasion = f'{bought}#{oid}'
            reason = f'通常每 {span} 天回购一次（{count} 次购买），上次 {bought}'
        else:
            what = texts.get((pid, span))
            if what is None:
                cycle, title = cycles.get(pid, (span, ''))
                qty = span // cycle
                what = texts[pid, span] = (title + (f' ×{qty}' if qty > 1 else '') + ' 于 ',
                                           f' 购买，约 {span} 天用完')
            occasion = f'{bought}#{oid}/{pid}'
            reason = what[0] + bought + what[1]
        if cid in marked:
            add(out, REPURCHASE, marks, lead, occ, occasion, cid, reason, oid)
        elif a <= occ <= b:             # the common case, inline
            out.append(Reminder(REPURCHASE, days[occ], occasion, cid, reason,
                                days[occ - lead], '', None, oid))


def _deleted() -> set:
    return {i for (i,) in rows(f'SELECT id FROM {table(Customer)} WHERE deleted_at IS NOT NULL')}
