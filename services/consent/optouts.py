"""The do-not-contact list by hand: add or remove a buyer per channel, add a number, list.

Removing a buyer's opt-out takes away every entry that makes them opted out of
that channel: the one naming them and those naming their phone or phone2 (they
said yes again). Each write is one transaction; adding twice adds nothing.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from models import Customer, db
from models.consent import CHANNELS, MANUAL, SOURCES, OptOut

from ..chunking import chunks
from ..errors import UserError, ValidationError
from ..privacy import full_mobile, is_masked
from .query import opted_out

CHANNEL_NAMES = {'sms': '短信', 'phone': '电话', 'wechat': '微信/旺旺'}
SOURCE_NAMES = {'manual': '手动', 'import': '导入', 'report': '退订报告'}
MAX_REASON = 200
_SCAN_FROM = 20_000       # ids from which one pass over all customers is cheaper


@dataclass
class OptOutInfo:
    id: int
    channel: str
    customer_id: int | None
    nick: str                       # '' for a number on its own
    name: str
    phone: str                      # the number on the list (11 digits) or ''
    reason: str
    source: str
    replied_at: datetime | None
    created_at: datetime | None


def _check_channel(channel: str) -> None:
    if channel not in CHANNELS:
        raise ValidationError('channel', f'未知的联系渠道：{channel}')


def _clean(reason: str, source: str) -> str:
    if source not in SOURCES:
        raise ValidationError('source', f'未知的来源：{source}')
    reason = (reason or '').strip()
    if len(reason) > MAX_REASON:
        raise ValidationError('reason', f'退订原因最多 {MAX_REASON} 个字。')
    return reason


def add_optout(customer_id: int, channel: str, reason: str = '', source: str = MANUAL) -> bool:
    """Opt a buyer out of a channel; False when they already were (by link)."""
    _check_channel(channel)
    reason = _clean(reason, source)
    with db.atomic():
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise UserError('这位顾客已被删除。')
        if OptOut.select().where(OptOut.channel == channel,
                                 OptOut.customer == customer_id).exists():
            return False
        numbers = []
        if channel != 'wechat':
            # The person said no, not the account: their numbers go on the list too, so a
            # second account with the same mobile (淘宝 and 拼多多) is not texted either.
            c = Customer.get_by_id(customer_id)
            mine = [d for d in dict.fromkeys((full_mobile(c.phone), full_mobile(c.phone2))) if d]
            listed = {p for (p,) in OptOut.select(OptOut.phone).where(
                OptOut.channel == channel, OptOut.phone.in_(mine)).tuples()} if mine else set()
            numbers = [d for d in mine if d not in listed]
        OptOut.create(channel=channel, customer=customer_id, phone=numbers[0] if numbers else None,
                      reason=reason, source=source)
        for digits in numbers[1:]:
            OptOut.create(channel=channel, phone=digits, reason=reason, source=source)
    return True


def add_phone_optout(phone: str, channel: str = 'sms', reason: str = '', source: str = MANUAL,
                     replied_at: datetime | None = None) -> bool:
    """Put a number on the list; False when it was on it already."""
    _check_channel(channel)
    reason = _clean(reason, source)
    digits = full_mobile(phone)
    if not digits:
        if is_masked(phone):
            raise ValidationError('phone', f'“{phone}”是打码的号码，无法确定是谁，不能加入退订名单。')
        raise ValidationError('phone', f'“{phone}”不是 11 位手机号。')
    with db.atomic():
        if OptOut.select().where(OptOut.channel == channel, OptOut.phone == digits).exists():
            return False
        OptOut.create(channel=channel, phone=digits, reason=reason, source=source,
                      replied_at=replied_at)
    return True


def remove_optout(customer_id: int, channel: str) -> int:
    """The buyer may be contacted on `channel` again; returns how many entries went."""
    _check_channel(channel)
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        return 0
    numbers = [k for k in (phone_key(c.phone), phone_key(c.phone2)) if k]
    cond = OptOut.customer == customer_id
    if numbers:
        cond |= OptOut.phone.in_(numbers)
    with db.atomic():
        return OptOut.delete().where(OptOut.channel == channel, cond).execute()


def remove_optout_ids(ids: Iterable[int]) -> int:
    ids = list(ids)
    n = 0
    with db.atomic():
        for chunk in chunks(ids):
            n += OptOut.delete().where(OptOut.id.in_(chunk)).execute()
    return n


def phone_key(text: str | None) -> str:
    """What SQL compares for a stored phone (query.normalised_phone), in Python."""
    text = text or ''
    if len(text) <= 11:
        return text if text.isdigit() and len(text) == 11 else ''
    bare = ''.join(ch for ch in text if ch not in ' -+()（）')[-11:]
    return bare if bare.isdigit() else ''


def list_optouts(channel: str | None = None, text: str = '', limit: int = 2000
                 ) -> tuple[list[OptOutInfo], int]:
    """(newest entries first, up to `limit`; how many match in all). `text` finds a nick,
    name or number (full or part)."""
    q = (OptOut.select(OptOut.id, OptOut.channel, OptOut.customer, Customer.nick, Customer.name,
                       OptOut.phone, OptOut.reason, OptOut.source, OptOut.replied_at,
                       OptOut.created_at)
         .join(Customer, JOIN.LEFT_OUTER, on=(Customer.id == OptOut.customer)))
    if channel:
        q = q.where(OptOut.channel == channel)
    text = (text or '').strip()
    if text:
        q = q.where(OptOut.phone.contains(text) | Customer.nick.contains(text)
                    | Customer.name.contains(text))
    total = q.count()
    rows = q.order_by(OptOut.created_at.desc(), OptOut.id.desc()).limit(limit).tuples()
    return [OptOutInfo(i, ch, cid, nick or '', name or '', phone or '', reason, source,
                       _stamp(replied), _stamp(created))
            for i, ch, cid, nick, name, phone, reason, source, replied, created in rows], total


def _stamp(v) -> datetime | None:
    # Tuples come back raw: text on SQLite, datetimes on PostgreSQL.
    if v is None or isinstance(v, datetime):
        return v
    return datetime.fromisoformat(str(v))


def channels_of(customer_id: int) -> list[str]:
    """The channels a buyer opted out of, in CHANNELS order."""
    return channels_for([customer_id]).get(customer_id, [])


def channels_for(ids: Iterable[int]) -> dict[int, list[str]]:
    """customer id -> channels opted out of, for the ids that have any. A few thousand
    ids are looked up by key; a long list takes one pass over the customers per channel
    instead (the opted-out are few, so only they come back)."""
    out: dict[int, list[str]] = {}
    ids = list(ids)
    if not ids or not OptOut.select().exists():
        return out
    if len(ids) > _SCAN_FROM:
        wanted = set(ids)
        for channel in CHANNELS:
            for (cid,) in Customer.select(Customer.id).where(opted_out(channel)).tuples():
                if cid in wanted:
                    out.setdefault(cid, []).append(channel)
        return out
    for chunk in chunks(ids):
        for channel in CHANNELS:
            q = Customer.select(Customer.id).where(Customer.id.in_(chunk), opted_out(channel))
            for (cid,) in q.tuples():
                out.setdefault(cid, []).append(channel)
    return out


def count_opted_out(channel: str) -> int:
    """Live buyers opted out of `channel` (by link or number)."""
    return (Customer.select(fn.COUNT(Customer.id))
            .where(Customer.deleted_at.is_null(), opted_out(channel)).scalar())


__all__ = ['CHANNEL_NAMES', 'SOURCE_NAMES', 'OptOutInfo', 'add_optout', 'add_phone_optout',
           'remove_optout', 'remove_optout_ids', 'phone_key', 'list_optouts', 'channels_of',
           'channels_for', 'count_opted_out', 'entry_counts']


def entry_counts() -> dict[str, int]:
    """channel -> entries on the list (by buyer or number)."""
    q = OptOut.select(OptOut.channel, fn.COUNT(OptOut.id)).group_by(OptOut.channel)
    return {ch: n for ch, n in q.tuples()}


def fold_into(source_ids: list[int], target_id: int) -> None:
    """For a merge of duplicates: a duplicate's opt-outs become the kept customer's (the
    same person said no), unless the kept one already has that channel's opt-out."""
    source_ids = [i for i in source_ids if i != target_id]
    if not source_ids:
        return
    with db.atomic():
        have = OptOut.select(OptOut.channel).where(OptOut.customer == target_id)
        (OptOut.update(customer=target_id)
         .where(OptOut.customer.in_(source_ids), OptOut.channel.not_in(have),
                OptOut.id.in_(OptOut.select(fn.MIN(OptOut.id))
                              .where(OptOut.customer.in_(source_ids))
                              .group_by(OptOut.channel)))
         .execute())
