"""The repurchase cache (models.RepurchaseDue): when each buyer is due to buy again.

The rules (services.reminders.repurchase) need every buyer's order history; a
listing reads this cache instead, a range of its `due` index. It is kept by
the writers:
- customer_stats.refresh(ids) and settle_new_buyers(batch) rewrite those
  buyers' rows (a few thousand at once; more, and the cache is marked stale);
- products.set_cycles marks it stale;
- a stale or never-built cache is rebuilt whole by the next listing
  (ensure_current), in the thread that lists: the calendar's background task or
  the command line. A migrated shop builds it on first use that way.

A buyer's rows are the latest purchase of each cycle product (due = that day +
quantity x cycle) and, for buyers with purchases on 3+ different days whose
last day holds no cycle purchase, the median-gap prediction (product_id NULL).
Rows due more than REPURCHASE_HORIZON_DAYS after their purchase are not kept:
win-back covers those buyers. A sale without a payment time counts from when it
was made, as in services.customer_stats.
"""
from __future__ import annotations

from operator import itemgetter

from models import Customer, Order, OrderLine, Product, RepurchaseDue, db

from .. import settings
from ..chunking import chunks
from models.dialect import cross_join, ids_sql, no_index, ordinal_sql, param
from .core import rows, table
from .rules import MEDIAN_MIN_DAYS, REPURCHASE_HORIZON_DAYS

STATE_KEY = 'reminders.repurchase'      # {"stale": bool}; absent: never built
# Above this many buyers a rebuild of everyone on the next listing is cheaper.
WHOLE_SHOP_ABOVE = 5000
_SHIFT = 20         # customer id and product id packed into one integer key
_DAY_AT = 43        # a purchase day and an order id (below 2**43) packed into one integer
_ID_MASK = (1 << _DAY_AT) - 1
_COLUMNS = ('customer_id', 'product_id', 'order_id', 'bought', 'due', 'purchases')


def _state() -> dict:
    state = settings.get(STATE_KEY)
    return state if isinstance(state, dict) else {}


def is_current() -> bool:
    return _state().get('stale') is False


def mark_stale() -> None:
    """Every row may be wrong now. The generation tells a rebuild that was computing
    meanwhile that its rows are older than this change."""
    settings.put(STATE_KEY, {'stale': True, 'gen': _state().get('gen', 0) + 1})


def ensure_current() -> None:
    # A second try when a change landed while the first one computed; after that the
    # listing goes ahead with what there is, and the next one rebuilds.
    for _ in range(2):
        if is_current() or rebuild():
            return


def rebuild() -> bool:
    """Every buyer's rows from the orders. Computed outside the write transaction (it
    takes seconds on a big shop), so the rows are stored as current only when no change
    marked the cache stale meanwhile; returns whether they were."""
    gen = _state().get('gen', 0)
    found = compute(None)
    # In customer order: each insert checks its customer (the foreign key), and in that
    # order the checks read the customer table once through instead of all over (~2x
    # faster). Listings read the covering due index, not the table's order.
    found.sort(key=itemgetter(0))
    with db.atomic() as tx:
        # Writing first takes the write lock on SQLite, so the generation read next is
        # the latest and nothing can change it before this transaction commits. Filling
        # the table bare and indexing it after is ~5x faster than keeping two indexes in
        # step with 600,000 inserts, and emptying it bare is faster too.
        RepurchaseDue._schema.drop_indexes(safe=True)
        if _state().get('gen', 0) != gen:
            tx.rollback()               # the old rows and indexes stay, marked stale
            return False
        RepurchaseDue.delete().execute()
        _insert(found)
        RepurchaseDue._schema.create_indexes(safe=True)
        settings.put(STATE_KEY, {'stale': False, 'gen': gen})
    return True


def update(ids=None, batch_id: int | None = None) -> None:
    """The orders of `ids` (or of the buyers a batch added) changed: rewrite their rows.
    Everyone (ids None and no batch), or many buyers: the next listing rebuilds."""
    if not is_current():
        mark_stale()                    # a rebuild is due; one computing now is too old
        return
    if batch_id is not None:
        ids = [i for (i,) in Customer.select(Customer.id).where(Customer.batch == batch_id)
               .tuples()]
    if ids is None or len(ids) > WHOLE_SHOP_ABOVE:
        mark_stale()
        return
    with db.atomic():
        for chunk in chunks(sorted(set(ids))):
            RepurchaseDue.delete().where(RepurchaseDue.customer.in_(chunk)).execute()
            _insert(compute(chunk))


def _insert(found: list[tuple]) -> None:
    marks = ', '.join([param()] * len(_COLUMNS))
    sql = (f'INSERT INTO {table(RepurchaseDue)} ({", ".join(_COLUMNS)}) VALUES ({marks})')
    cursor = db.cursor()
    for chunk in chunks(found, 20000):
        cursor.executemany(sql, chunk)


def compute(ids: list[int] | None) -> list[tuple]:
    """(customer, product or None, order, bought, due, purchase days) rows for `ids`
    (None: everyone)."""
    cycles = {pid: days for pid, days in rows(
        f'SELECT id, cycle_days FROM {table(Product)} WHERE cycle_days > 0')}
    latest, cycle_last = _latest_cycle_purchases(cycles, ids) if cycles else ([], {})
    out = [r for r in latest if 0 < r[4] - r[3] <= REPURCHASE_HORIZON_DAYS]
    out += _median_predictions(ids, cycle_last)
    return out


def _shift(cycles: dict) -> int:
    return max(_SHIFT, max(cycles, default=0).bit_length())


def _scope(column: str, ids: list[int] | None) -> tuple[str, list]:
    if ids is None:
        return '', []
    return f' AND {column} IN ({", ".join([param()] * len(ids))})', list(ids)


def _latest_cycle_purchases(cycles: dict, ids: list[int] | None) -> tuple[list, dict]:
    """Rows (customer, product, order, day, due day, 0) of each buyer's latest completed
    purchase of each cycle product (latest by time, then order id; the quantity is the
    sum of the order's lines of the product), and {customer: day of their latest cycle
    purchase}."""
    p = param()
    shift = _shift(cycles)
    o, line = table(Order), table(OrderLine)
    products = ', '.join(map(str, map(int, cycles)))
    # Everyone: read the lines table once, looking orders up by id (sorting or grouping
    # in SQL costs more than picking the latest here). A few buyers: their orders first.
    if ids is None:
        source, args = f'{line} AS l {cross_join()} {o} AS o ON o.id = l.order_id', []
    else:
        source = (f'{o} AS o {cross_join()} {line} AS l ON l.order_id = o.id'
                  f' AND o.customer_id IN ({", ".join([p] * len(ids))})')
        args = list(ids)
    at = 'COALESCE(o.paid_at, o.created_at)'
    found = rows(f'SELECT o.customer_id, l.product_id, o.id, {at}, l.quantity, {ordinal_sql(at)}'
                 f' FROM {source}'
                 f' WHERE {no_index("l.product_id")} IN ({products}) AND o.completed = {p}'
                 f' AND {at} IS NOT NULL', [*args, True])
    # Latest last: dicts built from rows in time order keep each key's latest (C speed;
    # the rows come nearly sorted, so the sort is cheap).
    found.sort(key=itemgetter(3, 2))
    best = dict(zip([c << shift | pid for c, pid, *_ in found], found))
    cycle_last = dict(zip(map(itemgetter(0), found), map(itemgetter(5), found)))
    # An order with two lines (SKUs) of one product: their quantities add up.
    pairs = [oid << shift | pid for _, pid, oid, *_ in found]
    totals: dict = {}
    if len(set(pairs)) < len(pairs):
        seen: set = set()
        twice = {pair for pair in pairs if pair in seen or seen.add(pair)}
        for pair, row in zip(pairs, found):
            if pair in twice:
                totals[pair] = totals.get(pair, 0) + row[4]
    if totals:
        latest = [(cid, pid, oid, day, day + totals.get(oid << shift | pid, n) * cycles[pid], 0)
                  for cid, pid, oid, _, n, day in best.values()]
    else:
        latest = [(cid, pid, oid, day, day + n * cycles[pid], 0)
                  for cid, pid, oid, _, n, day in best.values()]
    return latest, cycle_last


def _median_predictions(ids: list[int] | None, cycle_last: dict) -> list[tuple]:
    """Rows for buyers with purchases on 3+ days whose last day holds no cycle purchase:
    due = last day + the median gap between their purchase days (several orders on one
    day count as one; a median between two gaps rounds up)."""
    p = param()
    history: dict[int, str] = {}
    # Each buyer's purchases as one text of day << _DAY_AT | order id: few rows to fetch,
    # and the covering (customer, completed, paid_at, amount) index answers it in order.
    for chunk in ([None] if ids is None else chunks(ids, 5000)):
        scope, args = _scope('customer_id', chunk)
        for column, test in (('paid_at', 'paid_at IS NOT NULL'),
                             ('created_at', 'paid_at IS NULL')):
            sql = (f'SELECT customer_id, {ids_sql(f"{ordinal_sql(column)} * {1 << _DAY_AT} + id")}'
                   f' FROM {table(Order)} WHERE completed = {p} AND {test}{scope}'
                   f' GROUP BY customer_id')
            for cid, text in rows(sql, [True, *args]):
                history[cid] = history[cid] + ',' + text if cid in history else text
    out = []
    for cid, text in history.items():
        if text.count(',') < MEDIAN_MIN_DAYS - 1:
            continue                    # fewer orders than the rule needs days
        packed = sorted(map(int, text.split(',')))
        days = sorted({v >> _DAY_AT for v in packed})
        if len(days) < MEDIAN_MIN_DAYS or cycle_last.get(cid) == days[-1]:
            continue
        gaps = sorted(b - a for a, b in zip(days, days[1:]))
        n = len(gaps)
        gap = (gaps[(n - 1) // 2] + gaps[n // 2] + 1) // 2
        if gap > REPURCHASE_HORIZON_DAYS:
            continue
        final = days[-1]
        # The largest order id of the last day (packed values sort by day, then id).
        last_id = max(v for v in packed if v >> _DAY_AT == final) & _ID_MASK
        out.append((cid, None, last_id, final, final + gap, len(days)))
    return out
