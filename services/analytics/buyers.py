"""Everything counted per customer: KPIs, active members per tier, RFM segments,
lifecycle flow and the monthly new and returning buyers.

One pass over the covering order index (customer_id, completed, paid_at, amount)
groups the orders per customer as they come, without a sort; each buyer's row is
joined once to the customer for the filters, tier, segment and first order, kept
as a materialised CTE, and grouped twice: by (tier, segment, flags, stages) and by
(months bought, month of the first order). Python only adds up those groups.
"""
from __future__ import annotations

from collections import defaultdict

from models.dialect import cross_join, flag_sql, no_index, not_indexed, postgres

from ..scoring.rules import LIFECYCLES, SEGMENT_ORDER
from .results import STAGES, Drill, FlowCell, Kpi, SegmentRow, TierRow
from .sqlparts import (CUSTOMER, ORDER, TIER, Window, big_sum, customer_where, iif_sql,
                       month_bit, month_number)

KPI_KEYS = ('buyers', 'new_buyers', 'returning_buyers', 'repeat_buyers', 'repurchase_rate',
            'churn_rate', 'revenue', 'orders', 'aov')


def _source(unpaid: bool, extra: str = '') -> str:
    if not unpaid:
        # Unary plus keeps the planner off any index on completed or paid_at (a time
        # index would need a sort): the covering (customer_id, completed, paid_at,
        # amount) index, read in customer order, feeds the GROUP BY as it goes.
        paid = no_index('paid_at')
        return (f'SELECT customer_id, paid_at AS at, amount FROM {ORDER} '
                f"WHERE {no_index('completed')} = TRUE AND {paid} >= :w AND {paid} < :e{extra}")
    return (f'SELECT customer_id, paid_at AS at, amount FROM {ORDER} '
            f'WHERE completed = TRUE AND paid_at >= :w AND paid_at < :e{extra} UNION ALL '
            f'SELECT customer_id, created_at, amount FROM {ORDER} WHERE completed = TRUE '
            f'AND paid_at IS NULL AND created_at >= :w AND created_at < :e{extra}')


_FIELD = 21                     # bits per packed count: 2,097,151 orders a customer a period
_MASK = (1 << _FIELD) - 1


def per_customer_cte(unpaid: bool, cond: str, split: bool = False) -> str:
    """`pa`: one row per customer with orders in [:w, :e) that the filter keeps, with
    tier, segment and first order. `cond` is a customer_where() on alias c; `split`
    limits it to customer ids in [:lo, :hi].

    Each aggregate costs ~0.05-0.1 us an order, so there are few and they are plain:
    the order counts of the period, the previous and the one before are packed into
    one SUM, the recent orders before the start likewise (those in the active and in
    the sleeping days), and the months bought in are bits of a SUM(DISTINCT)."""
    part = ' AND customer_id BETWEEN :lo AND :hi' if split else ''
    return f'''pa AS MATERIALIZED (
  SELECT per.cid AS cid, counts & {_MASK} AS n_cur, (counts >> {_FIELD}) & {_MASK} AS n_prev,
    counts >> {2 * _FIELD} AS n_pp, a_cur, a_ps - a_cur AS a_prev,
    recent_s & {_MASK} AS active_s, recent_s >> {_FIELD} AS sleeping_s, last_e, mask,
    c.tier_id AS tier_id, c.segment AS segment, c.first_order_at AS f
  FROM (SELECT customer_id AS cid,
      {big_sum(f"""CASE WHEN at >= :s THEN 1 WHEN at >= :ps THEN {1 << _FIELD}
          WHEN at >= :pps THEN {1 << 2 * _FIELD} ELSE 0 END""")} AS counts,
      SUM(CASE WHEN at >= :s THEN amount ELSE 0 END) AS a_cur,
      SUM(CASE WHEN at >= :ps THEN amount ELSE 0 END) AS a_ps,
      SUM(CASE WHEN at < :s THEN {flag_sql('at >= :s_active')}
          + ({flag_sql('at >= :s_sleep')} << {_FIELD}) ELSE 0 END) AS recent_s,
      MAX(at) AS last_e,
      {big_sum(f"CASE WHEN at >= :t0 THEN {month_bit('at')} END", distinct=True)} AS mask
    FROM ({_source(unpaid, part)}) AS src GROUP BY customer_id) AS per
  {cross_join()} {CUSTOMER} AS c ON c.id = per.cid WHERE {cond})'''


# Flags of a pa row, by name, as SQL; the drill-downs select on the same expressions.
FLAGS = {
    'b_cur': 'n_cur > 0', 'b_prev': 'n_prev > 0', 'b_pp': 'n_pp > 0',
    'r_cur': 'n_cur >= 2', 'r_prev': 'n_prev >= 2',
    'new_cur': 'n_cur > 0 AND f >= :s AND f < :e',
    'new_prev': 'n_prev > 0 AND f >= :ps AND f < :s',
}
# Lifecycle stage as the scoring would set it on the morning of :s and of :e (see
# scoring.sql.lifecycle_sql), as an index into results.STAGES.
STAGE_START = ("CASE WHEN f IS NULL OR f >= :s THEN 0 WHEN f >= :s_new THEN 1 "
               "WHEN active_s > 0 THEN 2 WHEN sleeping_s > 0 THEN 3 ELSE 4 END")
STAGE_END = ("CASE WHEN f IS NULL OR f >= :e THEN 0 WHEN f >= :e_new THEN 1 "
             "WHEN last_e >= :e_active THEN 2 WHEN last_e >= :e_sleep THEN 3 ELSE 4 END")
_STAGE_SHIFT = len(FLAGS)


def _code_sql() -> str:
    """Flags and both stages packed into one integer: one short sort key."""
    bits = ' | '.join(f'({flag_sql(sql)} << {i})' for i, sql in enumerate(FLAGS.values()))
    return (f'({bits} | (({STAGE_START}) << {_STAGE_SHIFT}) '
            f'| (({STAGE_END}) << {_STAGE_SHIFT + 3}))')


def _groups_sql(unpaid: bool, cond: str, split: bool) -> str:
    first_month = iif_sql('f >= :t0 AND f < :e', month_number('f'), 'NULL')
    if postgres():              # one column with the segments' text
        first_month = f'CAST({first_month} AS TEXT)'
    sums = ', '.join(big_sum(x) for x in ('a_cur', 'n_cur', 'a_prev', 'n_prev'))
    return f'''WITH {per_customer_cte(unpaid, cond, split)}
SELECT 'k', tier_id, segment, {_code_sql()} AS code, COUNT(*), {sums}
FROM pa GROUP BY 2, 3, 4
UNION ALL
SELECT 'm', mask, {first_month}, NULL, COUNT(*), NULL, NULL, NULL, NULL
FROM pa WHERE mask IS NOT NULL OR (f >= :t0 AND f < :e) GROUP BY 2, 3'''


def decode(code: int) -> tuple[dict, str, str]:
    """(flags, stage at start, stage at end) of a packed code."""
    flags = {name: bool(code >> i & 1) for i, name in enumerate(FLAGS)}
    return (flags, STAGES[code >> _STAGE_SHIFT & 7], STAGES[code >> (_STAGE_SHIFT + 3) & 7])


def old_lost_sql(cond: str, unpaid: bool, select: str = 'c.id') -> str:
    """Buyers from before :s with no completed order in [:w, :e): lost at both ends of
    the flow, and not in pa. Mostly those whose last order is older than :w (an index
    range); for a past period also those who only came back after it."""
    return (f'SELECT {select} FROM {CUSTOMER} AS c WHERE {cond} AND c.last_order_at < :w '
            f'UNION ALL {came_back_sql(cond, unpaid, select)}')


def came_back_sql(cond: str, unpaid: bool, select: str) -> str:
    """The second kind above (none for a period that ends today)."""
    none = (f'NOT EXISTS (SELECT 1 FROM {ORDER} AS o WHERE o.customer_id = c.id '
            'AND o.completed = TRUE AND o.paid_at >= :w AND o.paid_at < :e)')
    if unpaid:
        none += (f' AND NOT EXISTS (SELECT 1 FROM {ORDER} AS o WHERE o.customer_id = c.id '
                 'AND o.completed = TRUE AND o.paid_at IS NULL AND o.created_at >= :w '
                 'AND o.created_at < :e)')
    return (f'SELECT {select} FROM {CUSTOMER} AS c WHERE {cond} '
            f'AND c.last_order_at >= :e AND c.first_order_at < :s AND {none}')


def _counts_sql(cond: str, unpaid: bool) -> str:
    """Rows (part, tier, segment, stage, members) of everyone: one covering-index scan
    per part, each in index order (no sort)."""
    old = old_lost_sql(cond, unpaid, "'old', NULL, NULL, NULL, COUNT(*)")
    return f'''SELECT 'tier', c.tier_id, NULL, NULL, COUNT(*) FROM {CUSTOMER} AS c WHERE {cond}
  GROUP BY c.tier_id
UNION ALL SELECT 'seg', NULL, c.segment, NULL, COUNT(*) FROM {CUSTOMER} AS c WHERE {cond}
  GROUP BY c.segment
UNION ALL SELECT 'life', NULL, NULL, c.lifecycle, COUNT(*) FROM {CUSTOMER} AS c WHERE {cond}
  GROUP BY c.lifecycle
UNION ALL {old}'''


def _filtered_counts(conn, cond: str, unpaid: bool, params: dict, large: bool) -> list[tuple]:
    """The same rows for a filtered set, counted in one pass with a SUM per tier, segment
    and stage and the old lost buyers: a GROUP BY per part sorted or looked up every
    selected row (2.8 s for the 887,000 customers of one tier at 1M). A `large` set is
    read by a plain scan of the table, in file order (~0.2 us a row, not ~1.5)."""
    tiers = [t for (t,) in conn.execute(f'SELECT id FROM {TIER}')]
    keys = ([('tier', t, None, None) for t in tiers] + [('tier', None, None, None)]
            + [('seg', None, g, None) for g in SEGMENT_ORDER]
            + [('life', None, None, x) for x in LIFECYCLES])
    sums, bound = [], dict(params)
    for i, (part, tier, segment, stage) in enumerate(keys):
        if part == 'tier':
            sums.append(f"SUM({flag_sql('c.tier_id IS NULL')})" if tier is None
                        else f"SUM({flag_sql(f'c.tier_id = :k{i}')})")
            bound[f'k{i}'] = tier
        else:
            column = 'c.segment' if part == 'seg' else 'c.lifecycle'
            sums.append(f"SUM({flag_sql(f'{column} = :k{i}')})")
            bound[f'k{i}'] = segment if part == 'seg' else stage
    source = not_indexed(f'{CUSTOMER} AS c') if large else f'{CUSTOMER} AS c'
    before_w = flag_sql('c.last_order_at < :w')
    row = conn.execute(f'SELECT COUNT(*), SUM({before_w}), {", ".join(sums)} '
                       f'FROM {source} WHERE {cond}', bound).fetchone()
    total, old, counts = row[0], row[1] or 0, [n or 0 for n in row[2:]]
    out = [(*key, n) for key, n in zip(keys, counts) if n]
    # Not scored yet (or a segment this release does not know): the rest.
    rest = total - sum(n for (part, *_), n in zip(keys, counts) if part == 'seg')
    if rest:
        out.append(('seg', None, '', None, rest))
    out.append(('old', None, None, None, old))
    out += conn.execute(came_back_sql(cond, unpaid, "'old', NULL, NULL, NULL, COUNT(*)"),
                        params).fetchall()
    return out


def groups_query(window: Window, filters, ids: tuple[int, int] | None = None):
    """fn(conn) -> the grouped rows of the per-customer pass, for customer ids in the
    range `ids` (both ends included) or for all. Ranges add up: each customer is in one."""
    cond, fparams = customer_where(filters)
    params = {**window.params(), **fparams}
    if ids is not None:
        params['lo'], params['hi'] = ids
    sql = _groups_sql(window.unpaid, cond, ids is not None)
    return lambda conn: conn.execute(sql, params).fetchall()


def counts_query(window: Window, filters, large: bool = True):
    """fn(conn) -> members per tier, segment and current lifecycle stage, and the old
    buyers with no order since the start of the pass (lost at both ends of the flow)."""
    cond, fparams = customer_where(filters)
    p = window.params()
    params = {'w': p['w'], 's': p['s'], 'e': p['e'], **fparams}
    if fparams:
        return lambda conn: _filtered_counts(conn, cond, window.unpaid, params, large)
    sql = _counts_sql(cond, window.unpaid)
    return lambda conn: conn.execute(sql, params).fetchall()


def tiers_query(conn) -> list[tuple]:
    return conn.execute(f'SELECT id, name, rank FROM {TIER} ORDER BY rank').fetchall()


# --- adding up --------------------------------------------------------------------

def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def assemble(dash, groups: list[tuple], counts: list[tuple], tiers: list[tuple]) -> None:
    """Fill the dashboard's KPIs, tiers, segments, stages, flow and monthly buyers."""
    total = defaultdict(int)
    tier_active = defaultdict(lambda: [0, 0])
    seg = defaultdict(lambda: [0, 0])
    flow = defaultdict(int)
    months = len(dash.months)
    bought = [0] * months
    new = [0] * months
    for row in groups:
        if row[0] == 'k':
            tier_id, segment = row[1], row[2]
            f, start, end = decode(row[3])
            count, a_cur, n_cur, a_prev, n_prev = row[4:]
            for name, on in f.items():
                if on:
                    total[name] += count
            if f['b_prev'] and not f['b_cur']:
                total['churned'] += count
            if f['b_pp'] and not f['b_prev']:
                total['churned_prev'] += count
            total['a_cur'] += a_cur
            total['n_cur'] += n_cur
            total['a_prev'] += a_prev
            total['n_prev'] += n_prev
            tier_active[tier_id][0] += count if f['b_cur'] else 0
            tier_active[tier_id][1] += count if f['b_prev'] else 0
            if f['b_cur']:
                seg[segment][0] += count
                seg[segment][1] += a_cur
            if (start, end) != ('none', 'none'):
                flow[(start, end)] += count
        else:
            mask, first, count = row[1], row[2], row[4]
            if isinstance(first, str):          # a server's text (see _groups_sql)
                first = int(first)
            if first is not None and 0 <= first < months:
                new[first] += count
            i = 0
            while mask:
                if mask & 1 and i < months:
                    bought[i] += count
                mask >>= 1
                i += 1
    members_tier, members_seg, stages, old = defaultdict(int), defaultdict(int), {}, 0
    for part, tier_id, segment, stage, n in counts:
        if part == 'old':
            old += n
            continue
        if part == 'tier':
            members_tier[tier_id] += n
        elif part == 'seg':
            members_seg[segment or ''] += n
        elif stage:
            stages[stage] = stages.get(stage, 0) + n
    if old:
        flow[('lost', 'lost')] += old
    dash.members = sum(members_tier.values())
    _kpis(dash, total)
    _tiers(dash, tiers, members_tier, tier_active)
    revenue = total['a_cur']
    dash.segments = sorted(
        (SegmentRow(name, members_seg.get(name, 0), seg[name][0] if name in seg else 0,
                    seg[name][1] if name in seg else 0,
                    _rate(seg[name][1], revenue) if name in seg else 0.0)
         for name in set(members_seg) | set(seg)),
        key=lambda s: (s.name == '', -s.members, s.name))
    dash.stages = {s: stages.get(s, 0) for s in STAGES[1:]}
    order = {s: i for i, s in enumerate(STAGES)}
    dash.flow = [FlowCell(a, b, n) for (a, b), n in
                 sorted(flow.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]]))]
    for i, point in enumerate(dash.months):
        point.new = new[i]
        point.returning = max(0, bought[i] - new[i])


def _kpis(dash, t) -> None:
    def kpi(key, kind, value, previous):
        dash.kpis[key] = Kpi(key, kind, value, previous,
                             Drill('kpi', (key,)) if kind == 'count' or key in (
                                 'repurchase_rate', 'churn_rate') else None)
    kpi('buyers', 'count', t['b_cur'], t['b_prev'])
    kpi('new_buyers', 'count', t['new_cur'], t['new_prev'])
    kpi('returning_buyers', 'count', t['b_cur'] - t['new_cur'], t['b_prev'] - t['new_prev'])
    kpi('repeat_buyers', 'count', t['r_cur'], t['r_prev'])
    kpi('repurchase_rate', 'rate', _rate(t['r_cur'], t['b_cur']), _rate(t['r_prev'], t['b_prev']))
    kpi('churn_rate', 'rate', _rate(t['churned'], t['b_prev']),
        _rate(t['churned_prev'], t['b_pp']))
    kpi('revenue', 'money', t['a_cur'], t['a_prev'])
    kpi('orders', 'count', t['n_cur'], t['n_prev'])
    kpi('aov', 'money', round(t['a_cur'] / t['n_cur']) if t['n_cur'] else 0,
        round(t['a_prev'] / t['n_prev']) if t['n_prev'] else 0)
    dash.kpis['orders'].drill = Drill('kpi', ('buyers',))


def _tiers(dash, tiers, members, active) -> None:
    rows = [TierRow(tid, name, rank, members.get(tid, 0), active[tid][0] if tid in active else 0,
                    active[tid][1] if tid in active else 0) for tid, name, rank in tiers]
    if members.get(None) or None in active:
        a = active.get(None, (0, 0))
        rows.insert(0, TierRow(None, '', -1, members.get(None, 0), a[0], a[1]))
    dash.tiers = rows

