"""Frequency caps: at most N marketing messages per buyer in M days, across campaigns."""
import csv
from datetime import date, datetime

import pytest

from models import ContactLog
from models.campaign import CampaignSend
from services import consent, settings
from services.campaigns import sending, store
from services.campaigns.template_store import TemplateInfo, save_template
from services.consent.caps import ContactCaps
from services.errors import ValidationError

A1, A2, B1, C1 = date(2026, 3, 1), date(2026, 3, 10), date(2026, 3, 20), date(2026, 4, 5)


def at(d: date, hour: int = 9) -> datetime:
    return datetime.combine(d, datetime.min.time()).replace(hour=hour)


def nicks(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return sorted(row[0] for row in list(csv.reader(f))[1:])


def skipped_reasons(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return {row[1]: row[4] for row in list(csv.reader(f))[1:]}


@pytest.fixture
def shop(make_customer):
    tid = save_template(TemplateInfo(name='问候', body='你好', signature=False, opt_out=False))
    ids = {n: make_customer(f'tb_{n}', phone=p) for n, p in
           (('amy', '13800001111'), ('bob', '13800002222'), ('cat', '13800003333'))}
    a = store.create_campaign(store.NewCampaign('A', [
        store.StageInfo(name='一', date=A1, template_id=tid),
        store.StageInfo(name='二', date=A2, template_id=tid)]))
    ids['dan'] = make_customer('tb_dan', phone='13800004444')      # after A: not in it
    ContactLog.create(customer=ids['amy'], at=at(date(2026, 3, 5)), channel='sms',
                      purpose='生日祝福')
    return ids, tid, store.get_campaign(a).stages


def new_campaign(tid, day):
    cid = store.create_campaign(store.NewCampaign(f'C{day}', [
        store.StageInfo(name='一', date=day, template_id=tid)]))
    return store.get_campaign(cid).stages[0].id


def test_caps_validate():
    ContactCaps(0, 30).validate()                        # 0 = no cap
    for bad in (ContactCaps(-1, 30), ContactCaps(2, 0), ContactCaps(51, 30),
                ContactCaps(2, 400), ContactCaps(True, 30), ContactCaps(2, 30, 'yes')):
        with pytest.raises(ValidationError):
            bad.validate()
    assert ContactCaps().on and not ContactCaps(0).on


def test_caps_hold_across_two_campaigns(shop, tmp_path):
    ids, tid, (s1, s2) = shop
    assert settings.load(ContactCaps) == ContactCaps(2, 30, True)    # the default
    assert sending.mark_stage_sent(s1.id, when=at(A1)) == 3
    # Stage two: amy already had A1 and a birthday SMS from the contact log.
    r = sending.export_stage(s2.id, tmp_path / 'a2.csv', today=A2)
    assert nicks(tmp_path / 'a2.csv') == ['13800002222', '13800003333']
    assert (r.written, r.capped, r.opted_out) == (2, 1, 0)
    assert skipped_reasons(r.skipped_path) == {'tb_amy': '已达发送上限'}
    assert sending.mark_stage_sent(s2.id, when=at(A2)) == 2
    assert consent.messages_in_window(ids['amy'], A2) == 2
    assert consent.messages_in_window(ids['bob'], A2) == 2
    # Exporting the marked stage again gives the same sheet: it does not count itself.
    again = sending.export_stage(s2.id, tmp_path / 'a2-again.csv', today=A2)
    assert nicks(tmp_path / 'a2-again.csv') == nicks(tmp_path / 'a2.csv') and again.capped == 1
    # Campaign B ten days later: only dan, new to the shop's messages, goes out.
    b = new_campaign(tid, B1)
    r = sending.export_stage(b, tmp_path / 'b.csv', today=B1)
    assert nicks(tmp_path / 'b.csv') == ['13800004444']
    assert (r.written, r.capped) == (1, 3)
    assert set(skipped_reasons(r.skipped_path).values()) == {'已达发送上限'}
    assert sending.mark_stage_sent(b, when=at(B1)) == 1
    assert [s.customer_id for s in CampaignSend.select().where(CampaignSend.stage == b)] == [
        ids['dan']]


def test_the_window_moves_and_the_contact_log_can_be_left_out(shop, tmp_path):
    ids, tid, (s1, s2) = shop
    sending.mark_stage_sent(s1.id, when=at(A1))
    sending.mark_stage_sent(s2.id, when=at(A2))        # amy held back: bob, cat
    # Thirty days ending 04-05 start 03-07: A1 and the birthday SMS are out of it.
    c = new_campaign(tid, C1)
    r = sending.export_stage(c, tmp_path / 'c.csv', today=C1)
    assert (r.written, r.capped) == (4, 0)
    settings.save(ContactCaps(2, 40, True))             # 40 days: back to 02-25
    r = sending.export_stage(c, tmp_path / 'c.csv', today=C1)
    assert nicks(tmp_path / 'c.csv') == ['13800004444'] and r.capped == 3
    settings.save(ContactCaps(2, 40, False))            # not counting the log: amy has 1
    r = sending.export_stage(c, tmp_path / 'c.csv', today=C1)
    assert nicks(tmp_path / 'c.csv') == ['13800001111', '13800004444'] and r.capped == 2
    settings.save(ContactCaps(0, 40, True))             # no cap
    r = sending.export_stage(c, tmp_path / 'c.csv', today=C1)
    assert (r.written, r.capped) == (4, 0)


def test_a_late_export_counts_up_to_the_day_it_goes_out(shop, tmp_path):
    ids, tid, (s1, s2) = shop
    sending.mark_stage_sent(s1.id, when=at(A1))
    b = new_campaign(tid, date(2026, 3, 2))
    sending.mark_stage_sent(b, when=at(date(2026, 3, 2)))      # amy, bob, cat, dan: 1 each
    # Stage two dated 03-10 but exported on 03-12: sends up to 03-12 count.
    r = sending.export_stage(s2.id, tmp_path / 'late.csv', today=date(2026, 3, 12))
    assert r.written == 0 and r.capped == 3
    # Opted out and capped: the opt-out is the reason given.
    consent.add_optout(ids['amy'], 'sms')
    r = sending.export_stage(s2.id, tmp_path / 'late.csv', today=date(2026, 3, 12))
    assert (r.opted_out, r.capped) == (1, 2)
    assert skipped_reasons(r.skipped_path)['tb_amy'] == '已退订'
