"""SQL expressions that score a customer row from its cached order columns.

Thresholds are our own dates and numbers, inlined as literals (checked here),
because one expression repeats them many times and a million rows are scored
by a single UPDATE.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from models.dialect import postgres

from .cuts import Cuts
from .rules import SEGMENTS, ClvRules, LifecycleRules, LoyaltyRules, RfmRules

_DAY = re.compile(r'^\d{4}-\d{2}-\d{2}$')
_MD = re.compile(r'^\d{2}-\d{2}$')


def _day(text: str) -> str:
    if not _DAY.match(text):
        raise ValueError(text)
    return f"'{text}'"


def _num(value) -> str:
    return repr(float(value)) if isinstance(value, float) else str(int(value))


def _flag(condition: str) -> str:
    """A condition as the number 0 or 1 (PostgreSQL's booleans do no arithmetic)."""
    return f'CAST({condition} AS INTEGER)' if postgres() else condition


def score_sql(column: str, thresholds: list, dates: bool = False) -> str:
    lit = _day if dates else _num
    return '(1 + ' + ' + '.join(_flag(f'({column} >= {lit(t)})') for t in thresholds) + ')'


def r_sql(c: Cuts) -> str:
    return score_sql('last_order_at', c.r, dates=True)


def f_sql(c: Cuts) -> str:
    return score_sql('order_count', c.f)


def m_sql(c: Cuts) -> str:
    return score_sql('total_spent', c.m)


def _at_least(column: str, thresholds: list, score: int, dates: bool = False) -> str:
    """score >= n is one comparison: the (n-1)th threshold reached."""
    lit = _day if dates else _num
    return f'({column} >= {lit(thresholds[score - 2])})'


def rfm_text_sql(c: Cuts) -> str:
    return f"CAST({r_sql(c)} * 100 + {f_sql(c)} * 10 + {m_sql(c)} AS TEXT)"


def segment_sql(c: Cuts, rules: RfmRules) -> str:
    h = rules.high_from
    key = (f"{_flag(_at_least('last_order_at', c.r, h, True))} * 4 + "
           f"{_flag(_at_least('order_count', c.f, h))} * 2 + "
           f"{_flag(_at_least('total_spent', c.m, h))}")
    whens = ' '.join(f"WHEN {r * 4 + f * 2 + m} THEN '{name}'"
                     for (r, f, m), name in SEGMENTS.items())
    return f'CASE {key} {whens} END'


def lifecycle_cuts(rules: LifecycleRules, as_of: date) -> tuple[str, str, str]:
    return tuple((as_of - timedelta(days=d)).isoformat()
                 for d in (rules.new_days, rules.active_days, rules.sleeping_days))


def lifecycle_sql(rules: LifecycleRules, as_of: date) -> str:
    new, active, sleeping = (_day(x) for x in lifecycle_cuts(rules, as_of))
    return (f"CASE WHEN first_order_at >= {new} THEN 'new' "
            f"WHEN last_order_at >= {active} THEN 'active' "
            f"WHEN last_order_at >= {sleeping} THEN 'sleeping' ELSE 'lost' END")


def promo_sql(rules: LoyaltyRules, column: str) -> str:
    """True when the month-day of `column` falls in a promotion window (a condition;
    on SQLite also the number 0 or 1, see promo_count_sql).

    One IN over the window's month-days: a range test per window would take the
    substring once per comparison, ~2.5x the cost over a million orders."""
    days = set()
    for start, end in rules.promo_windows:
        if not (_MD.match(start) and _MD.match(end)):
            raise ValueError((start, end))
        if start <= end:
            days.update(md for md in _MONTH_DAYS if start <= md <= end)
        else:                                           # a window across New Year wraps
            days.update(md for md in _MONTH_DAYS if md >= start or md <= end)
    if not days:
        return 'FALSE' if postgres() else '0'
    listed = ', '.join(repr(md) for md in sorted(days))
    if postgres():
        # The CAST lets a text literal through as well as a timestamp column.
        return f"(to_char(CAST({column} AS TIMESTAMP), 'MM-DD') IN ({listed}))"
    return f"(substr({column}, 6, 5) IN ({listed}))"


def promo_count_sql(rules: LoyaltyRules, column: str) -> str:
    """promo_sql as the number 0 or 1, to SUM over orders."""
    return _flag(promo_sql(rules, column))


# Every 'MM-DD' of a leap year.
_MONTH_DAYS = tuple((date(2000, 1, 1) + timedelta(days=i)).strftime('%m-%d') for i in range(366))


def loyalty_sql(c: Cuts, rules: LoyaltyRules) -> str:
    hs = rules.high_score
    referred = ('EXISTS (SELECT 1 FROM customer AS ref '
                'WHERE ref.referred_by_id = customer.id AND ref.deleted_at IS NULL)')
    return (f"CASE WHEN order_count < 2 THEN '' "
            f"WHEN promo_orders * 100 >= {_num(rules.promo_share)} * order_count THEN 'price' "
            f"WHEN ({_at_least('last_order_at', c.r, hs, True)} "
            f"AND {_at_least('order_count', c.f, hs)}) "
            f"OR ({_at_least('last_order_at', c.r, 3, True)} AND {referred}) THEN 'high' "
            f"ELSE 'inertia' END")


def clv_sql(rules: ClvRules, prior: dict, lifecycle: str) -> str:
    """See services.scoring.clv for the model; this is its formula in SQL."""
    a, b, aov = _num(float(prior['a'])), _num(float(prior['b'])), _num(float(prior['aov']))
    k, horizon = _num(rules.shrink_orders), _num(rules.horizon_days)
    alive = ' '.join(f"WHEN '{stage}' THEN {_num(float(w))}" for stage, w in rules.alive.items())
    span = span_days_sql()
    return (f"CAST(ROUND((total_spent + {k} * {aov}) / (order_count + {k}) "
            f"* {horizon} * (order_count - 1 + {a}) / ({span} + {b}) "
            f"* (CASE {lifecycle} {alive} ELSE 0 END)) AS INTEGER)")


def span_days_sql() -> str:
    """Fractional days from the first order to the last, at least 1."""
    if postgres():
        # NUMERIC: ROUND then rounds half away from zero, as SQLite's and clv() do.
        return ('GREATEST(CAST(EXTRACT(EPOCH FROM (last_order_at - first_order_at)) AS NUMERIC)'
                ' / 86400, 1.0)')
    return 'MAX(julianday(last_order_at) - julianday(first_order_at), 1.0)'
