"""Shop-wide headline numbers for the CLI `stats` command and the dashboard.

Every number is a SQL aggregate: the cost is a few index scans, never a
Python loop over customers or orders. Orders are counted from the orders
table itself (not from the cached customer columns), so the figures stay
right even before a refresh; customers in the recycle bin are left out
everywhere, with their orders.
"""
from __future__ import annotations

from peewee import JOIN, Case, fn

from models import Customer, Order, Tier


def _order_totals() -> dict:
    """Buyers, repeat buyers, completed orders and revenue of live customers."""
    per_buyer = (Order.select(Order.customer.alias('cid'), fn.COUNT(Order.id).alias('n'),
                              fn.SUM(Order.amount).alias('s'))
                 .where(Order.completed == True)  # noqa: E712 (peewee expression)
                 .group_by(Order.customer).alias('per_buyer'))
    row = (Customer.select(fn.COUNT(per_buyer.c.cid),
                           fn.SUM(Case(None, [(per_buyer.c.n >= 2, 1)], 0)),
                           fn.SUM(per_buyer.c.n), fn.SUM(per_buyer.c.s))
           .join(per_buyer, on=(Customer.id == per_buyer.c.cid))
           .where(Customer.deleted_at.is_null())
           .tuples().get())
    buyers, repeaters, orders, revenue = (int(v or 0) for v in row)
    return dict(buyers=buyers, repeaters=repeaters, orders=orders, revenue_fen=revenue)


def _tier_counts() -> dict[str, int]:
    """Every tier by rank, with its live customers (0 when empty)."""
    live = (Customer.tier == Tier.id) & Customer.deleted_at.is_null()
    rows = (Tier.select(Tier.name, fn.COUNT(Customer.id))
            .join(Customer, JOIN.LEFT_OUTER, on=live)
            .group_by(Tier.id, Tier.name, Tier.rank).order_by(Tier.rank).tuples())
    return {name: n for name, n in rows}


def _segment_counts() -> dict[str, int]:
    rows = (Customer.select(Customer.segment, fn.COUNT(Customer.id))
            .where(Customer.deleted_at.is_null(), Customer.segment != '')
            .group_by(Customer.segment).order_by(fn.COUNT(Customer.id).desc(),
                                                 Customer.segment).tuples())
    return {name: n for name, n in rows}


def shop_stats() -> dict:
    """Headline numbers as plain JSON-ready data.

    revenue is in yuan (2 decimals) for people and scripts; revenue_fen is the
    exact integer for code that does arithmetic with it.
    """
    customers = (Customer.select(fn.COUNT(Customer.id))
                 .where(Customer.deleted_at.is_null()).scalar() or 0)
    t = _order_totals()
    rate = round(t['repeaters'] / t['buyers'], 4) if t['buyers'] else 0.0
    return {
        'customers': customers,
        'buyers': t['buyers'],
        'repeat_buyers': t['repeaters'],
        'orders': t['orders'],
        'revenue': round(t['revenue_fen'] / 100, 2),
        'revenue_fen': t['revenue_fen'],
        'repurchase_rate': rate,
        'tiers': _tier_counts(),
        'segments': _segment_counts(),
    }
