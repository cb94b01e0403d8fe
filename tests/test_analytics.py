"""The analytics dashboard against a small shop worked out by hand (test_analytics_shop)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from services import analytics as an
from services.analytics import Drill, Filters, Period
from test_analytics_shop import PERIOD, build


@pytest.fixture
def shop(make_customer, tiers):
    return build(make_customer, tiers)


@pytest.fixture
def march():
    return Period(*PERIOD)


def kpis(dash) -> dict:
    return {k: (v.value, v.previous) for k, v in dash.kpis.items()}


def ids_of(shop, names: str) -> set[int]:
    return {shop[n] for n in names}


def drill(shop, period, kind, *key, filters=Filters()) -> set[int]:
    r = an.drill_members(Drill(kind, key), period, filters)
    assert r.member_filter is None
    return set(r.ids)


# --- periods ------------------------------------------------------------------------

def test_previous_period_has_equal_length_and_ends_the_day_before():
    p = Period(date(2024, 3, 1), date(2024, 3, 31))
    assert p.previous() == Period(date(2024, 1, 30), date(2024, 2, 29))
    assert p.previous().days == p.days == 31


def test_presets():
    today = date(2025, 1, 15)
    assert an.preset('this_month', today) == Period(date(2025, 1, 1), today)
    assert an.preset('last_month', today) == Period(date(2024, 12, 1), date(2024, 12, 31))
    assert an.preset('last_90_days', today).days == 90
    assert an.preset('this_year', today) == Period(date(2025, 1, 1), today)
    with pytest.raises(an.periods.UserError):
        Period(date(2025, 2, 1), date(2025, 1, 1))


def test_trend_shows_at_least_twelve_and_at_most_36_months():
    months = an.trend_months(Period(date(2024, 3, 1), date(2024, 3, 31)))
    assert months[0] == date(2023, 4, 1) and months[-1] == date(2024, 3, 1)
    assert len(months) == 12
    long = an.trend_months(Period(date(2015, 1, 1), date(2024, 3, 31)))
    assert len(long) == 36 and long[-1] == date(2024, 3, 1)


# --- the KPI cards ------------------------------------------------------------------

def test_kpis_count_completed_orders_of_live_customers_only(shop, march):
    d = an.compute(march)
    assert kpis(d) == {
        'buyers': (3, 3),                   # A B F / B C G
        'new_buyers': (2, 2),               # A F / B C
        'returning_buyers': (1, 1),         # B / G
        'repeat_buyers': (1, 0),            # A
        'repurchase_rate': (1 / 3, 0.0),
        'churn_rate': (2 / 3, 0.0),         # C G left; G bought in both earlier periods
        'revenue': (41000, 16000),
        'orders': (4, 3),
        'aov': (10250, 5333),               # 16000 / 3 rounds down
    }
    assert d.members == 8                   # E is in the recycle bin
    assert not d.empty
    assert d.kpis['revenue'].change == pytest.approx(25000 / 16000)
    assert d.kpis['repurchase_rate'].change == pytest.approx(1 / 3)
    assert '上期' in d.definitions['churn_rate']


def test_period_edges(shop, make_customer):
    # 03-31 23:59:59 is in March, 04-01 00:00:00 is not; 02-29 23:59:59 is February's.
    d = an.compute(Period(date(2024, 3, 31), date(2024, 3, 31)))
    assert d.kpis['buyers'].value == 1 and d.kpis['revenue'].value == 4000
    d = an.compute(Period(date(2024, 4, 1), date(2024, 4, 1)))
    assert d.kpis['revenue'].value == 6000
    assert d.kpis['revenue'].previous == 4000       # the day before is March 31
    d = an.compute(Period(date(2024, 2, 29), date(2024, 2, 29)))
    assert d.kpis['revenue'].value == 3000


def test_a_completed_order_without_payment_time_counts_when_it_was_made(shop, make_customer):
    from models import Order
    from services import customer_stats
    j = make_customer('线下客')
    Order.create(platform='taobao', order_no='J1', customer=j, status='completed',
                 completed=True, amount=900, paid_at=None, created_at=datetime(2024, 3, 7, 9))
    customer_stats.refresh([j])
    d = an.compute(Period(*PERIOD))
    assert d.kpis['buyers'].value == 4 and d.kpis['new_buyers'].value == 3
    assert d.kpis['revenue'].value == 41900
    assert d.heat[3][9] == 1                            # Thursday 9 o'clock
    assert j in drill({}, Period(*PERIOD), 'kpi', 'new_buyers')
    d = an.compute(Period(*PERIOD), Filters(platform='taobao'))
    assert kpis(d)['buyers'] == (3, 2) and kpis(d)['revenue'] == (34900, 11000)
    assert d.heat[3][9] == 1 and d.months[-1].revenue == 34900


def test_empty_shop_shows_zeros(database, march):
    d = an.compute(march)
    assert d.empty
    assert all(k.value == 0 and k.previous == 0 for k in d.kpis.values())
    assert d.kpis['revenue'].change is None and d.kpis['churn_rate'].change == 0
    assert [t.name for t in d.tiers] == ['普通会员', '高级会员', 'VIP会员', '至尊VIP会员']
    assert all(t.members == 0 for t in d.tiers)
    assert len(d.months) == 12 and all(m.new == m.revenue == 0 for m in d.months)
    assert d.products == [] and d.flow == [] and d.segments == []
    assert sum(map(sum, d.heat)) == 0


def test_single_order_buyers(make_customer, march):
    from models import Order
    from services import customer_stats
    for i in range(3):
        cid = make_customer(f'单次{i}')
        Order.create(platform='taobao', order_no=f'S{i}', customer=cid, status='completed',
                     completed=True, amount=1000 * (i + 1), paid_at=datetime(2024, 3, 2 + i, 12))
    customer_stats.refresh(None)
    d = an.compute(march)
    assert kpis(d)['buyers'] == (3, 0)
    assert kpis(d)['new_buyers'] == (3, 0)
    assert kpis(d)['repeat_buyers'] == (0, 0)
    assert kpis(d)['repurchase_rate'] == (0.0, 0.0)
    assert kpis(d)['aov'] == (2000, 0)
    assert d.kpis['buyers'].change is None


# --- filters ------------------------------------------------------------------------

def test_platform_filter(shop, march):
    d = an.compute(march, Filters(platform='pdd'))
    assert kpis(d)['buyers'] == (1, 1) and kpis(d)['revenue'] == (7000, 5000)
    assert d.members == 1
    assert kpis(d)['churn_rate'] == (0.0, 0.0)
    months = {m.month.strftime('%Y-%m'): (m.new, m.returning, m.revenue) for m in d.months
              if m.revenue}
    assert months == {'2024-02': (1, 0, 5000), '2024-03': (0, 1, 7000)}
    assert {(wd, h) for wd, row in enumerate(d.heat) for h, n in enumerate(row) if n} == {(6, 21)}


def test_a_filter_keeping_most_of_the_shop_takes_the_rest_off(shop, march):
    from services.scoring.rules import LifecycleRules
    from services.analytics.sqlparts import Window, selection
    window = Window.of(march, LifecycleRules())
    assert selection(Filters(platform='taobao'), window).share == 7 / 9
    assert selection(Filters(platform='pdd'), window).share == 1 / 9
    d = an.compute(march, Filters(platform='taobao'))
    assert kpis(d)['buyers'] == (2, 2) and kpis(d)['revenue'] == (34000, 11000)
    months = {m.month.strftime('%Y-%m'): (m.new, m.returning, m.revenue) for m in d.months
              if m.revenue}
    assert months == {'2023-06': (1, 0, 3000), '2024-01': (1, 0, 2000),
                      '2024-02': (1, 1, 11000), '2024-03': (2, 0, 34000)}
    cells = {(wd, h) for wd, row in enumerate(d.heat) for h, n in enumerate(row) if n}
    assert cells == {(1, 10), (2, 21), (6, 23)}
    assert d.members == 7 and d.stages['lost'] == 6
    assert {(c.source, c.target): c.customers for c in d.flow} == {
        ('none', 'new'): 2, ('new', 'active'): 1, ('active', 'active'): 1, ('lost', 'lost'): 2}


def test_tag_filter(shop, march):
    from services.tags import create_tag, tag_customers
    tag = create_tag('试用装')
    tag_customers([shop['A'], shop['C'], shop['E']], tag)
    d = an.compute(march, Filters(tag_id=tag))
    assert kpis(d)['buyers'] == (1, 1)                  # A / C; E is in the bin
    assert kpis(d)['churn_rate'] == (1.0, 0.0)
    assert d.members == 2
    assert [p.key for p in d.products if p.buyers] == [f"p{shop['p1']}", f"p{shop['p2']}"]


def test_tier_filter(shop, march, tiers):
    d = an.compute(march, Filters(tier_id=tiers['高级会员']))
    assert kpis(d)['buyers'] == (1, 2)                  # B / B G
    assert kpis(d)['churn_rate'] == (0.5, 0.0)
    assert [(t.name, t.members) for t in d.tiers if t.members] == [('高级会员', 2)]
    assert {s.name: (s.members, s.buyers, s.revenue) for s in d.segments} == {
        '重要价值客户': (1, 1, 7000), '': (1, 0, 0)}             # B / G
    assert d.stages == {'new': 0, 'active': 0, 'sleeping': 0, 'lost': 2}


# --- series -------------------------------------------------------------------------

def test_monthly_new_and_returning_buyers_and_revenue(shop, march):
    d = an.compute(march)
    got = {m.month.strftime('%Y-%m'): (m.new, m.returning, m.revenue, m.orders)
           for m in d.months if m.new or m.returning or m.revenue}
    assert got == {'2023-06': (1, 0, 3000, 1), '2024-01': (1, 0, 2000, 1),
                   '2024-02': (2, 1, 16000, 3), '2024-03': (2, 1, 41000, 4)}
    assert d.months[0].month == date(2023, 4, 1)


def test_tier_pyramid_and_active_members(shop, march):
    d = an.compute(march)
    got = [(t.name, t.members, t.active, t.active_previous) for t in d.tiers]
    assert got == [('普通会员', 5, 1, 1), ('高级会员', 2, 1, 2), ('VIP会员', 1, 1, 0),
                   ('至尊VIP会员', 0, 0, 0)]


def test_segments_sizes_and_revenue_share(shop, march):
    d = an.compute(march)
    got = {s.name: (s.members, s.buyers, s.revenue) for s in d.segments}
    assert got == {'重要价值客户': (2, 2, 37000), '一般发展客户': (1, 1, 4000),
                   '重要挽留客户': (1, 0, 0), '': (4, 0, 0)}
    share = {s.name: s.share for s in d.segments}
    assert share['重要价值客户'] == pytest.approx(37000 / 41000)
    assert d.segments[-1].name == ''                    # the unscored come last


def test_heat_map_by_weekday_and_hour(shop, march):
    d = an.compute(march)
    cells = {(wd, h): n for wd, row in enumerate(d.heat) for h, n in enumerate(row) if n}
    assert cells == {(1, 10): 1, (2, 21): 1, (6, 21): 1, (6, 23): 1}


def test_lifecycle_now_and_flow_over_the_period(shop, march):
    d = an.compute(march)
    # Scored as of today, every order is years old.
    assert d.stages == {'new': 0, 'active': 0, 'sleeping': 0, 'lost': 7}
    flow = {(c.source, c.target): c.customers for c in d.flow}
    assert flow == {('none', 'new'): 2, ('new', 'active'): 2, ('active', 'active'): 1,
                    ('lost', 'lost'): 2}


def test_flow_of_a_past_period_counts_buyers_who_came_back_later(shop, make_customer):
    from models import Order
    from services import customer_stats
    k = make_customer('回头的老客')
    for no, when in (('K1', datetime(2022, 1, 10)), ('K2', datetime(2024, 3, 25))):
        Order.create(platform='taobao', order_no=no, customer=k, status='completed',
                     completed=True, amount=100, paid_at=when)
    customer_stats.refresh([k])
    # January 2024: G became a buyer; D, H and K were lost (K came back in March).
    d = an.compute(Period(date(2024, 1, 1), date(2024, 1, 31)))
    flow = {(c.source, c.target): c.customers for c in d.flow}
    assert flow == {('none', 'new'): 1, ('lost', 'lost'): 3}
    assert drill(shop, d.period, 'flow', 'lost', 'lost') == ids_of(shop, 'DH') | {k}
    # August 2023: D's June order makes it active at the start, sleeping at the end.
    d = an.compute(Period(date(2023, 8, 1), date(2023, 8, 31)))
    flow = {(c.source, c.target): c.customers for c in d.flow}
    assert flow == {('active', 'sleeping'): 1, ('lost', 'lost'): 2}


def test_products_repeat_buyers_and_roles(shop, march):
    d = an.compute(march)
    p1, p2, p3 = (f"p{shop[k]}" for k in ('p1', 'p2', 'p3'))
    got = {p.key: (p.title, p.buyers, p.repeat_buyers, p.revenue, p.revenue_previous, p.role)
           for p in d.products}
    assert got == {
        p1: ('婴儿奶粉', 1, 1, 18000, 5000, 'star'),         # growth 260% >= shop 156%
        p2: ('宝宝湿巾', 2, 0, 19000, 8000, 'cash_cow'),     # 138% < 156%, share 46%
        't赠品小样': ('赠品小样', 1, 0, 4000, 0, 'question'),  # new, share 10% < 1/3
        p3: ('磨牙棒', 0, 0, 0, 3000, 'dog'),                # sold nothing this time
    }
    assert [p.key for p in d.top_products()] == [p1, p2, 't赠品小样']
    assert '明星' in d.definitions['product_roles'] and '1/3' in d.definitions['product_roles']


# --- drill-down ---------------------------------------------------------------------

def test_drill_down_returns_the_customers_behind_each_figure(shop, march, tiers):
    assert drill(shop, march, 'kpi', 'buyers') == ids_of(shop, 'ABF')
    assert drill(shop, march, 'kpi', 'new_buyers') == ids_of(shop, 'AF')
    assert drill(shop, march, 'kpi', 'returning_buyers') == ids_of(shop, 'B')
    assert drill(shop, march, 'kpi', 'repeat_buyers') == ids_of(shop, 'A')
    assert drill(shop, march, 'kpi', 'churn_rate') == ids_of(shop, 'CG')
    assert drill(shop, march, 'month', date(2024, 2, 1), 'new') == ids_of(shop, 'BC')
    assert drill(shop, march, 'month', date(2024, 2, 1), 'returning') == ids_of(shop, 'G')
    assert drill(shop, march, 'month', date(2024, 3, 1), 'all') == ids_of(shop, 'ABF')
    assert drill(shop, march, 'tier_active', tiers['高级会员'], 'prev') == ids_of(shop, 'BG')
    assert drill(shop, march, 'segment_buyers', '重要价值客户') == ids_of(shop, 'AB')
    assert drill(shop, march, 'flow', 'lost', 'lost') == ids_of(shop, 'DH')
    assert drill(shop, march, 'flow', 'none', 'new') == ids_of(shop, 'AF')
    assert drill(shop, march, 'heat', 6, 21) == ids_of(shop, 'B')
    assert drill(shop, march, 'product', f"p{shop['p1']}", 'repeat') == ids_of(shop, 'A')
    assert drill(shop, march, 'product', f"p{shop['p2']}", 'buyers') == ids_of(shop, 'AB')
    assert drill(shop, march, 'product', 't赠品小样', 'buyers') == ids_of(shop, 'F')
    assert drill(shop, march, 'segment', '') == ids_of(shop, 'DGHI')
    assert drill(shop, march, 'kpi', 'buyers', filters=Filters(platform='pdd')) == {shop['B']}


def test_drill_down_to_a_member_filter_where_the_list_can_show_it(shop, march, tiers):
    from services import member_query
    r = an.drill_members(Drill('tier', (tiers['高级会员'],)), march, Filters(platform='pdd'))
    assert r.ids is None
    assert r.member_filter.tier_id == tiers['高级会员'] and r.member_filter.platform == 'pdd'
    assert set(member_query.ids(r.member_filter)) == {shop['B']}
    r = an.drill_members(Drill('segment', ('重要价值客户',)), march)
    assert set(member_query.ids(r.member_filter)) == ids_of(shop, 'AB')
    # A tier the filter leaves out has nobody.
    r = an.drill_members(Drill('tier', (tiers['VIP会员'],)), march,
                         Filters(tier_id=tiers['高级会员']))
    assert r.ids == [] and r.member_filter is None


def test_drill_counts_match_the_figures(shop, march):
    d = an.compute(march)
    for key, k in d.kpis.items():
        if k.drill is not None and k.kind == 'count' and key != 'orders':
            assert len(an.drill_members(k.drill, march).ids) == k.value, key
    for c in d.flow:
        assert len(drill(shop, march, 'flow', c.source, c.target)) == c.customers


def test_member_rows_and_sorting_for_the_drill_list(shop):
    ids = [shop['A'], shop['B'], shop['F']]
    assert an.sort_ids(ids, 'total_spent') == [shop['A'], shop['B'], shop['F']]   # 300 120 100
    assert an.sort_ids(ids, 'nick', descending=False) == ids
    # I never bought: no last purchase sorts as the oldest, on either backend.
    some = [shop['I'], shop['A'], shop['H']]
    assert an.sort_ids(some) == [shop['A'], shop['H'], shop['I']]
    assert an.sort_ids(some, descending=False) == [shop['I'], shop['H'], shop['A']]
    rows = an.member_rows([shop['F'], shop['A']])
    assert [(r.nick, r.total_spent) for r in rows] == [('买家F', 10000), ('买家A', 30000)]


# --- export -------------------------------------------------------------------------

def test_export_writes_the_numbers_as_a_sheet(shop, march, tmp_path):
    import openpyxl
    from models import OrderLine
    OrderLine.update(title='=HYPERLINK("x")').where(OrderLine.title == '赠品小样').execute()
    d = an.compute(march)
    path = tmp_path / '分析.xlsx'
    n = an.export_dashboard(path, d, '平台：拼多多')
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ('板块', '项目', '指标', '单位', '本期', '上期', '变化(%)')
    assert len(rows) == n + 1
    assert ('说明', '筛选', '平台：拼多多', None, None, None, None) in rows
    assert ('概览', '成交额', '金额', '元', 410.0, 160.0, 156.25) in rows
    assert ('概览', '复购率', '比率', '%', 33.33, 0.0, None) in rows
    assert ('月度趋势', '2024-02', '新客', '人', 2, None, None) in rows
    assert ('购买时段', '周日 21时', '成交订单', '单', 1, None, None) in rows
    # A title that looks like a formula stays text.
    cell = next(c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("x")')
    assert cell.data_type == 's'
    assert not list(tmp_path.glob('.*.part*'))


def test_export_of_an_empty_shop_and_csv(database, march, tmp_path):
    d = an.compute(march)
    path = tmp_path / 'empty.csv'
    assert an.export_dashboard(path, d) > 0
    text = path.read_text(encoding='utf-8-sig')
    assert text.startswith('板块,项目,指标,单位,本期,上期,变化(%)')
    assert 'nan' not in text.lower()
    with pytest.raises(an.periods.UserError):
        an.export_dashboard(tmp_path / 'x.pdf', d)


def test_the_customer_pass_adds_up_over_id_ranges(shop, march, monkeypatch):
    from services.analytics import dashboard
    whole = an.compute(march)
    monkeypatch.setattr(dashboard, 'CUSTOMER_PARTS', 1)
    single = an.compute(march)
    monkeypatch.setattr(dashboard, 'CUSTOMER_PARTS', 7)
    many = an.compute(march)
    for d in (single, many):
        assert kpis(d) == kpis(whole)
        assert d.flow == whole.flow and d.segments == whole.segments and d.tiers == whole.tiers
        assert [(m.new, m.returning) for m in d.months] == [
            (m.new, m.returning) for m in whole.months]


def test_a_cancelled_dashboard_stops(shop, march):
    from services.tasks import Cancelled
    with pytest.raises(Cancelled):
        an.compute(march, cancelled=lambda: True)


def test_a_cancel_stops_the_queries_left(database):
    """On a file a running query is interrupted; on a server the next one does not start."""
    from services.analytics.reader import Reader
    from services.tasks import Cancelled
    count = ('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) '
             'SELECT COUNT(*) FROM n')
    asked, done = [], []

    def query(conn):
        asked.append(1)
        done.append(conn.execute(count).fetchone()[0])
    with pytest.raises(Cancelled):
        Reader(lambda: bool(asked)).run([('a', query), ('b', query)], workers=1)
    assert len(done) < 2


def test_customers_without_a_tier_are_listed_apart(shop, march):
    from models import Customer
    Customer.update(tier=None).where(Customer.id.in_([shop['F'], shop['I']])).execute()
    d = an.compute(march)
    none = d.tiers[0]
    assert (none.tier_id, none.members, none.active) == (None, 2, 1)
    assert drill(shop, march, 'tier', None) == ids_of(shop, 'FI')
    assert drill(shop, march, 'tier_active', None) == ids_of(shop, 'F')


def test_each_way_of_applying_a_filter_gives_the_same_figures(shop, march, tiers):
    """Lookups or an id list, a scan or the index, selected or everyone minus the rest:
    the choice depends on sizes; the figures must not."""
    from services.analytics import buyers, products, timeline
    from services.analytics.reader import app_connection
    from services.analytics.sqlparts import Window
    from services.scoring.rules import LifecycleRules
    window = Window.of(march, LifecycleRules())
    conn = app_connection()
    for f in (Filters(platform='taobao'), Filters(platform='pdd'), Filters(tier_id=tiers['高级会员'])):
        def run(fn):
            return sorted(map(tuple, fn(conn)))
        assert ([run(fn) for _, fn in products.products_queries(window, f, lookup=True)]
                == [run(fn) for _, fn in products.products_queries(window, f, lookup=False)])
        assert (run(buyers.counts_query(window, f, large=True))
                == run(buyers.counts_query(window, f, large=False)))
        both = [{}, {}]
        for i, large in enumerate((True, False)):
            for hour, n, fen in timeline.hours_query(window, f, large)(conn):
                got = both[i].setdefault(hour, [0, 0])
                got[0] += n
                got[1] += fen
        assert ({h: v for h, v in both[0].items() if v != [0, 0]}
                == {h: v for h, v in both[1].items() if v != [0, 0]})
