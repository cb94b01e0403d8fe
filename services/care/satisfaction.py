"""Satisfaction as SQL aggregates: the average score (1-5) and the number of answers per
month and per member tier, over live customers.

Meant for the customer detail and the dashboard; every function takes the same
optional narrowing (one survey, a date range, one customer). A tier is the buyer's
tier now, not when they answered.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import fn

from models import Customer, Tier
from models.care import SurveyResponse


@dataclass
class MonthPoint:
    month: str              # 'YYYY-MM'
    average: float          # 1.0 - 5.0, two decimals
    count: int


@dataclass
class TierPoint:
    tier_id: int | None     # None: buyers without a tier
    tier: str
    average: float
    count: int


def _filtered(query, survey_id: int | None, since: date | None, until: date | None,
              customer_id: int | None = None):
    query = query.join(Customer, on=(SurveyResponse.customer == Customer.id)).where(
        Customer.deleted_at.is_null())
    if survey_id is not None:
        query = query.where(SurveyResponse.survey == survey_id)
    if since is not None:
        query = query.where(SurveyResponse.answered_at >= since)
    if until is not None:
        query = query.where(SurveyResponse.answered_at <= until)
    if customer_id is not None:
        query = query.where(SurveyResponse.customer == customer_id)
    return query


def _avg(value) -> float:
    # PostgreSQL gives AVG of integers as Decimal.
    return round(float(value or 0), 2)


def by_month(survey_id: int | None = None, since: date | None = None,
             until: date | None = None, customer_id: int | None = None) -> list[MonthPoint]:
    """Months that have answers, oldest first."""
    # Dates are 'YYYY-MM-DD' text in SQLite and cast to it in PostgreSQL.
    month = fn.SUBSTR(SurveyResponse.answered_at.cast('TEXT'), 1, 7)
    q = _filtered(SurveyResponse.select(month.alias('m'), fn.AVG(SurveyResponse.score),
                                        fn.COUNT(SurveyResponse.id)),
                  survey_id, since, until, customer_id)
    return [MonthPoint(m, _avg(a), n)
            for m, a, n in q.group_by(month).order_by(month).tuples()]


def by_tier(survey_id: int | None = None, since: date | None = None,
            until: date | None = None) -> list[TierPoint]:
    """Tiers that have answers, lowest rank first; buyers without a tier last."""
    q = _filtered(SurveyResponse.select(Customer.tier, fn.AVG(SurveyResponse.score),
                                        fn.COUNT(SurveyResponse.id)),
                  survey_id, since, until)
    rows = {t: (a, n) for t, a, n in q.group_by(Customer.tier).tuples()}
    out = []
    for tid, name in Tier.select(Tier.id, Tier.name).order_by(Tier.rank, Tier.id).tuples():
        if tid in rows:
            a, n = rows.pop(tid)
            out.append(TierPoint(tid, name, _avg(a), n))
    if None in rows:
        a, n = rows[None]
        out.append(TierPoint(None, '未分级', _avg(a), n))
    return out


def overall(survey_id: int | None = None, since: date | None = None,
            until: date | None = None, customer_id: int | None = None) -> tuple[float, int]:
    """(average, number of answers); (0.0, 0) without answers."""
    q = _filtered(SurveyResponse.select(fn.AVG(SurveyResponse.score),
                                        fn.COUNT(SurveyResponse.id)),
                  survey_id, since, until, customer_id)
    a, n = q.tuples().first() or (None, 0)
    return _avg(a), n or 0
