"""Orders by the hour: the weekday x hour heat map of the period and the monthly
revenue and order counts of the trend.

SQLite sorts every row of a GROUP BY whose key is not an index order (~0.5-1 us a
row), so the hours are not grouped that way: a recursive CTE lists the hours, and
for each one a correlated subquery sums that hour's range of the paid_at index.
Every order is read once, in index order, and nothing is sorted. Filters (and the
recycle bin) are applied apart: see hours_query.
On a PostgreSQL server the hours are a plain GROUP BY (it hashes rather than sorts).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from models.dialect import cross_join, postgres

from .periods import month_index
from .sqlparts import (CUSTOMER, ORDER, Window, complement_where, completed_orders,
                       customer_where, hour_sql, order_buyer_where, subtract_bin)

_HOURS = '''WITH RECURSIVE h(t, u) AS (
  SELECT datetime(:h0), datetime(:h0, '+1 hour')
  UNION ALL SELECT u, datetime(u, '+1 hour') FROM h WHERE u < :e_time)
SELECT substr(t, 1, 13), (SELECT COUNT(*) || ',' || IFNULL(SUM(o.amount), 0) FROM {order} AS o
  WHERE o.completed = TRUE AND o.paid_at >= h.t AND o.paid_at < h.u)
FROM h'''

_FILTERED = '''SELECT {hour}, COUNT(*), SUM(o.amount)
FROM {customer} AS c {join} {order} AS o ON o.customer_id = c.id AND o.completed = TRUE
  AND o.paid_at >= :h0 AND o.paid_at < :e
WHERE {cond} GROUP BY 1'''

_GROUPED = '''SELECT {hour}, COUNT(*), SUM(amount) FROM ({orders}) AS x GROUP BY 1'''


def _every_hour() -> str:
    """Every completed order's hours: on a server, a plain GROUP BY."""
    if postgres():
        return _grouped(completed_orders('', 'o.amount', ':h0', ':e', False))
    return _HOURS.format(order=ORDER)


def _grouped(orders: str) -> str:
    return _GROUPED.format(hour=hour_sql('at'), orders=orders)


def _filtered(cond: str) -> str:
    return _FILTERED.format(hour=hour_sql('o.paid_at'), customer=CUSTOMER, join=cross_join(),
                            order=ORDER, cond=cond)


def hours_query(window: Window, filters, large: bool = True):
    """fn(conn) -> [(hour 'YYYY-MM-DD HH', orders, fen)] from the first trend month (or
    the period start, if earlier) to the period end; an hour may come more than once
    (the parts add up, the left-out customers' with a minus sign).

    A filter inside the per-hour subquery would rebuild its id list every hour, so a
    filter is applied apart: everyone's hours minus those of the customers it leaves
    out (the recycle bin alone without filters) when it keeps most of the shop
    (`large`, see sqlparts.Selection), else the selected customers' orders
    grouped (a sort of those only)."""
    p = window.params()
    params = {'h0': min(p['t0'], p['s']), 'e': p['e'], 'e_time': p['e'] + ' 00:00:00'}
    unpaid = window.unpaid
    if subtract_bin(filters):
        # The bin through the deleted_at index, its orders through the customer index.
        binned, _ = order_buyer_where(filters, binned=True)
        parts = [(1, _every_hour()),
                 (-1, _grouped(completed_orders(binned, 'o.amount', ':h0', ':e', unpaid)))]
        if unpaid:
            parts.append((1, _unpaid_sql('')))
    elif large:
        cond, fparams = complement_where(filters)
        parts = [(1, _every_hour()), (-1, _filtered(cond))]
        if unpaid:
            parts += [(1, _unpaid_sql('')), (-1, _unpaid_sql(
                f' AND o.customer_id IN (SELECT c.id FROM {CUSTOMER} AS c WHERE {cond})'))]
        params.update(fparams)
    else:
        cond, fparams = customer_where(filters)
        parts = [(1, _filtered(cond))]
        if unpaid:
            parts.append((1, _unpaid_sql(' AND ' + order_buyer_where(filters)[0])))
        params.update(fparams)

    def run(conn):
        out = []
        for sign, sql in parts:
            for hour, *values in conn.execute(sql, params):
                if len(values) == 1:                    # the per-hour pass packs both
                    values = values[0].split(',')
                n, fen = int(values[0]), int(values[1] or 0)
                if n:
                    out.append((hour, sign * n, sign * fen))
        return out
    return run


def _unpaid_sql(where: str) -> str:
    return _grouped((
        f'SELECT o.amount, o.created_at AS at FROM {ORDER} AS o WHERE o.completed = TRUE '
        f'AND o.paid_at IS NULL AND o.created_at >= :h0 AND o.created_at < :e{where}'))


def assemble(dash, hours: list[tuple]) -> None:
    """Heat map of the period (weekday Monday=0 x hour) and the months' revenue."""
    start, stop = dash.period.start.isoformat(), dash.period.stop.isoformat()
    first = month_index(dash.months[0].month) if dash.months else 0
    revenue, orders = defaultdict(int), defaultdict(int)
    heat = [[0] * 24 for _ in range(7)]
    weekdays: dict[str, int] = {}
    for hour, n, fen in hours:
        day = hour[:10]
        if start <= day < stop:
            weekday = weekdays.get(day)
            if weekday is None:
                weekday = weekdays[day] = date.fromisoformat(day).weekday()
            heat[weekday][int(hour[11:13])] += n
        m = int(hour[:4]) * 12 + int(hour[5:7]) - 1 - first
        revenue[m] += fen
        orders[m] += n
    dash.heat = heat
    for i, point in enumerate(dash.months):
        point.revenue = revenue.get(i, 0)
        point.orders = orders.get(i, 0)
