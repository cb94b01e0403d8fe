"""What the owner did about a reminder: done, skipped or snoozed, one mark per occasion.

A done reminder about a customer writes a contact-log entry in the same
transaction, so the customer's history shows the call. Marks are keyed by
(kind, customer, occasion); the occasion keys are stable per occurrence, so a
done birthday is not reminded again this year but is again next year.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

from models import ContactLog, ReminderMark, db, now

from ..errors import ValidationError
from .core import MARK_KEY_SPAN, as_ordinal, iso, rows, table
from .rules import CHANNELS, KIND_PURPOSES, KINDS, SNOOZE_MAX_DAYS

DONE, SKIPPED, SNOOZED = 'done', 'skipped', 'snoozed'


def load(first_occasion: int) -> dict:
    """kind -> {(customer id, occasion): (state, until ordinal)} for marks that can
    match occasions from the ordinal `first_occasion` on."""
    floor = iso(max(1, first_occasion - MARK_KEY_SPAN))
    out: dict = {}
    sql = (f'SELECT kind, customer_id, occasion, state, until FROM {table(ReminderMark)}'
           f' WHERE occasion >= {db.obj.param}')
    for kind, cid, occasion, state, until in rows(sql, [floor]):
        out.setdefault(kind, {})[(cid, occasion)] = (state, as_ordinal(until))
    return out


def _check(reminder) -> None:
    if reminder.kind not in KINDS:
        raise ValidationError('kind', f'未知的提醒类型：{reminder.kind}')


def _where(r):
    return ((ReminderMark.kind == r.kind) & (ReminderMark.occasion == r.occasion)
            & (ReminderMark.customer.is_null() if r.customer_id is None
               else ReminderMark.customer == r.customer_id))


def _put(reminder, state: str, until: date | None = None, contact: int | None = None) -> None:
    """Insert or replace the one mark of this occasion (a NULL customer is not unique in SQL)."""
    ReminderMark.delete().where(_where(reminder)).execute()
    ReminderMark.create(kind=reminder.kind, customer=reminder.customer_id,
                        occasion=reminder.occasion, state=state, until=until, at=now(),
                        contact=contact)


def mark_done(reminders: Iterable, channel: str = 'phone', result: str = '',
              note: str = '') -> int:
    """Done, each with a contact-log entry (festivals have no customer and get none).
    Returns how many were marked."""
    if channel not in CHANNELS:
        raise ValidationError('channel', f'未知的联系方式：{channel}')
    reminders = list(reminders)
    for r in reminders:
        _check(r)
    with db.atomic():
        for r in reminders:
            contact = None
            if r.customer_id is not None:
                contact = ContactLog.create(
                    customer=r.customer_id, channel=channel, purpose=KIND_PURPOSES[r.kind],
                    result=result.strip()[:64], note=(note.strip() + '\n' + r.reason
                                                      if note.strip() else r.reason),
                    at=now()).id
            _put(r, DONE, contact=contact)
    return len(reminders)


def skip(reminders: Iterable) -> int:
    reminders = list(reminders)
    for r in reminders:
        _check(r)
    with db.atomic():
        for r in reminders:
            _put(r, SKIPPED)
    return len(reminders)


def snooze_limit(reminder) -> date:
    """The latest day a reminder may be snoozed to."""
    return reminder.date + timedelta(days=SNOOZE_MAX_DAYS)


def snooze(reminders: Iterable, until: date) -> int:
    """Away until `until` (the day it comes back)."""
    reminders = list(reminders)
    for r in reminders:
        _check(r)
        if until > snooze_limit(r):
            raise ValidationError('until', f'最多只能推迟到 {snooze_limit(r):%Y-%m-%d}'
                                           f'（{r.date:%Y-%m-%d} 之后 {SNOOZE_MAX_DAYS} 天）。')
    with db.atomic():
        for r in reminders:
            _put(r, SNOOZED, until=until)
    return len(reminders)


def reopen(reminders: Iterable) -> int:
    """Forget the marks: the reminders are open again (their contact-log entries stay)."""
    n = 0
    with db.atomic():
        for r in reminders:
            n += ReminderMark.delete().where(_where(r)).execute()
    return n
