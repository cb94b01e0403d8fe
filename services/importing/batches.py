"""Import batches: commit a parsed file as one batch, list batches, undo one whole."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from peewee import BooleanField

from models import (ContactLog, Customer, CustomerTag, ImportBatch, ImportChange, Order,
                    OrderLine, PointsEntry, Product, Tag, Tier, db, now)

from .. import customer_stats
from ..customer_profile import CustomerProfile
from ..errors import UserError
from ..tiers import BY_IMPORT, record_tier_moves
from .members_import import (PROFILE_COLUMNS, import_members, save_searches,
                             set_many_manual_tags)
from .orders_import import (LINE_COLUMNS, TRACKED, ProductIndex, import_lines, import_orders,
                            line_row)
from .records import LineRecord, ParsedFile, Problem
from .sqlbulk import chunks, insert_rows, update_rows


@dataclass
class BatchInfo:
    id: int
    file_name: str
    kind: str
    created_at: datetime
    rows_read: int
    added: int
    updated: int
    skipped: int
    problems: list = field(default_factory=list)
    customers_added: int = 0
    undone_at: datetime | None = None


def _info(b: ImportBatch, customers_added: int = 0) -> BatchInfo:
    return BatchInfo(b.id, b.file_name, b.kind, b.created_at, b.rows_read, b.added, b.updated,
                     b.skipped, json.loads(b.problems) if b.problems else [],
                     customers_added, b.undone_at)


def earlier_import(file_hash: str) -> BatchInfo | None:
    """The last batch, not undone, that brought in a file with the same content."""
    b = (ImportBatch.select().where(ImportBatch.file_hash == file_hash,
                                    ImportBatch.undone_at.is_null())
         .order_by(ImportBatch.id.desc()).first())
    return _info(b) if b else None


def commit(parsed: ParsedFile, file_hash: str, cancelled=None, progress=None) -> BatchInfo:
    """Write the parsed file's good records as one batch, all or nothing.

    Records with problems were already left out by the reader; the problems are
    stored with the batch so the owner can read them later.
    """
    problems: list[Problem] = list(parsed.problems)
    label = Path(parsed.path).name
    stamp = now()
    with db.atomic():
        batch = ImportBatch.create(file_name=label, file_hash=file_hash,
                                   kind=parsed.platform or parsed.kind,
                                   rows_read=parsed.rows_read, created_at=stamp)
        if parsed.kind == 'members':
            counts = import_members(parsed.records, batch.id, stamp, label, problems,
                                    cancelled, progress)
        elif parsed.kind == 'lines':
            counts = import_lines(parsed.records, batch.id, label, problems, cancelled)
        else:
            counts = import_orders(parsed.records, batch.id, stamp, cancelled, progress)
        batch.added, batch.updated = counts.added, counts.updated
        batch.skipped = counts.skipped + (parsed.rows_read - len(parsed.records))
        batch.problems = json.dumps([str(p) for p in problems], ensure_ascii=False)
        batch.save()
    return _info(batch, counts.customers_added)


def list_batches(limit: int = 500) -> list[BatchInfo]:
    return [_info(b) for b in ImportBatch.select().order_by(ImportBatch.id.desc()).limit(limit)]


def undo(batch_id: int) -> BatchInfo:
    """Take a whole batch back: added rows go, changed rows return to what they were.

    Refused while a later batch that is still in place changed the same rows,
    since undoing underneath it would lose that batch's work.
    """
    batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
    if batch is None:
        raise UserError(f'没有编号为 {batch_id} 的导入批次')
    if batch.undone_at:
        raise UserError(f'批次 {batch_id}（{batch.file_name}）已经撤销过了')
    from ..backups import before_bulk_change
    before_bulk_change()            # the day's automatic backup first, when due
    with db.atomic():
        _refuse_if_built_upon(batch)
        _refuse_if_edited_since(batch)
        _refuse_if_points_spent(batch)
        touched: set[int] = set()
        added_orders = Order.select(Order.id, Order.customer).where(Order.batch == batch.id)
        for oid, cid in added_orders.tuples():
            touched.add(cid)
        Order.delete().where(Order.batch == batch.id).execute()
        profiles: dict[int, dict] = {}
        for change in (ImportChange.select().where(ImportChange.batch == batch.id)
                       .order_by(ImportChange.id.desc())):
            if change.table == 'customer':
                profiles[change.row_id] = json.loads(change.before)   # the earliest wins
            else:
                touched |= _restore(change)
        touched |= _restore_profiles(profiles)
        touched |= _drop_added_customers(batch.id)
        _drop_added_products_and_tags(batch.id)
        ImportChange.delete().where(ImportChange.batch == batch.id).execute()
        batch.undone_at = now()
        batch.save()
        customer_stats.refresh(touched)
    return _info(batch)


# Customers this batch added that nothing else holds: they go with the batch.
_GOES = ('c.batch_id = {p} AND NOT EXISTS (SELECT 1 FROM "order" AS x WHERE x.customer_id = c.id '
         'AND (x.batch_id IS NULL OR x.batch_id != {p})) AND NOT EXISTS (SELECT 1 FROM '
         'contact_log AS l WHERE l.customer_id = c.id) AND NOT EXISTS (SELECT 1 FROM '
         "points_entry AS k WHERE k.customer_id = c.id AND k.kind IN ('redeem', 'adjust', 'bonus'))")


def _refuse_if_points_spent(batch: ImportBatch) -> None:
    """Taking back orders whose points were redeemed would leave a negative balance."""
    p = db.obj.param
    row = db.execute_sql(
        'SELECT c.nick, SUM(e.points), SUM(CASE WHEN o.batch_id = {p} THEN e.points ELSE 0 END) '
        'FROM customer AS c JOIN points_entry AS e ON e.customer_id = c.id '
        'LEFT JOIN "order" AS o ON o.id = e.order_id '
        'WHERE c.id IN (SELECT customer_id FROM "order" WHERE batch_id = {p}) '
        'AND NOT ({goes}) GROUP BY c.id '
        'HAVING SUM(e.points) - SUM(CASE WHEN o.batch_id = {p} THEN e.points ELSE 0 END) < 0 '
        'LIMIT 1'.format(p=p, goes=_GOES.format(p=p)),
        [batch.id] * 5).fetchone()
    if row:
        raise UserError(f'顾客“{row[0]}”已用掉这批订单带来的积分，撤销会让积分变成负数。'
                        f'请先在顾客详情里调整积分，再撤销这批导入。')


def _refuse_if_built_upon(batch: ImportBatch) -> None:
    later = (ImportBatch.select(ImportBatch.id)
             .where(ImportBatch.id > batch.id, ImportBatch.undone_at.is_null()))
    def changed(tables):
        return ImportChange.select(ImportChange.row_id).where(
            ImportChange.batch == batch.id, ImportChange.table.in_(tables))
    own_orders = Order.select(Order.id).where(Order.batch == batch.id)
    own_customers = Customer.select(Customer.id).where(Customer.batch == batch.id)
    # Order ids and customer ids are different numbers: compare each with its own kind.
    order_rows = ImportChange.row_id.in_(own_orders) | ImportChange.row_id.in_(
        changed(['order', 'lines']))
    customer_rows = ImportChange.row_id.in_(own_customers) | ImportChange.row_id.in_(
        changed(['customer']))
    clash = (ImportChange.select(ImportChange.batch)
             .where(ImportChange.batch.in_(later),
                    (ImportChange.table.in_(['order', 'lines']) & order_rows)
                    | ((ImportChange.table == 'customer') & customer_rows))
             .order_by(ImportChange.batch.desc()).first())
    if clash:
        raise UserError(f'之后的导入批次 {clash.batch_id} 改动了同一批数据，请先撤销批次 {clash.batch_id}')


def _refuse_if_edited_since(batch: ImportBatch) -> None:
    """Putting back a profile the owner has edited since would lose the edit."""
    changed = ImportChange.select(ImportChange.row_id).where(
        ImportChange.batch == batch.id, ImportChange.table == 'customer')
    edited = (Customer.select(Customer.nick)
              .where(Customer.id.in_(changed), Customer.updated_at > batch.created_at).first())
    if edited:
        raise UserError(f'顾客“{edited.nick}”在这次导入之后又被修改过，撤销会丢掉那次修改，'
                        '所以没有撤销。')


def _restore(change: ImportChange) -> set[int]:
    before = json.loads(change.before)
    if change.table == 'order':
        values = [_parse_value(c, before[c]) for c in TRACKED]
        update_rows(Order, TRACKED, [(*values, change.row_id)])
        cid = Order.select(Order.customer).where(Order.id == change.row_id).scalar()
        return {cid} if cid else set()
    if change.table == 'customer_mark':
        from ..quality_marks import restore_mark
        return restore_mark(change.row_id, before, change.batch.created_at)
    if change.table == 'revived':
        Customer.update(deleted_at=_parse_value('paid_at', before['deleted_at'])).where(
            Customer.id == change.row_id).execute()
        return {change.row_id}
    if change.table == 'lines':
        OrderLine.delete().where(OrderLine.order == change.row_id).execute()
        # Lines go back linked to their products (by code, else title), as imported.
        products = ProductIndex()
        insert_rows(OrderLine, LINE_COLUMNS,
                    [line_row(change.row_id, LineRecord(**ln), products) for ln in before])
        # The buyer's repurchase due days follow the lines (refreshed with the rest).
        cid = Order.select(Order.customer).where(Order.id == change.row_id).scalar()
        return {cid} if cid else set()
    return set()


def _restore_profiles(befores: dict[int, dict]) -> set[int]:
    """Member-sheet rows back as they were, all in a few statements: one a buyer costs
    seconds per thousand on a shop server."""
    if not befores:
        return set()
    tier_ids = {i for (i,) in Tier.select(Tier.id).tuples()}
    tiers, rows, profiles, tag_sets = [], [], [], []
    for cid, before in befores.items():
        tags = before.pop('tags', [])
        tier = (before.pop('tier_id', None), before.pop('tier_locked', None))
        profile = CustomerProfile(**before)
        if tier[1] is not None:
            if tier[0] is not None and tier[0] not in tier_ids:
                tier = (None, False)        # that tier was removed since: the rules decide
            tiers.append((tier[0], tier[1], cid))
        rows.append(tuple(getattr(profile, c) for c in PROFILE_COLUMNS)
                    + (profile.extra_json(), cid))
        profiles.append((cid, profile))
        tag_sets.append((cid, tags))
    record_tier_moves([(t, cid) for t, _, cid in tiers if t is not None], BY_IMPORT, '撤销导入')
    update_rows(Customer, ('tier_id', 'tier_locked'), tiers)
    update_rows(Customer, PROFILE_COLUMNS + ('extra',), rows)
    save_searches(profiles)
    set_many_manual_tags(tag_sets, {n: i for i, n in Tag.select(Tag.id, Tag.name).tuples()})
    return set(befores)


# Order columns a before-image holds as JSON numbers but the server keeps as BOOLEAN:
# one written on SQLite says 1/0, and a shop moved to PostgreSQL keeps that text.
_ORDER_FLAGS = frozenset(c for c in TRACKED if isinstance(Order._meta.fields[c], BooleanField))


def _parse_value(column: str, v):
    if v is None:
        return v
    if column in ('created_at', 'paid_at') and isinstance(v, str):
        return datetime.fromisoformat(v)
    if column in _ORDER_FLAGS:
        return bool(v)
    return v


def _drop_added_products_and_tags(batch_id: int) -> None:
    """Products and tags the batch brought go too, unless something uses them now."""
    used = OrderLine.select(OrderLine.product).where(OrderLine.product.is_null(False))
    Product.delete().where(Product.batch == batch_id, Product.id.not_in(used)).execute()
    Product.update(batch=None).where(Product.batch == batch_id).execute()
    worn = CustomerTag.select(CustomerTag.tag)
    Tag.delete().where(Tag.batch == batch_id, Tag.id.not_in(worn)).execute()
    Tag.update(batch=None).where(Tag.batch == batch_id).execute()


def _drop_added_customers(batch_id: int) -> set[int]:
    """Customers the batch added go, unless they have since gained orders from other
    files, contact records or points the owner gave or took; those stay. Tags alone do
    not keep a customer (a member sheet brings its buyers with their tags), nor do
    points that merely expired."""
    added = [i for (i,) in Customer.select(Customer.id).where(Customer.batch == batch_id).tuples()]
    keep: set[int] = set()
    owner = PointsEntry.kind.in_(['redeem', 'adjust', 'bonus'])
    for chunk in chunks(added):
        for model, extra in ((Order, True), (ContactLog, True), (PointsEntry, owner)):
            keep |= {i for (i,) in model.select(model.customer)
                     .where(model.customer.in_(chunk), extra).tuples()}
    gone = [i for i in added if i not in keep]
    for chunk in chunks(gone):
        Customer.delete().where(Customer.id.in_(chunk)).execute()
    # Survivors are no longer "added by" an undone batch.
    Customer.update(batch=None).where(Customer.batch == batch_id).execute()
    return keep
