"""What the member list shows and how it is filtered: MemberFilter, MemberRow and
the peewee conditions for a filter, sort and page.

These are the plain queries PostgreSQL runs as they are; the SQLite fast paths
(sqlite_paths, text_scan) build on the same conditions, some hidden from the planner.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from peewee import SQL, Case, CharField, NodeList, SqliteDatabase, TextField, fn

from models import Customer, CustomerSearch, CustomerTag, Order, OrderLine, Tier, db
from models.care import CustomerMark
from models.dialect import contains
from models.group import GroupMember

from ..care.codes import CREDIT_LEVELS
from ..pinyin_keys import normalise_query

# Sortable columns: key -> model field. Everything else sorts by id.
SORT_FIELDS = {
    'id': Customer.id, 'nick': Customer.nick, 'name': Customer.name,
    'platform': Customer.platform, 'tier': Customer.tier, 'points': Customer.points,
    'order_count': Customer.order_count, 'total_spent': Customer.total_spent,
    'first_order_at': Customer.first_order_at, 'last_order_at': Customer.last_order_at,
    'created_at': Customer.created_at, 'segment': Customer.segment, 'city': Customer.city,
    'phone': Customer.phone, 'lifecycle': Customer.lifecycle, 'loyalty': Customer.loyalty,
    'clv': Customer.clv, 'rfm': Customer.rfm,
}


@dataclass(frozen=True)
class MemberFilter:
    text: str = ''
    platform: str = ''
    tier_id: int | None = None
    tag_id: int | None = None
    group_id: int | None = None          # a member of this WeChat/QQ group
    quality: str = ''                    # quality mark: good, normal, bad
    credit_min: str = ''                 # platform credit at least this, e.g. 'diamond1'
    segment: str = ''
    lifecycle: str = ''                  # new, active, sleeping, lost
    loyalty: str = ''                    # price, inertia, high
    min_clv: int | None = None           # fen
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
    rfm: str = ''
    lifecycle: str = ''
    loyalty: str = ''
    clv: int = 0                                # fen
    quality: str = ''                           # quality mark, filled per page
    tags: list = field(default_factory=list)    # [(name, color)]


_ROW_FIELDS = (Customer.id, Customer.nick, Customer.platform, Customer.name, Customer.phone,
               Customer.tier, Customer.tier_locked, Customer.points, Customer.order_count,
               Customer.total_spent, Customer.first_order_at, Customer.last_order_at,
               Customer.segment, Customer.province, Customer.city, Customer.created_at,
               Customer.deleted_at, Customer.rfm, Customer.lifecycle, Customer.loyalty,
               Customer.clv)


# --- conditions -------------------------------------------------------------------

def _text_match(text: str):
    if isinstance(db.obj, SqliteDatabase):
        return fn.glob(_glob(text), CustomerSearch.text)      # see _glob
    return fn.strpos(CustomerSearch.text, text) > 0


def _glob(text: str) -> str:
    # GLOB is case-sensitive like instr() but skips to the first character with
    # strcspn: ~35% faster for latin letters, equal for Chinese. [x] quotes * ? [.
    return '*' + ''.join(f'[{c}]' if c in '*?[' else c for c in text) + '*'


def _unindexed(column):
    # Unary plus hides a column from SQLite's planner, so a page walks the sort index
    # instead of collecting a whole range and sorting it.
    return NodeList((SQL('+'), column), glue='')


def _column_conditions(f: MemberFilter, walk: bool = False, scan: bool = False) -> list:
    """Conditions on the customer row itself: everything but text and tag.

    walk: hide range conditions from the planner so it walks the sort index;
    scan: hide the recycle-bin flag too, so a sort without an index reads the
    table once in order instead of looking up every row from a (deleted_at, ...) index.
    """
    sort_field = SORT_FIELDS.get(f.sort, Customer.id)

    def col(column):
        return _unindexed(column) if walk and column is not sort_field else column
    deleted_at = _unindexed(Customer.deleted_at) if scan else Customer.deleted_at
    conds = [deleted_at.is_null(not f.deleted)]
    # Equalities stay visible to the planner: it walks the sort index unless an
    # index such as (deleted_at, tier, last_order_at) serves filter and order at once.
    if f.platform:
        conds.append(Customer.platform == f.platform)
    if f.tier_id is not None:
        conds.append(Customer.tier == f.tier_id)
    if f.segment:
        conds.append(Customer.segment == f.segment)
    if f.lifecycle:
        conds.append(Customer.lifecycle == f.lifecycle)
    if f.loyalty:
        conds.append(Customer.loyalty == f.loyalty)
    if f.min_clv is not None:
        conds.append(col(Customer.clv) >= f.min_clv)
    if f.min_spent is not None:
        conds.append(col(Customer.total_spent) >= f.min_spent)
    if f.max_spent is not None:
        conds.append(col(Customer.total_spent) <= f.max_spent)
    if f.min_orders is not None:
        conds.append(col(Customer.order_count) >= f.min_orders)
    if f.max_orders is not None:
        conds.append(col(Customer.order_count) <= f.max_orders)
    if f.last_from is not None:
        conds.append(col(Customer.last_order_at) >= datetime.combine(f.last_from, time()))
    if f.last_to is not None:
        conds.append(col(Customer.last_order_at)
                     < datetime.combine(f.last_to + timedelta(days=1), time()))
    if f.birth_month is not None:
        conds.append(col(Customer.birth_month) == f.birth_month)
    if f.product.strip():
        buyers = (Order.select(Order.customer).join(OrderLine)
                  .where(contains(OrderLine.title, f.product.strip())))
        conds.append(Customer.id.in_(buyers))
    # Here rather than beside the tag: these lists are short, so every path (counts,
    # walks, probes) can take them as plain conditions.
    conds.extend(Customer.id.in_(ids) for ids in _id_lists(f))
    return conds


def _id_lists(f: MemberFilter) -> list:
    """Conditions that are lists of customer ids (a group's roster, the buyers with a
    quality mark or credit level), as subqueries selecting "customer_id". Owners fill
    them by hand, so they are short next to the customer table: SQLite starts from them."""
    lists = []
    if f.group_id is not None:
        lists.append(GroupMember.select(GroupMember.customer)
                     .where(GroupMember.group == f.group_id))
    if f.quality or f.credit_min:
        marks = []
        if f.quality:
            marks.append(CustomerMark.quality == f.quality)
        if f.credit_min:
            # This level and those above it; an unknown code matches nobody.
            at = (CREDIT_LEVELS.index(f.credit_min) if f.credit_min in CREDIT_LEVELS
                  else len(CREDIT_LEVELS))
            marks.append(CustomerMark.credit.in_(CREDIT_LEVELS[at:]))
        lists.append(CustomerMark.select(CustomerMark.customer).where(*marks))
    return lists


def _conditions(f: MemberFilter) -> list:
    conds = _column_conditions(f)
    text = normalise_query(f.text)
    if text:
        conds.append(Customer.id.in_(
            CustomerSearch.select(CustomerSearch.customer).where(_text_match(text))))
    if f.tag_id is not None:
        conds.append(Customer.id.in_(CustomerTag.select(CustomerTag.customer)
                                     .where(CustomerTag.tag == f.tag_id)))
    return conds


def _tag_exists(tag_id: int):
    # Probes the (customer, tag) index once per row: cheap when a walk stops early.
    return fn.EXISTS(CustomerTag.select(SQL('1')).where(
        CustomerTag.customer == Customer.id, CustomerTag.tag == tag_id))


def _text_exists(text: str):
    return fn.EXISTS(CustomerSearch.select(SQL('1')).where(
        CustomerSearch.customer == Customer.id, _text_match(text)))


def _base(f: MemberFilter, *fields_):
    return Customer.select(*fields_).where(*_conditions(f))


def _ordered(query, f: MemberFilter, reverse: bool = False, hide_index: bool = False):
    key = _tier_rank_key() if f.sort == 'tier' else SORT_FIELDS.get(f.sort, Customer.id)
    if hide_index:
        key = _unindexed(key)
    # SQLite puts NULLs (no order yet) first going up, last going down; PostgreSQL the
    # other way round unless told.
    first, last = ('first', 'last') if not isinstance(db.obj, SqliteDatabase) else (None, None)
    if first and isinstance(key, (CharField, TextField)):
        key = key.collate('"C"')    # code-point order as on SQLite, whatever the server's
    if f.descending != reverse:
        return query.order_by(key.desc(nulls=last), Customer.id.desc())
    return query.order_by(key.asc(nulls=first), Customer.id.asc())


def _tier_rank_key():
    """Tiers sort by rank. While ids follow ranks (the seeded tiers, tiers added in
    order) the (deleted_at, tier) index gives that order; otherwise a CASE maps ids to
    ranks, which costs a sort."""
    ranked = [t.id for t in Tier.select(Tier.id).order_by(Tier.rank)]
    if ranked == sorted(ranked):
        return Customer.tier
    return Case(Customer.tier, [(tid, i) for i, tid in enumerate(ranked)], -1)


# --- query helpers ----------------------------------------------------------------

def _scalar(query) -> int:
    return query.scalar() or 0


def _sql(query) -> tuple[str, list]:
    sql, params = query.sql()
    return sql, list(params)
