"""Referrals: rules, rewards in the points ledger, Customer.referred_by kept in sync."""
from datetime import date, datetime, timedelta

import pytest

from models import Customer, PointsEntry
from models.group import Referral
from services import points, referrals
from services.customer_stats import refresh
from services.customers import delete_customers, merge_customers, purge_customers
from services.errors import UserError, ValidationError


@pytest.fixture
def abc(make_customer):
    return [make_customer(n, name=f'{n.upper()}姐') for n in ('a', 'b', 'c', 'd')]


def referred_by(cid):
    return Customer.get_by_id(cid).referred_by_id


def test_recording_a_referral_sets_referred_by(abc):
    a, b, *_ = abc
    rid = referrals.record_referral(a, b, at=date(2024, 3, 1), reward='cash', cash=10_00,
                                    note=' 微信红包 ')
    assert referred_by(b) == a and referred_by(a) is None
    info = referrals.referrals_of(b).referred_by
    assert (info.id, info.referrer_nick, info.referred_nick, info.at) == (rid, 'a', 'b',
                                                                          date(2024, 3, 1))
    assert (info.reward, info.cash, info.note, info.points_entry_id) == ('cash', 10_00,
                                                                         '微信红包', None)
    assert [r.referred_id for r in referrals.referrals_of(a).referred] == [b]
    assert referrals.referrals_of(a).referred_by is None
    assert PointsEntry.select().count() == 0


def test_self_referral_is_refused(abc):
    with pytest.raises(UserError, match='不能推荐自己'):
        referrals.record_referral(abc[0], abc[0])


def test_a_buyer_has_one_referrer(abc):
    a, b, c, _ = abc
    referrals.record_referral(a, b)
    with pytest.raises(UserError, match='已登记为“A姐”推荐来的'):
        referrals.record_referral(c, b)
    assert referred_by(b) == a and Referral.select().count() == 1


@pytest.mark.parametrize('chain', [1, 3])
def test_cycles_are_refused(abc, chain):
    # a -> b (-> c -> d): the last one referred cannot have referred a.
    for x, y in zip(abc[:chain], abc[1:chain + 1]):
        referrals.record_referral(x, y)
    with pytest.raises(UserError, match='直接或间接'):
        referrals.record_referral(abc[chain], abc[0])
    assert referred_by(abc[0]) is None


def test_binned_customers_cannot_be_referred(abc):
    a, b, *_ = abc
    delete_customers([b])
    with pytest.raises(UserError, match='回收站'):
        referrals.record_referral(a, b)


@pytest.mark.parametrize('kwargs,message', [
    (dict(reward='points', points=0), '奖励积分'),
    (dict(reward='cash', cash=0), '现金奖励'),
    (dict(reward='coupon'), '奖励只能是'),
    (dict(note='x' * 129), '最多 128'),
    (dict(at=date.today() + timedelta(days=1)), '晚于今天'),
])
def test_bad_input_is_refused(abc, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        referrals.record_referral(abc[0], abc[1], **kwargs)
    assert Referral.select().count() == 0 and referred_by(abc[1]) is None


def test_points_reward_is_a_ledger_bonus_and_is_reversed_on_delete(abc):
    a, b, *_ = abc
    rid = referrals.record_referral(a, b, reward='points', points=200)
    entry = PointsEntry.get(PointsEntry.id == Referral.get_by_id(rid).points_entry_id)
    assert (entry.customer_id, entry.kind, entry.points, entry.source) == (
        a, 'bonus', 200, f'referral:{rid}')
    assert entry.reason.startswith('转介绍')
    assert points.balance(a) == 200 and Customer.get_by_id(a).points == 200
    referrals.delete_referral(rid)
    assert points.balance(a) == 0 and Customer.get_by_id(a).points == 0
    last = points.history(a)[0]
    assert (last.kind, last.points, last.source) == ('adjust', -200, f'referral:{rid}')
    assert referred_by(b) is None and Referral.select().count() == 0


def test_spent_reward_points_are_not_taken_back_unless_kept(abc):
    a, b, *_ = abc
    rid = referrals.record_referral(a, b, reward='points', points=200)
    points.redeem(a, 150, '兑换10元优惠券', 'coupon')
    with pytest.raises(UserError, match='已被使用'):
        referrals.delete_referral(rid)
    assert referred_by(b) == a and points.balance(a) == 50      # nothing changed
    referrals.delete_referral(rid, keep_points=True)
    assert referred_by(b) is None and points.balance(a) == 50
    # The same buyer can now be recorded again, by someone else.
    referrals.record_referral(abc[2], b)
    assert referred_by(b) == abc[2]


def test_deleting_a_missing_referral_says_so(database):
    with pytest.raises(UserError, match='已不存在'):
        referrals.delete_referral(42)


def test_loyalty_counts_the_referral_at_once(abc, make_order):
    """Fixed RFM cuts, no promotions: a's two orders 60 and 50 days ago score R 4 and F
    below 4, so a is 惰性忠诚 until they refer someone (R >= 3 and a referral: 高度忠诚)."""
    from services import settings
    from services.scoring import FIXED, LoyaltyRules, RfmRules
    settings.save(LoyaltyRules(high_score=4, promo_windows=[]))
    settings.save(RfmRules(mode=FIXED))
    a, b, *_ = abc
    for days in (60, 50):
        make_order(a, 100_00, paid_at=datetime.now() - timedelta(days=days))
    refresh(None)
    before = Customer.get_by_id(a).loyalty
    rid = referrals.record_referral(a, b)
    assert (before, Customer.get_by_id(a).loyalty) == ('inertia', 'high')
    referrals.delete_referral(rid)
    assert Customer.get_by_id(a).loyalty == 'inertia'


def test_listing_flags_binned_customers(abc):
    a, b, c, _ = abc
    referrals.record_referral(a, b, at=date(2024, 1, 2))
    referrals.record_referral(a, c, at=date(2024, 1, 1))
    delete_customers([c])
    mine = referrals.referrals_of(a).referred
    assert [(r.referred_nick, r.referred_deleted) for r in mine] == [('c', True), ('b', False)]


def test_erasing_a_customer_removes_their_referrals(abc):
    a, b, c, _ = abc
    referrals.record_referral(a, b, reward='points', points=10)
    referrals.record_referral(b, c)
    delete_customers([b])
    purge_customers([b])
    assert Referral.select().count() == 0
    assert referred_by(c) is None and points.balance(a) == 10


def test_merging_moves_referrals_and_breaks_no_rule(abc):
    a, b, c, d = abc
    referrals.record_referral(a, b)       # b is a duplicate of d
    referrals.record_referral(b, c)
    referrals.record_referral(d, a)       # would close a loop d -> a -> b(=d)
    referrals.fold_into([b], d)
    merge_customers([b], d)
    assert referred_by(c) == d and referred_by(b) is None
    assert referred_by(d) is None                     # the loop was broken
    assert referred_by(a) == d
    pairs = sorted((r.referrer_id, r.referred_id) for r in Referral.select())
    assert pairs == sorted([(d, c), (d, a)])
