"""The customers behind a number or a chart element of the dashboard.

Each Drill names a cell; members() returns either a MemberFilter (when the member
list can express the cell: a tier, a segment, a lifecycle stage) or the customer
ids, selected with the same SQL expressions that counted them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import CharField, TextField

from models import Customer, db
from models.dialect import cross_join, postgres

from .. import settings
from ..member_query import SORT_FIELDS, MemberFilter, MemberRow
from ..scoring.rules import LifecycleRules
from .buyers import FLAGS, STAGE_END, STAGE_START, old_lost_sql, per_customer_cte
from .periods import Period, month_index
from .products import product_key_sql
from .reader import Reader
from .results import STAGES, Drill, Filters
from .sqlparts import (CUSTOMER, LINE, Window, completed_orders, customer_where, order_buyer_where,
                       same_sql, weekday_hour_sql)

KINDS = ('kpi', 'month', 'tier', 'tier_active', 'segment', 'segment_buyers', 'stage', 'flow',
         'heat', 'product')

_KPI_WHERE = {
    'buyers': FLAGS['b_cur'], 'orders': FLAGS['b_cur'], 'revenue': FLAGS['b_cur'],
    'aov': FLAGS['b_cur'], 'new_buyers': FLAGS['new_cur'],
    'returning_buyers': f"({FLAGS['b_cur']}) AND NOT ({FLAGS['new_cur']})",
    'repeat_buyers': FLAGS['r_cur'], 'repurchase_rate': FLAGS['r_cur'],
    'churn_rate': f"({FLAGS['b_prev']}) AND NOT ({FLAGS['b_cur']})",
}


@dataclass
class DrillResult:
    member_filter: MemberFilter | None = None
    ids: list[int] | None = None


def members(drill: Drill, period: Period, filters: Filters = Filters(),
            cancelled=None) -> DrillResult:
    """The members behind `drill` for the dashboard of `period` and `filters`, ids in
    the member list's default order (last purchase first). Runs queries: call it off
    the UI thread."""
    kind, key = drill.kind, drill.key
    if kind not in KINDS:
        raise ValueError(kind)
    mf = _member_filter(kind, key, filters)
    if mf is not None:
        return DrillResult(member_filter=mf)
    if kind == 'tier' and filters.tier_id is not None and key[0] != filters.tier_id:
        return DrillResult(ids=[])
    window = Window.of(period, settings.load(LifecycleRules))
    build, extra = _query(kind, key, filters, window)

    def run(conn):
        sql, fparams = build(window.unpaid)
        return [i for (i,) in conn.execute(sql, {**window.params(), **fparams, **extra})]
    found = Reader(cancelled).run([('drill', run)])['drill']
    return DrillResult(ids=sort_ids(found))


def _query(kind: str, key: tuple, filters: Filters, window: Window):
    """(build, extra parameters) for a kind; build(unpaid) -> (sql, filter parameters)."""
    if kind == 'kpi':
        return _pa_sql(filters, _KPI_WHERE[key[0]]), {}
    if kind == 'month':
        where, extra = _month_where(key, window)
        return _pa_sql(filters, where), extra
    if kind == 'tier':
        return _all_customers_sql(filters, same_sql('c.tier_id', ':d_tier')), {'d_tier': key[0]}
    if kind == 'tier_active':
        flag = FLAGS['b_prev'] if key[1:] == ('prev',) else FLAGS['b_cur']
        return _pa_sql(filters, f"{same_sql('tier_id', ':d_tier')} AND {flag}"), {
            'd_tier': key[0]}
    if kind == 'segment':
        return _all_customers_sql(filters, 'c.segment = :d_seg'), {'d_seg': key[0]}
    if kind == 'segment_buyers':
        return _pa_sql(filters, f"segment = :d_seg AND {FLAGS['b_cur']}"), {'d_seg': key[0]}
    if kind == 'stage':
        return _all_customers_sql(filters, 'c.lifecycle = :d_stage'), {'d_stage': key[0]}
    if kind == 'flow':
        source, target = key
        if source not in STAGES or target not in STAGES:
            raise ValueError(key)
        where = f'({STAGE_START}) = :d_from AND ({STAGE_END}) = :d_to'
        old = (source, target) == ('lost', 'lost')
        return _pa_sql(filters, where, old=old), {'d_from': STAGES.index(source),
                                                  'd_to': STAGES.index(target)}
    if kind == 'heat':
        # strftime('%w') counts from Sunday; the heat map's rows from Monday.
        return _heat_sql(filters), {'d_wd': str((key[0] + 1) % 7), 'd_hour': f'{key[1]:02d}'}
    return _product_sql(filters), {'d_key': key[0], 'd_min': 2 if key[1:] == ('repeat',) else 1}


def _member_filter(kind: str, key: tuple, f: Filters) -> MemberFilter | None:
    base = MemberFilter(platform=f.platform, tag_id=f.tag_id, tier_id=f.tier_id)
    if kind == 'tier' and key[0] is not None and f.tier_id in (None, key[0]):
        return base.with_(tier_id=key[0])
    if kind == 'segment' and key[0]:
        return base.with_(segment=key[0])
    if kind == 'stage' and key[0] in STAGES[1:]:
        return base.with_(lifecycle=key[0])
    return None


def _month_where(key: tuple, window: Window) -> tuple[str, dict]:
    month, part = key
    i = month_index(month) - month_index(window.months[0])
    m1 = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    first_in = 'f >= :d_m0 AND f < :d_m1'
    bought = '((mask >> :d_i) & 1) = 1'
    where = {'new': first_in, 'returning': f'{bought} AND NOT ({first_in})',
             'all': bought}[part]
    return where, {'d_i': i, 'd_m0': month.isoformat(), 'd_m1': m1.isoformat()}


# --- SQL per kind: fn(unpaid) -> (sql, params) given the window's parameters ---------

def _pa_sql(filters: Filters, where: str, old: bool = False):
    cond, fparams = customer_where(filters)

    def build(unpaid: bool) -> tuple[str, dict]:
        sql = f'WITH {per_customer_cte(unpaid, cond)} SELECT cid FROM pa WHERE {where}'
        if old:
            sql += f' UNION ALL {old_lost_sql(cond, unpaid)}'
        return sql, fparams
    return build


def _all_customers_sql(filters: Filters, where: str):
    cond, fparams = customer_where(filters)
    return lambda unpaid: (f'SELECT c.id FROM {CUSTOMER} AS c WHERE {cond} AND {where}',
                            fparams)


def _heat_sql(filters: Filters):
    buyer, fparams = order_buyer_where(filters)
    return lambda unpaid: (
        f"SELECT DISTINCT customer_id FROM "
        f"({completed_orders(buyer, 'o.customer_id', ':s', ':e', unpaid)}) AS x "
        f"WHERE {weekday_hour_sql('at')}", fparams)


def _product_sql(filters: Filters):
    buyer, fparams = order_buyer_where(filters)
    return lambda unpaid: (
        f"WITH o AS ({completed_orders(buyer, 'o.id, o.customer_id', ':s', ':e', unpaid)}) "
        f'SELECT o.customer_id FROM o {cross_join()} {LINE} AS l '
        f'ON l.order_id = o.id WHERE {product_key_sql()} = :d_key '
        'GROUP BY o.customer_id HAVING COUNT(DISTINCT o.id) >= :d_min', fparams)


# --- the member list of a drill-down ---------------------------------------------------

def sort_ids(ids: list[int], sort: str = 'last_order_at', descending: bool = True) -> list[int]:
    """`ids` in the member list's order for `sort` (a member_query.SORT_FIELDS key)."""
    if not ids:
        return []
    key = SORT_FIELDS.get(sort, Customer.id)
    column = key.column_name
    way = 'DESC' if descending else 'ASC'
    if postgres():              # NULLs where SQLite puts them: first going up
        nulls = 'LAST' if descending else 'FIRST'
        # Text in code-point order as on SQLite, whatever the server's collation.
        collate = ' COLLATE "C"' if isinstance(key, (CharField, TextField)) else ''
        sql = (f'SELECT c.id FROM {CUSTOMER} AS c WHERE c.id = ANY(?) '
               f'ORDER BY c."{column}"{collate} {way} NULLS {nulls}, c.id {way}')
        return [i for (i,) in db.execute_sql(sql, [list(ids)]).fetchall()]
    sql = (f'SELECT c.id FROM json_each(?) AS j CROSS JOIN {CUSTOMER} AS c ON c.id = j.value '
           f'ORDER BY c."{column}" {way}, c.id {way}')
    return [i for (i,) in db.execute_sql(sql, ['[' + ','.join(map(str, ids)) + ']']).fetchall()]


_ROW_FIELDS = (Customer.id, Customer.nick, Customer.platform, Customer.name, Customer.phone,
               Customer.tier, Customer.tier_locked, Customer.points, Customer.order_count,
               Customer.total_spent, Customer.first_order_at, Customer.last_order_at,
               Customer.segment, Customer.province, Customer.city, Customer.created_at,
               Customer.deleted_at, Customer.rfm, Customer.lifecycle, Customer.loyalty,
               Customer.clv)


def member_rows(ids: list[int]) -> list[MemberRow]:
    """Member list rows for a page of ids, in the order given, with their tags."""
    from ..tags import tags_for
    if not ids:
        return []
    found = {v[0]: MemberRow(*v) for v in
             Customer.select(*_ROW_FIELDS).where(Customer.id.in_(ids)).tuples()}
    rows = [found[i] for i in ids if i in found]
    tags = tags_for([r.id for r in rows])
    for r in rows:
        r.tier_locked = bool(r.tier_locked)
        r.tags = tags.get(r.id, [])
    return rows
