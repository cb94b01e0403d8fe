"""Orders into the shop: one batch, customers found or added, orders added or updated.

Idempotent: an order is (platform, order number); the same row imported again
changes nothing, a changed status or amount updates the order and keeps what it
was for undo. Runs inside the caller's transaction.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from peewee import JOIN, fn

from models import COMPLETED, Customer, CustomerSearch, ImportChange, Order, OrderLine, Product

from .. import customer_stats, settings
from ..pinyin_keys import search_text
from ..tasks import check
from .records import LineRecord, OrderRecord
from .sqlbulk import chunks, insert_rows, load_keys, query, stored_form, update_rows

# Columns an import may change on an existing order; their old values go to ImportChange.
# Taobao and Tmall share buyer accounts and order numbers; an export says which only in
# some versions, so the same order or buyer may arrive under either name.
SIBLING = {'taobao': 'tmall', 'tmall': 'taobao'}


def _with_siblings(keys) -> set:
    return set(keys) | {(SIBLING[p], k) for p, k in keys if p in SIBLING}


def _find(found: dict, platform: str, key: str):
    hit = found.get((platform, key))
    if hit is None and platform in SIBLING:
        hit = found.get((SIBLING[platform], key))
    return hit


LINE_COLUMNS = ('order_id', 'product_id', 'title', 'sku', 'quantity', 'price', 'amount')
TRACKED = ('status', 'status_text', 'completed', 'amount', 'item_count', 'created_at',
           'paid_at', 'receiver', 'phone', 'address', 'buyer_note', 'seller_note')


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    customers_added: int = 0
    revived: dict = field(default_factory=dict)     # binned buyer id -> when binned


def import_orders(records: list[OrderRecord], batch_id: int, now, cancelled=None,
                  progress=None) -> Counts:
    counts = Counts()
    # One text for the batch's time: sqlite3 would format the same datetime 100,000 times.
    stamp = str(now)
    existing = _existing_orders(records)
    check(cancelled)
    # Only buyers of new orders are looked up or added: an order already in the shop
    # stays with the customer it has.
    stored = stored_form()
    customers, added = _customers_for(
        [r for r in records if _find(existing, r.platform, r.order_no) is None], batch_id, now,
        counts)
    products = ProductIndex(batch_id)
    new_rows, new_lines, changes, updates, line_changes = [], {}, [], [], []
    touched: set[int] = set()
    buyers_of_new: set[int] = set()
    for i, r in enumerate(records):
        if i % 5000 == 0:
            check(cancelled)
            if progress:
                progress(i, len(records))
        key = (r.platform, r.order_no)
        old = _find(existing, r.platform, r.order_no)
        values = _order_values(r)
        if old is None:
            cid = customers[(r.platform, r.nick)]
            buyers_of_new.add(cid)
            new_rows.append((r.platform, r.order_no, cid, *values, batch_id, stamp))
            new_lines[key] = r.lines
            if cid not in added:
                touched.add(cid)
            counts.added += 1
            continue
        same = old['stored'] == stored(values)
        lines_changed = bool(r.lines) and not same_lines(old['lines'], r.lines)
        if same and not lines_changed:
            counts.skipped += 1
            continue
        if not same:
            before = dict(zip(TRACKED, old['stored']))
            changes.append((batch_id, 'order', old['id'], json.dumps(before, default=str)))
            updates.append((*values, old['id']))
        if lines_changed:
            line_changes.append((old['id'], old['lines'], r.lines))
        touched.add(old['customer_id'])
        counts.updated += 1
    check(cancelled)
    if new_rows:
        insert_rows(Order, ('platform', 'order_no', 'customer_id', *TRACKED, 'batch_id',
                              'imported_at'), new_rows)
        ids = dict(query('SELECT order_no, id FROM "order" WHERE batch_id = ?', (batch_id,)))
        line_rows = []
        for (platform, order_no), lines in new_lines.items():
            line_rows += [line_row(ids[order_no], ln, products) for ln in lines]
        insert_rows(OrderLine, LINE_COLUMNS, line_rows)
    if updates:
        update_rows(Order, TRACKED, updates)
    # A binned buyer who orders again is a customer again; undo puts them back in the bin.
    revived = [cid for cid in counts.revived if cid in buyers_of_new]
    for chunk in chunks(revived):
        Customer.update(deleted_at=None).where(Customer.id.in_(chunk)).execute()
    changes += [(batch_id, 'revived', cid, json.dumps({'deleted_at': str(counts.revived[cid])}))
                for cid in revived]
    for order_id, old_lines, lines in line_changes:
        changes.append((batch_id, 'lines', order_id,
                        json.dumps([ln.__dict__ for ln in old_lines], ensure_ascii=False)))
        OrderLine.delete().where(OrderLine.order == order_id).execute()
        insert_rows(OrderLine, LINE_COLUMNS, [line_row(order_id, ln, products) for ln in lines])
    if changes:
        insert_rows(ImportChange, ('batch_id', 'table', 'row_id', 'before'), changes)
    check(cancelled)
    customer_stats.refresh(touched - added)
    # New buyers' order columns were written with their rows; settle the rest in one pass.
    customer_stats.settle_new_buyers(batch_id)
    return counts


def same_lines(stored: list[LineRecord], incoming: list[LineRecord]) -> bool:
    """Stored lines carry their product's code; a file without codes matches on the rest."""
    if len(stored) != len(incoming):
        return False
    return all(a.title == b.title and a.quantity == b.quantity and a.price == b.price
               and a.amount == b.amount and a.sku == b.sku and (not b.code or a.code == b.code)
               for a, b in zip(stored, incoming))


def _order_values(r: OrderRecord) -> tuple:
    return (r.status, r.status_text, r.status == COMPLETED, r.amount,
            r.item_count or sum(ln.quantity for ln in r.lines), r.created_at,
            r.paid_at, r.receiver, r.phone, r.address, r.buyer_note, r.seller_note)


def line_row(order_id: int, ln: LineRecord, products: 'ProductIndex') -> tuple:
    return (order_id, products.id_for(ln), ln.title, ln.sku, ln.quantity, ln.price, ln.amount)


class ProductIndex:
    """Products by code, else by title; new ones are created as lines mention them."""

    def __init__(self, batch_id: int | None = None):
        self.batch_id = batch_id
        self.by_code = {c: i for i, c in Product.select(Product.id, Product.code)
                        .where(Product.code != '').tuples()}
        self.by_title = {t: i for i, t in Product.select(Product.id, Product.title).tuples()}

    def id_for(self, ln: LineRecord) -> int | None:
        if ln.code and ln.code in self.by_code:
            return self.by_code[ln.code]
        if not ln.code and ln.title in self.by_title:
            return self.by_title[ln.title]
        if not ln.title:
            return None
        pid = Product.create(code=ln.code, title=ln.title, price=ln.price, batch=self.batch_id).id
        if ln.code:
            self.by_code[ln.code] = pid
        else:
            self.by_title[ln.title] = pid
        return pid


def _existing_orders(records: list[OrderRecord]) -> dict:
    """(platform, order no) -> the order as stored, with its lines, for the file's orders."""
    table = load_keys(_with_siblings({(r.platform, r.order_no) for r in records}))
    cols = ', '.join(f'o."{c}"' for c in TRACKED)
    join = f'JOIN {table} k ON o.platform = k.platform AND o.order_no = k.k'
    found, by_id = {}, {}
    for row in query(f'SELECT o.id, o.platform, o.order_no, o.customer_id, {cols} '
                     f'FROM "order" o {join}'):
        o = {'id': row[0], 'customer_id': row[3], 'stored': tuple(row[4:]), 'lines': []}
        found[(row[1], row[2])] = by_id[row[0]] = o
    if found:
        for oid, title, quantity, price, amount, sku, code in query(
                f'SELECT l.order_id, l.title, l.quantity, l.price, l.amount, l.sku, p.code '
                f'FROM order_line l JOIN "order" o ON o.id = l.order_id {join} '
                f'LEFT JOIN product p ON p.id = l.product_id ORDER BY l.id'):
            by_id[oid]['lines'].append(LineRecord(title, quantity, price, amount, sku, code or ''))
    return found


def _customers_for(records: list[OrderRecord], batch_id: int, now, counts: Counts) -> dict:
    """(platform, nick) -> customer id; buyers merged away resolve to who they became."""
    wanted: dict[tuple, OrderRecord] = {}
    for r in records:
        # The newest order carries the freshest receiver details for a new customer.
        key = (r.platform, r.nick)
        if key not in wanted or (r.paid_at or r.created_at or now) >= (
                wanted[key].paid_at or wanted[key].created_at or now):
            wanted[key] = r
    found: dict[tuple, int] = {}
    merged: dict[int, int] = {}
    table = load_keys(_with_siblings(wanted))
    binned: dict[int, str] = {}
    for cid, platform, nick, into, deleted_at in query(
            f'SELECT c.id, c.platform, c.nick, c.merged_into_id, c.deleted_at FROM customer c '
            f'JOIN {table} k ON c.platform = k.platform AND c.nick = k.k'):
        found[(platform, nick)] = cid
        if into:
            merged[cid] = into
        elif deleted_at is not None:
            binned[cid] = deleted_at
    for k in wanted:
        sibling = _find(found, *k)
        if sibling is not None:
            found.setdefault(k, sibling)
    new = [(k, r) for k, r in wanted.items() if k not in found]
    stamp = str(now)
    if new:
        # A new buyer's orders are all in this file, so the derived columns are known
        # now; writing them with the row saves a refresh pass over every new buyer.
        stats = _stats_of(records, {k for k, _ in new})
        insert_rows(Customer, (
            'platform', 'nick', 'name', 'phone', 'province', 'city', 'address', 'source',
            'batch_id', 'created_at', 'updated_at', 'order_count', 'total_spent',
            'first_order_at', 'last_order_at', 'promo_orders'),
            [(p, n, r.receiver[:64], r.phone, r.province, r.city, r.address, '', batch_id, stamp,
              stamp, *stats.get((p, n), (0, 0, None, None, 0))) for (p, n), r in new])
        customer_stats.assign_tiers(None, batch_id=batch_id)
        for cid, platform, nick in query(
                'SELECT id, platform, nick FROM customer WHERE batch_id = ?', (batch_id,)):
            found[(platform, nick)] = cid
        insert_rows(CustomerSearch, ('customer_id', 'text'),
                    [(found[k], search_text(k[1], r.receiver, r.phone)) for k, r in new])
        counts.customers_added = len(new)
    added = {found[k] for k, _ in new}
    for key, cid in found.items():
        seen = set()
        while cid in merged and cid not in seen:
            seen.add(cid)
            cid = merged[cid]
        found[key] = cid
    counts.revived = binned
    return found, added


def _stats_of(records: list[OrderRecord], keys: set) -> dict:
    """(platform, nick) -> (completed orders, spend, first and last purchase, orders in a
    promotion window), as customer_stats computes them in SQL (payment, else order time)."""
    from ..scoring.rules import LoyaltyRules
    windows = settings.load(LoyaltyRules).promo_windows
    out: dict[tuple, list] = {}
    for r in records:
        key = (r.platform, r.nick)
        if r.status != COMPLETED or key not in keys:
            continue
        when = r.paid_at or r.created_at
        promo = int(when is not None and _in_windows(when.strftime('%m-%d'), windows))
        s = out.get(key)
        if s is None:
            out[key] = [1, r.amount, when, when, promo]
            continue
        s[0] += 1
        s[1] += r.amount
        s[4] += promo
        if when is not None:
            s[2] = when if s[2] is None else min(s[2], when)
            s[3] = when if s[3] is None else max(s[3], when)
    return {k: tuple(v) for k, v in out.items()}


def _in_windows(md: str, windows: list) -> bool:
    # The Python twin of scoring.sql.promo_sql: a window across New Year wraps.
    return any((a <= md <= b) if a <= b else (md >= a or md <= b) for a, b in windows)


def import_lines(records: list[OrderRecord], batch_id: int, file_label: str,
                 problems: list, cancelled=None) -> Counts:
    """A 宝贝报表: lines for orders already in the shop, matched on the order number."""
    from .records import Problem
    counts = Counts()
    numbers = [r.order_no for r in records]
    orders: dict[str, int] = {}
    for chunk in chunks(numbers):
        orders.update(Order.select(Order.order_no, Order.id)
                      .where(Order.platform.in_(['taobao', 'tmall']), Order.order_no.in_(chunk))
                      .tuples())
    existing = _lines_of(list(orders.values()))
    products = ProductIndex(batch_id)
    touched_orders = []
    for r in records:
        check(cancelled)
        oid = orders.get(r.order_no)
        if oid is None:
            problems.append(Problem(file_label, r.row, '订单编号',
                                    f'找不到订单 {r.order_no}，请先导入它所在的订单报表'))
            continue
        old = existing.get(oid, [])
        if same_lines(old, r.lines):
            counts.skipped += 1
            continue
        insert_rows(ImportChange, ('batch_id', 'table', 'row_id', 'before'),
                    [(batch_id, 'lines', oid,
                      json.dumps([ln.__dict__ for ln in old], ensure_ascii=False))])
        OrderLine.delete().where(OrderLine.order == oid).execute()
        insert_rows(OrderLine, LINE_COLUMNS, [line_row(oid, ln, products) for ln in r.lines])
        touched_orders.append(oid)
        counts.updated += 1
    # Item counts follow the lines when the order report had none.
    for chunk in chunks(touched_orders):
        (Order.update(item_count=OrderLine.select(fn.SUM(OrderLine.quantity))
                      .where(OrderLine.order == Order.id))
         .where(Order.id.in_(chunk), Order.item_count == 0).execute())
    # Products and quantities decide when those buyers are due to buy again.
    buyers = set()
    for chunk in chunks(touched_orders):
        buyers.update(Order.select(Order.customer).where(Order.id.in_(chunk)).scalars())
    from ..reminders import repurchase_store
    repurchase_store.update(sorted(buyers))
    return counts


def _lines_of(order_ids: list[int]) -> dict[int, list[LineRecord]]:
    out: dict[int, list[LineRecord]] = {}
    for chunk in chunks(order_ids):
        rows = (OrderLine.select(OrderLine.order, OrderLine.title, OrderLine.quantity,
                                 OrderLine.price, OrderLine.amount, OrderLine.sku, Product.code)
                .join(Product, JOIN.LEFT_OUTER).where(OrderLine.order.in_(chunk))
                .order_by(OrderLine.id).tuples())
        for oid, title, quantity, price, amount, sku, code in rows:
            out.setdefault(oid, []).append(
                LineRecord(title, quantity, price, amount, sku, code or ''))
    return out
