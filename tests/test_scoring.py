"""RFM scores, segments, lifecycle, loyalty and CLV at their boundaries."""
from datetime import date, datetime, timedelta

import pytest

from models import Customer
from services import scoring, settings
from services.customer_stats import refresh
from services.scoring import FIXED, ClvRules, LifecycleRules, LoyaltyRules, RfmRules
from services.scoring.clv import clv, prior_from_moments
from services.scoring.cuts import score_of
from services.errors import ValidationError

TODAY = date(2026, 11, 23)


def c(cid):
    return Customer.get_by_id(cid)


def buyer(make_customer, make_order, nick, amounts, days_ago, **kw):
    """A customer with one completed order per amount, `days_ago` days before TODAY."""
    cid = make_customer(nick, **kw)
    for amount, ago in zip(amounts, days_ago):
        make_order(cid, amount, paid_at=datetime.combine(TODAY - timedelta(days=ago),
                                                         datetime.min.time()) + timedelta(hours=10))
    return cid


def test_quantile_ties_share_the_lowest_score(make_customer, make_order):
    # Ten buyers: eight with one order, two with two; spend rises with the nick.
    ids = [buyer(make_customer, make_order, f'b{i}', [100_00 * (i + 1)], [10]) for i in range(8)]
    ids += [buyer(make_customer, make_order, f'r{i}', [100_00, 100_00], [20, 10]) for i in range(2)]
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    f = [int(c(i).rfm[1]) for i in ids]
    assert f[:8] == [1] * 8          # tied at one order: the lowest position's score
    assert f[8:] == [5, 5]           # above every quintile cut
    r = {c(i).rfm[0] for i in ids}
    assert r == {'1'}                # everyone bought on the same day: all tied
    m = [int(c(i).rfm[2]) for i in ids[:8]]
    assert m == sorted(m) and m[0] == 1 and m[-1] == 5


def test_a_single_buyer_scores_and_a_non_buyer_does_not(make_customer, make_order):
    one = buyer(make_customer, make_order, 'one', [50_00], [3])
    none = make_customer('none')
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    assert c(one).rfm == '111' and c(one).segment == '一般挽留客户'
    assert c(one).lifecycle == 'new' and c(one).loyalty == ''
    assert (c(none).rfm, c(none).segment, c(none).lifecycle, c(none).clv) == ('', '', '', 0)


def test_fixed_thresholds_at_their_edges(make_customer, make_order):
    settings.save(RfmRules(mode=FIXED, r_days=[30, 90, 180, 365], f_orders=[2, 3, 5, 10],
                           m_yuan=[100, 300, 1000, 3000]))
    edge = buyer(make_customer, make_order, 'edge', [50_00, 50_00], [30, 40])   # R: 30 days
    past = buyer(make_customer, make_order, 'past', [100_01], [31])             # 31 days
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    assert c(edge).rfm == '522'       # 30 days ago is within 30; 2 orders; ¥100.00 reaches ¥100
    assert c(past).rfm == '412'
    assert c(edge).segment == c(past).segment == '一般发展客户'     # only R is high
    assert score_of(10000, [10000, 30000, 100000, 300000]) == 2
    assert score_of(9999, [10000, 30000, 100000, 300000]) == 1


def test_lifecycle_day_boundaries(make_customer, make_order):
    settings.save(LifecycleRules(new_days=30, active_days=90, sleeping_days=180))
    new = buyer(make_customer, make_order, 'new', [10_00], [30])
    active = buyer(make_customer, make_order, 'act', [10_00, 10_00], [200, 90])
    sleeping = buyer(make_customer, make_order, 'slp', [10_00, 10_00], [300, 180])
    lost = buyer(make_customer, make_order, 'lost', [10_00, 10_00], [400, 181])
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    assert [c(i).lifecycle for i in (new, active, sleeping, lost)] == [
        'new', 'active', 'sleeping', 'lost']


def test_a_buyer_who_orders_again_leaves_lost(make_customer, make_order):
    a = buyer(make_customer, make_order, 'a', [10_00], [400])
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    assert c(a).lifecycle == 'lost'
    make_order(a, 10_00, paid_at=datetime.combine(TODAY, datetime.min.time()))
    refresh([a])                      # an import's refresh rescoring just this buyer
    assert c(a).lifecycle == 'active' and c(a).order_count == 2


def test_loyalty_types(make_customer, make_order):
    settings.save(LoyaltyRules(promo_share=60, high_score=4,
                               promo_windows=[['11-01', '11-12'], ['12-25', '01-05']]))
    settings.save(RfmRules(mode=FIXED))
    promo = make_customer('promo')
    for when in (datetime(2025, 11, 11), datetime(2025, 12, 31), datetime(2026, 1, 5),
                 datetime(2026, 3, 1), datetime(2026, 11, 1)):
        make_order(promo, 10_00, paid_at=when)       # 4 of 5 (80%) in windows, across New Year
    high = buyer(make_customer, make_order, 'high', [10_00] * 5, [5, 15, 25, 35, 45])
    lazy = buyer(make_customer, make_order, 'lazy', [10_00] * 2, [200, 100])
    friend = buyer(make_customer, make_order, 'friend', [10_00] * 2, [60, 50])
    referred = make_customer('newbie')
    Customer.update(referred_by=friend).where(Customer.id == referred).execute()
    once = buyer(make_customer, make_order, 'once', [10_00], [5])
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    assert c(promo).promo_orders == 4 and c(promo).loyalty == 'price'
    assert c(high).loyalty == 'high'
    assert c(lazy).loyalty == 'inertia'
    assert c(friend).loyalty == 'high'       # R 4 (≤ 90 days) and refers someone
    assert c(once).loyalty == ''


def test_clv_worked_example():
    """A buyer with 3 orders totalling ¥300 over 100 days, shop AOV ¥80, prior a=0.5, b=100.

    AOV' = (30000 + 2 x 8000) / (3 + 2) = 9200 fen
    E    = 365 x (2 + 0.5) / (100 + 100) = 4.5625 orders
    P    = 0.5 (沉睡)
    CLV  = 9200 x 4.5625 x 0.5 = 20987.5 -> 20988 fen (¥209.88)"""
    prior = {'a': 0.5, 'b': 100.0, 'aov': 8000.0}
    assert clv(300_00, 3, 100.0, 'sleeping', prior, ClvRules()) == 20988
    assert clv(300_00, 3, 100.0, 'active', prior, ClvRules()) == 41975
    assert clv(0, 0, 0, 'active', prior, ClvRules()) == 0


def test_clv_in_sql_matches_the_model(make_customer, make_order):
    a = buyer(make_customer, make_order, 'a', [100_00, 50_00, 150_00], [160, 110, 60])
    for i in range(5):
        buyer(make_customer, make_order, f'x{i}', [80_00 + i], [10 * i + 5])
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    prior = scoring.load_state().prior
    row = c(a)
    expected = clv(row.total_spent, row.order_count, 100.0, row.lifecycle, prior, ClvRules())
    assert row.clv == expected > 0


def test_prior_from_moments():
    # Rates 0.01 and 0.03 over 100-day spans: mean 0.02, observed variance 0.0001,
    # Poisson part 0.02 x 0.01 = 0.0002 exceeds it: no spread, a year-strong prior.
    p = prior_from_moments(2, 0.04, 0.001, 0.02, 100_00, 4)
    assert p == {'a': pytest.approx(0.02 * 365), 'b': 365.0, 'aov': 2500.0}
    p = prior_from_moments(2, 0.2, 0.1, 0.0002, 0, 0)   # rates 0 and 0.2 over long spans
    assert p['b'] == pytest.approx(0.1 / (0.05 - 0.01 - 0.1 * 0.0002 / 2))
    assert p['a'] == pytest.approx(0.1 * p['b'])


def test_rules_validate():
    with pytest.raises(ValidationError):
        settings.save(RfmRules(r_days=[30, 30, 60, 90]))
    with pytest.raises(ValidationError):
        LifecycleRules(new_days=100, active_days=90).validate()
    with pytest.raises(ValidationError):
        LoyaltyRules(promo_windows=[['13-01', '13-05']]).validate()


def test_corrupt_stored_rules_fall_back_to_defaults(database):
    settings.put(RfmRules.KEY, {'mode': 'fixed', 'r_days': 'oops'})
    assert settings.load(RfmRules) == RfmRules()


def test_explanation_names_the_thresholds(make_customer, make_order):
    a = buyer(make_customer, make_order, 'a', [100_00, 100_00], [40, 10])
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    e = scoring.explain(a, as_of=TODAY)
    labels = [label for label, _, _ in e.lines]
    assert labels == ['R', 'F', 'M', 'RFM分群', '生命周期', '忠诚类型', 'CLV']
    assert '10 天前' in e.lines[0][2] and e.lines[3][1] == c(a).segment
    assert e.lines[6][1] == f'¥{c(a).clv / 100:,.2f}'


def test_preview_counts_moves_without_writing(make_customer, make_order):
    for i in range(6):
        buyer(make_customer, make_order, f'b{i}', [10_00], [40 + i])
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    rules = scoring.load_rules()
    rules.lifecycle = LifecycleRules(new_days=50, active_days=90, sleeping_days=180)
    p = scoring.preview(rules, as_of=TODAY)
    assert p['lifecycle']['active'] == (6, 0) and p['lifecycle']['new'] == (0, 6)
    assert p['moved']['lifecycle'] == 6
    assert Customer.select().where(Customer.lifecycle == 'active').count() == 6


def test_staleness(make_customer, make_order):
    buyer(make_customer, make_order, 'a', [10_00], [1])
    refresh(None)
    assert not scoring.is_stale(date.today())
    assert scoring.is_stale(date.today() + timedelta(days=1))
    settings.save(LifecycleRules(new_days=10))
    assert scoring.is_stale(date.today())


@pytest.mark.parametrize('mode', ['quantile', FIXED])
def test_a_day_later_the_partial_pass_equals_a_full_one(make_customer, make_order, mode,
                                                        monkeypatch):
    settings.save(RfmRules(mode=mode, r_days=[1, 3, 6, 9]))
    settings.save(LifecycleRules(new_days=2, active_days=4, sleeping_days=7))
    for i in range(12):
        buyer(make_customer, make_order, f'b{i}', [10_00 * (i + 1)] * (1 + i % 3),
              [i + 3] * (1 + i % 3))
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    cols = (Customer.id, Customer.rfm, Customer.segment, Customer.lifecycle, Customer.loyalty,
            Customer.clv)
    partial_passes, stages = [], set()
    crossed = scoring.refresh._crossed
    monkeypatch.setattr(scoring.refresh, '_crossed',
                        lambda *a: partial_passes.append(1) or crossed(*a))
    for later in (1, 2, 5):
        day = TODAY + timedelta(days=later)
        scoring.refresh_scores(None, as_of=day, date_only=True)   # the partial daily pass
        partial = list(Customer.select(*cols).order_by(Customer.id).tuples())
        stages |= {row[3] for row in partial}
        settings.put(scoring.refresh.STATE_KEY, None)        # forget: a full pass
        scoring.refresh_scores(None, as_of=day)
        full = list(Customer.select(*cols).order_by(Customer.id).tuples())
        assert partial == full
    assert len(partial_passes) == 3
    assert stages >= {'active', 'sleeping', 'lost'}


def test_a_whole_shop_refresh_rescores_changed_buyers_the_same_day(make_customer, make_order):
    """Only the daily upkeep may take the partial path: a refresh after orders changed
    (e.g. an import touching over 5,000 buyers) must rescore everyone it changed."""
    settings.save(RfmRules(mode=FIXED))
    ids = [buyer(make_customer, make_order, f'b{i}', [50_00], [10]) for i in range(3)]
    refresh(None)
    assert c(ids[0]).rfm == '511'
    Order = __import__('models').Order
    Order.update(amount=5000_00).execute()
    refresh(None)
    assert c(ids[0]).rfm == '515' and c(ids[0]).segment == '重要发展客户'


def test_a_restored_customer_is_rescored(make_customer, make_order):
    from services.customers import delete_customers, restore_customers
    a = buyer(make_customer, make_order, 'a', [10_00], [400])
    refresh(None)
    scoring.refresh_scores(None, as_of=TODAY)
    delete_customers([a])
    Customer.update(lifecycle='new').where(Customer.id == a).execute()   # stale while binned
    restore_customers([a])
    assert c(a).lifecycle == 'lost'


@pytest.mark.parametrize('windows', [[['11-01', '11-12']], [['12-25', '01-05'], ['06-18', '06-18']],
                                     [['02-28', '03-01']], []])
def test_promotion_windows_in_sql_match_the_import_twin_on_every_day(database, windows):
    from models import db
    from services.importing.orders_import import _in_windows
    from services.scoring.sql import promo_sql
    rules = LoyaltyRules(promo_windows=windows)
    for i in range(366):
        stamp = (date(2024, 1, 1) + timedelta(days=i)).isoformat() + ' 10:00:00'
        in_sql = bool(db.execute_sql(f"SELECT {promo_sql(rules, repr(stamp))}").fetchone()[0])
        assert in_sql == _in_windows(stamp[5:10], windows), stamp
