"""Score thresholds for R, F and M: the owner's fixed ones, or quintiles of the shop.

Every score is 1 plus the number of thresholds a buyer reaches, so a threshold
list is four ascending values and one SQL sum of comparisons scores a million rows.

Quintiles: buyers sorted by a value, a buyer's score is the fifth of the list its
value first appears in. Tied values share the lowest such score, so when 80% of
buyers have one order they all score F = 1 and a second order lifts a buyer above
them. Thresholds are read with ORDER BY ... LIMIT 1 OFFSET over the customer
indexes, about 10-20 ms each at a million customers.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from models import Customer

from .rules import FIXED, RfmRules


@dataclass
class Cuts:
    as_of: str                  # YYYY-MM-DD
    mode: str
    buyers: int                 # live customers with a completed order
    r: list                     # last_order_at >= r[k] earns a point (YYYY-MM-DD, ascending)
    f: list                     # order_count >= f[k]
    m: list                     # total_spent (fen) >= m[k]

    def as_dict(self) -> dict:
        return asdict(self)


def day(value: date | datetime | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def compute_cuts(rules: RfmRules, as_of: date) -> Cuts:
    live = Customer.select().where(Customer.deleted_at.is_null())
    buyers = live.where(Customer.order_count > 0).count()
    if rules.mode == FIXED:
        r = [(as_of - timedelta(days=d)).isoformat() for d in reversed(rules.r_days)]
        return Cuts(as_of.isoformat(), rules.mode, buyers, r, list(rules.f_orders),
                    [round(y * 100) for y in rules.m_yuan])
    non_buyers = live.where(Customer.order_count == 0).count()
    # A value's score passes threshold k when at least ceil(k n / 5) buyers have less,
    # that is when it exceeds the value at that position less one.
    positions = [math.ceil(k * buyers / 5) - 1 for k in range(1, 5)]

    def at(field, offset_base, where=None):
        out = []
        for p in positions:
            if p < 0:                  # no buyers: no one passes any threshold
                out.append(None)
                continue
            q = live if where is None else live.where(where)
            out.append(q.select(field).order_by(field).limit(1)
                       .offset(offset_base + p).scalar())
        return out

    last = at(Customer.last_order_at, 0, Customer.last_order_at.is_null(False))
    counts = at(Customer.order_count, 0, Customer.order_count > 0)
    spent = at(Customer.total_spent, non_buyers)
    # A value strictly above the k-th quintile's value passes threshold k.
    far = (as_of + timedelta(days=36500)).isoformat()
    r = [far if v is None else (day(v) + timedelta(days=1)).isoformat() for v in last]
    f = [10 ** 9 if v is None else v + 1 for v in counts]
    m = [10 ** 15 if v is None else v + 1 for v in spent]
    return Cuts(as_of.isoformat(), rules.mode, buyers, r, f, m)


def score_of(value, thresholds) -> int:
    """The score a value gets; the Python twin of the SQL sum, for explanations and tests."""
    return 1 + sum(1 for t in thresholds if value >= t)
