"""Saved audiences: stored filters reproduce the member list's counts, deleted buyers stay out."""
import json
from dataclasses import fields
from datetime import date, datetime

import pytest

from models import OrderLine
from models.campaign import Audience
from services import customer_stats, customers, member_query, tags
from services.campaigns import audiences as aud
from services.errors import ValidationError
from services.member_query import MemberFilter

TODAY = date(2026, 3, 5)


@pytest.fixture
def shop(make_customer, make_order, tiers):
    ids = {}
    # nick, platform, birth month, [(paid, amount fen)]
    plan = [('tb_amy', 'taobao', 3, [(datetime(2025, 1, 10), 500_00)]),       # asleep 419 days
            ('tb_bob', 'taobao', 8, [(datetime(2025, 8, 1), 120_00)]),        # asleep 216
            ('pdd_cat', 'pdd', 3, [(datetime(2026, 2, 1), 80_00)]),           # active
            ('tb_dan', 'taobao', None, []),                                   # never bought
            ('tb_eve', 'taobao', 3, [(datetime(2024, 12, 1), 900_00)])]       # asleep, deleted
    for nick, platform, month, orders in plan:
        birth = dict(birth_kind='solar', birth_month=month, birth_day=1) if month else {}
        cid = ids[nick] = make_customer(nick, platform=platform, **birth)
        for paid, amount in orders:
            o = make_order(cid, amount, paid_at=paid, platform=platform)
            OrderLine.create(order=o.id, title='婴儿奶粉 800g' if nick != 'tb_bob' else '湿巾',
                             quantity=1, amount=amount)
    customer_stats.refresh()
    customers.delete_customers([ids['tb_eve']])
    return ids


def _every_field_set() -> MemberFilter:
    """A filter with every field off its default, fields added later included."""
    by_type = {'int': 7, 'str': '奶粉', 'date': date(2025, 1, 2), 'bool': True}
    values = {}
    for fd in fields(MemberFilter):
        kind = str(fd.type).split('|')[0].strip()
        values[fd.name] = by_type[kind]
    values.update(sort='nick', descending=False, deleted=False, last_to=date(2025, 12, 31))
    return MemberFilter(**values)


def test_filter_json_covers_every_field_and_skips_the_sort():
    f = _every_field_set()
    data = json.loads(aud.to_json(f, 180))
    assert data['last_from'] == '2025-01-02' and data['asleep_days'] == 180
    assert 'sort' not in data and 'descending' not in data and 'deleted' not in data
    skipped = {'sort', 'descending', 'deleted'}
    assert {fd.name for fd in fields(MemberFilter)} - skipped <= set(data)
    back, asleep = aud.from_json(aud.to_json(f, 180))
    assert back == f.with_(sort=MemberFilter().sort, descending=MemberFilter().descending)
    assert asleep == 180


def test_unknown_and_bad_stored_keys_are_ignored():
    f, asleep = aud.filter_from_dict({'group_id_from_the_future': 3, 'platform': 'pdd',
                                      'last_to': 'not a date', 'asleep_days': True})
    assert f == MemberFilter(platform='pdd') and asleep is None


def test_saved_filter_reproduces_the_member_list_count(shop):
    f = MemberFilter(birth_month=3, product='奶粉')
    aid = aud.save_audience(aud.AudienceInfo(name='三月生日买奶粉', filter=f))
    # The member list with the same filter: amy and cat (eve is in the recycle bin).
    assert member_query.count(f) == 2
    assert aud.audience_size(aid) == 2
    assert aud.customer_ids(aud.get_audience(aid).filter) == sorted([shop['tb_amy'],
                                                                     shop['pdd_cat']])


def test_asleep_days_is_relative_to_today_and_skips_never_buyers(shop):
    aid = aud.save_audience(aud.AudienceInfo(name='沉睡', asleep_days=180))
    assert aud.audience_size(aid, today=TODAY) == 2              # amy, bob; not dan, not eve
    assert aud.audience_size(aid, today=date(2025, 9, 1)) == 1   # bob was active then
    assert aud.customer_ids(MemberFilter(), 300, TODAY) == [shop['tb_amy']]
    # An explicit earlier bound stays the tighter one.
    f = MemberFilter(last_to=date(2025, 1, 31))
    assert aud.count_filter(f, 180, TODAY) == 1


def test_deleted_customers_are_excluded_even_if_the_filter_asked_for_the_bin(shop):
    assert aud.count_filter(MemberFilter(deleted=True)) == 4      # amy, bob, cat, dan; not eve
    assert shop['tb_eve'] not in aud.customer_ids(MemberFilter(deleted=True))
    customers.delete_customers([shop['tb_amy']])
    assert aud.count_filter(MemberFilter(birth_month=3)) == 1


def test_tag_filter_and_live_size_follow_the_data(shop):
    tag = tags.create_tag('VIP群')
    tags.tag_customers([shop['tb_bob'], shop['tb_dan']], tag)
    aid = aud.save_audience(aud.AudienceInfo(name='群友', filter=MemberFilter(tag_id=tag)))
    assert aud.audience_sizes() == {aid: 2}
    tags.tag_customers([shop['pdd_cat']], tag)
    assert aud.audience_size(aid) == 3
    assert '标签 VIP群' in aud.describe(aud.get_audience(aid).filter)


def test_names_are_checked_rename_and_delete(shop):
    aid = aud.save_audience(aud.AudienceInfo(name='A'))
    aud.save_audience(aud.AudienceInfo(name='B'))
    with pytest.raises(ValidationError, match='已有'):
        aud.rename_audience(aid, 'B')
    with pytest.raises(ValidationError):
        aud.save_audience(aud.AudienceInfo(name='  '))
    with pytest.raises(ValidationError, match='沉睡天数'):
        aud.save_audience(aud.AudienceInfo(name='C', asleep_days=0))
    aud.rename_audience(aid, 'A2')
    assert [a.name for a in aud.list_audiences()] == ['A2', 'B']
    aud.delete_audience(aid)
    assert Audience.select().count() == 1


def test_quality_and_credit_conditions_are_named_and_shown_again(qtbot, database):
    from services.member_query import MemberFilter
    from ui.dialogs.audience_dialog import load_filter_bar
    from ui.widgets.filter_bar import FilterBar
    f = MemberFilter(quality='good', credit_min='diamond1')
    assert aud.describe(f) == '客户质量 优质 · 买家信用≥1钻'
    bar = FilterBar()
    qtbot.addWidget(bar)
    load_filter_bar(bar, f)
    assert (bar.quality.currentData(), bar.credit.currentData()) == ('good', 'diamond1')
