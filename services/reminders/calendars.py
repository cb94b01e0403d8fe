"""Yearly dates on the solar and the lunar calendar (birthdays, festivals).

Dates are handled as proleptic Gregorian ordinals (date.toordinal) so that the
hot loops compare integers. Lunar months come from lunar-python, one table per
lunar year, cached.

Rules for dates a year lacks:
- a solar Feb 29 falls on Feb 28 in a common year;
- a lunar 30th falls on the 29th when that month has 29 days this year;
- a leap-month date falls on the ordinary month of that number in a year without
  that leap month; an ordinary-month date always stays in the ordinary month.
"""
from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

# date.toordinal() == Julian day number - this (JD 2459967 is 2023-01-22).
_JD_OFFSET = 1721425
LUNAR_MONTHS = ('正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月',
                '冬月', '腊月')
_TENS = ('初', '十', '廿')
_UNITS = ('一', '二', '三', '四', '五', '六', '七', '八', '九', '十')
FIRST_YEAR, LAST_YEAR = 1901, 2099      # a shop's dates never leave this range


def lunar_day_name(day: int) -> str:
    """1 -> 初一, 10 -> 初十, 20 -> 二十, 21 -> 廿一, 30 -> 三十."""
    if day == 20:
        return '二十'
    if day == 30:
        return '三十'
    return _TENS[(day - 1) // 10] + _UNITS[(day - 1) % 10]


def lunar_month_name(month: int, leap: bool = False) -> str:
    return ('闰' if leap else '') + LUNAR_MONTHS[month - 1]


def lunar_text(month: int, day: int, leap: bool = False) -> str:
    """'闰四月初八', as a calendar writes a lunar date."""
    return lunar_month_name(month, leap) + lunar_day_name(day)


@lru_cache(maxsize=256)
def lunar_year(year: int) -> dict[tuple[int, bool], tuple[int, int]]:
    """(month, is_leap) -> (ordinal of its first day, days in it) for one lunar year."""
    from lunar_python import LunarYear   # lazy: only reminders need it
    out = {}
    for m in LunarYear.fromYear(year).getMonthsInYear():
        month = m.getMonth()
        out[(abs(month), month < 0)] = (int(m.getFirstJulianDay()) - _JD_OFFSET,
                                        m.getDayCount())
    return out


def lunar_ordinal(year: int, month: int, day: int, leap: bool = False) -> tuple[int, str]:
    """The solar ordinal of a lunar date in lunar `year`, and a note when it was moved."""
    months = lunar_year(year)
    note = ''
    if leap and (month, True) not in months:
        leap = False
        note = f'今年没有{lunar_month_name(month, True)}，按{lunar_month_name(month)}'
    first, count = months[(month, leap)]
    if day > count:
        note = (note + '；' if note else '') + (
            f'今年{lunar_month_name(month, leap)}只有{count}天，按{lunar_day_name(count)}')
        day = count
    return first + day - 1, note


def solar_ordinal(year: int, month: int, day: int) -> tuple[int, str]:
    """The ordinal of month-day in `year`; a day the month lacks (Feb 29) takes its last day."""
    last = calendar.monthrange(year, month)[1]
    if day > last:
        return date(year, month, last).toordinal(), f'今年没有{month}月{day}日，按{month}月{last}日'
    return date(year, month, day).toordinal(), ''


def yearly_ordinals(kind: str, month: int, day: int, leap: bool,
                    first: int, last: int) -> list[tuple[int, str]]:
    """Every (ordinal, note) of a yearly date with first <= ordinal <= last.

    kind is 'solar' or 'lunar'; a lunar year starts in Jan/Feb and ends in the next
    solar year, so the lunar year before the first solar year is looked at too.
    """
    y0, y1 = date.fromordinal(first).year, date.fromordinal(last).year
    if kind == 'lunar':
        years = range(max(FIRST_YEAR, y0 - 1), min(LAST_YEAR, y1) + 1)
        hits = [lunar_ordinal(y, month, day, leap) for y in years]
    else:
        hits = [solar_ordinal(y, month, day) for y in range(y0, y1 + 1)]
    return [h for h in hits if first <= h[0] <= last]


def lunar_days_between(first: int, last: int) -> set[tuple[int, int]]:
    """Lunar (month, day) pairs a yearly lunar date may have to land in [first, last].

    Includes day 30 where a 29-day month ends in the range (the 30th falls back to
    it); leap and ordinary months share their numbers, so leap dates are covered.
    """
    y0, y1 = date.fromordinal(first).year, date.fromordinal(last).year
    pairs = set()
    for y in range(max(FIRST_YEAR, y0 - 1), min(LAST_YEAR, y1) + 1):
        for (month, _leap), (start, count) in lunar_year(y).items():
            lo, hi = max(first, start), min(last, start + count - 1)
            for o in range(lo, hi + 1):
                pairs.add((month, o - start + 1))
            if count == 29 and lo <= start + 28 <= hi:
                pairs.add((month, 30))
    return pairs


def solar_days_between(first: int, last: int) -> set[tuple[int, int]]:
    """Solar (month, day) pairs landing in [first, last], Feb 29 included on a common Feb 28."""
    pairs = set()
    for o in range(first, last + 1):
        d = date.fromordinal(o)
        pairs.add((d.month, d.day))
        if d.month == 2 and d.day == 28 and not calendar.isleap(d.year):
            pairs.add((2, 29))
    return pairs
