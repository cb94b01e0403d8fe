"""The owner's rules for RFM scores, lifecycle stages, loyalty types and lifetime value."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ValidationError

QUANTILE, FIXED = 'quantile', 'fixed'

# (R high, F high, M high) -> segment, the usual eight of the trade literature.
SEGMENTS = {
    (1, 1, 1): '重要价值客户', (1, 0, 1): '重要发展客户',
    (0, 1, 1): '重要保持客户', (0, 0, 1): '重要挽留客户',
    (1, 1, 0): '一般价值客户', (1, 0, 0): '一般发展客户',
    (0, 1, 0): '一般保持客户', (0, 0, 0): '一般挽留客户',
}
SEGMENT_ORDER = tuple(SEGMENTS.values())
LIFECYCLES = ('new', 'active', 'sleeping', 'lost')
LOYALTIES = ('high', 'inertia', 'price')


def _ascending(name: str, values: list, label: str, strict: bool = True) -> None:
    if len(values) != 4 or any(not isinstance(v, (int, float)) or v < 0 for v in values):
        raise ValidationError(name, f'{label}需要四个不小于 0 的数。')
    pairs = zip(values, values[1:])
    if any((b <= a) if strict else (b < a) for a, b in pairs):
        raise ValidationError(name, f'{label}必须从小到大排列。')


@dataclass
class RfmRules:
    """Each of R, F, M scores 1-5 by quintiles of the shop's buyers, or by the owner's
    thresholds: the four values are what a buyer needs for scores 5, 4, 3, 2 of R
    (at most this many days since the last order) and for scores 2, 3, 4, 5 of F and M."""
    KEY = 'rules.rfm'
    mode: str = QUANTILE
    r_days: list = field(default_factory=lambda: [30, 90, 180, 365])
    f_orders: list = field(default_factory=lambda: [2, 3, 5, 10])
    m_yuan: list = field(default_factory=lambda: [100, 300, 1000, 3000])
    high_from: int = 3          # a score at least this counts as 高 for the segment

    def validate(self) -> None:
        if self.mode not in (QUANTILE, FIXED):
            raise ValidationError('mode', '评分方式只能是分位数或固定阈值。')
        _ascending('r_days', self.r_days, 'R 的天数阈值')
        _ascending('f_orders', self.f_orders, 'F 的订单数阈值')
        _ascending('m_yuan', self.m_yuan, 'M 的金额阈值')
        if self.high_from not in (2, 3, 4, 5):
            raise ValidationError('high_from', '“高”的分数线只能是 2 到 5。')


@dataclass
class LifecycleRules:
    """新客: first order within new_days; 活跃: last order within active_days;
    沉睡: within sleeping_days; 流失: longer ago. Buyers without orders have no stage."""
    KEY = 'rules.lifecycle'
    new_days: int = 30
    active_days: int = 90
    sleeping_days: int = 180

    def validate(self) -> None:
        days = [self.new_days, self.active_days, self.sleeping_days]
        if any(not isinstance(d, int) or d < 1 for d in days):
            raise ValidationError('new_days', '生命周期的天数必须是正整数。')
        if not self.new_days <= self.active_days < self.sleeping_days:
            raise ValidationError('active_days', '天数须满足：新客 ≤ 活跃 < 沉睡。')


@dataclass
class LoyaltyRules:
    """For buyers with 2+ completed orders: 价格忠诚 when at least promo_share percent of
    their orders were paid inside a promotion window; otherwise 高度忠诚 when both R and F
    score at least high_score, or they referred someone and R scores at least 3; otherwise
    惰性忠诚 (they come back, out of habit more than enthusiasm)."""
    KEY = 'rules.loyalty'
    promo_share: int = 60
    high_score: int = 4
    # Month-day windows, inclusive: 年货节, 618, 双11, 双12 by default.
    promo_windows: list = field(default_factory=lambda: [
        ['01-05', '01-20'], ['06-01', '06-20'], ['11-01', '11-12'], ['12-10', '12-12']])

    def validate(self) -> None:
        if not isinstance(self.promo_share, int) or not 1 <= self.promo_share <= 100:
            raise ValidationError('promo_share', '促销占比须在 1% 到 100% 之间。')
        if self.high_score not in (2, 3, 4, 5):
            raise ValidationError('high_score', '高度忠诚的分数线只能是 2 到 5。')
        for w in self.promo_windows:
            if (not isinstance(w, (list, tuple)) or len(w) != 2
                    or not all(_month_day(x) for x in w)):
                raise ValidationError('promo_windows', f'促销时段“{w}”应写成 MM-DD 到 MM-DD。')


def _month_day(text) -> bool:
    if not isinstance(text, str) or len(text) != 5 or text[2] != '-':
        return False
    try:
        month, day = int(text[:2]), int(text[3:])
    except ValueError:
        return False
    return 1 <= month <= 12 and 1 <= day <= 31


@dataclass
class ClvRules:
    """Expected spend over the next horizon_days; see services.scoring.clv for the model."""
    KEY = 'rules.clv'
    horizon_days: int = 365
    shrink_orders: int = 2      # weight of the shop's average order value, in orders
    alive: dict = field(default_factory=lambda: {
        'new': 1.0, 'active': 1.0, 'sleeping': 0.5, 'lost': 0.1})

    def validate(self) -> None:
        if not isinstance(self.horizon_days, int) or not 30 <= self.horizon_days <= 3650:
            raise ValidationError('horizon_days', '预测期须在 30 到 3650 天之间。')
        if not isinstance(self.shrink_orders, int) or self.shrink_orders < 0:
            raise ValidationError('shrink_orders', '收缩权重不能为负。')
        if set(self.alive) != set(LIFECYCLES) or any(
                not isinstance(v, (int, float)) or not 0 <= v <= 1 for v in self.alive.values()):
            raise ValidationError('alive', '各生命周期的留存系数须在 0 到 1 之间。')
