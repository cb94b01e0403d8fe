"""Create, edit, delete, restore and merge customers.

Callable from any one thread at a time; writes are single transactions.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import datetime

from peewee import IntegrityError, Value, fn

from models import (ContactLog, Customer, CustomerMerge, CustomerSearch, CustomerTag, Order,
                    PointsEntry, Tag, db, now)

from . import customer_stats, tiers
from .chunking import chunks
from .customer_profile import CustomerProfile
from .errors import UserError, ValidationError
from .pinyin_keys import search_text

_PROFILE_FIELDS = tuple(f.name for f in fields(CustomerProfile))


@dataclass
class OrderSummary:
    id: int
    platform: str
    order_no: str
    status: str
    status_text: str
    completed: bool
    amount: int
    item_count: int
    paid_at: datetime | None
    items: str


@dataclass
class PointsLine:
    kind: str
    points: int
    reason: str
    source: str
    created_at: datetime


@dataclass
class ContactLine:
    id: int
    at: datetime
    channel: str
    purpose: str
    result: str
    note: str


@dataclass
class CustomerDetail:
    id: int
    profile: CustomerProfile
    tier_id: int | None
    tier_locked: bool
    order_count: int
    total_spent: int
    first_order_at: datetime | None
    last_order_at: datetime | None
    points: int
    segment: str
    created_at: datetime
    deleted_at: datetime | None
    merged_into: int | None
    tags: list = field(default_factory=list)          # [(id, name, color)]
    orders: list = field(default_factory=list)        # [OrderSummary], newest first
    points_history: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    merged_from: list = field(default_factory=list)   # [(nick, merged_at)]


def profile_of(c: Customer) -> CustomerProfile:
    values = {name: getattr(c, name) for name in _PROFILE_FIELDS if name != 'extra'}
    values['extra'] = json.loads(c.extra) if c.extra else {}
    values['birth_leap'] = bool(values['birth_leap'])
    return CustomerProfile(**values)


def _row_values(p: CustomerProfile) -> dict:
    values = {name: getattr(p, name) for name in _PROFILE_FIELDS if name != 'extra'}
    values['extra'] = p.extra_json()
    return values


def profile_search_text(p: CustomerProfile) -> str:
    return search_text(p.nick, p.name, p.phone, p.phone2, p.wechat)


def save_search(customer_id: int, p: CustomerProfile) -> None:
    """Write the customer's search keys (insert or replace)."""
    text = profile_search_text(p)
    (CustomerSearch.insert(customer=customer_id, text=text)
     .on_conflict(conflict_target=[CustomerSearch.customer],
                  update={CustomerSearch.text: text})
     .execute())


def _duplicate_nick(p: CustomerProfile) -> ValidationError:
    return ValidationError('nick', f'该平台已有买家会员名“{p.nick}”的顾客')


def create_customer(profile: CustomerProfile) -> int:
    p = profile.cleaned()
    try:
        with db.atomic():
            c = Customer.create(**_row_values(p))
            save_search(c.id, p)
            customer_stats.assign_tiers([c.id])
    except IntegrityError:
        raise _duplicate_nick(p) from None
    return c.id


def update_customer(customer_id: int, profile: CustomerProfile) -> None:
    p = profile.cleaned()
    try:
        with db.atomic():
            n = (Customer.update(**_row_values(p), updated_at=now())
                 .where(Customer.id == customer_id).execute())
            if not n:
                raise UserError('这位顾客已不存在')
            save_search(customer_id, p)
    except IntegrityError:
        raise _duplicate_nick(p) from None


def set_tier_override(customer_id: int, tier_id: int | None, note: str = '') -> None:
    """Pin a tier by hand, or (None) hand the customer back to the rules."""
    tiers.set_override(customer_id, tier_id, note)


def delete_customers(ids: list[int]) -> int:
    """Move to the recycle bin; orders and history stay attached."""
    stamp, n = now(), 0
    with db.atomic():
        for chunk in chunks(ids):
            n += (Customer.update(deleted_at=stamp)
                  .where(Customer.id.in_(chunk), Customer.deleted_at.is_null()).execute())
    return n


def restore_customers(ids: list[int]) -> int:
    n = 0
    with db.atomic():
        for chunk in chunks(ids):
            n += (Customer.update(deleted_at=None)
                  .where(Customer.id.in_(chunk), Customer.deleted_at.is_null(False),
                         Customer.merged_into.is_null()).execute())
        # Scores and automatic tags moved on while they were in the bin.
        customer_stats.rescore(ids)
    return n


def purge_customers(ids: list[int]) -> int:
    """Erase customers from the recycle bin for good, with their orders and history."""
    erased = 0
    with db.atomic():
        for chunk in chunks(ids):
            chunk = [c.id for c in Customer.select(Customer.id)
                     .where(Customer.id.in_(chunk), Customer.deleted_at.is_null(False))]
            if not chunk:
                continue
            # A merge into an erased customer goes with it; a merge *from* one stays,
            # its snapshot being the only record of the erased duplicate.
            CustomerMerge.delete().where(CustomerMerge.target.in_(chunk)).execute()
            CustomerMerge.update(source=None).where(CustomerMerge.source.in_(chunk)).execute()
            Customer.update(merged_into=None).where(Customer.merged_into.in_(chunk)).execute()
            Customer.delete().where(Customer.id.in_(chunk)).execute()
            erased += len(chunk)
    return erased


def merge_customers(source_ids: list[int], target_id: int) -> None:
    """Fold duplicates into `target_id`.

    Orders, tags, points, contacts, group memberships, referrals, survey answers, and
    opt-outs and a quality mark the target lacks move to the target; each source stays in the
    recycle bin marked as merged, with a snapshot of what it was.
    """
    source_ids = [i for i in source_ids if i != target_id]
    if not source_ids:
        return
    with db.atomic():
        target = Customer.get_or_none(Customer.id == target_id)
        if target is None or target.deleted_at is not None:
            raise UserError('合并目标顾客不存在或已删除')
        sources = list(Customer.select().where(Customer.id.in_(source_ids)))
        for src in sources:
            snapshot = {**_row_values(profile_of(src)), 'id': src.id}
            CustomerMerge.create(source=src.id, target=target_id,
                                 snapshot=json.dumps(snapshot, ensure_ascii=False))
            _fill_blanks(target, profile_of(src))
        for model in (Order, PointsEntry, ContactLog):
            model.update(customer=target_id).where(model.customer.in_(source_ids)).execute()
        target_tags = CustomerTag.select(CustomerTag.tag).where(CustomerTag.customer == target_id)
        # One row per tag: two sources sharing a tag the target lacks would break the unique key.
        (CustomerTag.insert_from(
            CustomerTag.select(Value(target_id), CustomerTag.tag, fn.MIN(CustomerTag.added_at))
            .where(CustomerTag.customer.in_(source_ids), CustomerTag.tag.not_in(target_tags))
            .group_by(CustomerTag.tag),
            [CustomerTag.customer, CustomerTag.tag, CustomerTag.added_at]).execute())
        CustomerTag.delete().where(CustomerTag.customer.in_(source_ids)).execute()
        (Customer.update(merged_into=target_id, deleted_at=now())
         .where(Customer.id.in_(source_ids)).execute())
        target.updated_at = now()
        target.save()
        save_search(target_id, profile_of(target))
        from . import groups, quality_marks, referrals
        from .care import responses
        from .consent import optouts
        optouts.fold_into(source_ids, target_id)
        groups.fold_into(source_ids, target_id)
        referrals.fold_into(source_ids, target_id)
        quality_marks.fold_into(source_ids, target_id)
        responses.fold_into(source_ids, target_id)
        customer_stats.refresh([target_id] + source_ids)


def _fill_blanks(target: Customer, src: CustomerProfile) -> None:
    """The target keeps its own values; empty ones are filled from the source."""
    for name in ('name', 'phone', 'phone2', 'wechat', 'gender', 'province', 'city',
                 'address', 'source'):
        if not getattr(target, name) and getattr(src, name):
            setattr(target, name, getattr(src, name))
    if not target.birth_kind and src.birth_kind:
        for name in ('birth_kind', 'birth_year', 'birth_month', 'birth_day', 'birth_leap'):
            setattr(target, name, getattr(src, name))
    if src.note and src.note not in (target.note or ''):
        target.note = '\n'.join(filter(None, [target.note, src.note]))
    extra = json.loads(target.extra) if target.extra else {}
    for k, v in src.extra.items():
        extra.setdefault(k, v)
    target.extra = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else ''


def get_customer(customer_id: int, max_orders: int = 200) -> CustomerDetail:
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        raise UserError('这位顾客已不存在')
    detail = CustomerDetail(
        id=c.id, profile=profile_of(c), tier_id=c.tier_id, tier_locked=bool(c.tier_locked),
        order_count=c.order_count, total_spent=c.total_spent,
        first_order_at=c.first_order_at, last_order_at=c.last_order_at, points=c.points,
        segment=c.segment, created_at=c.created_at, deleted_at=c.deleted_at,
        merged_into=c.merged_into_id)
    detail.tags = [(t.id, t.name, t.color) for t in
                   Tag.select().join(CustomerTag).where(CustomerTag.customer == c.id)
                   .order_by(Tag.name)]
    detail.orders = _orders_of(c.id, max_orders)
    detail.points_history = [
        PointsLine(e.kind, e.points, e.reason, e.source, e.created_at)
        for e in PointsEntry.select().where(PointsEntry.customer == c.id)
        .order_by(PointsEntry.created_at.desc(), PointsEntry.id.desc())]
    detail.contacts = [
        ContactLine(x.id, x.at, x.channel, x.purpose, x.result, x.note)
        for x in ContactLog.select().where(ContactLog.customer == c.id)
        .order_by(ContactLog.at.desc(), ContactLog.id.desc())]
    detail.merged_from = [
        (json.loads(m.snapshot).get('nick', ''), m.merged_at)
        for m in CustomerMerge.select().where(CustomerMerge.target == c.id)]
    return detail


def _orders_of(customer_id: int, limit: int) -> list[OrderSummary]:
    from models import OrderLine
    orders = list(Order.select().where(Order.customer == customer_id)
                  .order_by(Order.paid_at.desc(nulls='LAST'), Order.id.desc()).limit(limit))
    titles: dict[int, list[str]] = {}
    if orders:
        for line in (OrderLine.select(OrderLine.order, OrderLine.title, OrderLine.quantity)
                     .where(OrderLine.order.in_([o.id for o in orders]))):
            titles.setdefault(line.order_id, []).append(
                line.title if line.quantity == 1 else f'{line.title} ×{line.quantity}')
    return [OrderSummary(o.id, o.platform, o.order_no, o.status, o.status_text,
                         bool(o.completed), o.amount, o.item_count, o.paid_at or o.created_at,
                         '；'.join(titles.get(o.id, [])))
            for o in orders]


def add_contact(customer_id: int, channel: str, purpose: str = '', result: str = '',
                note: str = '', at: datetime | None = None) -> int:
    with db.atomic():
        return ContactLog.create(customer=customer_id, channel=channel, purpose=purpose,
                                 result=result, note=note, at=at or now()).id


def count_customers() -> int:
    return Customer.select(fn.COUNT(Customer.id)).where(Customer.deleted_at.is_null()).scalar()
