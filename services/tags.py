"""Tags: define them, and put them on or take them off many customers at once."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import IntegrityError, Value, fn

from models import Customer, CustomerTag, Tag, db, now

from .errors import UserError, ValidationError


@dataclass
class TagInfo:
    id: int
    name: str
    color: str
    group: str
    auto: bool
    count: int = 0


def list_tags(with_counts: bool = False) -> list[TagInfo]:
    tags = [TagInfo(t.id, t.name, t.color, t.group, bool(t.auto))
            for t in Tag.select().order_by(Tag.group, Tag.name)]
    if with_counts and tags:
        counts = dict(CustomerTag.select(CustomerTag.tag, fn.COUNT(CustomerTag.customer))
                      .join(Customer).where(Customer.deleted_at.is_null())
                      .group_by(CustomerTag.tag).tuples())
        for t in tags:
            t.count = counts.get(t.id, 0)
    return tags


def create_tag(name: str, color: str = '#5b8def', group: str = '') -> int:
    name = name.strip()
    if not name:
        raise ValidationError('name', '标签名不能为空')
    if len(name) > 32:
        raise ValidationError('name', '标签名太长（最多32个字）')
    try:
        with db.atomic():
            return Tag.create(name=name, color=color, group=group.strip()).id
    except IntegrityError:
        raise ValidationError('name', f'已有标签“{name}”') from None


def get_or_create_tag(name: str) -> int:
    tag = Tag.get_or_none(Tag.name == name.strip())
    return tag.id if tag else create_tag(name)


def rename_tag(tag_id: int, name: str, color: str | None = None, group: str | None = None) -> None:
    name = name.strip()
    if not name:
        raise ValidationError('name', '标签名不能为空')
    if len(name) > 32:
        raise ValidationError('name', '标签名太长（最多32个字）')
    values = {Tag.name: name}
    if color is not None:
        values[Tag.color] = color
    if group is not None:
        values[Tag.group] = group.strip()
    try:
        with db.atomic():
            Tag.update(values).where(Tag.id == tag_id).execute()
    except IntegrityError:
        raise ValidationError('name', f'已有标签“{name}”') from None


def delete_tag(tag_id: int) -> None:
    with db.atomic():
        Tag.delete().where(Tag.id == tag_id).execute()


def tag_customers(customer_ids: list[int], tag_id: int) -> int:
    """Add the tag to each customer that lacks it; returns how many gained it."""
    _manual(tag_id)
    added, stamp = 0, now()
    with db.atomic():
        for i in range(0, len(customer_ids), 5000):
            chunk = customer_ids[i:i + 5000]
            have = CustomerTag.select(CustomerTag.customer).where(
                CustomerTag.tag == tag_id, CustomerTag.customer.in_(chunk))
            added += (CustomerTag.insert_from(
                Customer.select(Customer.id, Value(tag_id), Value(stamp))
                .where(Customer.id.in_(chunk), Customer.deleted_at.is_null(),
                       Customer.id.not_in(have)),
                [CustomerTag.customer, CustomerTag.tag, CustomerTag.added_at]).as_rowcount().execute())
    return added


def _manual(tag_id: int) -> None:
    tag = Tag.get_or_none(Tag.id == tag_id)
    if tag is None:
        raise UserError('标签已不存在')
    if tag.auto and tag.rule:
        raise UserError(f'“{tag.name}”是自动标签，由规则决定谁有它，不能手动加减')


def untag_customers(customer_ids: list[int], tag_id: int) -> int:
    _manual(tag_id)
    removed = 0
    with db.atomic():
        for i in range(0, len(customer_ids), 5000):
            removed += (CustomerTag.delete()
                        .where(CustomerTag.tag == tag_id,
                               CustomerTag.customer.in_(customer_ids[i:i + 5000])).execute())
    return removed


def tags_for(customer_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """Tag names and colours per customer, for one page of the member table."""
    out: dict[int, list[tuple[str, str]]] = {}
    if not customer_ids:
        return out
    rows = (CustomerTag.select(CustomerTag.customer, Tag.name, Tag.color).join(Tag)
            .where(CustomerTag.customer.in_(customer_ids)).order_by(Tag.name).tuples())
    for cid, name, color in rows:
        out.setdefault(cid, []).append((name, color))
    return out
