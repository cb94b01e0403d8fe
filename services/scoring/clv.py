"""Customer lifetime value: what a buyer is expected to spend over the next horizon.

    CLV = AOV' x E x P

- AOV' is the buyer's average order value pulled toward the shop's:
  (spend + k x shop_aov) / (orders + k). A buyer with one order of ¥999 is not
  yet known to be a ¥999 buyer; with ten orders the buyer's own average
  dominates. This is the shape of the Gamma-Gamma model's posterior mean, with
  k (shrink_orders, default 2) in place of its fitted parameters.
- E is expected orders in the horizon while the buyer stays: horizon x (x + a) /
  (t + b), where x is repeat orders (orders - 1) and t the days from the first to
  the last order (at least 1). It is the posterior mean purchase rate of the
  Gamma-Poisson (NBD) model, with the shop's Gamma prior (a, b) fitted by the
  method of moments on every buyer's observed rate x / t (fit_prior below).
  Measuring t to the last order rather than to today keeps CLV from drifting
  every day; silence since the last order is what P below weighs.
- P is how likely the buyer still buys, by lifecycle stage: 新客/活跃 1.0,
  沉睡 0.5, 流失 0.1 by default. BG/NBD derives this from recency and frequency;
  a fixed weight per stage is coarser but one the owner can read and change.

Everything is arithmetic on cached customer columns, so one UPDATE scores a
million buyers; fitting the prior is one aggregate query.
"""
from __future__ import annotations

import math

from models import db
from models.dialect import not_indexed

from .rules import ClvRules
from .sql import span_days_sql

_DEFAULT_B = 365.0


SAMPLE = 50_000     # buyers whose rates fit the prior; moments of 50,000 are plenty


def fit_prior(buyers: int) -> dict:
    step = max(1, buyers // SAMPLE)
    # NOT INDEXED: a plain scan beats a million random reads through an index.
    row = db.execute_sql(
        'SELECT COUNT(rate), SUM(rate), SUM(rate * rate), SUM(1.0 / span), SUM(total_spent), '
        'SUM(order_count) FROM (SELECT CASE WHEN id % ? = 0 THEN (order_count - 1) * 1.0 / span '
        'END AS rate, CASE WHEN id % ? = 0 THEN span END AS span, total_spent, order_count '
        f'FROM (SELECT CASE WHEN id % ? = 0 THEN {span_days_sql()} END AS span, id, '
        f'total_spent, order_count FROM {not_indexed("customer")} '
        'WHERE deleted_at IS NULL AND order_count > 0) AS spans) AS rates',
        (step, step, step)).fetchone()
    # PostgreSQL sums to Decimal: floats and ints for the arithmetic and the stored JSON.
    n, s1, s2, inv_t, spent, orders = row or (0, None, None, None, None, None)
    return prior_from_moments(int(n or 0), float(s1 or 0), float(s2 or 0), float(inv_t or 0),
                              int(spent or 0), int(orders or 0))


def prior_from_moments(n: int, sum_rate: float, sum_rate2: float, sum_inv_t: float,
                       spent: int, orders: int) -> dict:
    """Gamma(a, b) prior on daily purchase rates from the observed rates' moments.

    The observed rate x/T carries Poisson noise of variance rate/T, so the
    spread of true rates is the observed variance less mean x mean(1/T)."""
    aov = spent / orders if orders else 0.0
    if n == 0:
        return {'a': 0.0, 'b': _DEFAULT_B, 'aov': aov}
    mean = sum_rate / n
    var = max(sum_rate2 / n - mean * mean - mean * sum_inv_t / n, 0.0)
    if mean <= 0:
        return {'a': 0.0, 'b': _DEFAULT_B, 'aov': aov}
    # Little spread between buyers: a strong prior worth a year of observation.
    b = mean / var if var > 0 else _DEFAULT_B
    b = min(max(b, 1.0), 3650.0)
    return {'a': mean * b, 'b': b, 'aov': aov}


def clv(spent: int, orders: int, span_days: float, stage: str, prior: dict,
        rules: ClvRules) -> int:
    """The model for one buyer, in fen; the SQL in scoring.sql computes the same."""
    if orders <= 0:
        return 0
    k = rules.shrink_orders
    aov = (spent + k * prior['aov']) / (orders + k)
    expected = rules.horizon_days * (orders - 1 + prior['a']) / (max(span_days, 1.0) + prior['b'])
    # Half away from zero, as SQL's ROUND does.
    return int(math.floor(aov * expected * rules.alive.get(stage, 0.0) + 0.5))
