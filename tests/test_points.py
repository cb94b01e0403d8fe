"""The points ledger: earning from orders, reversals, redemptions, bonuses, expiry."""
from datetime import datetime, timedelta

import pytest

from models import CLOSED, COMPLETED, REFUNDED, Customer, Order, PointsEntry
from services import customer_stats, settings
from services.errors import UserError, ValidationError
from services.points import (MAX_POINTS, PointsRules, adjust, balance, bonus, expire, history,
                             load_rules, redeem, sync_order_points)

PAID = datetime(2024, 3, 1, 10, 0)
NOW = datetime(2024, 6, 1, 12, 0)


def entries(cid, kind=None):
    q = PointsEntry.select().where(PointsEntry.customer == cid)
    if kind:
        q = q.where(PointsEntry.kind == kind)
    return list(q.order_by(PointsEntry.id))


def cached(cid):
    return Customer.get_by_id(cid).points


def set_status(order, status):
    Order.update(status=status, completed=status == COMPLETED).where(Order.id == order.id).execute()


def give(cid, points, at=datetime(2024, 1, 1)):
    """Credit points by hand (an adjustment) at a given time."""
    return adjust(cid, points, '测试入账', at=at)


# --- rules -------------------------------------------------------------------------------

def test_default_rules_are_valid_and_round_trip():
    PointsRules().validate()
    assert PointsRules.KEY == 'points.rules'


def test_rules_saved_and_loaded(database):
    settings.save(PointsRules(per_yuan=0.5, earn_since='2024-05-01', expiry_days=365,
                              signin_points=3))
    rules = load_rules()
    assert (rules.per_yuan, rules.earn_since, rules.expiry_days, rules.signin_points) == (
        0.5, '2024-05-01', 365, 3)


@pytest.mark.parametrize('field,value', [
    ('per_yuan', -1), ('per_yuan', 100.5), ('per_yuan', 0.0005), ('per_yuan', True),
    ('per_yuan', '1'), ('earn_since', '2024/05/01'), ('earn_since', '2024-02-30'),
    ('expiry_days', -1), ('expiry_days', 3651), ('expiry_days', 1.5),
    ('signin_points', -5), ('birthday_points', MAX_POINTS + 1), ('survey_points', None),
])
def test_bad_rules_are_refused(field, value):
    with pytest.raises(ValidationError) as e:
        PointsRules(**{field: value}).validate()
    assert e.value.field == field


@pytest.mark.parametrize('ratio', [0, 0.001, 0.5, 1, 1.25, 2, 100])
def test_boundary_ratios_are_accepted(ratio):
    PointsRules(per_yuan=ratio).validate()


# --- earning from orders -------------------------------------------------------------------

def test_completed_order_earns_with_reason_source_and_link(make_customer, make_order):
    a = make_customer('a')
    o = make_order(a, 12_34, paid_at=PAID, order_no='TB1001')
    make_order(a, 500_00, completed=False, status='paid', paid_at=PAID)
    assert sync_order_points([a], at=NOW) == 1
    (e,) = entries(a)
    assert (e.kind, e.points, e.order_id, e.created_at) == ('earn', 12, o.id, PAID)
    assert e.reason == '订单 TB1001 消费 ¥12.34'
    assert e.source == 'order:taobao:TB1001'
    customer_stats.refresh([a])
    assert cached(a) == balance(a) == 12


@pytest.mark.parametrize('ratio,amount,earned', [
    (1, 12_34, 12), (1, 99, 0), (1, 100, 1), (0.5, 12_34, 6), (0.5, 199, 0), (0.5, 200, 1),
    (2, 12_34, 24), (1.25, 100_00, 125), (0.001, 1000_00, 1), (0, 999_00, 0),
    (1, 0, 0),
])
def test_ratio_floors_per_order(make_customer, make_order, ratio, amount, earned):
    a = make_customer('a')
    make_order(a, amount)
    sync_order_points([a], PointsRules(per_yuan=ratio))
    assert [e.points for e in entries(a)] == ([earned] if earned else [])
    assert PointsRules(per_yuan=ratio).earned_for(amount) == earned


def test_each_order_earns_once(make_customer, make_order):
    a, b = make_customer('a'), make_customer('b')
    make_order(a, 100_00)
    make_order(b, 200_00)
    assert sync_order_points(None) == 2
    assert sync_order_points(None) == 0
    assert sync_order_points([a, b]) == 0
    assert len(entries(a)) == len(entries(b)) == 1


def test_ids_limit_the_pass_to_those_customers(make_customer, make_order):
    a, b = make_customer('a'), make_customer('b')
    make_order(a, 100_00)
    make_order(b, 200_00)
    sync_order_points([a])
    assert len(entries(a)) == 1 and entries(b) == []
    sync_order_points([])
    assert entries(b) == []


@pytest.mark.parametrize('status,word', [(REFUNDED, '已退款'), (CLOSED, '已关闭'),
                                         ('shipped', '未成交')])
def test_refund_reverses_what_the_order_earned(make_customer, make_order, status, word):
    a = make_customer('a')
    o = make_order(a, 88_80, order_no='TB7')
    make_order(a, 20_00)
    sync_order_points([a], at=NOW)
    set_status(o, status)
    assert sync_order_points([a], at=NOW + timedelta(days=1)) == 1
    rev = entries(a, 'reverse')
    assert [(e.points, e.order_id, e.created_at) for e in rev] == [
        (-88, o.id, NOW + timedelta(days=1))]
    assert rev[0].reason == f'订单 TB7 {word}，冲回积分'
    assert rev[0].source == 'order:taobao:TB7'
    assert sync_order_points([a]) == 0                  # reversed once only
    customer_stats.refresh([a])
    assert cached(a) == balance(a) == 20


def test_recompleted_order_earns_again(make_customer, make_order):
    a = make_customer('a')
    o = make_order(a, 50_00)
    sync_order_points([a], at=NOW)
    set_status(o, REFUNDED)
    sync_order_points([a], at=NOW)
    set_status(o, COMPLETED)
    later = NOW + timedelta(days=3)
    assert sync_order_points([a], at=later) == 1
    assert [(e.kind, e.points) for e in entries(a)] == [('earn', 50), ('reverse', -50),
                                                         ('earn', 50)]
    assert entries(a)[-1].created_at == later          # after its reversal, not at payment
    assert sync_order_points(None) == 0
    assert balance(a) == 50


def test_whole_shop_pass_sees_a_refund_after_a_quiet_pass(make_customer, make_order):
    a, b = make_customer('a'), make_customer('b')
    o = make_order(a, 30_00)
    make_order(b, 40_00)
    sync_order_points(None)
    assert sync_order_points(None) == 0
    set_status(o, REFUNDED)
    assert sync_order_points(None) == 1
    make_order(b, 10_00)                               # a new order of another customer
    assert sync_order_points(None) == 1
    assert (balance(a), balance(b)) == (0, 50)


def test_quiet_whole_shop_pass_skips_the_probes(make_customer, make_order, monkeypatch):
    from services.points import orders
    a = make_customer('a')
    make_order(a, 30_00)
    sync_order_points(None)

    def probe(*args):
        raise AssertionError('probed although nothing changed')
    monkeypatch.setattr(orders, '_sync', probe)
    assert sync_order_points(None) == 0
    make_order(a, 10_00)
    with pytest.raises(AssertionError):
        sync_order_points(None)


def test_whole_shop_pass_after_a_rule_change(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 50, paid_at=datetime(2024, 1, 5))              # half a yuan
    make_order(a, 10_00, paid_at=datetime(2023, 6, 1))
    assert sync_order_points(None, PointsRules(earn_since='2024-01-01')) == 0
    assert sync_order_points(None, PointsRules(per_yuan=2, earn_since='2024-01-01')) == 1
    assert sync_order_points(None, PointsRules(per_yuan=2)) == 1
    assert sorted(e.points for e in entries(a)) == [1, 20]


def test_ratio_change_does_not_rerate_earned_points(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 100_00)
    sync_order_points([a], PointsRules(per_yuan=1))
    assert sync_order_points([a], PointsRules(per_yuan=2)) == 0
    assert sync_order_points(None, PointsRules(per_yuan=2)) == 0
    make_order(a, 100_00)
    sync_order_points([a], PointsRules(per_yuan=2))
    assert [e.points for e in entries(a)] == [100, 200]


def test_reversal_takes_back_what_was_earned_not_what_the_ratio_says(make_customer,
                                                                   make_order):
    a = make_customer('a')
    o = make_order(a, 100_00)
    sync_order_points([a], PointsRules(per_yuan=1))
    set_status(o, REFUNDED)
    sync_order_points([a], PointsRules(per_yuan=3))
    assert [e.points for e in entries(a)] == [100, -100]


def test_earn_since_starts_the_programme(make_customer, make_order):
    a = make_customer('a')
    rules = PointsRules(earn_since='2024-05-01')
    make_order(a, 10_00, paid_at=datetime(2024, 4, 30, 23, 59, 59))     # the day before
    on_day = make_order(a, 20_00, paid_at=datetime(2024, 5, 1, 0, 0))   # first second
    make_order(a, 40_00, paid_at=datetime(2024, 5, 2))
    sync_order_points([a], rules)
    assert sorted(e.points for e in entries(a)) == [20, 40]
    assert on_day.id in {e.order_id for e in entries(a)}
    # Everyone from the start once the owner clears the date.
    sync_order_points([a], PointsRules())
    assert sorted(e.points for e in entries(a)) == [10, 20, 40]


def test_sale_without_payment_time_counts_from_its_creation(make_customer, make_order):
    a = make_customer('a')
    o = make_order(a, 30_00, paid_at=None)
    Order.update(created_at=datetime(2024, 6, 2)).where(Order.id == o.id).execute()
    old = make_order(a, 50_00, paid_at=None)
    Order.update(created_at=datetime(2024, 4, 2)).where(Order.id == old.id).execute()
    sync_order_points([a], PointsRules(earn_since='2024-05-01'), at=NOW)
    assert [(e.points, e.created_at) for e in entries(a)] == [(30, datetime(2024, 6, 2))]


def test_order_without_any_time_earns_now(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 30_00, paid_at=None)
    sync_order_points([a], at=NOW)
    assert [(e.points, e.created_at) for e in entries(a)] == [(30, NOW)]
    b = make_customer('b')
    make_order(b, 30_00, paid_at=None)
    sync_order_points([b], PointsRules(earn_since='2024-01-01'))
    assert entries(b) == []                             # no date, no proof it is in range


def test_removing_an_order_removes_its_points(make_customer, make_order):
    a = make_customer('a')
    o = make_order(a, 30_00)
    sync_order_points([a])
    Order.delete().where(Order.id == o.id).execute()    # as undoing its import does
    assert entries(a) == []
    customer_stats.refresh([a])
    assert cached(a) == 0


def test_refund_after_redemption_takes_the_rest_from_later_earnings(make_customer, make_order):
    a = make_customer('a')
    o = make_order(a, 100_00)
    sync_order_points([a])
    customer_stats.refresh([a])
    redeem(a, 80, '兑换礼品', 'gift')
    set_status(o, REFUNDED)
    sync_order_points([a])
    customer_stats.refresh([a])
    assert cached(a) == balance(a) == 0                 # never below zero
    assert [e.points for e in entries(a, 'reverse')] == [-20]
    make_order(a, 50_00)                                # the next 50 points pay the rest
    customer_stats.refresh([a])
    assert cached(a) == balance(a) == 0
    make_order(a, 100_00)
    customer_stats.refresh([a])
    assert cached(a) == balance(a) == 70                # 100 - the 30 still owed
    assert sum(e.points for e in entries(a, 'reverse')) == -100     # the order's 100, in full
    with pytest.raises(ValidationError):
        redeem(a, 71, '兑换')


def test_refund_after_expiry_takes_nothing_from_later_earnings(make_customer, make_order):
    """The order's points expired unused: a refund has nothing left to take back."""
    a = make_customer('a')
    o = make_order(a, 100_00, paid_at=PAID)
    customer_stats.refresh([a])
    expire(PAID + timedelta(days=40), PointsRules(expiry_days=30))
    make_order(a, 50_00, paid_at=PAID + timedelta(days=50))
    customer_stats.refresh([a])
    assert cached(a) == 50
    set_status(o, REFUNDED)
    customer_stats.refresh([a])
    assert entries(a, 'reverse') == [] and cached(a) == balance(a) == 50


def test_refund_after_part_expired_and_part_redeemed_takes_back_the_redeemed_part(
        make_customer, make_order):
    a = make_customer('a')
    o = make_order(a, 100_00, paid_at=PAID)
    customer_stats.refresh([a])
    redeem(a, 60, '兑换礼品', 'gift', at=PAID + timedelta(days=1))
    expire(PAID + timedelta(days=40), PointsRules(expiry_days=30))     # the other 40
    make_order(a, 50_00, paid_at=PAID + timedelta(days=50))
    customer_stats.refresh([a])
    set_status(o, REFUNDED)
    customer_stats.refresh([a])
    assert [e.points for e in entries(a, 'reverse')] == [-50]       # 60 owed, 50 there
    make_order(a, 30_00, paid_at=PAID + timedelta(days=60))
    customer_stats.refresh([a])
    assert sum(e.points for e in entries(a, 'reverse')) == -60
    assert cached(a) == balance(a) == 20


def test_an_expiry_of_other_points_leaves_the_refund_whole(make_customer, make_order):
    """FIFO: the expiry took the older hand-given points, not the order's."""
    a = make_customer('a')
    give(a, 30, at=PAID - timedelta(days=60))
    o = make_order(a, 100_00, paid_at=PAID)
    customer_stats.refresh([a])
    expire(PAID + timedelta(days=1), PointsRules(expiry_days=30))
    assert entries(a, 'expire')[0].points == -30
    set_status(o, REFUNDED)
    customer_stats.refresh([a])
    assert [e.points for e in entries(a, 'reverse')] == [-100] and cached(a) == 0


def test_two_refunds_in_one_pass_never_go_below_zero(make_customer, make_order):
    a = make_customer('a')
    o1, o2 = make_order(a, 100_00), make_order(a, 100_00)
    customer_stats.refresh([a])
    redeem(a, 150, '兑换礼品', 'gift')                  # 50 left
    set_status(o1, REFUNDED)
    set_status(o2, REFUNDED)                            # one re-import: both refunded
    customer_stats.refresh([a])
    assert sum(e.points for e in entries(a, 'reverse')) == -50
    assert cached(a) == balance(a) == 0


def test_a_refund_takes_its_own_orders_points_before_the_oldest(make_customer, make_order):
    """B's refund took B's points, so A's were what expired: A's refund takes nothing."""
    a = make_customer('a')
    oa = make_order(a, 100_00, paid_at=PAID)
    ob = make_order(a, 100_00, paid_at=PAID + timedelta(days=10))
    sync_order_points([a], at=PAID + timedelta(days=10))
    set_status(ob, REFUNDED)
    sync_order_points([a], at=PAID + timedelta(days=15))
    customer_stats.refresh([a])
    expire(PAID + timedelta(days=45), PointsRules(expiry_days=30))
    make_order(a, 50_00, paid_at=PAID + timedelta(days=50))
    sync_order_points([a], at=PAID + timedelta(days=50))
    set_status(oa, REFUNDED)
    sync_order_points([a], at=PAID + timedelta(days=55))
    customer_stats.refresh([a])
    assert [e.order_id for e in entries(a, 'reverse')] == [ob.id]
    assert cached(a) == balance(a) == 50


# --- redemption and adjustment --------------------------------------------------------------

def test_redeem_spends_and_updates_the_balance(make_customer):
    a = make_customer('a')
    give(a, 500)
    assert redeem(a, 300, '兑换5元无门槛券', 'coupon') == 200
    e = entries(a, 'redeem')[0]
    assert (e.points, e.reason, e.source) == (-300, '兑换5元无门槛券', 'coupon')
    assert cached(a) == balance(a) == 200


def test_redeem_that_would_overdraw_is_refused(make_customer):
    a = make_customer('a')
    give(a, 100)
    with pytest.raises(ValidationError) as e:
        redeem(a, 101, '兑换礼品', 'gift')
    assert '积分不足' in str(e.value) and '100' in str(e.value) and '101' in str(e.value)
    assert entries(a, 'redeem') == [] and cached(a) == 100
    assert redeem(a, 100, '兑换礼品', 'gift') == 0        # exactly the balance is fine
    with pytest.raises(ValidationError):
        redeem(a, 1, '兑换礼品', 'gift')


def test_overdraw_is_judged_by_the_ledger_not_the_cache(make_customer):
    a = make_customer('a')
    give(a, 10)
    Customer.update(points=1000).where(Customer.id == a).execute()     # a stale cache
    with pytest.raises(ValidationError):
        redeem(a, 50, '兑换')
    assert redeem(a, 10, '兑换') == 0 and cached(a) == 0


@pytest.mark.parametrize('points', [0, -5, 1.5, True, '10', MAX_POINTS + 1])
def test_redeem_needs_a_sensible_amount(make_customer, points):
    a = make_customer('a')
    give(a, 100)
    with pytest.raises(ValidationError) as e:
        redeem(a, points, '兑换')
    assert e.value.field == 'points'


def test_redeem_needs_a_reason_and_a_known_source(make_customer):
    a = make_customer('a')
    give(a, 100)
    with pytest.raises(ValidationError) as e:
        redeem(a, 10, '   ')
    assert e.value.field == 'reason'
    with pytest.raises(ValidationError) as e:
        redeem(a, 10, '兑换', source='cash')
    assert e.value.field == 'source'
    assert len(entries(a)) == 1


def test_missing_or_binned_customer_is_refused(make_customer):
    from services.customers import delete_customers
    with pytest.raises(UserError):
        redeem(987654, 1, '兑换')
    a = make_customer('a')
    give(a, 100)
    delete_customers([a])
    with pytest.raises(UserError) as e:
        bonus(a, 'survey')
    assert '回收站' in str(e.value)


def test_adjust_both_ways_never_below_zero(make_customer):
    a = make_customer('a')
    assert adjust(a, 50, '补录线下消费') == 50
    assert adjust(a, -20, '误操作更正') == 30
    with pytest.raises(ValidationError) as e:
        adjust(a, -31, '扣减')
    assert '积分不足' in str(e.value)
    assert adjust(a, -30, '清零') == 0
    assert [(x.kind, x.points, x.source) for x in entries(a)] == [
        ('adjust', 50, 'manual'), ('adjust', -20, 'manual'), ('adjust', -30, 'manual')]
    assert cached(a) == 0


@pytest.mark.parametrize('delta,reason,field', [(0, '原因', 'points'), (5, '', 'reason'),
                                                 (-MAX_POINTS - 1, '原因', 'points'),
                                                 (5, '长' * 129, 'reason')])
def test_adjust_needs_an_amount_and_a_reason(make_customer, delta, reason, field):
    a = make_customer('a')
    with pytest.raises(ValidationError) as e:
        adjust(a, delta, reason)
    assert e.value.field == field


# --- bonuses -----------------------------------------------------------------------------

def test_bonus_defaults_come_from_the_rules(make_customer):
    a = make_customer('a')
    settings.save(PointsRules(signin_points=7, birthday_points=88, survey_points=30))
    bonus(a, 'signin', at=NOW)
    bonus(a, 'birthday', at=NOW)
    bonus(a, 'survey', at=NOW)
    bonus(a, 'manual', 12, '老客回馈', at=NOW)
    assert [(e.kind, e.points, e.reason, e.source) for e in entries(a)] == [
        ('bonus', 7, '签到积分', 'signin:2024-06-01'), ('bonus', 88, '生日积分', 'birthday:2024'),
        ('bonus', 30, '问卷调研奖励', 'survey'), ('bonus', 12, '老客回馈', 'manual')]
    assert cached(a) == 137


def test_signin_once_a_day_and_birthday_once_a_year(make_customer):
    a = make_customer('a')
    bonus(a, 'signin', at=NOW)
    with pytest.raises(ValidationError):
        bonus(a, 'signin', at=NOW.replace(hour=20))
    bonus(a, 'signin', at=NOW + timedelta(days=1))
    bonus(a, 'birthday', at=NOW)
    with pytest.raises(ValidationError):
        bonus(a, 'birthday', at=NOW + timedelta(days=100))
    bonus(a, 'birthday', at=NOW.replace(year=2025))
    bonus(a, 'survey', at=NOW)
    bonus(a, 'survey', at=NOW)
    assert len(entries(a)) == 6


def test_manual_bonus_needs_points_and_kinds_are_known(make_customer):
    a = make_customer('a')
    with pytest.raises(ValidationError):
        bonus(a, 'manual')
    with pytest.raises(ValidationError):
        bonus(a, 'lottery', 5)
    with pytest.raises(ValidationError):
        bonus(a, 'survey', 0)
    assert entries(a) == []


# --- expiry --------------------------------------------------------------------------------

DAY0 = datetime(2023, 1, 1, 9, 0)


def test_expiry_is_fifo_and_idempotent(make_customer):
    a = make_customer('a')
    rules = PointsRules(expiry_days=365)
    give(a, 100, DAY0)
    give(a, 50, DAY0 + timedelta(days=200))
    redeem(a, 30, '兑换', at=DAY0 + timedelta(days=250))
    # The redemption used 30 of the oldest 100; 70 of them are left to expire.
    as_of = DAY0 + timedelta(days=400)
    result = expire(as_of, rules)
    assert (result.customers, result.points) == (1, 70)
    (e,) = entries(a, 'expire')
    assert (e.points, e.source, e.created_at) == (-70, 'expiry', as_of)
    assert '365' in e.reason
    assert cached(a) == balance(a) == 50
    assert expire(as_of, rules).points == 0                           # twice: nothing more
    assert expire(DAY0 + timedelta(days=566), rules).points == 50    # the later credit's turn
    assert expire(DAY0 + timedelta(days=900), rules).points == 0
    assert cached(a) == 0


def test_expiry_boundary_is_exactly_the_days(make_customer):
    a = make_customer('a')
    give(a, 10, DAY0)
    rules = PointsRules(expiry_days=30)
    assert expire(DAY0 + timedelta(days=30), rules).points == 0       # exactly 30 days: kept
    assert expire(DAY0 + timedelta(days=30, seconds=1), rules).points == 10


def test_reversals_and_deductions_count_as_spending(make_customer, make_order):
    a = make_customer('a')
    o = make_order(a, 60_00, paid_at=DAY0)
    give(a, 40, DAY0 + timedelta(days=1))
    sync_order_points([a], at=DAY0 + timedelta(days=2))
    set_status(o, REFUNDED)
    sync_order_points([a], at=DAY0 + timedelta(days=3))
    adjust(a, -10, '扣减', at=DAY0 + timedelta(days=4))
    customer_stats.refresh([a])
    # Credits 60 + 40, spent 60 + 10: 30 left, all of it old.
    assert expire(DAY0 + timedelta(days=100), PointsRules(expiry_days=30)).points == 30
    assert balance(a) == 0


def test_expiry_per_customer_and_off_by_default(make_customer):
    a, b, c = make_customer('a'), make_customer('b'), make_customer('c')
    give(a, 10, DAY0)
    give(b, 20, DAY0)
    give(c, 30, DAY0 + timedelta(days=360))
    assert expire(DAY0 + timedelta(days=400)).points == 0            # expiry_days 0: never
    result = expire(DAY0 + timedelta(days=400), PointsRules(expiry_days=100))
    assert (result.customers, result.points) == (2, 30)
    assert [cached(x) for x in (a, b, c)] == [0, 0, 30]
    assert [len(entries(x, 'expire')) for x in (a, b, c)] == [1, 1, 0]


def test_nothing_expires_from_a_debt(make_customer, make_order):
    a = make_customer('a')
    give(a, 10, DAY0)
    PointsEntry.create(customer=a, kind='reverse', points=-25, reason='冲回', source='order:x',
                       created_at=DAY0 + timedelta(days=1))
    customer_stats.refresh([a])
    assert expire(DAY0 + timedelta(days=400), PointsRules(expiry_days=30)).points == 0


# --- history -------------------------------------------------------------------------------

def test_history_newest_first_with_balance_after(make_customer, make_order):
    a = make_customer('a')
    make_order(a, 100_00, paid_at=DAY0, order_no='TB9')
    sync_order_points([a])
    redeem(a, 30, '兑换5元无门槛券', 'coupon', at=DAY0 + timedelta(days=1))
    bonus(a, 'survey', 5, at=DAY0 + timedelta(days=2))
    lines = history(a)
    assert [(x.kind, x.points, x.balance) for x in lines] == [
        ('bonus', 5, 75), ('redeem', -30, 70), ('earn', 100, 100)]
    assert lines[-1].source == 'order:taobao:TB9' and lines[-1].order_id is not None
    assert lines[0].created_at == DAY0 + timedelta(days=2)
    assert history(make_customer('b')) == []
