"""Why a customer has the scores they have, in sentences the owner can check."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models import Customer

from .clv import clv as clv_of
from .cuts import day, score_of
from .refresh import State, load_rules, load_state
from .rules import SEGMENTS

LIFECYCLE_NAMES = {'new': '新客', 'active': '活跃', 'sleeping': '沉睡', 'lost': '流失'}
LOYALTY_NAMES = {'price': '价格忠诚', 'inertia': '惰性忠诚', 'high': '高度忠诚'}


@dataclass
class Explanation:
    r: int = 0
    f: int = 0
    m: int = 0
    segment: str = ''
    lifecycle: str = ''
    loyalty: str = ''
    clv: int = 0
    lines: list = field(default_factory=list)       # (label, value, why)


def _yuan(fen: int) -> str:
    return f'¥{fen / 100:,.2f}'


def explain(customer_id: int, as_of: date | None = None) -> Explanation:
    c = Customer.get_by_id(customer_id)
    rules, state = load_rules(), load_state()
    out = Explanation(segment=c.segment, lifecycle=c.lifecycle, loyalty=c.loyalty, clv=c.clv)
    if c.order_count <= 0 or c.last_order_at is None or state is None:
        out.lines.append(('RFM', '—', '还没有成交订单，暂不评分。'))
        return out
    as_of = as_of or state.as_of
    cuts = state.cuts
    last = day(c.last_order_at)
    out.r = score_of(last.isoformat(), cuts.r)
    out.f = score_of(c.order_count, cuts.f)
    out.m = score_of(c.total_spent, cuts.m)
    how = '按店铺顾客的五等分位' if cuts.mode == 'quantile' else '按设定的阈值'
    days = (as_of - last).days
    r_need = [f'{t} 起' for t in cuts.r]
    out.lines.append(('R', str(out.r), f'最近一次成交在 {last}（{days} 天前）；{how}，'
                                       f'R 的 2-5 分分别要求最近成交在 {"、".join(r_need)}。'))
    out.lines.append(('F', str(out.f), f'成交 {c.order_count} 笔；F 的 2-5 分分别要求至少 '
                                       f'{"、".join(_count(t) for t in cuts.f)} 笔。'))
    out.lines.append(('M', str(out.m), f'累计消费 {_yuan(c.total_spent)}；M 的 2-5 分分别要求至少 '
                                       f'{"、".join(_money(t) for t in cuts.m)}。'))
    h = rules.rfm.high_from
    flags = tuple(int(s >= h) for s in (out.r, out.f, out.m))
    word = lambda x: '高' if x else '低'  # noqa: E731
    out.lines.append(('RFM分群', SEGMENTS[flags],
                      f'分数 ≥ {h} 为高：R{word(flags[0])} F{word(flags[1])} M{word(flags[2])}。'))
    lc = rules.lifecycle
    first = day(c.first_order_at) if c.first_order_at else last
    out.lines.append(('生命周期', LIFECYCLE_NAMES.get(c.lifecycle, '—'),
                      f'首单 {first}，末单 {days} 天前；新客 = 首单在 {lc.new_days} 天内，'
                      f'活跃 = {lc.active_days} 天内有成交，沉睡 = {lc.sleeping_days} 天内，更久为流失。'))
    lo = rules.loyalty
    if c.order_count < 2:
        loyal_why = '只成交过一次，还谈不上忠诚类型。'
    else:
        share = round(100 * c.promo_orders / c.order_count)
        loyal_why = (f'{c.order_count} 笔中 {c.promo_orders} 笔在促销期（{share}%，'
                     f'≥ {lo.promo_share}% 为价格忠诚）；R、F 都 ≥ {lo.high_score} 或有转介绍为高度忠诚；'
                     f'其余复购为惰性忠诚。')
    out.lines.append(('忠诚类型', LOYALTY_NAMES.get(c.loyalty, '—'), loyal_why))
    out.lines.append(('CLV', _yuan(c.clv), _clv_why(c, state, rules)))
    return out


def _count(t: int) -> str:
    return '—' if t >= 10 ** 9 else str(t)


def _money(t: int) -> str:
    return '—' if t >= 10 ** 15 else _yuan(t)


def _clv_why(c, state: State, rules) -> str:
    cr, prior = rules.clv, state.prior
    # Fractional days, as SQL's julianday difference has them.
    first = c.first_order_at or c.last_order_at
    span = max((c.last_order_at - first).total_seconds() / 86400, 1.0)
    k = cr.shrink_orders
    aov = (c.total_spent + k * prior['aov']) / (c.order_count + k)
    rate = cr.horizon_days * (c.order_count - 1 + prior['a']) / (span + prior['b'])
    alive = cr.alive.get(c.lifecycle, 0.0)
    est = clv_of(c.total_spent, c.order_count, span, c.lifecycle, prior, cr)
    return (f'预计 {cr.horizon_days} 天内：客单价 {_yuan(round(aov))} × 预计 {rate:.2f} 单 × '
            f'留存系数 {alive:g}（{LIFECYCLE_NAMES.get(c.lifecycle, "—")}）≈ {_yuan(est)}。')
