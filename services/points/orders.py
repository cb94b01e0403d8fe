"""Points earned by orders, kept right by set-based SQL after every import or edit.

Each earn or reverse entry carries its order, so an order's net is the sum of its
entries. A completed order whose net is nothing earns; an order no longer completed
(refunded, closed) whose net is positive gets a reversal of that net; an order
completed again earns again. Points once earned are not re-rated: changing the
ratio or the start date applies to orders that earn from then on.

Entries written here come in pairs per order (earn, reverse, earn ...), so an order
earns iff it has an odd number of entries. Counting them reads the `order` index
alone, which keeps the probe over a million orders index-only; the net is checked
too (table reads) only for the few orders with an even count.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from peewee import SqliteDatabase

from models import db, now

from .. import settings
from ..chunking import chunks
from .rules import PointsRules, load_rules

# The order and ledger state the last whole-shop pass left consistent (see _fingerprint).
SYNCED_KEY = 'points.synced'

_COUNT = 'SELECT COUNT(*) FROM points_entry pe WHERE pe.order_id = o.id'
_NET = 'SELECT COALESCE(SUM(pe.points), 0) FROM points_entry pe WHERE pe.order_id = o.id'
_BALANCE = ('SELECT COALESCE(SUM(b.points), 0) FROM points_entry b '
            'WHERE b.customer_id = o.customer_id')
_MONEY = ("(o.amount / 100) || '.' || CASE WHEN o.amount % 100 < 10 THEN '0' ELSE '' END"
          " || (o.amount % 100)")
_SOURCE = "SUBSTR('order:' || o.platform || ':' || o.order_no, 1, 64)"
_COLUMNS = 'customer_id, kind, points, reason, source, created_at, order_id'


def _param() -> str:
    return db.obj.param if db.obj is not None else '?'


def _points_sql(rules: PointsRules) -> str:
    # milli is a validated integer; integer division floors alike on SQLite and PostgreSQL.
    return f'(CAST(o.amount AS BIGINT) * {int(rules.milli())}) / 100000'


def sync_order_points(ids: Iterable[int] | None = None, rules: PointsRules | None = None,
                      at: datetime | None = None, batch_id: int | None = None) -> int:
    """Make every order's net earned points right, for customers `ids` or everyone.

    Writes earn and reverse entries only; Customer.points is summed afterwards by
    customer_stats.refresh (or the caller). Returns the number of entries written.
    A whole-shop pass that finds the orders and the ledger as the previous one left
    them returns at once (two index-only aggregates; see _fingerprint).
    """
    rules = rules or load_rules()
    stamp = (at or now()).replace(microsecond=0)
    with db.atomic():
        if batch_id is not None:
            # The orders an import added: one statement instead of chunks of buyer ids.
            return _sync(None, rules, stamp, batch_id)
        if ids is None:
            mark = _fingerprint(rules)
            if settings.get(SYNCED_KEY) == mark:
                return 0
            written = _sync(None, rules, stamp)
            if written:
                mark['ledger'] = _ledger_mark()      # orders are as they were; the ledger grew
            settings.put(SYNCED_KEY, mark)
            return written
        return sum(_sync(chunk, rules, stamp) for chunk in chunks(sorted(set(ids))))


def _sync(chunk: list[int] | None, rules: PointsRules, stamp: datetime,
          batch_id: int | None = None) -> int:
    p = _param()
    params: list = []
    where = ''
    if chunk is not None:
        where = f' AND o.customer_id IN ({", ".join([p] * len(chunk))})'
        params = list(chunk)
    elif batch_id is not None:
        where, params = f' AND o.batch_id = {p}', [batch_id]
    since = rules.since()
    eligible = ''
    if since is not None:
        eligible = f' AND COALESCE(o.paid_at, o.created_at) >= {p}'
    pts = _points_sql(rules)
    earn = (
        f'INSERT INTO points_entry ({_COLUMNS}) '
        f"SELECT o.customer_id, 'earn', {pts}, "
        f"SUBSTR('订单 ' || o.order_no || ' 消费 ¥' || {_MONEY}, 1, 128), {_SOURCE}, "
        # A first earn dates from the payment; earning again dates from now, after its reversal.
        f'CASE WHEN ({_COUNT}) > 0 THEN {p} ELSE COALESCE(o.paid_at, o.created_at, {p}) END, '
        f'o.id FROM "order" o '
        f'WHERE o.completed AND {pts} > 0{eligible}{where} '
        f'AND ({_COUNT}) % 2 = 0 AND ({_NET}) <= 0')
    earn_params = [stamp, stamp] + ([since] if since else []) + params
    # Earnings first, so a reversal still owed can be taken from them.
    written = db.execute_sql(earn, earn_params).rowcount
    written += _reverse(where, params, stamp)
    return max(written, 0)


def _reverse(where: str, params: list, stamp: datetime) -> int:
    """Take back the net points of orders no longer completed.

    Never below zero, and never what already expired: points spent (redeemed) before
    the refund are taken from later earnings, at the next sync if the balance is short
    now, but points of the order that expired unused are gone already. Spending and
    expiry use the oldest points first (FIFO, as services.points.expiry counts them); a
    reversal takes its own order's points first. Several orders of one buyer in one
    pass share the balance.
    """
    reason = ("SUBSTR('订单 ' || o.order_no || CASE o.status WHEN 'refunded' THEN ' 已退款' "
              "WHEN 'closed' THEN ' 已关闭' ELSE ' 未成交' END || '，冲回积分', 1, 128)")
    owed = db.execute_sql(
        f'SELECT o.id, o.customer_id, ({_NET}), ({_BALANCE}), {reason}, {_SOURCE} '
        f'FROM "order" o WHERE NOT o.completed{where} AND ({_NET}) > 0 '
        f'AND ({_BALANCE}) > 0', params).fetchall()
    if not owed:
        return 0
    expired = _expired_of_orders(sorted({row[1] for row in owed}))
    rows = []
    left: dict[int, int] = {}       # each buyer's balance as this pass takes from it
    for order_id, customer_id, net, balance, why, source in owed:
        take = min(left.setdefault(customer_id, balance), net - expired.get(order_id, 0))
        if take > 0:
            left[customer_id] -= take
            rows.append((customer_id, 'reverse', -take, why, source, stamp, order_id))
    if rows:
        p = _param()
        db.cursor().executemany(f'INSERT INTO points_entry ({_COLUMNS}) VALUES '
                                f'({", ".join([p] * 7)})', rows)
    return len(rows)


def _expired_of_orders(customer_ids: list[int]) -> dict[int, int]:
    """{order id: points of its earnings that expired}, replaying each customer's ledger
    with debits taking the oldest credits first (a reversal: its own order's first). Customers who never had points expire
    (most shops: expiry is off) are skipped by one probe."""
    p = _param()
    out: dict[int, int] = {}
    for chunk in chunks(customer_ids):
        marks = ', '.join([p] * len(chunk))
        who = [c for (c,) in db.execute_sql(
            f"SELECT DISTINCT customer_id FROM points_entry WHERE kind = 'expire' "
            f'AND customer_id IN ({marks})', chunk)]
        if not who:
            continue
        entries = db.execute_sql(
            'SELECT customer_id, points, kind, order_id FROM points_entry '
            f"WHERE customer_id IN ({', '.join([p] * len(who))}) "
            'ORDER BY customer_id, created_at, id', who).fetchall()
        credits: list = []          # [order id, points left] of the current customer
        current = None
        for customer_id, points, kind, order_id in entries:
            if customer_id != current:
                current, credits, head = customer_id, [], 0
            if points > 0:
                credits.append([order_id, points])
                continue
            debit = -points
            if kind == 'reverse' and order_id is not None:
                # A reversal takes its own order's points first; only what they no longer
                # cover comes out of the oldest points.
                for credit in credits[head:]:
                    if credit[0] == order_id and debit:
                        used = min(debit, credit[1])
                        credit[1] -= used
                        debit -= used
            while debit and head < len(credits):
                used = min(debit, credits[head][1])
                credits[head][1] -= used
                debit -= used
                if kind == 'expire' and credits[head][0] is not None:
                    out[credits[head][0]] = out.get(credits[head][0], 0) + used
                if not credits[head][1]:
                    head += 1
            while head < len(credits) and not credits[head][1]:
                head += 1
    return out


def _fingerprint(rules: PointsRules) -> dict:
    """What decides the whole shop's order points: the rules, the set of completed orders
    (count, sum of ids, sum of amounts) and the order-linked ledger (count, sum of order
    ids). Index-only aggregates: ~0.15 s for 1.2M orders against ~1 s for the probes.

    Changes that leave all of them equal (a refund and a completion whose ids and amounts
    sum alike in one go, or a changed payment time under a start date) are not seen by the
    whole-shop pass; the per-customer pass an import runs for the orders it changed is.
    """
    q = 'SELECT COUNT(*), COALESCE(SUM(id), 0), COALESCE(SUM(amount), 0) FROM "order" WHERE completed'
    if isinstance(db.obj, SqliteDatabase):
        q += ' = 1'                    # lets SQLite read the covering order index
    orders = [int(v) for v in db.execute_sql(q).fetchone()]
    return {'rules': [rules.milli(), rules.earn_since], 'orders': orders,
            'ledger': _ledger_mark()}


def _ledger_mark() -> list[int]:
    row = db.execute_sql('SELECT COUNT(*), COALESCE(SUM(order_id), 0) FROM points_entry '
                         'WHERE order_id IS NOT NULL').fetchone()
    return [int(v) for v in row]
