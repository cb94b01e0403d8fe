"""What the dashboard computes: plain dataclasses, ready for the page and the export."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .periods import Period

# Lifecycle stages in flow order; 'none' = not a buyer yet at that date.
STAGES = ('none', 'new', 'active', 'sleeping', 'lost')
ROLES = ('star', 'cash_cow', 'question', 'dog')


@dataclass(frozen=True)
class Filters:
    """Which live customers count: all, or one platform, tag or tier (combined with AND)."""
    platform: str = ''
    tag_id: int | None = None
    tier_id: int | None = None


@dataclass(frozen=True)
class Drill:
    """What a number or chart element stands for; services.analytics.drill_members()
    turns it into the customers behind it. `kind` is one of drill.KINDS."""
    kind: str
    key: tuple = ()


@dataclass
class Kpi:
    key: str                      # buyers, new_buyers, ... (see buyers.KPI_KEYS)
    kind: str                     # count, money (fen) or rate (0..1)
    value: int | float
    previous: int | float
    drill: Drill | None = None

    @property
    def change(self) -> float | None:
        """Counts and money: the relative change (None when the previous period had
        nothing); rates: the difference in percentage points / 100."""
        if self.kind == 'rate':
            return self.value - self.previous
        if not self.previous:
            return None
        return (self.value - self.previous) / self.previous


@dataclass
class TierRow:
    tier_id: int | None           # None: customers without a tier
    name: str
    rank: int
    members: int                  # live members in the tier now (the pyramid)
    active: int                   # of them, bought in the period
    active_previous: int          # bought in the previous period


@dataclass
class SegmentRow:
    name: str                     # '' = not scored yet
    members: int
    buyers: int                   # bought in the period
    revenue: int                  # fen, in the period
    share: float                  # of the period's revenue


@dataclass
class MonthPoint:
    month: date                   # first day of the month
    new: int                      # first completed order ever in this month
    returning: int                # bought this month, first order earlier
    revenue: int                  # fen
    orders: int


@dataclass
class FlowCell:
    source: str                   # stage at the period start (see STAGES)
    target: str                   # stage at the period end
    customers: int


@dataclass
class ProductRow:
    key: str                      # 'p<id>' for a product, 't<title>' for a bare line title
    title: str
    buyers: int                   # bought it in the period
    repeat_buyers: int            # bought it in 2+ orders in the period
    revenue: int                  # fen, its lines in the period
    revenue_previous: int
    share: float                  # of all product revenue in the period
    growth: float | None          # None: nothing sold in the previous period
    role: str = ''                # star, cash_cow, question, dog


@dataclass
class Dashboard:
    period: Period
    previous: Period
    filters: Filters
    kpis: dict[str, Kpi] = field(default_factory=dict)
    tiers: list[TierRow] = field(default_factory=list)
    segments: list[SegmentRow] = field(default_factory=list)
    months: list[MonthPoint] = field(default_factory=list)
    heat: list[list[int]] = field(default_factory=lambda: [[0] * 24 for _ in range(7)])
    stages: dict[str, int] = field(default_factory=dict)     # current lifecycle -> members
    flow: list[FlowCell] = field(default_factory=list)
    products: list[ProductRow] = field(default_factory=list)
    definitions: dict[str, str] = field(default_factory=dict)
    members: int = 0              # live customers the filters select
    timings: dict[str, float] = field(default_factory=dict)   # wall seconds per query
    cpu: dict[str, float] = field(default_factory=dict)       # CPU seconds per query

    @property
    def empty(self) -> bool:
        """No completed order in the period or the one before."""
        k = self.kpis.get('orders')
        return k is None or (not k.value and not k.previous)

    def top_products(self, n: int = 10) -> list[ProductRow]:
        """By repeat buyers, then buyers, then revenue; only products bought in the period."""
        rows = [p for p in self.products if p.buyers]
        rows.sort(key=lambda p: (-p.repeat_buyers, -p.buyers, -p.revenue, p.title))
        return rows[:n]
