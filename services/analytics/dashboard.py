"""The whole dashboard for a period and filters: its queries shared by two worker
connections (see reader), then added up."""
from __future__ import annotations

from models import db

from .. import settings
from ..scoring.rules import LifecycleRules
from ..tasks import IsCancelled, Progress, check
from . import buyers, products, timeline
from .periods import TREND_MAX_MONTHS, TREND_MIN_MONTHS, Period
from .reader import Reader
from .results import Dashboard, Filters, MonthPoint
from .sqlparts import CUSTOMER, Window, selection

CUSTOMER_PARTS = 4


def definitions(rules: LifecycleRules) -> dict[str, str]:
    """How each figure is counted, in the owner's words (shown beside the numbers)."""
    return {
        'buyers': '本期有交易成功订单的顾客数；关闭、退款、未付款的订单不算。',
        'new_buyers': '第一笔交易成功订单落在本期的顾客。',
        'returning_buyers': '本期购买、而且本期之前就买过的顾客（老客）。',
        'repeat_buyers': '本期内交易成功 2 笔及以上订单的顾客。',
        'repurchase_rate': '复购率 = 本期复购顾客 ÷ 本期购买顾客。',
        'churn_rate': '流失率 = 上期买过、本期没有再买的顾客 ÷ 上期购买顾客；'
                      '上期是紧挨在本期之前、天数相同的一段时间。',
        'revenue': '本期交易成功订单的实付金额合计。',
        'orders': '本期交易成功的订单数。',
        'aov': '客单价 = 本期成交金额 ÷ 成交订单数。',
        'tiers': '会员金字塔按当前等级统计全部会员；活跃会员是本期买过的会员，按当前等级归类。',
        'segments': 'RFM 分群是最近一次评分的结果；成交额占比是各分群在本期的成交额占比。',
        'trend': f'每月新客 = 首单在该月的顾客；老客 = 该月购买、首单更早的顾客。'
                 f'显示截至期末的 {TREND_MIN_MONTHS}–{TREND_MAX_MONTHS} 个月。',
        'heat': '本期交易成功的订单按付款时间的星期和小时计数。',
        'stages': f'生命周期为当前评分：新客 = 首单在 {rules.new_days} 天内，活跃 = 最近一单在 '
                  f'{rules.active_days} 天内，沉睡 = {rules.sleeping_days} 天内，流失 = 更早。',
        'flow': '期初阶段按本期开始前的订单、期末阶段按截至期末的订单，用同样的天数划分；'
                '“未购买”是当时还没有交易成功的订单。',
        'products': '复购顾客 = 本期内有 2 笔及以上订单买过该商品的顾客。',
    }


def compute(period: Period, filters: Filters = Filters(), progress: Progress | None = None,
            cancelled: IsCancelled | None = None) -> Dashboard:
    """Every figure of the dashboard. Its queries take about a second for a shop of
    1,000,000 orders (bench/bench_analytics.py): call it off the UI thread. It opens
    its own read connections and stops at once when `cancelled()` turns true."""
    rules = settings.load(LifecycleRules)
    window = Window.of(period, rules)
    dash = Dashboard(period, period.previous(), filters)
    dash.months = [MonthPoint(m, 0, 0, 0, 0) for m in window.months]
    reader = Reader(cancelled)
    # The per-customer pass is the biggest part: cut into id ranges, it fills the gaps
    # the other queries leave on the two workers.
    top = db.execute_sql(f'SELECT MAX(id) FROM {CUSTOMER}').fetchone()[0] or 0
    step = top // CUSTOMER_PARTS + 1
    parts = [(f'customers_{i + 1}',
              buyers.groups_query(window, filters, (i * step, (i + 1) * step - 1)))
             for i in range(CUSTOMER_PARTS)]
    # How a filter is applied depends on how much of the shop it keeps (see Selection).
    chosen = selection(filters, window)
    product_parts = products.products_queries(window, filters, chosen.chosen > chosen.orders)
    hours = timeline.hours_query(window, filters, chosen.share > 0.5)
    members = buyers.counts_query(window, filters, chosen.share > 0.15)
    results = reader.run([*product_parts, ('hours', hours), *parts, ('members', members),
                          ('tiers', buyers.tiers_query)])
    check(cancelled)
    dash.definitions = definitions(rules)
    groups = [row for name, _ in parts for row in results[name]]
    buyers.assemble(dash, groups, results['members'], results['tiers'])
    timeline.assemble(dash, results['hours'])
    products.assemble(dash, [results[name] for name, _ in product_parts])
    dash.timings = dict(reader.timings)
    dash.cpu = dict(reader.cpu)
    if progress is not None:
        progress(1, 1)
    return dash
