"""Reminder lists: the 今日 list, any date range, a month's counts, customer details.

Lists are computed from the data each time, but for the repurchase due days,
which a cache keeps current as orders and cycles change (repurchase_store), so
an import, a new birthday or an edited cycle shows at once. Customer
details (nick, name, phone, tier, spend ...) are read separately, and only for
the reminders someone will look at (attach_details), because reading them costs
more than finding the reminders.

Opt-outs: reminders are the owner's own tasks, so a buyer who opted out of a channel
keeps their reminders, flagged with the channels (Reminder.opted_out: 已退订短信 ...);
the exported call and SMS lists leave them out (services.reminders.export).
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from operator import attrgetter

from models import Customer

from .. import settings
from ..chunking import chunks
from ..consent.optouts import channels_for
from ..tasks import gc_paused
from ..tiers import tier_names
from . import birthdays, festivals, marks, purchases, repurchase
from models.dialect import param
from .core import DUE, ON, Reminder, Window, rows, table
from .rules import (BIRTHDAY, CALLBACK, FESTIVAL, KINDS, REPURCHASE, SNOOZE_MAX_DAYS, WINBACK,
                    ReminderRules)

__all__ = ['Reminder', 'reminders_between', 'due_today', 'occasions_between', 'on_day',
           'counts_by_day', 'attach_details', 'load_rules']

_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}


def load_rules() -> ReminderRules:
    return settings.load(ReminderRules)


def _collect(win: Window, kinds, rules: ReminderRules | None) -> list[Reminder]:
    rules = rules or load_rules()
    with gc_paused():
        return _collect_all(win, kinds, rules)


def _collect_all(win: Window, kinds, rules: ReminderRules) -> list[Reminder]:
    out: list[Reminder] = []
    if BIRTHDAY in kinds:
        birthdays.collect(win, rules, out)
    if REPURCHASE in kinds:
        repurchase.collect(win, rules, out)
    if CALLBACK in kinds:
        purchases.callbacks(win, rules, out)
    if WINBACK in kinds:
        purchases.winbacks(win, rules, out)
    if FESTIVAL in kinds:
        festivals.collect(win, festivals.list_festivals(enabled_only=True), out)
    out.sort(key=attrgetter('date'))        # stable: kinds stay in order within a day
    return out


def _window(start: date, end: date, mode: str, include_marked: bool) -> Window:
    # Snoozed reminders can come back up to SNOOZE_MAX_DAYS after their occasion.
    back = SNOOZE_MAX_DAYS if mode == DUE else 0
    return Window(start, end, mode, include_marked, marks.load(start.toordinal() - back))


def reminders_between(start: date, end: date, include_marked: bool = False, kinds=KINDS,
                      rules: ReminderRules | None = None, details: bool = False
                      ) -> list[Reminder]:
    """Reminders due at some point from start through end: listed from `date - lead`
    (a birthday 7 days ahead) through their date, or back from a snooze in the range.
    Done and skipped ones only with include_marked. Sorted by date."""
    out = _collect(_window(start, end, DUE, include_marked), kinds, rules)
    if details:
        attach_details(out)
    return out


def due_today(today: date | None = None, kinds=KINDS, rules: ReminderRules | None = None,
              details: bool = True) -> list[Reminder]:
    """The 今日 list: due now, or overdue by up to rules.overdue_days and not yet done,
    skipped, or snoozed past today."""
    today = today or date.today()
    rules = rules or load_rules()
    # Festivals are never overdue: they are listed until their last day, not after.
    out = reminders_between(today - timedelta(days=rules.overdue_days), today, False,
                            [k for k in kinds if k != FESTIVAL], rules, details)
    if FESTIVAL in kinds:
        out += reminders_between(today, today, False, (FESTIVAL,), rules)
        out.sort(key=attrgetter('date'))
    return out


def occasions_between(start: date, end: date, include_marked: bool = False, kinds=KINDS,
                      rules: ReminderRules | None = None, details: bool = False
                      ) -> list[Reminder]:
    """Reminders whose occasion date is from start through end (the calendar's view)."""
    out = _collect(_window(start, end, ON, include_marked), kinds, rules)
    if details:
        attach_details(out)
    return out


def on_day(day: date, include_marked: bool = True, kinds=KINDS) -> list[Reminder]:
    """Everything on one calendar day, with details; done ones too by default."""
    out = occasions_between(day, day, include_marked, kinds, details=True)
    out.sort(key=lambda r: (_KIND_ORDER[r.kind], r.customer_id or 0))
    return out


def counts_by_day(year: int, month: int, kinds=KINDS, rules: ReminderRules | None = None
                  ) -> dict[date, dict[str, int]]:
    """Open (not done or skipped) reminders per occasion day and kind in one month."""
    first = date(year, month, 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    counts = Counter((r.date, r.kind) for r in occasions_between(first, last, False, kinds,
                                                                  rules))
    out: dict[date, dict[str, int]] = {}
    for (day, kind), n in counts.items():
        out.setdefault(day, {})[kind] = n
    return out


def attach_details(reminders: list[Reminder]) -> None:
    """Fill each customer reminder's nick, name, phone, key facts and opt-outs in place."""
    ids = set(map(attrgetter('customer_id'), reminders))
    ids.discard(None)
    if not ids:
        return
    ids = sorted(ids)
    tiers = tier_names()
    p = param()
    facts: dict[int, tuple] = {}
    cols = ('id, nick, name, phone, wechat, platform, tier_id, order_count, total_spent,'
            ' last_order_at')
    for chunk in chunks(ids, 5000):
        marks_ = ', '.join([p] * len(chunk))
        # Once per customer, not per reminder: the tier name and the date-time.
        for (cid, nick, name, phone, wechat, platform, tier, count, spent, last) in rows(
                f'SELECT {cols} FROM {table(Customer)} WHERE id IN ({marks_})', chunk):
            facts[cid] = (nick, name, phone, wechat, platform, tiers.get(tier, ''), count,
                          spent, datetime.fromisoformat(last) if isinstance(last, str)
                          else last)
    opted = channels_for(ids)
    for r in reminders:
        row = facts.get(r.customer_id)
        if row is not None:
            (r.nick, r.name, r.phone, r.wechat, r.platform, r.tier, r.order_count,
             r.total_spent, r.last_order_at) = row
            r.opted_out = tuple(opted.get(r.customer_id, ()))
