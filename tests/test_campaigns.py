"""Campaigns: snapshot and control group at creation, stages, marks, and result attribution."""
from datetime import date, datetime, timedelta

import pytest

from models import REFUNDED
from models.campaign import CampaignMember, CampaignSend
from services import customer_stats, customers
from services.campaigns import audiences as aud
from services.campaigns import results, sending, store, winback
from services.campaigns.template_store import TemplateInfo, save_template
from services.errors import UserError, ValidationError
from services.member_query import MemberFilter

STAGE1, STAGE2 = date(2026, 3, 1), date(2026, 3, 10)
TODAY = date(2026, 4, 1)


@pytest.fixture
def sms(database):
    return save_template(TemplateInfo(name='想念', body='{姓名}，好久不见', signature=False))


def stages(template_id, *days):
    return [store.StageInfo(name=f'第{i}步', date=d, template_id=template_id)
            for i, d in enumerate(days, 1)]


def at(d: date, hour: int = 12) -> datetime:
    return datetime.combine(d, datetime.min.time()).replace(hour=hour)


@pytest.fixture
def buyers(make_customer):
    return [make_customer(f'tb_{i:02d}', phone=f'1380000{i:04d}') for i in range(10)]


# --- creation -------------------------------------------------------------------------------

def test_control_group_is_a_reproducible_random_share():
    ids = list(range(1, 101))
    a = store.draw_control(ids, 20, seed=7)
    assert len(a) == 20 and a == store.draw_control(list(reversed(ids)), 20, seed=7)
    assert a != store.draw_control(ids, 20, seed=8)
    assert store.draw_control(ids, 0, seed=7) == set()
    assert len(store.draw_control(ids[:3], 10, seed=1)) == 0      # round(0.3)


def test_create_snapshots_the_audience_so_later_changes_move_no_one(buyers, sms, make_customer):
    aid = aud.save_audience(aud.AudienceInfo(name='全部'))
    cid = store.create_campaign(store.NewCampaign(
        '春季', stages(sms, STAGE2, STAGE1), audience_id=aid, control_percent=20, seed=3))
    c = store.get_campaign(cid)
    assert (c.targets, c.control, c.audience_name) == (8, 2, '全部')
    assert [s.date for s in c.stages] == [STAGE1, STAGE2]         # ordered by date
    control = set(store.target_ids(cid, control=True))
    assert control == store.draw_control(buyers, 20, 3)
    make_customer('tb_new')                                       # joins the audience later
    aud.delete_audience(aid)
    assert CampaignMember.select().where(CampaignMember.campaign == cid).count() == 10
    assert store.get_campaign(cid).audience_id is None


def test_create_refuses_bad_input(buyers, sms):
    with pytest.raises(ValidationError, match='名称'):
        store.create_campaign(store.NewCampaign(' ', stages(sms, STAGE1)))
    with pytest.raises(ValidationError, match='至少'):
        store.create_campaign(store.NewCampaign('x', []))
    offer = stages(sms, STAGE1)
    offer[0].offer = True
    with pytest.raises(ValidationError, match='优惠券'):
        store.create_campaign(store.NewCampaign('x', offer))
    with pytest.raises(ValidationError, match='对照组'):
        store.create_campaign(store.NewCampaign('x', stages(sms, STAGE1), control_percent=80))
    with pytest.raises(UserError, match='没有顾客'):
        store.create_campaign(store.NewCampaign('x', stages(sms, STAGE1),
                                                filter=MemberFilter(platform='pdd')))


def test_editing_keeps_sent_stages_fixed(buyers, sms):
    cid = store.create_campaign(store.NewCampaign('x', stages(sms, STAGE1, STAGE2)))
    c = store.get_campaign(cid)
    sending.mark_stage_sent(c.stages[0].id, when=at(STAGE1))
    c.stages[0].date = STAGE1 + timedelta(days=1)
    with pytest.raises(UserError, match='已发送'):
        store.update_campaign(c)
    c = store.get_campaign(cid)
    c.stages[1].date = date(2026, 3, 12)
    c.stages.append(store.StageInfo(name='加推', date=date(2026, 3, 5), template_id=sms))
    c.name, c.coupon = '改名', '满99减10元券'
    store.update_campaign(c)
    c = store.get_campaign(cid)
    assert [(s.seq, s.name, s.date) for s in c.stages] == [
        (1, '第1步', STAGE1), (2, '加推', date(2026, 3, 5)), (3, '第2步', date(2026, 3, 12))]
    assert (c.name, c.coupon, c.state) == ('改名', '满99减10元券', store.RUNNING)


def test_mark_sent_records_reachable_buyers_and_can_be_undone(make_customer, sms, database):
    ok = make_customer('tb_ok', phone='13800001111')
    make_customer('pdd_masked', platform='pdd', phone='138****2222')
    make_customer('tb_none')
    twin = make_customer('tb_twin', phone='138 0000 1111')          # same number as ok
    cid = store.create_campaign(store.NewCampaign('x', stages(sms, STAGE1)))
    stage = store.get_campaign(cid).stages[0]
    assert sending.mark_stage_sent(stage.id, when=at(STAGE1)) == 1
    sent = [(r.customer_id, r.channel, r.at) for r in CampaignSend.select()]
    assert sent == [(ok, 'sms', at(STAGE1))]
    c = store.get_campaign(cid)
    assert (c.state, c.stages[0].sent_count, c.stages[0].sent_at) == (store.DONE, 1, at(STAGE1))
    with pytest.raises(UserError, match='已标记'):
        sending.mark_stage_sent(stage.id)
    sending.unmark_stage_sent(stage.id)
    assert CampaignSend.select().count() == 0
    assert store.get_campaign(cid).state == store.DRAFT
    assert twin not in [r.customer_id for r in CampaignSend.select()]


def test_chat_stage_records_every_target(buyers, database):
    ww = save_template(TemplateInfo(name='旺旺', channel='wangwang', body='亲', signature=False,
                                    opt_out=False))
    cid = store.create_campaign(store.NewCampaign('x', stages(ww, STAGE1), control_percent=10,
                                                  seed=1))
    assert sending.mark_stage_sent(store.get_campaign(cid).stages[0].id) == 9


# --- results --------------------------------------------------------------------------------

@pytest.fixture
def campaign(make_customer, make_order, sms):
    """Ten targets and ten held out (seeded), two stages; orders placed per test."""
    for i in range(20):
        make_customer(f'tb_{i:02d}')
    cid = store.create_campaign(store.NewCampaign(
        '回购', stages(sms, STAGE1, STAGE2), control_percent=50, window_days=7, seed=11))
    return dict(id=cid, targets=store.target_ids(cid), control=store.target_ids(cid, True),
                order=make_order)


def line(lines, stage_name):
    return next(r for r in lines if r.name == stage_name)


def test_orders_count_only_inside_the_window_completed_and_once_per_buyer(campaign):
    t, order = campaign['targets'], campaign['order']
    order(t[0], 100_00, paid_at=at(STAGE1, 0))                   # first minute: counts
    order(t[0], 50_00, paid_at=at(STAGE1 + timedelta(days=3)))   # same buyer again: once
    order(t[1], 70_00, paid_at=at(STAGE1 - timedelta(days=1), 23))   # before: no
    order(t[2], 80_00, paid_at=at(STAGE1 + timedelta(days=7), 0))    # day 8: no
    order(t[3], 90_00, paid_at=at(STAGE1 + timedelta(days=6), 23))   # day 7: yes
    order(t[4], 60_00, paid_at=at(STAGE1 + timedelta(days=1)), completed=False,
          status=REFUNDED)                                            # refunded: no
    r = line(results.campaign_results(campaign['id'], today=TODAY), '第1步')
    assert (r.first_day, r.last_day) == (STAGE1, STAGE1 + timedelta(days=6))
    assert (r.target.members, r.target.buyers, r.target.orders, r.target.revenue) == (
        10, 2, 3, 240_00)
    assert r.target.rate == pytest.approx(0.2) and r.finished


def test_control_group_and_uplift(campaign):
    t, c, order = campaign['targets'], campaign['control'], campaign['order']
    for cid in t[:3]:
        order(cid, 100_00, paid_at=at(STAGE2 + timedelta(days=1)))
    order(c[0], 200_00, paid_at=at(STAGE2 + timedelta(days=2)))
    r = line(results.campaign_results(campaign['id'], today=TODAY), '第2步')
    assert (r.target.buyers, r.control.buyers, r.control.members) == (3, 1, 10)
    assert r.uplift == pytest.approx(20.0)                       # 30% - 10%
    assert r.extra_revenue == 300_00 - 200_00
    first = line(results.campaign_results(campaign['id'], today=TODAY), '第1步')
    assert first.target.buyers == 0                              # window 3-1..3-7 is empty
    whole = line(results.campaign_results(campaign['id'], today=TODAY), '整个活动')
    assert (whole.first_day, whole.last_day) == (STAGE1, STAGE2 + timedelta(days=6))
    assert (whole.target.buyers, whole.control.buyers) == (3, 1)
    back = results.returned_buyers(campaign['id'], STAGE2, 7)
    assert [(b.customer_id, b.in_control, b.revenue) for b in back][0] == (c[0], True, 200_00)
    assert len(back) == 4


def test_no_control_means_no_uplift_and_deleted_buyers_leave_results(campaign, make_customer,
                                                                      make_order, sms):
    ids = store.target_ids(campaign['id']) + store.target_ids(campaign['id'], True)
    cid = store.create_campaign(store.NewCampaign('无对照', stages(sms, STAGE1)))
    make_order(ids[0], 100_00, paid_at=at(STAGE1))
    r = results.campaign_results(cid, today=STAGE1)[0]
    assert r.control is None and r.uplift is None and not r.finished
    assert (r.target.members, r.target.buyers) == (20, 1)
    customers.delete_customers([ids[0]])
    r = results.campaign_results(cid, today=TODAY)[0]
    assert (r.target.members, r.target.buyers) == (19, 0)


# --- win-back -------------------------------------------------------------------------------

def test_winback_campaign_from_a_festival(make_customer, make_order, database):
    asleep = make_customer('tb_asleep')
    make_order(asleep, 100_00, paid_at=datetime(2025, 6, 1))
    active = make_customer('tb_active')
    make_order(active, 100_00, paid_at=datetime(2026, 5, 1))
    customer_stats.refresh()
    today = date(2026, 5, 20)
    promos = winback.upcoming_promotions(today)
    p618 = next(p for p in promos if p.name == '618')
    assert p618.date == date(2026, 6, 18) and promos == sorted(promos, key=lambda p: p.date)
    new = winback.winback_campaign(p618, today, coupon='满199减30元券')
    assert [(s.name, s.date, s.offer) for s in new.stages] == [
        ('想念问候', date(2026, 6, 11), False), ('优惠召回', date(2026, 6, 16), True)]
    cid = store.create_campaign(new, today=today)
    c = store.get_campaign(cid)
    assert (c.kind, c.audience_name, c.targets + c.control) == ('winback', '沉睡180天以上', 1)
    assert store.target_ids(cid) + store.target_ids(cid, True) == [asleep]
    # The same saved audience serves the next one; a stage already past moves to today.
    late = winback.winback_campaign(winback.Promotion('快闪', date(2026, 5, 23)), today)
    assert late.audience_id == new.audience_id
    assert [s.date for s in late.stages] == [today, date(2026, 5, 21)]
    with pytest.raises(UserError, match='已经过了'):
        winback.winback_campaign(winback.Promotion('旧', date(2026, 5, 1)), today)
