"""The reminder record, the window a listing keeps, and the SQL bits the kinds share.

A reminder has an occasion date (the birthday, the day a supply runs out, the
callback day, the day a buyer crossed the win-back line, a festival's first
day) and a lead: it is on the task list from `date - lead` to `date`, and stays
there as overdue until done or skipped (the 今日 list looks back overdue_days; a
festival is listed through its last day and is never overdue). A snoozed one is
away until its `until` day and then back, overdue again from that day.

Two kinds of listing:
- DUE: reminders whose time on the list overlaps [start, end] (the 今日 list
  is DUE over [today - overdue_days, today]; the command line over [date, date + N]);
- ON: reminders whose occasion date is in [start, end] (the month calendar).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models import db

from .rules import SNOOZE_MAX_DAYS

DUE, ON = 'due', 'on'
OPEN = ('', None)
# Mark keys start with a date at most this long before the occasion (win-back: the
# last order date); marks with older keys cannot match and are not read.
MARK_KEY_SPAN = 1100


@dataclass(slots=True)
class Reminder:
    kind: str                       # birthday, repurchase, callback, winback, festival
    date: date                      # the occasion
    occasion: str                   # stable key of this occasion, for done/skip/snooze
    customer_id: int | None         # None for festivals
    reason: str
    remind_on: date                 # first day on the list (the snooze day when snoozed)
    state: str = ''                 # '', snoozed, done, skipped
    until: date | None = None       # snoozed until
    order_id: int | None = None     # the order a callback or repurchase is about
    name: str = ''                  # the customer's name, or the festival's
    # Filled by api.attach_details(): the customer's key facts.
    nick: str = ''
    phone: str = ''
    wechat: str = ''
    platform: str = ''
    tier: str = ''
    order_count: int = 0
    total_spent: int = 0            # fen
    last_order_at: datetime | None = None
    opted_out: tuple = ()           # channels the customer opted out of (sms, phone, wechat)


class Days(dict):
    """ordinal -> date, made once per ordinal (hot loops look up the same few hundred)."""

    def __missing__(self, ordinal: int) -> date:
        d = self[ordinal] = date.fromordinal(ordinal)
        return d


class IsoDays(dict):
    """ordinal -> 'YYYY-MM-DD', made once per ordinal."""

    def __missing__(self, ordinal: int) -> str:
        t = self[ordinal] = date.fromordinal(ordinal).isoformat()
        return t


class Window:
    """Which occasions a listing keeps, given the marks the owner set."""

    def __init__(self, start: date, end: date, mode: str = DUE, include_marked: bool = False,
                 marks: dict | None = None):
        if end < start:
            raise ValueError('end before start')
        self.start, self.end, self.mode = start, end, mode
        self.lo, self.hi = start.toordinal(), end.toordinal()
        self.include_marked = include_marked
        self.marks = marks or {}    # kind -> {(customer_id, occasion): (state, until ordinal)}
        self.days = Days()
        self.isos = IsoDays()

    def occasion_range(self, kind: str, lead: int) -> tuple[int, int]:
        """Ordinals an occasion of `kind` may have to be kept at all."""
        if self.mode == ON:
            return self.lo, self.hi
        # A reminder snoozed to a day in the window may have its occasion before it.
        back = any(s == 'snoozed' and self.lo <= u <= self.hi
                   for s, u in self.marks.get(kind, {}).values())
        return self.lo - (SNOOZE_MAX_DAYS if back else 0), self.hi + lead

    def marked_customers(self, kind: str) -> set:
        """Customers with any mark of `kind`: everyone else takes the plain path."""
        return {cid for cid, _ in self.marks.get(kind, {})}

    def day(self, ordinal: int) -> date:
        return self.days[ordinal]

    def plain_range(self, lead: int) -> tuple[int, int]:
        """Occasions kept when nothing is marked: [lo, hi + lead] when DUE, [lo, hi] when ON."""
        return (self.lo, self.hi) if self.mode == ON else (self.lo, self.hi + lead)

    def keep(self, marks: dict, cid, occasion: str, occ: int, lead: int,
             last: int | None = None):
        """(state, until ordinal) when the occasion is listed, else None.

        `marks` is self.marks.get(kind); occ the occasion's ordinal; `last` the last day
        it is due before counting as overdue (a festival's last day; default occ).
        """
        m = marks.get((cid, occasion)) if marks else None
        on = self.mode == ON
        end = occ if last is None else last
        if m is None:
            return OPEN if on or (occ - lead <= self.hi and end >= self.lo) else None
        state, until = m
        if state == 'snoozed':
            return m if on or (until <= self.hi and max(end, until) >= self.lo) else None
        if not self.include_marked:
            return None
        return m if on or (occ - lead <= self.hi and end >= self.lo) else None

    def add(self, out: list, kind: str, marks: dict | None, lead: int, occ: int,
            occasion: str, cid, reason: str, order_id: int | None = None,
            name: str = '') -> None:
        """Append the reminder if the window keeps it (`marks` = self.marks.get(kind))."""
        mark = marks.get((cid, occasion)) if marks else None
        if mark is None:                    # the common case, kept inline
            if self.lo <= occ <= (self.hi if self.mode == ON else self.hi + lead):
                days = self.days
                out.append(Reminder(kind, days[occ], occasion, cid, reason, days[occ - lead],
                                    '', None, order_id, name))
            return
        mark = self.keep(marks, cid, occasion, occ, lead)
        if mark is not None:
            out.append(self.make(kind, occ, occasion, cid, reason, lead, mark, order_id, name))

    def make(self, kind: str, occ: int, occasion: str, cid, reason: str, lead: int,
             mark, order_id: int | None = None, name: str = '') -> Reminder:
        state, until = mark
        days = self.days
        if until is None:
            return Reminder(kind, days[occ], occasion, cid, reason, days[occ - lead], state,
                            None, order_id, name)
        return Reminder(kind, days[occ], occasion, cid, reason,
                        days[until if state == 'snoozed' else occ - lead], state, days[until],
                        order_id, name)


# --- SQL shared by the kinds --------------------------------------------------------
# Reads go through the cursor: peewee's per-row conversions would cost more than the
# queries (see services.exporting).

def table(model) -> str:
    return f'"{model._meta.table_name}"'


def rows(sql: str, args=()) -> list[tuple]:
    return db.execute_sql(sql, list(args)).fetchall()


def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def as_ordinal(value) -> int | None:
    """A date or date-time from either backend (text on SQLite) as an ordinal."""
    if value is None:
        return None
    if isinstance(value, str):
        return date.fromisoformat(value[:10]).toordinal()
    return value.toordinal()
