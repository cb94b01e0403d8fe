"""Quality marks on buyers (优质/一般/劣质 with a reason) and their platform credit level.

A buyer has at most one CustomerMark row; it goes when both quality and credit are
cleared. 劣质 needs a reason: a mark that warns people off a buyer must say why.
Writes are single transactions; callable from any one thread.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from peewee import fn

from models import Customer, db, now
from models.care import QUALITIES, CustomerMark

from .care.codes import CREDIT_LEVELS, QUALITY_NAMES, credit_name
from .chunking import chunks
from .errors import UserError, ValidationError

MAX_REASON = 200


@dataclass
class MarkInfo:
    customer_id: int
    quality: str = ''           # '', good, normal, bad
    reason: str = ''
    credit: str = ''            # '', heart1 .. goldcrown5
    updated_at: datetime | None = None

    def is_empty(self) -> bool:
        return not self.quality and not self.credit


@dataclass
class MarkedCustomer:
    customer_id: int
    nick: str
    platform: str
    name: str
    quality: str
    reason: str
    credit: str
    updated_at: datetime | None


def mark_problem(quality: str, reason: str, credit: str) -> tuple[str, str] | None:
    """(field, one sentence) saying why these values cannot be stored; None when they can.
    The field is 'quality', 'reason' or 'credit'."""
    if quality and quality not in QUALITIES:
        return 'quality', f'未知的客户质量：{quality}'
    if credit and credit not in CREDIT_LEVELS:
        return 'credit', f'未知的买家信用等级：{credit}'
    if len(reason) > MAX_REASON:
        return 'reason', f'质量原因太长（最多{MAX_REASON}个字）'
    if quality == 'bad' and not reason:
        return 'reason', '标记为劣质客户时请写明原因'
    if reason and not quality:
        return 'quality', '写了质量原因，但没有选择客户质量'
    return None


def get_mark(customer_id: int) -> MarkInfo:
    m = CustomerMark.get_or_none(CustomerMark.customer == customer_id)
    if m is None:
        return MarkInfo(customer_id)
    return MarkInfo(customer_id, m.quality, m.reason, m.credit, m.updated_at)


def set_mark(customer_id: int, quality: str, reason: str = '', credit: str = '') -> MarkInfo:
    """Store the whole mark: quality ('' clears it and its reason) and credit ('' clears)."""
    quality, reason, credit = ((v or '').strip() for v in (quality, reason, credit))
    if not quality:
        reason = ''
    problem = mark_problem(quality, reason, credit)
    if problem:
        raise ValidationError(*problem)
    with db.atomic():
        _check_live(customer_id)
        _write(customer_id, quality, reason, credit, now())
    return get_mark(customer_id)


def set_quality(customer_id: int, quality: str, reason: str = '') -> MarkInfo:
    """Mark (or with '' unmark) the quality; the credit level stays."""
    return set_mark(customer_id, quality, reason, get_mark(customer_id).credit)


def clear_quality(customer_id: int) -> MarkInfo:
    return set_quality(customer_id, '')


def set_credit(customer_id: int, credit: str) -> MarkInfo:
    """Record (or with '' forget) the platform credit level; the quality mark stays."""
    m = get_mark(customer_id)
    return set_mark(customer_id, m.quality, m.reason, credit)


def _check_live(customer_id: int) -> None:
    deleted = (Customer.select(Customer.deleted_at).where(Customer.id == customer_id)
               .tuples().first())
    if deleted is None:
        raise UserError('这位顾客已不存在')
    if deleted[0] is not None:
        raise UserError('这位顾客在回收站里，恢复后才能修改客户质量。')


def _write(customer_id: int, quality: str, reason: str, credit: str, stamp: datetime) -> None:
    if not quality and not credit:
        CustomerMark.delete().where(CustomerMark.customer == customer_id).execute()
        return
    (CustomerMark.insert(customer=customer_id, quality=quality, reason=reason, credit=credit,
                         updated_at=stamp)
     .on_conflict(conflict_target=[CustomerMark.customer],
                  update={CustomerMark.quality: quality, CustomerMark.reason: reason,
                          CustomerMark.credit: credit, CustomerMark.updated_at: stamp})
     .execute())


# --- reading many ---------------------------------------------------------------------

def marks_for(ids: list[int]) -> dict[int, MarkInfo]:
    """The marks of these customers (unmarked ones are absent)."""
    out: dict[int, MarkInfo] = {}
    for chunk in chunks(list(ids)):
        for cid, q, r, c, at in (CustomerMark.select(
                CustomerMark.customer, CustomerMark.quality, CustomerMark.reason,
                CustomerMark.credit, CustomerMark.updated_at)
                .where(CustomerMark.customer.in_(chunk)).tuples()):
            out[cid] = MarkInfo(cid, q, r, c, at)
    return out


def qualities_for(ids: list[int]) -> dict[int, str]:
    """customer id -> quality code, for a page of the member list (one query)."""
    if not ids:
        return {}
    return dict(CustomerMark.select(CustomerMark.customer, CustomerMark.quality)
                .where(CustomerMark.customer.in_(ids), CustomerMark.quality != '').tuples())


def list_marks(quality: str = '', limit: int = 1000) -> list[MarkedCustomer]:
    """Marked live customers, newest mark first; `quality` narrows to one kind."""
    q = (CustomerMark.select(CustomerMark.customer, Customer.nick, Customer.platform,
                             Customer.name, CustomerMark.quality, CustomerMark.reason,
                             CustomerMark.credit, CustomerMark.updated_at)
         .join(Customer).where(Customer.deleted_at.is_null()))
    if quality:
        q = q.where(CustomerMark.quality == quality)
    q = q.order_by(CustomerMark.updated_at.desc(), CustomerMark.id.desc()).limit(limit)
    return [MarkedCustomer(*row) for row in q.tuples()]


def counts() -> dict[str, int]:
    """Live customers per quality code and per credit code, e.g. {'good': 3, 'heart3': 1}."""
    out = {code: 0 for code in QUALITY_NAMES}
    live = Customer.select(Customer.id).where(Customer.deleted_at.is_null())
    for column in (CustomerMark.quality, CustomerMark.credit):
        for code, n in (CustomerMark.select(column, fn.COUNT(CustomerMark.id))
                        .where(column != '', CustomerMark.customer.in_(live))
                        .group_by(column).tuples()):
            out[code] = n
    return out


def describe(m: MarkInfo) -> str:
    """'优质 · 3钻' for lists and tooltips."""
    parts = [QUALITY_NAMES.get(m.quality, m.quality), credit_name(m.credit)]
    return ' · '.join(p for p in parts if p)


# --- the member sheet import and its undo ----------------------------------------------

def import_marks(changes: list[tuple[int, dict]], batch_id: int, stamp: datetime) -> int:
    """Write marks from a member sheet inside the import's transaction.

    `changes`: (customer id, {'quality'/'reason'/'credit': value} for the columns the
    sheet has); the values were checked with `merged_mark`. Each changed mark is
    recorded for the batch's undo. Returns the number of marks changed.
    """
    from models import ImportChange
    old = marks_for([cid for cid, _ in changes])
    undo = []
    for cid, values in changes:
        before = old.get(cid)
        after = merged_mark(before or MarkInfo(cid), values)
        if _same(before, after):
            continue
        _write(cid, after.quality, after.reason, after.credit, stamp)
        undo.append({'batch': batch_id, 'table': 'customer_mark', 'row_id': cid,
                     'before': json.dumps(_stored(before), ensure_ascii=False)})
    for chunk in chunks(undo, 1000):
        ImportChange.insert_many(chunk).execute()
    return len(undo)


def merged_mark(old: MarkInfo, values: dict) -> MarkInfo:
    """`old` with the sheet's columns laid over it. A sheet without 质量原因 keeps the
    reason, unless the quality is cleared; a reason written without a quality stays
    for mark_problem to refuse."""
    m = MarkInfo(old.customer_id, old.quality, old.reason, old.credit)
    for key in ('quality', 'reason', 'credit'):
        if key in values:
            setattr(m, key, values[key])
    if not m.quality and not values.get('reason'):
        m.reason = ''
    return m


def changes_mark(old: MarkInfo | None, values: dict) -> bool:
    after = merged_mark(old or MarkInfo(0), values)
    return not _same(old, after)


def _same(before: MarkInfo | None, after: MarkInfo) -> bool:
    if before is None:
        return after.is_empty()
    return (before.quality, before.reason, before.credit) == (after.quality, after.reason,
                                                              after.credit)


def _stored(m: MarkInfo | None) -> dict | None:
    if m is None:
        return None
    d = asdict(m)
    d.pop('customer_id')
    d['updated_at'] = m.updated_at.isoformat(' ') if isinstance(m.updated_at, datetime) else None
    return d


def restore_mark(customer_id: int, before: dict | None, since: datetime) -> set[int]:
    """Undo of an import: put the mark back as it was (None: no mark). Refused when the
    mark was changed again after `since` (the batch's time)."""
    current = CustomerMark.get_or_none(CustomerMark.customer == customer_id)
    if current is not None and current.updated_at and current.updated_at > since:
        nick = Customer.select(Customer.nick).where(Customer.id == customer_id).scalar()
        raise UserError(f'顾客“{nick}”的客户质量在这次导入之后又被修改过，撤销会丢掉那次修改，'
                        '所以没有撤销。')
    if before is None:
        CustomerMark.delete().where(CustomerMark.customer == customer_id).execute()
    else:
        stamp = before.get('updated_at')
        _write(customer_id, before.get('quality', ''), before.get('reason', ''),
               before.get('credit', ''), datetime.fromisoformat(stamp) if stamp else now())
    return {customer_id}


def fold_into(source_ids: list[int], target_id: int) -> None:
    """For a merge of duplicates: the target keeps its own quality and credit; an empty
    one is filled from the sources' marks (the latest first). The sources' marks go."""
    source_ids = [i for i in source_ids if i != target_id]
    if not source_ids:
        return
    with db.atomic():
        sources = list(CustomerMark.select().where(CustomerMark.customer.in_(source_ids))
                       .order_by(CustomerMark.updated_at.desc(), CustomerMark.id.desc()))
        if not sources:
            return
        m = get_mark(target_id)
        if not m.quality:
            found = next((s for s in sources if s.quality), None)
            if found is not None:
                m.quality, m.reason = found.quality, found.reason
        if not m.credit:
            m.credit = next((s.credit for s in sources if s.credit), '')
        CustomerMark.delete().where(CustomerMark.customer.in_(source_ids)).execute()
        _write(target_id, m.quality, m.reason, m.credit, now())
