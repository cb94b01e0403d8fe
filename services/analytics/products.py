"""Products in the period: buyers, repeat buyers, revenue against the previous period,
and the trade's star / cash-cow / question / dog split by share and growth.

Lines of the period's completed orders are grouped per (product, buyer), then per
product; the previous period only needs revenue, grouped per product at once (a
second level over both periods cost ~40% more). A product is its Product row when
the line has one, else the line's title. Without filters the recycle bin's figures
are computed apart and taken off, cheaper than testing every order.
"""
from __future__ import annotations

from collections import defaultdict

from models.dialect import postgres

from .results import ProductRow
from .sqlparts import LINE, PRODUCT, Window, completed_orders, order_buyer_where, subtract_bin

# A bare line's title is read by a lookup of its own, only for lines without a
# product: otherwise every line's row is read, and an (order_id, product_id, amount)
# index could not cover the join (-10-20% on these queries when it exists).
_TITLE = (f'iif(l.product_id IS NULL, (SELECT b.title FROM {LINE} AS b WHERE b.id = l.id), '
          'NULL)')
# A buyer bought the product in 2+ orders when the first and last such order differ
# (cheaper than COUNT(DISTINCT o.id), which keeps a b-tree per group).
_NOW = '''WITH o AS ({orders})
SELECT k, t, COUNT(*), SUM(first_order < last_order), SUM(a), 0 FROM (
  SELECT l.product_id AS k, {title} AS t, o.customer_id,
    MIN(o.id) AS first_order, MAX(o.id) AS last_order, SUM(l.amount) AS a
  FROM o CROSS JOIN {line} AS l ON l.order_id = o.id GROUP BY k, t, o.customer_id) AS per
GROUP BY k, t'''
_BEFORE = '''WITH o AS ({orders})
SELECT l.product_id, {title}, 0, 0, 0, SUM(l.amount)
FROM o CROSS JOIN {line} AS l ON l.order_id = o.id GROUP BY 1, 2'''
# The same on PostgreSQL: a plain join, comparisons counted by CASE, and the sum of
# sums (numeric there) cast back to an integer.
_TITLE_PG = (f'CASE WHEN l.product_id IS NULL THEN (SELECT b.title FROM {LINE} AS b '
             'WHERE b.id = l.id) END')
_NOW_PG = (_NOW.replace('CROSS JOIN', 'JOIN')
           .replace('SUM(first_order < last_order), SUM(a)',
                    'SUM(CASE WHEN first_order < last_order THEN 1 ELSE 0 END), '
                    'CAST(SUM(a) AS BIGINT)'))
_BEFORE_PG = _BEFORE.replace('CROSS JOIN', 'JOIN')


def product_key_sql() -> str:
    """A line's product as one text value, for the drill-down: 'p<id>' or 't<title>'."""
    return "CASE WHEN l.product_id IS NOT NULL THEN 'p' || l.product_id ELSE 't' || l.title END"


def products_queries(window: Window, filters, lookup: bool = False) -> list[tuple[str, object]]:
    """[(name, fn(conn) -> [(key, title, buyers, repeat buyers, fen now, fen before)])]:
    the period and the previous one apart, so two workers can share them; the rows of
    both add up per key. `lookup`: see sqlparts.order_buyer_where."""
    p = window.params()
    parts = [(1, *order_buyer_where(filters, lookup=lookup))]
    if subtract_bin(filters):
        parts = [(1, '', {}), (-1, *order_buyer_where(filters, binned=True))]
    cols = 'o.id, o.customer_id'
    out = []
    now, before, title = (_NOW_PG, _BEFORE_PG, _TITLE_PG) if postgres() else (
        _NOW, _BEFORE, _TITLE)
    for name, template, low, high in (('products', now, ':s', ':e'),
                                      ('products_before', before, ':ps', ':s')):
        sqls = [(sign, template.format(orders=completed_orders(where, cols, low, high,
                                                               window.unpaid), line=LINE,
                                       title=title),
                 {**params, 's': p['s'], 'ps': p['ps'], 'e': p['e']})
                for sign, where, params in parts]
        out.append((name, _runner(sqls)))
    return out


def _runner(sqls):
    def run(conn):
        totals = defaultdict(lambda: [0, 0, 0, 0])
        for sign, sql, params in sqls:
            for k, t, *values in conn.execute(sql, params):
                row = totals[(k, t)]
                for i, v in enumerate(values):
                    row[i] += sign * v
        ids = [k for k, _ in totals if k is not None]
        titles = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            titles.update(conn.execute(
                f'SELECT id, title FROM {PRODUCT} WHERE id IN ({",".join("?" * len(chunk))})',
                chunk).fetchall())
        return [(f'p{k}' if k is not None else f't{t}', titles.get(k, '') if k is not None else t,
                 *v) for (k, t), v in totals.items()]
    return run


def role_rule(count: int, shop_growth: float | None) -> str:
    avg = f'{100 / count:.1f}%' if count else '—'
    growth = '—' if shop_growth is None else f'{shop_growth * 100:+.1f}%'
    return ('占比 = 商品本期销售额 ÷ 全部商品本期销售额，不低于平均占比'
            f'（1/{count} = {avg}）为高；增长 = 本期销售额比上期的变化，不低于全店商品的增长'
            f'（{growth}）为高，上期没有卖过的新品算增长高。明星：占比高、增长高；'
            '金牛：占比高、增长低；问题：占比低、增长高；瘦狗：占比低、增长低'
            '（本期没有卖出的商品也算瘦狗）。')


def assemble(dash, parts: list[list[tuple]]) -> None:
    merged: dict[str, list] = {}
    for part in parts:
        for key, title, *values in part:
            row = merged.setdefault(key, [key, title, 0, 0, 0, 0])
            row[1] = row[1] or title
            for i, v in enumerate(values):
                row[2 + i] += v
    rows = list(merged.values())
    total_now = sum(r[4] for r in rows)
    total_before = sum(r[5] for r in rows)
    count = sum(1 for r in rows if r[4] > 0)
    shop_growth = (total_now - total_before) / total_before if total_before else None
    out = []
    for key, title, buyers, repeaters, now, before in rows:
        if not now and not before:
            continue
        share = now / total_now if total_now else 0.0
        growth = (now - before) / before if before else None
        if not now:
            role = 'dog'
        else:
            high_share = share * count >= 1 - 1e-12
            high_growth = growth is None or shop_growth is None or growth >= shop_growth - 1e-12
            role = {(True, True): 'star', (True, False): 'cash_cow',
                    (False, True): 'question', (False, False): 'dog'}[(high_share, high_growth)]
        out.append(ProductRow(key, title, buyers, repeaters, now, before, share, growth, role))
    out.sort(key=lambda p: (-p.revenue, -p.revenue_previous, p.title))
    dash.products = out
    dash.definitions['product_roles'] = role_rule(count, shop_growth)
