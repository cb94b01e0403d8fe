"""The member list: filter, sort and page customers in SQL.

The table on screen asks for `count()` once per filter and then for pages of
rows as they scroll into view, so a million customers never sit in memory.
Called from the UI thread: each call is one indexed query.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from peewee import SqliteDatabase, fn

from models import Customer, CustomerSearch, CustomerTag, Order, OrderLine, db

from .pinyin_keys import normalise_query

# Sortable columns: key -> model field. Everything else sorts by id.
SORT_FIELDS = {
    'id': Customer.id, 'nick': Customer.nick, 'name': Customer.name,
    'platform': Customer.platform, 'tier': Customer.tier, 'points': Customer.points,
    'order_count': Customer.order_count, 'total_spent': Customer.total_spent,
    'first_order_at': Customer.first_order_at, 'last_order_at': Customer.last_order_at,
    'created_at': Customer.created_at, 'segment': Customer.segment, 'city': Customer.city,
    'phone': Customer.phone,
}


@dataclass(frozen=True)
class MemberFilter:
    text: str = ''
    platform: str = ''
    tier_id: int | None = None
    tag_id: int | None = None
    segment: str = ''
    min_spent: int | None = None         # fen
    max_spent: int | None = None
    min_orders: int | None = None
    max_orders: int | None = None
    last_from: date | None = None
    last_to: date | None = None
    birth_month: int | None = None
    product: str = ''                    # bought a product whose title contains this
    deleted: bool = False                # the recycle bin instead of the live list
    sort: str = 'last_order_at'
    descending: bool = True

    def with_(self, **changes) -> 'MemberFilter':
        return replace(self, **changes)


@dataclass
class MemberRow:
    id: int
    nick: str
    platform: str
    name: str
    phone: str
    tier_id: int | None
    tier_locked: bool
    points: int
    order_count: int
    total_spent: int
    first_order_at: datetime | None
    last_order_at: datetime | None
    segment: str
    province: str
    city: str
    created_at: datetime | None
    deleted_at: datetime | None
    tags: list = field(default_factory=list)    # [(name, color)]


_ROW_FIELDS = (Customer.id, Customer.nick, Customer.platform, Customer.name, Customer.phone,
               Customer.tier, Customer.tier_locked, Customer.points, Customer.order_count,
               Customer.total_spent, Customer.first_order_at, Customer.last_order_at,
               Customer.segment, Customer.province, Customer.city, Customer.created_at,
               Customer.deleted_at)


def _text_condition(text: str):
    if isinstance(db.obj, SqliteDatabase):
        # instr() is a plain byte search; LIKE folds case per character, which costs.
        match = fn.instr(CustomerSearch.text, text) > 0
    else:
        match = fn.strpos(CustomerSearch.text, text) > 0
    return Customer.id.in_(CustomerSearch.select(CustomerSearch.customer).where(match))


def _conditions(f: MemberFilter) -> list:
    conds = [Customer.deleted_at.is_null(not f.deleted)]
    text = normalise_query(f.text)
    if text:
        conds.append(_text_condition(text))
    if f.platform:
        conds.append(Customer.platform == f.platform)
    if f.tier_id is not None:
        conds.append(Customer.tier == f.tier_id)
    if f.tag_id is not None:
        conds.append(Customer.id.in_(CustomerTag.select(CustomerTag.customer)
                                     .where(CustomerTag.tag == f.tag_id)))
    if f.segment:
        conds.append(Customer.segment == f.segment)
    if f.min_spent is not None:
        conds.append(Customer.total_spent >= f.min_spent)
    if f.max_spent is not None:
        conds.append(Customer.total_spent <= f.max_spent)
    if f.min_orders is not None:
        conds.append(Customer.order_count >= f.min_orders)
    if f.max_orders is not None:
        conds.append(Customer.order_count <= f.max_orders)
    if f.last_from is not None:
        conds.append(Customer.last_order_at >= datetime.combine(f.last_from, time()))
    if f.last_to is not None:
        conds.append(Customer.last_order_at
                     < datetime.combine(f.last_to + timedelta(days=1), time()))
    if f.birth_month is not None:
        conds.append(Customer.birth_month == f.birth_month)
    if f.product.strip():
        buyers = (Order.select(Order.customer).join(OrderLine)
                  .where(OrderLine.title.contains(f.product.strip())))
        conds.append(Customer.id.in_(buyers))
    return conds


def _base(f: MemberFilter, *fields_):
    return Customer.select(*fields_).where(*_conditions(f))


def count(f: MemberFilter) -> int:
    return _base(f, fn.COUNT(Customer.id)).scalar() or 0


def _ordered(query, f: MemberFilter):
    key = SORT_FIELDS.get(f.sort, Customer.id)
    if f.descending:
        return query.order_by(key.desc(), Customer.id.desc())
    return query.order_by(key.asc(), Customer.id.asc())


def page(f: MemberFilter, offset: int, limit: int) -> list[MemberRow]:
    """Rows offset..offset+limit of the filtered, sorted list, with their tags."""
    from .tags import tags_for
    # Offsetting over ids alone walks the narrow index; full rows are read for one page only.
    ids = _ordered(_base(f, Customer.id), f).offset(offset).limit(limit)
    rows = [MemberRow(*values) for values in
            _ordered(Customer.select(*_ROW_FIELDS).where(Customer.id.in_(ids)), f).tuples()]
    tags = tags_for([r.id for r in rows])
    for r in rows:
        r.tier_locked = bool(r.tier_locked)
        r.tags = tags.get(r.id, [])
    return rows


def ids(f: MemberFilter) -> list[int]:
    """Every id the filter selects, for batch actions on a whole result."""
    return [i for (i,) in _ordered(_base(f, Customer.id), f).tuples()]
