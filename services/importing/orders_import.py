"""Orders into the shop: one batch, customers found or added, orders added or updated.

Idempotent: an order is (platform, order number); the same row imported again
changes nothing, a changed status or amount updates the order and keeps what it
was for undo. Runs inside the caller's transaction.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from models import COMPLETED, Customer, CustomerSearch, ImportChange, Order, OrderLine, Product

from .. import customer_stats
from ..pinyin_keys import search_text
from ..tasks import check
from .records import LineRecord, OrderRecord
from .sqlbulk import chunks, insert_rows, update_rows, value

# Columns an import may change on an existing order; their old values go to ImportChange.
TRACKED = ('status', 'status_text', 'completed', 'amount', 'item_count', 'created_at',
           'paid_at', 'receiver', 'phone', 'address', 'buyer_note', 'seller_note')


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    customers_added: int = 0


def import_orders(records: list[OrderRecord], batch_id: int, now, cancelled=None,
                  progress=None) -> Counts:
    counts = Counts()
    existing = _existing_orders(records)
    check(cancelled)
    # Only buyers of new orders are looked up or added: an order already in the shop
    # stays with the customer it has.
    customers = _customers_for([r for r in records if (r.platform, r.order_no) not in existing],
                               batch_id, now, counts)
    products = _ProductIndex()
    new_rows, new_lines, changes, updates, line_changes = [], {}, [], [], []
    touched: set[int] = set()
    for i, r in enumerate(records):
        if i % 5000 == 0:
            check(cancelled)
            if progress:
                progress(i, len(records))
        key = (r.platform, r.order_no)
        old = existing.get(key)
        values = _order_values(r)
        if old is None:
            cid = customers[(r.platform, r.nick)]
            new_rows.append((r.platform, r.order_no, cid, *values, batch_id, now))
            new_lines[key] = r.lines
            touched.add(cid)
            counts.added += 1
            continue
        before = {c: old[c] for c in TRACKED}
        after = dict(zip(TRACKED, values))
        lines_changed = bool(r.lines) and r.lines != old['lines']
        if _same(before, after) and not lines_changed:
            counts.skipped += 1
            continue
        if not _same(before, after):
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
        ids = dict(Order.select(Order.order_no, Order.id)
                   .where(Order.batch == batch_id).tuples())
        line_rows = []
        for (platform, order_no), lines in new_lines.items():
            line_rows += [_line_row(ids[order_no], ln, products) for ln in lines]
        insert_rows(OrderLine, ('order_id', 'product_id', 'title', 'sku', 'quantity',
                                   'price', 'amount'), line_rows)
    if updates:
        update_rows(Order, TRACKED, updates)
    for order_id, old_lines, lines in line_changes:
        changes.append((batch_id, 'lines', order_id,
                        json.dumps([ln.__dict__ for ln in old_lines], ensure_ascii=False)))
        OrderLine.delete().where(OrderLine.order == order_id).execute()
        insert_rows(OrderLine, ('order_id', 'product_id', 'title', 'sku', 'quantity',
                                   'price', 'amount'),
                    [_line_row(order_id, ln, products) for ln in lines])
    if changes:
        insert_rows(ImportChange, ('batch_id', 'table', 'row_id', 'before'), changes)
    check(cancelled)
    customer_stats.refresh(touched)
    return counts


def _same(before: dict, after: dict) -> bool:
    return all(value(before[k]) == value(after[k]) for k in before)


def _order_values(r: OrderRecord) -> tuple:
    return (r.status, r.status_text, r.status == COMPLETED, r.amount,
            r.item_count or sum(ln.quantity for ln in r.lines), r.created_at,
            r.paid_at, r.receiver, r.phone, r.address, r.buyer_note, r.seller_note)


def _line_row(order_id: int, ln: LineRecord, products: '_ProductIndex') -> tuple:
    return (order_id, products.id_for(ln), ln.title, ln.sku, ln.quantity, ln.price, ln.amount)


class _ProductIndex:
    """Products by code, else by title; new ones are created as lines mention them."""

    def __init__(self):
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
        pid = Product.create(code=ln.code, title=ln.title, price=ln.price).id
        if ln.code:
            self.by_code[ln.code] = pid
        else:
            self.by_title[ln.title] = pid
        return pid


def _existing_orders(records: list[OrderRecord]) -> dict:
    found = {}
    by_platform: dict[str, list[str]] = {}
    for r in records:
        by_platform.setdefault(r.platform, []).append(r.order_no)
    fields = [Order.id, Order.platform, Order.order_no, Order.customer] + [
        getattr(Order, c) for c in TRACKED]
    for platform, numbers in by_platform.items():
        for chunk in chunks(numbers):
            for o in (Order.select(*fields)
                      .where(Order.platform == platform, Order.order_no.in_(chunk)).dicts()):
                o['customer_id'] = o.pop('customer')
                o['lines'] = []
                found[(o['platform'], o['order_no'])] = o
    if found:
        by_id = {o['id']: o for o in found.values()}
        for chunk in chunks(list(by_id)):
            for ln in OrderLine.select().where(OrderLine.order.in_(chunk)).order_by(OrderLine.id):
                code = ln.product.code if ln.product_id else ''
                by_id[ln.order_id]['lines'].append(
                    LineRecord(ln.title, ln.quantity, ln.price, ln.amount, ln.sku, code))
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
    by_platform: dict[str, list[str]] = {}
    for platform, nick in wanted:
        by_platform.setdefault(platform, []).append(nick)
    for platform, nicks in by_platform.items():
        for chunk in chunks(nicks):
            for cid, nick, into in (Customer.select(Customer.id, Customer.nick,
                                                    Customer.merged_into)
                                    .where(Customer.platform == platform,
                                           Customer.nick.in_(chunk)).tuples()):
                found[(platform, nick)] = cid
                if into:
                    merged[cid] = into
    new = [(k, r) for k, r in wanted.items() if k not in found]
    if new:
        insert_rows(Customer, (
            'platform', 'nick', 'name', 'phone', 'province', 'city', 'address', 'source',
            'batch_id', 'created_at', 'updated_at'),
            [(p, n, r.receiver[:64], r.phone, r.province, r.city, r.address, '', batch_id, now,
              now) for (p, n), r in new])
        for cid, platform, nick in (Customer.select(Customer.id, Customer.platform,
                                                    Customer.nick)
                                    .where(Customer.batch == batch_id).tuples()):
            found[(platform, nick)] = cid
        insert_rows(CustomerSearch, ('customer_id', 'text'),
                    [(found[k], search_text(k[1], r.receiver, r.phone)) for k, r in new])
        counts.customers_added = len(new)
    for key, cid in found.items():
        seen = set()
        while cid in merged and cid not in seen:
            seen.add(cid)
            cid = merged[cid]
        found[key] = cid
    return found
