"""Opt-outs: the list by hand and by the SMS platform's report, the one SQL condition, and
an opted-out buyer absent from every audience count, campaign sheet and reminder export."""
import csv
from datetime import date, datetime

import openpyxl
import pytest

from models import Customer
from models.consent import OptOut
from services import consent, exporting, reminders
from services.campaigns import audiences as aud
from services.campaigns import sending, store
from services.campaigns.profile import ShopProfile, save_profile
from services.campaigns.template_store import TemplateInfo, save_template
from services.customers import delete_customers
from services.errors import UserError, ValidationError
from services.member_query import MemberFilter
from services.reminders.export import export_reminder_list
from services.tasks import Cancelled

DAY = date(2026, 3, 1)


def opted(channel):
    return sorted(c.nick for c in Customer.select().where(consent.opted_out(channel)))


def read_csv(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


# --- the list and the condition -----------------------------------------------------------

def test_a_number_matches_phone_and_phone2_in_any_spelling_but_never_a_masked_one(
        make_customer):
    make_customer('main', phone='13900002222')
    make_customer('second', phone='0571-88886666', phone2='+86 139-0000-2222')
    make_customer('spaced', phone='139 0000 2222')
    make_customer('masked', phone='139****2222')
    make_customer('other', phone='13900003333')
    assert consent.add_phone_optout('+86 139 0000 2222') is True
    assert OptOut.get().phone == '13900002222'              # stored as bare digits
    assert opted('sms') == ['main', 'second', 'spaced']
    assert opted('phone') == [] and opted('wechat') == []


def test_a_customer_link_opts_out_one_channel(make_customer):
    amy = make_customer('amy', phone='13800001111')
    make_customer('bob', phone='13800002222')
    assert consent.add_optout(amy, 'phone', '电话里说别再打') is True
    assert consent.add_optout(amy, 'phone') is False          # twice adds nothing
    assert OptOut.select().count() == 1
    assert opted('phone') == ['amy'] and opted('sms') == []
    assert consent.channels_of(amy) == ['phone']


def test_masked_and_junk_numbers_are_refused(database):
    with pytest.raises(ValidationError, match='打码'):
        consent.add_phone_optout('138****1234')
    with pytest.raises(ValidationError, match='11 位'):
        consent.add_phone_optout('0571-88886666')
    with pytest.raises(ValidationError, match='渠道'):
        consent.add_phone_optout('13800001111', 'fax')
    assert OptOut.select().count() == 0


def test_removing_a_buyer_takes_their_numbers_off_that_channel_only(make_customer):
    amy = make_customer('amy', phone='13800001111', phone2='13800009999')
    consent.add_optout(amy, 'sms')
    consent.add_phone_optout('13800009999', 'sms')
    consent.add_phone_optout('13800001111', 'phone')
    consent.add_phone_optout('13700000000', 'sms')            # someone else's number
    assert consent.remove_optout(amy, 'sms') == 2
    assert sorted((o.channel, o.phone) for o in OptOut.select()) == [
        ('phone', '13800001111'), ('sms', '13700000000')]
    assert consent.channels_of(amy) == ['phone']


def test_list_search_and_channels_for(make_customer):
    amy = make_customer('tb_amy', name='王芳', phone='13800001111')
    bob = make_customer('tb_bob', phone='13800002222')
    consent.add_optout(amy, 'wechat', '不要拉群')
    consent.add_phone_optout('13800002222', 'sms')
    consent.add_phone_optout('13800002222', 'phone')
    rows, total = consent.list_optouts()
    assert total == 3 and {r.channel for r in rows} == {'sms', 'phone', 'wechat'}
    rows, total = consent.list_optouts(text='王芳')
    assert total == 1 and (rows[0].customer_id, rows[0].nick, rows[0].reason) == (
        amy, 'tb_amy', '不要拉群')
    rows, total = consent.list_optouts('sms', '0000222')
    assert total == 1 and rows[0].phone == '13800002222'
    assert consent.channels_for([amy, bob]) == {amy: ['wechat'], bob: ['sms', 'phone']}
    assert consent.entry_counts() == {'sms': 1, 'phone': 1, 'wechat': 1}
    consent.remove_optout_ids([r.id for r in consent.list_optouts('phone')[0]])
    assert consent.channels_of(bob) == ['sms']


def test_the_condition_composes_with_other_conditions_in_one_query(make_customer):
    for i in range(6):
        make_customer(f'b{i}', platform='pdd' if i % 2 else 'taobao', phone=f'1380000000{i}')
    consent.add_phone_optout('13800000001')
    consent.add_phone_optout('13800000002')
    n = Customer.select().where(Customer.platform == 'pdd', consent.opted_out('sms')).count()
    assert n == 1
    deleted = Customer.get(Customer.nick == 'b1').id
    delete_customers([deleted])
    live = Customer.select().where(Customer.id.in_(consent.opted_out_ids('sms'))).count()
    assert live == 1 and consent.count_opted_out('sms') == 1


# --- the SMS platform's report ------------------------------------------------------------

def write_csv(path, rows, encoding='utf-8-sig'):
    with open(path, 'w', encoding=encoding, newline='') as f:
        csv.writer(f).writerows(rows)
    return path


def test_report_import_reads_replies_and_reports_what_it_cannot_match(make_customer, tmp_path):
    amy = make_customer('amy', phone='13800001111')
    make_customer('bob', phone='021-5555', phone2='13800002222')
    make_customer('cat', phone='13800003333')
    path = write_csv(tmp_path / '退订回复.csv', [
        ['序号', '手机号码', '回复内容', '回复时间'],
        ['1', '+86 138 0000 1111', 'TD', '2026-02-01 10:00:00'],
        ['2', '13800002222', '退订！', '2026/2/2 9:05'],
        ['3', '13800003333', '好的谢谢', '2026-02-03 08:00:00'],    # not an opt-out
        ['4', '138****4444', 'R', ''],                                 # masked
        ['5', '12345', 'R', ''],                                       # not a mobile
        ['6', '13800001111', 'r', ''],                                 # repeated
        ['7', '13900009999', 't', ''],                                 # nobody's number
    ])
    r = consent.import_report(path)
    assert (r.rows, r.added, r.already, r.not_opt_out) == (7, 3, 1, 1)
    assert (r.masked_count, r.masked, r.invalid_count, r.invalid) == (
        1, [(5, '138****4444')], 1, [(6, '12345')])
    assert r.buyers == 2 and r.phone_column == '手机号码'
    first = OptOut.get(OptOut.phone == '13800001111')
    assert (first.source, first.reason, first.replied_at) == (
        'report', '回复：TD', datetime(2026, 2, 1, 10, 0))
    assert opted('sms') == ['amy', 'bob']
    assert consent.channels_of(amy) == ['sms']
    again = consent.import_report(path)                            # idempotent
    assert (again.added, again.already, again.buyers) == (0, 4, 0)
    assert OptOut.select().count() == 3


def test_report_without_header_or_with_an_odd_header_is_read_by_content(make_customer,
                                                                        tmp_path):
    make_customer('amy', phone='13800001111')
    make_customer('bob', phone='13800002222')
    only = tmp_path / 'numbers.txt'
    only.write_text('13800001111\n\n138-0000-2222\n', encoding='gbk')
    r = consent.import_report(only)
    assert (r.rows, r.added) == (2, 2)
    OptOut.delete().execute()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(['客户', '备注'])
    ws.append([13800001111, '退订'])                               # a number cell
    ws.append(['13800002222', 'TD'])
    wb.save(tmp_path / 'report.xlsx')
    r = consent.import_report(tmp_path / 'report.xlsx')
    assert (r.rows, r.added, r.phone_column) == (2, 2, '客户')
    OptOut.delete().execute()
    path = write_csv(tmp_path / 'no-header.csv', [['13800001111', 'TD'],
                                                  ['13800002222', 'R']])
    r = consent.import_report(path)
    assert (r.rows, r.added) == (2, 2)


def test_report_import_is_all_or_nothing(make_customer, tmp_path):
    path = write_csv(tmp_path / 'r.csv', [['手机号'], *[[f'138{i:08d}'] for i in range(12000)]])
    calls = []

    def cancel_late():
        calls.append(1)
        return len(calls) > 3
    with pytest.raises(Cancelled):
        consent.import_report(path, cancelled=cancel_late)
    assert OptOut.select().count() == 0
    with pytest.raises(UserError, match='找不到手机号'):
        consent.import_report(write_csv(tmp_path / 'x.csv', [['名字', '金额'], ['王芳', '3']]))
    assert consent.import_report(path).added == 12000


# --- honoured everywhere --------------------------------------------------------------------

@pytest.fixture
def shop(make_customer, make_order):
    save_profile(ShopProfile('小鹿母婴', '小鹿母婴'))
    ids = dict(
        amy=make_customer('tb_amy', name='王芳', phone='13800001111', wechat='wx_amy',
                          birth_kind='solar', birth_month=3, birth_day=8),
        bob=make_customer('tb_bob', name='李强', phone='0571-88886666',
                          phone2='13800002222', birth_kind='solar', birth_month=3,
                          birth_day=8),
        cat=make_customer('tb_cat', name='张静', phone='13800003333', birth_kind='solar',
                          birth_month=3, birth_day=8),
    )
    for cid in ids.values():
        make_order(cid, 500_00, paid_at=datetime(2026, 2, 18, 10, 0))   # callbacks 03-05
    from services import customer_stats
    customer_stats.refresh()
    return ids


def sms_campaign(channel='sms'):
    tid = save_template(TemplateInfo(name=f't{channel}', channel=channel, body='{姓名}你好',
                                     signature=channel == 'sms', opt_out=channel == 'sms'))
    cid = store.create_campaign(store.NewCampaign(
        '春季', [store.StageInfo(name='问候', date=DAY, template_id=tid)]))
    return cid, store.get_campaign(cid).stages[0].id


def test_sms_sheet_leaves_the_opted_out_to_the_second_file_and_counts_them(shop, tmp_path):
    consent.add_phone_optout('13800002222')                 # bob's phone2
    consent.add_optout(shop['cat'], 'wechat')                # another channel: still texted
    cid, stage = sms_campaign()
    r = sending.export_stage(stage, tmp_path / 'sms.csv', today=DAY)
    assert [row[0] for row in read_csv(tmp_path / 'sms.csv')[1:]] == ['13800001111',
                                                                      '13800003333']
    assert (r.written, r.skipped, r.opted_out, r.capped) == (2, 1, 1, 0)
    skipped = read_csv(r.skipped_path)
    assert [(row[1], row[4]) for row in skipped[1:]] == [('tb_bob', '已退订')]
    assert sending.mark_stage_sent(stage, when=datetime(2026, 3, 1, 9)) == 2


def test_chat_sheet_leaves_out_the_wechat_opted_out(shop, tmp_path):
    consent.add_optout(shop['amy'], 'wechat')
    consent.add_optout(shop['bob'], 'sms')                   # not chat's business
    cid, stage = sms_campaign('wangwang')
    r = sending.export_stage(stage, tmp_path / 'ww.csv', kind=sending.CHAT, today=DAY)
    assert sorted(row[1] for row in read_csv(tmp_path / 'ww.csv')[1:]) == ['tb_bob', 'tb_cat']
    assert (r.written, r.opted_out) == (2, 1)
    assert [(row[1], row[4]) for row in read_csv(r.skipped_path)[1:]] == [('tb_amy', '已退订')]
    assert sending.mark_stage_sent(stage) == 2


def test_plain_id_exports_leave_out_the_opted_out_too(shop, tmp_path):
    consent.add_optout(shop['amy'], 'sms')
    tid = save_template(TemplateInfo(name='t', body='你好', signature=False, opt_out=False))
    from services.campaigns.template_store import get_template
    r = sending.export_sms(tmp_path / 'a.csv', sorted(shop.values()), get_template(tid),
                           today=DAY)
    assert (r.written, r.opted_out) == (2, 1)
    assert '13800001111' not in (tmp_path / 'a.csv').read_text(encoding='utf-8-sig')


def test_audience_sizes_say_how_many_opted_out(shop):
    aid = aud.save_audience(aud.AudienceInfo(name='全部'))
    assert aud.audience_reach(aid) == (3, 0)
    consent.add_phone_optout('13800002222')
    consent.add_optout(shop['cat'], 'sms')
    assert aud.audience_reach(aid) == (3, 2)
    assert aud.audience_reaches() == {aid: (3, 2)}
    assert aud.count_opted_out(MemberFilter(text='王芳')) == 0
    assert aud.count_opted_out(MemberFilter(text='李强')) == 1


def test_reminders_stay_flagged_but_leave_exports_by_their_channel(shop, tmp_path):
    consent.add_optout(shop['amy'], 'sms')       # birthday greetings go by SMS
    consent.add_optout(shop['bob'], 'phone')     # callbacks go by phone
    found = reminders.due_today(date(2026, 3, 5), kinds=('birthday', 'callback'))
    flags = {(r.kind, r.nick): r.opted_out for r in found}
    assert len(found) == 6                        # the owner's tasks are all still there
    assert flags[('birthday', 'tb_amy')] == ('sms',) and flags[('callback', 'tb_bob')] == (
        'phone',) and flags[('birthday', 'tb_cat')] == ()
    out = tmp_path / 'list.csv'
    result = export_reminder_list(out, found)
    rows = {(row[0], row[3]) for row in read_csv(out)[1:]}
    assert rows == {('生日', 'tb_bob'), ('生日', 'tb_cat'), ('回访', 'tb_amy'),
                    ('回访', 'tb_cat')}
    assert (result.written, result.left_out) == (4, {'sms': 1, 'phone': 1})
    assert reminders.export_reminders(out, found) == 4
    consent.add_optout(shop['cat'], 'sms')        # after the list was loaded: still honoured
    result = export_reminder_list(out, found)
    assert (result.written, result.left_out) == (3, {'sms': 2, 'phone': 1})


def test_member_export_keeps_everyone_with_a_column_of_channels(shop, tmp_path):
    consent.add_optout(shop['amy'], 'sms')
    consent.add_optout(shop['amy'], 'wechat')
    consent.add_phone_optout('13800002222', 'phone')
    out = tmp_path / 'members.xlsx'
    assert exporting.export_members(out) == 3
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    col = headers.index('退订')
    by_nick = {row[1].value: row[col].value for row in ws.iter_rows(min_row=2)}
    assert by_nick == {'tb_amy': '短信、微信/旺旺', 'tb_bob': '电话', 'tb_cat': None}


def test_opting_a_buyer_out_covers_their_other_account_with_the_same_mobile(make_customer):
    from services.consent import optouts
    from services.consent.query import opted_out
    from models import Customer
    amy = make_customer('tb_amy', phone='13800001111')
    twin = make_customer('amy_pdd', platform='pdd', phone='138-0000-1111')
    optouts.add_optout(amy, 'sms')
    out = {c.id for c in Customer.select(Customer.id).where(opted_out('sms'))}
    assert out == {amy, twin}
    optouts.remove_optout(amy, 'sms')
    assert not Customer.select().where(opted_out('sms')).exists()
