"""Birthday reminders and the calendar rules behind them (solar, lunar, leap months)."""
from datetime import date

from services import customers, reminders
from services.reminders import birthdays
from services.reminders.calendars import (lunar_day_name, lunar_ordinal, lunar_text,
                                          solar_ordinal, yearly_ordinals)
from services.reminders.rules import ReminderRules


def d(text: str) -> date:
    return date.fromisoformat(text)


def od(text: str) -> int:
    return d(text).toordinal()


# --- the calendar rules ----------------------------------------------------------------

def test_feb_29_falls_on_feb_28_in_common_years():
    assert solar_ordinal(2025, 2, 29)[0] == od('2025-02-28')
    assert solar_ordinal(2025, 2, 29)[1]                 # says it moved
    assert solar_ordinal(2024, 2, 29) == (od('2024-02-29'), '')
    assert solar_ordinal(2100, 2, 29)[0] == od('2100-02-28')     # centuries are common


def test_lunar_new_year_and_festivals_match_the_almanac():
    assert lunar_ordinal(2024, 1, 1)[0] == od('2024-02-10')
    assert lunar_ordinal(2026, 1, 1)[0] == od('2026-02-17')
    assert lunar_ordinal(2025, 7, 7)[0] == od('2025-08-29')      # 七夕
    assert lunar_ordinal(2025, 8, 15)[0] == od('2025-10-06')     # 中秋


def test_a_missing_lunar_30th_falls_back_to_the_29th():
    # Lunar 2025's 腊月 has 29 days: 除夕 is 腊月廿九, 2026-02-16.
    assert lunar_ordinal(2025, 12, 30) == (od('2026-02-16'), '今年腊月只有29天，按廿九')
    # Lunar 2024's 二月 has 30 days, so its 30th stays.
    assert lunar_ordinal(2024, 2, 30) == (od('2024-04-08'), '')


def test_leap_month_dates():
    # 2023 has a leap 2nd month starting 2023-03-22; the ordinary one starts 02-20.
    assert lunar_ordinal(2023, 2, 1, leap=True) == (od('2023-03-22'), '')
    assert lunar_ordinal(2023, 2, 1, leap=False) == (od('2023-02-20'), '')
    # No leap 2nd month in 2024: a leap-month birthday falls on the ordinary month.
    day, note = lunar_ordinal(2024, 2, 1, leap=True)
    assert day == od('2024-03-10') and '今年没有闰二月' in note
    # 2025's 闰六月 has 29 days: leap + 30th falls back twice over.
    assert lunar_ordinal(2025, 6, 30, leap=True)[0] == od('2025-08-22')


def test_lunar_names():
    assert [lunar_day_name(n) for n in (1, 10, 11, 20, 21, 29, 30)] == [
        '初一', '初十', '十一', '二十', '廿一', '廿九', '三十']
    assert lunar_text(4, 8, leap=True) == '闰四月初八'
    assert lunar_text(12, 30) == '腊月三十'


def test_a_lunar_date_late_in_the_year_lands_in_the_next_solar_year():
    # 腊月初一 of lunar 2025 is 2026-01-19: a window over the solar new year finds it.
    hits = yearly_ordinals('lunar', 12, 1, False, od('2025-12-20'), od('2026-01-31'))
    assert hits == [(od('2026-01-19'), '')]
    # ... and a solar window of all 2026 finds the one from lunar 2025, not lunar 2026's.
    hits = yearly_ordinals('lunar', 12, 1, False, od('2026-01-01'), od('2026-12-31'))
    assert [h for h, _ in hits] == [od('2026-01-19')]


# --- birthday reminders ------------------------------------------------------------------

def birthdays_of(start: date, end: date, **kw) -> list:
    return reminders.reminders_between(start, end, kinds=('birthday',), details=True, **kw)


def test_solar_birthday_is_listed_from_the_lead_day_through_overdue(make_customer):
    cid = make_customer('tb_amy', name='王芳', birth_kind='solar', birth_month=3, birth_day=8)
    rules = ReminderRules(birthday_days=7, overdue_days=30)

    def listed(today):
        return [r for r in reminders.due_today(today, kinds=('birthday',), rules=rules)
                if r.customer_id == cid]
    assert listed(d('2026-02-28')) == []                     # 8 days ahead: not yet
    (r,) = listed(d('2026-03-01'))                           # 7 days ahead
    assert (r.date, r.remind_on, r.occasion) == (d('2026-03-08'), d('2026-03-01'), '2026-03-08')
    assert r.nick == 'tb_amy' and r.name == '王芳' and r.reason == '生日 3月8日'
    assert listed(d('2026-04-07')) != []                     # 30 days overdue: still there
    assert listed(d('2026-04-08')) == []                     # 31: dropped off


def test_feb_29_birthday_in_a_common_year(make_customer):
    make_customer('leapling', birth_kind='solar', birth_year=1996, birth_month=2, birth_day=29)
    (r,) = birthdays_of(d('2025-02-01'), d('2025-03-31'))
    assert r.date == d('2025-02-28') and '按2月28日' in r.reason
    (r,) = birthdays_of(d('2028-02-01'), d('2028-03-31'))
    assert r.date == d('2028-02-29')


def test_lunar_30th_birthday_in_a_29_day_month(make_customer):
    make_customer('chuxi', birth_kind='lunar', birth_month=12, birth_day=30)
    (r,) = birthdays_of(d('2026-02-10'), d('2026-02-20'))
    assert r.date == d('2026-02-16') and r.reason.startswith('农历生日 腊月三十')


def test_leap_month_birthday_with_and_without_the_leap_month(make_customer):
    make_customer('leapbaby', birth_kind='lunar', birth_month=6, birth_day=1, birth_leap=True)
    make_customer('plain6', birth_kind='lunar', birth_month=6, birth_day=1)
    found = {(r.nick, r.date) for r in birthdays_of(d('2025-06-01'), d('2026-08-31'))}
    assert found == {
        ('plain6', d('2025-06-25')),                # 2025: ordinary 六月初一
        ('leapbaby', d('2025-07-25')),              # 2025 has 闰六月
        ('plain6', d('2026-07-14')),
        ('leapbaby', d('2026-07-14')),              # 2026 has none: the ordinary month
    }


def test_year_end_window_finds_january_birthdays(make_customer):
    cid = make_customer('newyear', birth_kind='solar', birth_month=1, birth_day=3)
    (r,) = [r for r in reminders.due_today(d('2025-12-28'), kinds=('birthday',))
            if r.customer_id == cid]
    assert r.date == d('2026-01-03')
    # A window over two new years lists both.
    assert [r.date for r in birthdays_of(d('2025-01-01'), d('2026-01-03'))] == [
        d('2025-01-03'), d('2026-01-03')]


def test_recycle_bin_and_blank_birthdays_get_no_reminder(make_customer):
    gone = make_customer('gone', birth_kind='solar', birth_month=5, birth_day=5)
    make_customer('nobirthday')
    customers.delete_customers([gone])
    assert birthdays_of(d('2026-01-01'), d('2026-12-31')) == []


def test_narrow_and_wide_queries_agree(make_customer, monkeypatch):
    """A month asks the index for the month-days it can hold; a year reads everything.
    Both must list the same birthdays, fallbacks included."""
    specs = [('solar', 2, 29, False), ('solar', 12, 31, False), ('solar', 1, 1, False),
             ('lunar', 12, 30, False), ('lunar', 6, 30, True), ('lunar', 2, 30, True),
             ('lunar', 1, 1, False), ('lunar', 11, 30, False), ('solar', 7, 15, False)]
    ids = [make_customer(f'b{i}', birth_kind=kind, birth_month=m, birth_day=day,
                         birth_leap=leap) for i, (kind, m, day, leap) in enumerate(specs)]
    wide = {(r.customer_id, r.date) for r in reminders.occasions_between(
        d('2025-01-01'), d('2026-12-31'), kinds=('birthday',))}
    # Twice each, except 冬月三十: lunar 2024's falls in Dec 2024, lunar 2026's in 2027.
    assert {cid for cid, _ in wide} == set(ids) and len(wide) == 2 * len(specs) - 1
    narrow = set()
    for year in (2025, 2026):
        for month in range(1, 13):
            first = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
            narrow |= {(r.customer_id, r.date) for r in reminders.occasions_between(
                first, date.fromordinal(last), kinds=('birthday',))}
    assert narrow == wide
    # The narrow path really was taken for a month and the wide one for the years.
    seen = []
    real = birthdays._groups
    monkeypatch.setattr(birthdays, '_groups', lambda a, b: seen.append(b - a) or real(a, b))
    reminders.occasions_between(d('2025-03-01'), d('2025-03-31'), kinds=('birthday',))
    assert seen and seen[-1] < birthdays.NARROW_DAYS
