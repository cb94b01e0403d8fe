"""Members and orders out to xlsx or CSV (chosen by the file's extension).

Rows are read in chunks of a few thousand with one query per chunk for the rows
and one for their tags or lines, and streamed to the writer, so 100,000 members
go out in a few seconds in flat memory. Cancel leaves no file.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from models import Customer, CustomerTag, Order, OrderLine, Tag, db

from . import member_query
from .custom_fields import list_fields
from .customer_profile import CustomerProfile
from .chunking import chunks
from .errors import UserError
from .privacy import mask_address, mask_numbers_in, mask_phone
from .files.member_sheet import (PLATFORM_NAMES, MemberSheetRow, member_row, sheet_headers,
                                 sheet_kinds)
from .files.writers import write_table
from .tasks import IsCancelled, Progress
from .tiers import tier_names

CHUNK = 5000
SUFFIXES = ('.xlsx', '.csv')

ORDER_HEADERS = ['订单号', '平台', '买家会员名', '姓名', '订单状态', '是否成交', '实付金额',
                 '商品数量', '下单时间', '付款时间', '收货人', '手机', '收货地址', '商品明细']
ORDER_KINDS = ['text', 'text', 'text', 'text', 'text', 'text', 'money', 'int', 'datetime',
               'datetime', 'text', 'text', 'text', 'text']
ORDER_STATE_NAMES = {'unpaid': '待付款', 'paid': '已付款', 'shipped': '已发货',
                     'completed': '交易成功', 'closed': '交易关闭', 'refunded': '已退款'}

# CustomerProfile's fields in declaration order, so a row slice builds one positionally.
_PROFILE_COLUMNS = (Customer.platform, Customer.nick, Customer.name, Customer.phone,
                    Customer.phone2, Customer.wechat, Customer.gender, Customer.birth_kind,
                    Customer.birth_year, Customer.birth_month, Customer.birth_day,
                    Customer.birth_leap, Customer.province, Customer.city, Customer.address,
                    Customer.source, Customer.note, Customer.extra)
_MEMBER_COLUMNS = (Customer.id, Customer.tier, Customer.points, Customer.order_count,
                   Customer.total_spent, Customer.first_order_at, Customer.last_order_at,
                   Customer.segment) + _PROFILE_COLUMNS


def check_suffix(path) -> None:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(f'只能导出为 .xlsx 或 .csv 文件，不支持“{suffix or Path(path).name}”')


# --- members -----------------------------------------------------------------------

def export_members(path, member_filter=None, progress: Progress | None = None,
                   cancelled: IsCancelled | None = None, masked: bool = False) -> int:
    """Write the member sheet: every live customer by id, or exactly the rows of
    `member_filter` (a services.member_query.MemberFilter) in its order. Not a
    marketing list: nobody is left out, the 退订 column says who opted out of what.
    `masked`: phones and addresses as services.privacy masks them (the app's default;
    importing such a sheet back keeps the real values).
    Returns the number of members written."""
    check_suffix(path)
    ids = _member_ids(member_filter)
    custom = [f.name for f in list_fields()]
    rows = _member_rows(ids, custom, masked)
    return write_table(path, sheet_headers(custom), rows, sheet_kinds(custom),
                       sheet_name='会员', progress=progress, cancelled=cancelled,
                       total=len(ids))


def _member_ids(member_filter) -> list[int]:
    if member_filter is None:
        sql = (f'SELECT "id" FROM "{Customer._meta.table_name}"'
               ' WHERE "deleted_at" IS NULL ORDER BY "id"')
        return [i for (i,) in db.execute_sql(sql).fetchall()]
    return member_query.ids(member_filter)


def _member_rows(ids: list[int], custom: list[str], masked: bool = False) -> Iterator[list]:
    tiers = tier_names()
    opted = _opt_outs_of(ids)          # once: the opted-out are few, a pass finds them all
    for chunk in chunks(ids, CHUNK):
        found = {r[0]: r for r in _select_in(Customer, _MEMBER_COLUMNS, Customer.id, chunk)}
        tags = _hand_tags(chunk)
        marks = _marks_of(chunk)
        for cid in chunk:
            r = found.get(cid)
            if r is None:          # erased since the ids were read
                continue
            values = list(r[8:])
            values[11] = bool(values[11])                       # birth_leap
            values[17] = json.loads(values[17]) if custom and values[17] else {}
            if masked:              # phone, phone2, address; numbers inside wechat and note
                values[3], values[4] = mask_phone(values[3]), mask_phone(values[4])
                values[14] = mask_address(values[14])
                values[5], values[16] = mask_numbers_in(values[5]), mask_numbers_in(values[16])
            yield member_row(MemberSheetRow(
                id=cid, profile=CustomerProfile(*values), tier=tiers.get(r[1], ''),
                points=r[2], order_count=r[3], total_spent=r[4], first_order_at=_stamp(r[5]),
                last_order_at=_stamp(r[6]), segment=r[7], tags=tags.get(cid, ()),
                opt_outs=opted.get(cid, ''), **marks.get(cid, {})), custom)


def _opt_outs_of(ids: Sequence[int]) -> dict[int, str]:
    """'短信、电话' per customer who opted out of anything."""
    from .consent import CHANNEL_NAMES, channels_for
    return {cid: '、'.join(CHANNEL_NAMES[c] for c in channels)
            for cid, channels in channels_for(ids).items()}


def _marks_of(ids: Sequence[int]) -> dict[int, dict]:
    """Quality marks and credit levels per customer, as MemberSheetRow fields."""
    from models.care import CustomerMark
    sql = (f'SELECT "customer_id", "quality", "reason", "credit"'
           f' FROM "{CustomerMark._meta.table_name}"'
           f' WHERE "customer_id" IN ({_marks(len(ids))})')
    return {cid: {'quality': q, 'quality_reason': r, 'credit': c}
            for cid, q, r, c in db.execute_sql(sql, list(ids)).fetchall()}


def _hand_tags(ids: Sequence[int]) -> dict[int, list[str]]:
    """Hand-set tag names per customer, sorted; rule-made tags stay out of the sheet."""
    ct, tag = CustomerTag._meta.table_name, Tag._meta.table_name
    sql = (f'SELECT ct."customer_id", t."name" FROM "{ct}" AS ct JOIN "{tag}" AS t'
           f' ON t."id" = ct."tag_id" WHERE ct."customer_id" IN ({_marks(len(ids))})'
           f' AND t."auto" = {_param()} ORDER BY ct."customer_id", t."name"')
    out: dict[int, list[str]] = {}
    for cid, name in db.execute_sql(sql, [*ids, False]).fetchall():
        out.setdefault(cid, []).append(name)
    return out


# --- raw reads ---------------------------------------------------------------------
# peewee's per-value and per-row conversions cost more than the queries themselves
# here (~2.5 s of 4 for 100,000 members), so the hot reads go through the cursor.

def _param() -> str:
    return db.obj.param


def _marks(n: int) -> str:
    return ', '.join([_param()] * n)


def _names(fields) -> str:
    return ', '.join(f'"{f.column_name}"' for f in fields)


def _select_in(model, fields, key, values: Sequence) -> list[tuple]:
    sql = (f'SELECT {_names(fields)} FROM "{model._meta.table_name}"'
           f' WHERE "{key.column_name}" IN ({_marks(len(values))})')
    return db.execute_sql(sql, list(values)).fetchall()


def _stamp(v) -> datetime | None:
    """SQLite hands back date-times as text, PostgreSQL as datetimes."""
    if v is None or v.__class__ is datetime:
        return v
    return datetime.fromisoformat(v)


# --- orders ------------------------------------------------------------------------

def export_orders(path, progress: Progress | None = None,
                  cancelled: IsCancelled | None = None, masked: bool = False) -> int:
    """Write every order, oldest first, with its lines joined into one cell; `masked`:
    the receiver's phone and address masked."""
    check_suffix(path)
    total = Order.select().count()
    return write_table(path, ORDER_HEADERS, _order_rows(masked), ORDER_KINDS, sheet_name='订单',
                       progress=progress, cancelled=cancelled, total=total)


_ORDER_COLUMNS = (Order.id, Order.order_no, Order.platform, Order.customer, Order.status,
                  Order.status_text, Order.completed, Order.amount, Order.item_count,
                  Order.created_at, Order.paid_at, Order.receiver, Order.phone, Order.address)


def _order_rows(masked: bool = False) -> Iterator[list]:
    sql = (f'SELECT {_names(_ORDER_COLUMNS)} FROM "{Order._meta.table_name}"'
           f' WHERE "id" > {_param()} ORDER BY "id" LIMIT {CHUNK}')
    last = 0
    while True:
        rows = db.execute_sql(sql, [last]).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        items = _order_items([r[0] for r in rows])
        buyers = {r[0]: r[1:] for r in _select_in(
            Customer, (Customer.id, Customer.nick, Customer.name), Customer.id,
            sorted({r[3] for r in rows}))}
        for (oid, no, platform, cid, status, status_text, completed, amount, count,
             created, paid, receiver, phone, address) in rows:
            nick, name = buyers.get(cid, ('', ''))
            yield [no, PLATFORM_NAMES.get(platform, platform), nick, name,
                   status_text or ORDER_STATE_NAMES.get(status, status),
                   '是' if completed else '否', amount, count, _stamp(created), _stamp(paid),
                   receiver, mask_phone(phone) if masked else phone,
                   mask_address(address) if masked else address, '；'.join(items.get(oid, ()))]


def _order_items(order_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    sql = (f'SELECT "order_id", "title", "sku", "quantity" FROM "{OrderLine._meta.table_name}"'
           f' WHERE "order_id" IN ({_marks(len(order_ids))}) ORDER BY "order_id", "id"')
    for oid, title, sku, qty in db.execute_sql(sql, order_ids).fetchall():
        text = f'{title}（{sku}）' if sku else title
        out.setdefault(oid, []).append(text if qty == 1 else f'{text} ×{qty}')
    return out
