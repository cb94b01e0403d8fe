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
from models.dialect import param, postgres
from .core import Reminder, Window, rows, table
from .rules import REPURCHASE, ReminderRules


def collect(win: Window, rules: ReminderRules, out: list) -> None:
    repurchase_store.ensure_current()
    lead = rules.repurchase_days
    first, last = win.occasion_range(REPURCHASE, lead)
    marks = win.marks.get(REPURCHASE)
    isos, add = win.isos, win.add
    p = param()
    # Read in due order from the covering index: a year of a busy shop is ~300,000 rows.
    sql = (f'SELECT customer_id, product_id, order_id, bought, due, purchases'
           f' FROM {table(RepurchaseDue)} WHERE due >= {p} AND due <= {p}')
    if postgres():              # the due index's order, as SQLite reads it
        sql += ' ORDER BY due, customer_id, product_id NULLS FIRST, order_id'
    due = rows(sql, [first, last])
    if not due:
        return
    cycles = {pid: (days, title) for pid, days, title in rows(
        f'SELECT id, cycle_days, title FROM {table(Product)} WHERE cycle_days > 0')}
    gone = _deleted()
    marked = win.marked_customers(REPURCHASE)
    a, b = win.plain_range(lead)
    days = win.days
    append = out.append
    reasons: dict = {}          # (product, bought, due) -> reason, shared by that day's buyers
    at = None                   # the due day whose dates `when` and `ahead` hold
    # The hot loop: ~300,000 rows a year on a busy shop, so as few steps per row as can be.
    for cid, pid, oid, day, occ, count in due:
        if cid in marked or cid in gone:
            if cid not in gone:
                occasion, reason = _texts(pid, oid, day, occ, count, isos, cycles, reasons)
                add(out, REPURCHASE, marks, lead, occ, occasion, cid, reason, oid)
            continue
        if occ < a or occ > b:
            continue
        if pid is None:
            occasion, reason = _texts(pid, oid, day, occ, count, isos, cycles, reasons)
        else:
            reason = reasons.get((pid, day, occ))
            if reason is None:
                _, reason = _texts(pid, oid, day, occ, count, isos, cycles, reasons)
            occasion = f'{isos[day]}#{oid}/{pid}'
        if occ != at:
            at, when, ahead = occ, days[occ], days[occ - lead]
        append(Reminder(REPURCHASE, when, occasion, cid, reason, ahead, '', None, oid))


def _texts(pid, oid: int, day: int, occ: int, count: int, isos, cycles: dict,
           reasons: dict) -> tuple[str, str]:
    """(occasion key, reason) of one row; cycle products' reasons are kept in `reasons`."""
    bought = isos[day]
    span = occ - day
    if pid is None:
        return (f'{bought}#{oid}',
                f'通常每 {span} 天回购一次（{count} 次购买），上次 {bought}')
    reason = reasons.get((pid, day, occ))
    if reason is None:
        cycle, title = cycles.get(pid, (span, ''))
        qty = span // cycle
        reason = reasons[pid, day, occ] = (
            f'{title}{f" ×{qty}" if qty > 1 else ""} 于 {bought} 购买，约 {span} 天用完')
    return f'{bought}#{oid}/{pid}', reason


def _deleted() -> set:
    return {i for (i,) in rows(f'SELECT id FROM {table(Customer)} WHERE deleted_at IS NOT NULL')}
