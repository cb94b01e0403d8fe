"""The trade-festival calendar: list, edit, and the dates each festival falls on.

A festival is yearly on the solar or the lunar calendar (七夕 is lunar 7-7), or a
one-off dated event (platforms announce some dates each year). Its reminder is
listed lead_days before its first day, so the owner can prepare stock and offers.
"""
from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date

from models import Festival, db
from models.reminder import DEFAULT_FESTIVALS

from ..errors import UserError, ValidationError
from .calendars import lunar_text, yearly_ordinals
from .core import DUE, Window, iso
from .rules import FESTIVAL

CALENDARS = ('solar', 'lunar', 'date')


@dataclass
class FestivalInfo:
    id: int | None = None
    name: str = ''
    calendar: str = 'solar'         # solar, lunar, date
    month: int | None = None
    day: int | None = None
    date: date | None = None        # for calendar == 'date'
    days: int = 1                   # how long it runs
    lead_days: int = 14             # prepare this long ahead
    enabled: bool = True
    note: str = ''

    def cleaned(self) -> 'FestivalInfo':
        """A stripped, validated copy; raises ValidationError naming the field."""
        f = FestivalInfo(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        f.name, f.note = (f.name or '').strip(), (f.note or '').strip()
        if not f.name:
            raise ValidationError('name', '请填写节日名称。')
        if len(f.name) > 32:
            raise ValidationError('name', '节日名称最多 32 个字。')
        if f.calendar not in CALENDARS:
            raise ValidationError('calendar', '日期类型只能是公历、农历或具体日期。')
        if f.calendar == 'date':
            if not isinstance(f.date, date):
                raise ValidationError('date', '请选择具体日期。')
            f.month = f.day = None
        else:
            if not isinstance(f.month, int) or not 1 <= f.month <= 12:
                raise ValidationError('month', '月份须在 1 到 12 之间。')
            top = 30 if f.calendar == 'lunar' else _calendar.monthrange(2000, f.month)[1]
            if not isinstance(f.day, int) or not 1 <= f.day <= top:
                raise ValidationError('day', f'{f.month} 月的日子须在 1 到 {top} 之间。')
            f.date = None
        if not isinstance(f.days, int) or not 1 <= f.days <= 60:
            raise ValidationError('days', '持续天数须在 1 到 60 之间。')
        if not isinstance(f.lead_days, int) or not 0 <= f.lead_days <= 90:
            raise ValidationError('lead_days', '提前准备天数须在 0 到 90 之间。')
        f.enabled = bool(f.enabled)
        return f

    def when_text(self) -> str:
        """'11月11日', '农历七月初七', '2026-01-10'."""
        if self.calendar == 'date':
            return self.date.isoformat() if self.date else ''
        if self.calendar == 'lunar':
            return '农历' + lunar_text(self.month, self.day)
        return f'{self.month}月{self.day}日'


def _info(f: Festival) -> FestivalInfo:
    d = f.date
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return FestivalInfo(f.id, f.name, f.calendar, f.month, f.day, d, f.days, f.lead_days,
                        bool(f.enabled), f.note)


def list_festivals(enabled_only: bool = False) -> list[FestivalInfo]:
    q = Festival.select().order_by(Festival.id)
    if enabled_only:
        q = q.where(Festival.enabled == True)  # noqa: E712 (peewee expression)
    return [_info(f) for f in q]


def save_festival(info: FestivalInfo) -> int:
    f = info.cleaned()
    values = dict(name=f.name, calendar=f.calendar, month=f.month, day=f.day, date=f.date,
                  days=f.days, lead_days=f.lead_days, enabled=f.enabled, note=f.note)
    with db.atomic():
        if f.id is None:
            return Festival.create(**values).id
        if not Festival.update(**values).where(Festival.id == f.id).execute():
            raise UserError('这个节日已被删除')
        return f.id


def delete_festival(festival_id: int) -> None:
    with db.atomic():
        Festival.delete().where(Festival.id == festival_id).execute()


def restore_defaults() -> int:
    """Add back the built-in festivals whose names are missing; returns how many."""
    have = {f.name for f in Festival.select(Festival.name)}
    missing = [dict(name=n, calendar=c, month=m, day=d, days=length, lead_days=lead)
               for n, c, m, d, length, lead in DEFAULT_FESTIVALS if n not in have]
    if missing:
        with db.atomic():
            Festival.insert_many(missing).execute()
    return len(missing)


def occurrences(f: FestivalInfo, first: int, last: int) -> list[tuple[int, str]]:
    """(ordinal of the first day, note) of each time `f` starts within [first, last]."""
    if f.calendar == 'date':
        o = f.date.toordinal() if f.date else None
        return [(o, '')] if o is not None and first <= o <= last else []
    return yearly_ordinals(f.calendar, f.month, f.day, False, first, last)


def next_date(f: FestivalInfo, today: date) -> date | None:
    """The next first day on or after today (within two years)."""
    o = today.toordinal()
    hits = occurrences(f, o, o + 800)
    return date.fromordinal(hits[0][0]) if hits else None


def collect(win: Window, festivals: list[FestivalInfo], out: list) -> None:
    """Festival reminders are due from lead_days before the first day through the last
    day of the festival; they are never overdue (a festival that is over needs nothing)."""
    marks = win.marks.get(FESTIVAL)
    for f in festivals:
        if not f.enabled:
            continue
        first, last = win.occasion_range(FESTIVAL, f.lead_days)
        if win.mode == DUE:
            first -= f.days - 1             # started before the window, still running
        for occ, note in occurrences(f, first, last):
            occasion = f'{iso(occ)}#{f.id}'
            mark = win.keep(marks, None, occasion, occ, f.lead_days, occ + f.days - 1)
            if mark is None:
                continue
            length = f'，持续 {f.days} 天' if f.days > 1 else ''
            moved = f'（{note}）' if note else ''
            reason = f'{f.name} {f.when_text()}{moved}{length}，提前 {f.lead_days} 天准备'
            out.append(win.make(FESTIVAL, occ, occasion, None, reason, f.lead_days, mark,
                                name=f.name))
