"""Birthday reminders, solar or lunar.

There are at most ~1,100 distinct birthdays (366 solar month-days, 12 x 30 x
leap-or-not lunar ones), so each distinct one is turned into solar dates once,
and the customers sharing it come from SQL as one comma-joined list of ids:
a year for 200,000 customers is one grouped query, not a lunar conversion each.
"""
from __future__ import annotations

from models import Customer

from .calendars import (lunar_days_between, lunar_text, solar_days_between,
                        yearly_ordinals)
from models.dialect import ids_sql, postgres
from .core import Reminder, Window, rows, table
from .rules import BIRTHDAY, ReminderRules

# Up to this many days of occasions, the query asks the (birth_month, birth_day)
# index for the month-days that can land there; a longer span reads every birthday.
NARROW_DAYS = 100


def collect(win: Window, rules: ReminderRules, out: list) -> None:
    lead = rules.birthday_days
    first, last = win.occasion_range(BIRTHDAY, lead)
    marks = win.marks.get(BIRTHDAY)
    for kind, month, day, leap, ids in _groups(first, last):
        hits = yearly_ordinals(kind, month, day, bool(leap), first, last)
        if not hits:
            continue
        label = (f'农历生日 {lunar_text(month, day, bool(leap))}' if kind == 'lunar'
                 else f'生日 {month}月{day}日')
        cids = list(map(int, ids.split(',')))
        for occ, note in hits:
            occasion = win.isos[occ]
            reason = f'{label}（{note}）' if note else label
            plain = win.keep(None, None, occasion, occ, lead) is not None
            todo = cids
            if marks:
                marked = [cid for cid in cids if (cid, occasion) in marks]
                for cid in marked:
                    win.add(out, BIRTHDAY, marks, lead, occ, occasion, cid, reason)
                if marked:
                    done = set(marked)
                    todo = [cid for cid in cids if cid not in done]
            if plain:
                # One check serves everyone sharing the date and not marked.
                d, ahead = win.days[occ], win.days[occ - lead]
                out.extend([Reminder(BIRTHDAY, d, occasion, cid, reason, ahead)
                            for cid in todo])


def _groups(first: int, last: int) -> list[tuple]:
    """(kind, month, day, leap, 'id,id,...') for live customers with a birthday."""
    where = ''
    if last - first < NARROW_DAYS:
        pairs = solar_days_between(first, last) | lunar_days_between(first, last)
        by_month: dict[int, list[int]] = {}
        for m, d in pairs:
            by_month.setdefault(m, []).append(d)
        # Literal integers we made ourselves; each OR branch is an index range.
        where = ' AND (' + ' OR '.join(
            f'(birth_month = {m} AND birth_day IN ({", ".join(map(str, sorted(ds)))}))'
            for m, ds in sorted(by_month.items())) + ')'
    sql = (f'SELECT birth_kind, birth_month, birth_day, birth_leap, {ids_sql("id")}'
           f' FROM {table(Customer)} WHERE deleted_at IS NULL'
           f" AND birth_kind IN ('solar', 'lunar') AND birth_month BETWEEN 1 AND 12"
           f' AND birth_day BETWEEN 1 AND 31{where}'
           f' GROUP BY birth_kind, birth_month, birth_day, birth_leap')
    if not postgres():
        return rows(sql)
    # The order SQLite's grouping gives, and the ids in order: the same list every time.
    return [(*key, ','.join(map(str, sorted(map(int, ids.split(','))))))
            for *key, ids in rows(sql + ' ORDER BY 1, 2, 3, 4')]
