"""SQL pieces the dashboard's queries share: table names, the customer filter, the
dates of a period as bound parameters, the lifecycle stage at a date.

Times compare as text: SQLite keeps them as 'YYYY-MM-DD HH:MM:SS', so a day
'YYYY-MM-DD' bounds them exactly (t >= '2025-03-01' and t < '2025-04-01').
PostgreSQL keeps timestamps and reads the same text as midnight of that day; what
else differs there goes through the helpers below and models.dialect.
An order's time is when it was paid, or made when it has no payment time, as
in the customers' cached purchase dates.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models import Customer, CustomerTag, Order, OrderLine, Product, Tier, db
from models.dialect import month_index_sql, postgres

from ..scoring.rules import LifecycleRules
from .periods import Period, month_index, trend_months
from .results import Filters

CUSTOMER = f'"{Customer._meta.table_name}"'
ORDER = f'"{Order._meta.table_name}"'
LINE = f'"{OrderLine._meta.table_name}"'
PRODUCT = f'"{Product._meta.table_name}"'
TAG_LINK = f'"{CustomerTag._meta.table_name}"'
TIER = f'"{Tier._meta.table_name}"'


def customer_where(f: Filters, c: str = 'c') -> tuple[str, dict]:
    """Live customers the filters select, as a condition on customer alias `c`."""
    parts, params = [f'{c}.deleted_at IS NULL'], {}
    if f.platform:
        parts.append(f'{c}.platform = :f_platform')
        params['f_platform'] = f.platform
    if f.tier_id is not None:
        parts.append(f'{c}.tier_id = :f_tier')
        params['f_tier'] = f.tier_id
    if f.tag_id is not None:
        # IN, not EXISTS: the planner can start from the (tag, customer) index.
        parts.append(f'{c}.id IN (SELECT customer_id FROM {TAG_LINK} WHERE tag_id = :f_tag)')
        params['f_tag'] = f.tag_id
    return ' AND '.join(parts), params


def complement_where(f: Filters, c: str = 'c') -> tuple[str, dict]:
    """Every customer the filters leave out, the recycle bin included."""
    cond, params = customer_where(f, c)
    return f'NOT ({cond})', params


@dataclass
class Selection:
    """How big the filtered set is, which decides how a filter is best applied: reading
    a wide customer row by its id costs ~1.5 us, a scan of the table ~0.2 us a row,
    building an id list to probe ~1 us an id."""
    chosen: int                   # live customers the filters keep
    everyone: int                 # every customer, the recycle bin included
    orders: int = 0               # completed or not, paid in the period and the one before

    @property
    def share(self) -> float:
        return self.chosen / self.everyone if self.everyone else 1.0


def selection(f: Filters, window: 'Window') -> Selection:
    """Two covering-index counts and one of the paid_at index, a few ms to ~30 ms."""
    everyone = db.execute_sql(f'SELECT COUNT(*) FROM {CUSTOMER}').fetchone()[0]
    if f == Filters():
        return Selection(everyone, everyone)
    cond, params = customer_where(f)
    chosen = db.execute_sql(f'SELECT COUNT(*) FROM {CUSTOMER} AS c WHERE {cond}',
                            params).fetchone()[0]
    p = window.params()
    orders = db.execute_sql(f'SELECT COUNT(*) FROM {ORDER} WHERE paid_at >= ? AND paid_at < ?',
                            [p['ps'], p['e']]).fetchone()[0]
    return Selection(chosen, everyone, orders)


def order_buyer_where(f: Filters, o: str = 'o', binned: bool = False,
                      lookup: bool = False) -> tuple[str, dict]:
    """The filter as a condition on an order's customer. Without filters: the orders of
    the recycle bin (binned=True), which callers subtract from all orders; probing
    each order against the bin instead cost ~0.3 us an order. With filters: a list of
    the selected ids to probe, or (`lookup`, when the orders are fewer than the
    selected customers) each order's customer read by its id."""
    if f == Filters():
        op = 'IN' if binned else 'NOT IN'
        return (f'{o}.customer_id {op} (SELECT id FROM {CUSTOMER} '
                f'WHERE deleted_at IS NOT NULL)'), {}
    cond, params = customer_where(f)
    if lookup:
        return (f'EXISTS (SELECT 1 FROM {CUSTOMER} AS c WHERE c.id = {o}.customer_id '
                f'AND {cond})'), params
    return f'{o}.customer_id IN (SELECT c.id FROM {CUSTOMER} AS c WHERE {cond})', params


def subtract_bin(f: Filters) -> bool:
    """Whether a query runs over every order and then takes off the recycle bin's."""
    return f == Filters()


def completed_orders(where: str, columns: str, low: str, high: str, unpaid: bool) -> str:
    """Completed orders timed in [low, high), with their time as `at`, through the
    paid_at index; with `unpaid`, also those with no payment time, by creation time."""
    extra = f' AND {where}' if where else ''
    sql = (f'SELECT {columns}, o.paid_at AS at FROM {ORDER} AS o '
           f'WHERE o.completed = TRUE AND o.paid_at >= {low} AND o.paid_at < {high}{extra}')
    if unpaid:
        sql += (f' UNION ALL SELECT {columns}, o.created_at AS at FROM {ORDER} AS o '
                f'WHERE o.completed = TRUE AND o.paid_at IS NULL AND o.created_at >= {low} '
                f'AND o.created_at < {high}{extra}')
    return sql


def has_unpaid_completed() -> bool:
    """Completed orders without a payment time (a shop's own sheet) need the slower,
    general form of the queries; one look per dashboard (~20 ms at 1M orders)."""
    return bool(db.execute_sql(f'SELECT EXISTS (SELECT 1 FROM {ORDER} '
                               'WHERE paid_at IS NULL AND completed = TRUE)').fetchone()[0])


def month_bit(at: str, base: str = ':base') -> str:
    """1 << (months since the first trend month) for a time column."""
    if postgres():              # 64-bit: up to 36 months
        return f'(CAST(1 AS BIGINT) << ({month_index_sql(at)} - {base}))'
    return (f'(1 << (CAST(substr({at}, 1, 4) AS INTEGER) * 12 '
            f'+ CAST(substr({at}, 6, 2) AS INTEGER) - 1 - {base}))')


def month_number(at: str, base: str = ':base') -> str:
    if postgres():
        return f'({month_index_sql(at)} - {base})'
    return (f'(CAST(substr({at}, 1, 4) AS INTEGER) * 12 '
            f'+ CAST(substr({at}, 6, 2) AS INTEGER) - 1 - {base})')


# --- what differs on a PostgreSQL server (SQLite's own text otherwise) ----------------

def big_sum(expr: str, distinct: bool = False) -> str:
    """SUM of a 64-bit value as an integer (PostgreSQL would give numeric)."""
    inner = f'SUM(DISTINCT {expr})' if distinct else f'SUM({expr})'
    return f'CAST({inner} AS BIGINT)' if postgres() else inner


def hour_sql(at: str) -> str:
    """'YYYY-MM-DD HH' of a time column."""
    return f"to_char({at}, 'YYYY-MM-DD HH24')" if postgres() else f'substr({at}, 1, 13)'


def weekday_hour_sql(at: str) -> str:
    """A condition: `at` falls on weekday :d_wd (text, Sunday '0') at hour :d_hour ('07')."""
    if postgres():
        return (f"EXTRACT(DOW FROM {at}) = CAST(:d_wd AS INTEGER) "
                f"AND to_char({at}, 'HH24') = :d_hour")
    return f"strftime('%w', {at}) = :d_wd AND substr({at}, 12, 2) = :d_hour"


def iif_sql(cond: str, then: str, other: str) -> str:
    if postgres():
        return f'CASE WHEN {cond} THEN {then} ELSE {other} END'
    return f'iif({cond}, {then}, {other})'


def same_sql(a: str, b: str) -> str:
    """a = b, where NULL equals NULL."""
    return f'{a} IS NOT DISTINCT FROM {b}' if postgres() else f'{a} IS {b}'


@dataclass
class Window:
    """The dates one dashboard needs, as text parameters."""
    period: Period
    rules: LifecycleRules
    months: list[date]
    unpaid: bool = False          # see has_unpaid_completed()

    @classmethod
    def of(cls, period: Period, rules: LifecycleRules) -> 'Window':
        """Reads the database: call it on the thread that computes."""
        return cls(period, rules, trend_months(period), has_unpaid_completed())

    def params(self) -> dict:
        p, prev = self.period, self.period.previous()
        before = prev.previous()
        r = self.rules

        def back(d: date, days: int) -> str:
            return (d - timedelta(days=days)).isoformat()
        out = {'s': p.start.isoformat(), 'e': p.stop.isoformat(),
               'ps': prev.start.isoformat(), 'pps': before.start.isoformat(),
               't0': self.months[0].isoformat(), 'base': month_index(self.months[0])}
        for key, day in (('s', p.start), ('e', p.stop)):
            out[f'{key}_new'] = back(day, r.new_days)
            out[f'{key}_active'] = back(day, r.active_days)
            out[f'{key}_sleep'] = back(day, r.sleeping_days)
        # Every order the per-customer pass needs is at or after this.
        out['w'] = min(out['pps'], out['s_sleep'], out['t0'])
        return out
