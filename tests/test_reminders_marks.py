"""Done, skip and snooze; festivals; month counts; settings; exports of reminder lists."""
import csv
from datetime import date

import pytest

from models import ContactLog, Festival, ReminderMark
from services import reminders, settings
from services.errors import UserError, ValidationError
from services.reminders import festivals
from services.reminders.festivals import FestivalInfo
from services.reminders.rules import ReminderRules


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture
def amy(make_customer):
    return make_customer('tb_amy', name='王芳', phone='13800001111', birth_kind='solar',
                         birth_month=3, birth_day=8)


def today_list(day: str, kinds=('birthday',)):
    return reminders.due_today(d(day), kinds=kinds)


# --- marks --------------------------------------------------------------------------------

def test_done_disappears_with_a_contact_log_entry(amy):
    (r,) = today_list('2026-03-05')
    assert reminders.mark_done([r], 'wangwang', '已回复', '送了优惠券') == 1
    assert today_list('2026-03-05') == [] and today_list('2026-03-20') == []
    log = ContactLog.get(ContactLog.customer == amy)
    assert (log.channel, log.purpose, log.result) == ('wangwang', '生日祝福', '已回复')
    assert '送了优惠券' in log.note and '生日 3月8日' in log.note
    mark = ReminderMark.get()
    assert (mark.state, mark.occasion, mark.contact_id) == ('done', '2026-03-08', log.id)
    # Next year is a new occasion.
    (again,) = today_list('2027-03-05')
    assert again.occasion == '2027-03-08'


def test_done_ones_can_still_be_listed_on_request(amy):
    (r,) = today_list('2026-03-05')
    reminders.mark_done([r])
    (shown,) = reminders.reminders_between(d('2026-03-01'), d('2026-03-10'), True,
                                           kinds=('birthday',))
    assert shown.state == 'done'


def test_skip_and_reopen(amy):
    (r,) = today_list('2026-03-05')
    reminders.skip([r])
    assert today_list('2026-03-05') == [] and ContactLog.select().count() == 0
    assert reminders.reopen([r]) == 1
    assert len(today_list('2026-03-05')) == 1


def test_snooze_comes_back_on_its_day(amy):
    (r,) = today_list('2026-03-05')
    reminders.snooze([r], d('2026-03-10'))
    assert today_list('2026-03-05') == [] and today_list('2026-03-09') == []
    (back,) = today_list('2026-03-10')
    assert (back.state, back.until, back.remind_on) == ('snoozed', d('2026-03-10'),
                                                         d('2026-03-10'))
    # Snoozed past the occasion, it stays as long as an overdue one would after `until`.
    reminders.snooze([r], d('2026-04-01'))
    assert today_list('2026-03-31') == []
    assert len(today_list('2026-05-01')) == 1 and today_list('2026-05-02') == []
    # ... and the command line's window finds it on its new day, though its date is older.
    (back,) = reminders.reminders_between(d('2026-04-01'), d('2026-04-03'), kinds=('birthday',))
    assert back.date == d('2026-03-08') and back.remind_on == d('2026-04-01')
    # The calendar still counts it on its own day.
    assert reminders.counts_by_day(2026, 3)[d('2026-03-08')]['birthday'] == 1


def test_snooze_is_limited_and_marking_again_replaces_the_mark(amy):
    (r,) = today_list('2026-03-05')
    with pytest.raises(ValidationError):
        reminders.snooze([r], reminders.snooze_limit(r).replace(day=28))
    reminders.snooze([r], d('2026-03-06'))
    reminders.mark_done([r], 'phone')
    assert [m.state for m in ReminderMark.select()] == ['done']


def test_an_unknown_channel_writes_nothing(amy):
    (r,) = today_list('2026-03-05')
    with pytest.raises(ValidationError):
        reminders.mark_done([r], 'carrier-pigeon')
    assert ContactLog.select().count() == 0 and ReminderMark.select().count() == 0


def test_marks_of_one_customer_leave_others_alone(amy, make_customer):
    make_customer('tb_bob', birth_kind='solar', birth_month=3, birth_day=8)
    first, second = today_list('2026-03-05')
    reminders.mark_done([first])
    assert [r.customer_id for r in today_list('2026-03-05')] == [second.customer_id]


# --- festivals ---------------------------------------------------------------------------------

def test_default_festivals_with_lunar_qixi_and_lead_time(database):
    found = reminders.reminders_between(d('2025-08-01'), d('2025-08-31'), kinds=('festival',))
    qixi = [r for r in found if r.name == '七夕']
    assert [r.date for r in qixi] == [d('2025-08-29')] and qixi[0].customer_id is None
    assert '农历七月初七' in qixi[0].reason
    # 双11 prepares 30 days ahead: on the list from 10-12, not 10-11.
    def double11(day):
        return [r for r in reminders.due_today(d(day), kinds=('festival',)) if r.name == '双11']
    assert double11('2025-10-11') == [] and len(double11('2025-10-12')) == 1


def test_a_festival_is_listed_while_it_runs_and_never_overdue(database):
    def listed(day):
        return {r.name for r in reminders.due_today(d(day), kinds=('festival',))}
    assert '年货节' in listed('2026-01-24')            # 01-10 for 15 days: last day 01-24
    assert '年货节' not in listed('2026-01-25')
    assert '情人节' in listed('2026-02-14') and '情人节' not in listed('2026-02-15')
    # The command line's window sees the same: a running festival overlaps it.
    assert '年货节' in {r.name for r in reminders.reminders_between(
        d('2026-01-20'), d('2026-01-21'), kinds=('festival',))}


def test_festival_done_needs_no_customer(database):
    (r,) = [r for r in reminders.due_today(d('2025-11-01'), kinds=('festival',))
            if r.name == '双11']
    reminders.mark_done([r])
    assert ContactLog.select().count() == 0
    assert not [r for r in reminders.due_today(d('2025-11-01'), kinds=('festival',))
                if r.name == '双11']
    # Marking again replaces the one mark, although a NULL customer is not unique in SQL.
    reminders.skip([r])
    assert ReminderMark.select().count() == 1


def test_edit_festivals(database):
    fid = festivals.save_festival(FestivalInfo(name='店庆', calendar='date', date=d('2026-05-20'),
                                               days=3, lead_days=10))
    (r,) = [r for r in reminders.due_today(d('2026-05-10'), kinds=('festival',))
            if r.name == '店庆']
    assert r.occasion == f'2026-05-20#{fid}' and '持续 3 天' in r.reason
    info = next(f for f in festivals.list_festivals() if f.id == fid)
    info.enabled = False
    festivals.save_festival(info)
    assert not [r for r in reminders.due_today(d('2026-05-10'), kinds=('festival',))
                if r.name == '店庆']
    festivals.delete_festival(fid)
    assert Festival.get_or_none(Festival.id == fid) is None
    with pytest.raises(UserError):
        festivals.save_festival(info)                       # deleted meanwhile


@pytest.mark.parametrize('info, field', [
    (FestivalInfo(name=''), 'name'),
    (FestivalInfo(name='x', calendar='mayan', month=1, day=1), 'calendar'),
    (FestivalInfo(name='x', calendar='solar', month=2, day=30), 'day'),
    (FestivalInfo(name='x', calendar='lunar', month=13, day=1), 'month'),
    (FestivalInfo(name='x', calendar='date'), 'date'),
    (FestivalInfo(name='x', month=1, day=1, lead_days=91), 'lead_days'),
])
def test_festival_validation(database, info, field):
    with pytest.raises(ValidationError) as e:
        festivals.save_festival(info)
    assert e.value.field == field


def test_restore_default_festivals(database):
    Festival.delete().where(Festival.name.in_(['七夕', '618'])).execute()
    assert festivals.restore_defaults() == 2 and festivals.restore_defaults() == 0
    assert festivals.next_date(next(f for f in festivals.list_festivals() if f.name == '七夕'),
                               d('2025-09-01')) == d('2026-08-19')


# --- month counts, rules, export ----------------------------------------------------------------

def test_counts_by_day(amy, make_customer):
    make_customer('lunar1', birth_kind='lunar', birth_month=1, birth_day=20)   # 2026-03-08
    counts = reminders.counts_by_day(2026, 3)
    assert counts[d('2026-03-08')]['birthday'] == 2
    assert counts[d('2026-03-08')]['festival'] == 1                  # 3.8 女王节
    assert d('2026-03-09') not in counts
    (r, _) = reminders.on_day(d('2026-03-08'), kinds=('birthday',))
    reminders.skip([r])
    assert reminders.counts_by_day(2026, 3)[d('2026-03-08')]['birthday'] == 1
    assert [x.state for x in reminders.on_day(d('2026-03-08'), kinds=('birthday',))] == [
        'skipped', '']


def test_rules_round_trip_and_validation(database):
    settings.save(ReminderRules(birthday_days=3, winback_days=90))
    assert reminders.load_rules().birthday_days == 3
    with pytest.raises(ValidationError):
        settings.save(ReminderRules(winback_days=10))
    with pytest.raises(ValidationError):
        settings.save(ReminderRules(callback_repeat_orders=1))


def test_export_csv_is_safe_and_complete(amy, make_customer, tmp_path):
    make_customer('=cmd', name='+SUM(1)', birth_kind='solar', birth_month=3, birth_day=8)
    rows = reminders.reminders_between(d('2026-03-01'), d('2026-03-08'), kinds=('birthday',))
    out = tmp_path / '生日名单.csv'
    assert reminders.export_reminders(out, rows) == 2
    with open(out, encoding='utf-8-sig', newline='') as f:
        table = list(csv.reader(f))
    assert table[0][:6] == ['类型', '日期', '提醒日', '买家会员名', '姓名', '手机']
    body = {r[3]: r for r in table[1:]}
    assert body['tb_amy'][:6] == ['生日', '2026-03-08', '2026-03-01', 'tb_amy', '王芳',
                                  '13800001111']
    assert body["'=cmd"][4] == "'+SUM(1)"           # neutralised, never a formula
    assert body['tb_amy'][-1] == '待办'


def test_export_xlsx_and_refuses_other_suffixes(amy, tmp_path):
    from openpyxl import load_workbook
    rows = reminders.due_today(d('2026-03-05'), kinds=('birthday',))
    assert reminders.export_reminders(tmp_path / 'x.xlsx', rows) == 1
    ws = load_workbook(tmp_path / 'x.xlsx').active
    assert ws['D2'].value == 'tb_amy' and ws['F2'].value == '13800001111'
    with pytest.raises(UserError):
        reminders.export_reminders(tmp_path / 'x.txt', rows)
