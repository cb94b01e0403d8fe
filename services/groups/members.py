"""Who is in which group: add, remove, roles, join dates; a group's roster and a
customer's groups. Only live customers are added or listed; a customer in the
recycle bin keeps their memberships and shows again once restored.

A group has at most one 群主: making someone 群主 makes the previous one a 成员,
as WeChat does when a group is handed over.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import Value

from models import Customer, db
from models.group import ADMIN, MEMBER, OWNER, ROLES, ChatGroup, GroupMember

from ..chunking import chunks
from ..errors import UserError, ValidationError

ROLE_NAMES = {OWNER: '群主', ADMIN: '管理员', MEMBER: '成员'}
ROLE_ORDER = {OWNER: 0, ADMIN: 1, MEMBER: 2}
MAX_NOTE = 500


@dataclass
class MemberLine:
    """One row of a group's roster."""
    customer_id: int
    nick: str
    platform: str
    name: str
    phone: str
    role: str                      # owner, admin, member
    joined_at: date | None
    note: str


@dataclass
class CustomerGroup:
    """One group a customer is in."""
    group_id: int
    name: str
    kind: str
    app: str
    role: str
    joined_at: date | None
    note: str


def _group(group_id: int) -> None:
    if not ChatGroup.select().where(ChatGroup.id == group_id).exists():
        raise UserError('这个群已不存在。')


def _role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError('role', '角色只能是群主、管理员或成员。')
    return role


def add_members(group_id: int, customer_ids: list[int], role: str = MEMBER,
                joined_at: date | None = None) -> int:
    """Add each live customer who is not in the group yet; returns how many joined.
    Those already in keep their role and join date, so adding twice changes nothing."""
    _role(role)
    customer_ids = sorted(set(customer_ids))
    if role == OWNER and len(customer_ids) > 1:
        raise ValidationError('role', '一个群只能有一位群主。')
    joined = joined_at or date.today()
    added = 0
    with db.atomic():
        _group(group_id)
        for chunk in chunks(customer_ids):
            have = GroupMember.select(GroupMember.customer).where(
                GroupMember.group == group_id, GroupMember.customer.in_(chunk))
            first = MEMBER if role == OWNER else role     # the 群主 is handed over below
            added += (GroupMember.insert_from(
                Customer.select(Value(group_id), Customer.id, Value(joined), Value(first),
                                Value(''))
                .where(Customer.id.in_(chunk), Customer.deleted_at.is_null(),
                       Customer.id.not_in(have)),
                [GroupMember.group, GroupMember.customer, GroupMember.joined_at,
                 GroupMember.role, GroupMember.note]).as_rowcount().execute())
        if role == OWNER and added:
            set_role(group_id, customer_ids, OWNER)
    return added


def remove_members(group_id: int, customer_ids: list[int]) -> int:
    removed = 0
    with db.atomic():
        for chunk in chunks(sorted(set(customer_ids))):
            removed += (GroupMember.delete().where(GroupMember.group == group_id,
                                                   GroupMember.customer.in_(chunk)).execute())
    return removed


def set_role(group_id: int, customer_ids: list[int], role: str) -> int:
    """Change the role of members of the group; returns how many changed."""
    _role(role)
    customer_ids = sorted(set(customer_ids))
    if role == OWNER and len(customer_ids) > 1:
        raise ValidationError('role', '一个群只能有一位群主。')
    changed = 0
    with db.atomic():
        _group(group_id)
        if role == OWNER and customer_ids:
            _demote_owner(group_id, keep=customer_ids[0])
        for chunk in chunks(customer_ids):
            changed += (GroupMember.update(role=role)
                        .where(GroupMember.group == group_id, GroupMember.customer.in_(chunk),
                               GroupMember.role != role).execute())
    return changed


def update_member(group_id: int, customer_id: int, role: str, joined_at: date,
                  note: str = '') -> None:
    """Edit one membership: role, join date and note."""
    _role(role)
    if not isinstance(joined_at, date):
        raise ValidationError('joined_at', '请填写入群日期。')
    if joined_at > date.today():
        raise ValidationError('joined_at', '入群日期不能晚于今天。')
    note = (note or '').strip()
    if len(note) > MAX_NOTE:
        raise ValidationError('note', f'备注最多 {MAX_NOTE} 个字。')
    with db.atomic():
        if role == OWNER:
            _demote_owner(group_id, keep=customer_id)
        n = (GroupMember.update(role=role, joined_at=joined_at, note=note)
             .where(GroupMember.group == group_id, GroupMember.customer == customer_id)
             .execute())
        if not n:
            raise UserError('这位顾客已不在这个群里。')


def _demote_owner(group_id: int, keep: int) -> None:
    (GroupMember.update(role=MEMBER)
     .where(GroupMember.group == group_id, GroupMember.role == OWNER,
            GroupMember.customer != keep).execute())


def list_members(group_id: int) -> list[MemberLine]:
    """The roster: 群主 first, then 管理员, then by join date and nick.

    Rosters are small (a WeChat group holds 500, a QQ group a few thousand), so
    the whole list is returned."""
    rows = (GroupMember.select(Customer.id, Customer.nick, Customer.platform, Customer.name,
                               Customer.phone, GroupMember.role, GroupMember.joined_at,
                               GroupMember.note)
            .join(Customer)
            .where(GroupMember.group == group_id, Customer.deleted_at.is_null())
            .tuples())
    lines = [MemberLine(*r) for r in rows]
    lines.sort(key=lambda m: (ROLE_ORDER.get(m.role, 3), m.joined_at or date.min, m.nick))
    return lines


def member_ids(group_id: int) -> list[int]:
    return [i for (i,) in GroupMember.select(GroupMember.customer).join(Customer)
            .where(GroupMember.group == group_id, Customer.deleted_at.is_null()).tuples()]


def groups_of(customer_id: int) -> list[CustomerGroup]:
    rows = (GroupMember.select(ChatGroup.id, ChatGroup.name, ChatGroup.kind, ChatGroup.app,
                               GroupMember.role, GroupMember.joined_at, GroupMember.note)
            .join(ChatGroup)
            .where(GroupMember.customer == customer_id)
            .order_by(GroupMember.joined_at, ChatGroup.name).tuples())
    return [CustomerGroup(*r) for r in rows]


def fold_into(source_ids: list[int], target_id: int) -> None:
    """For a merge of duplicates: the sources' memberships move to the target, unless
    the target is in that group already (its own role and date stay)."""
    source_ids = [i for i in source_ids if i != target_id]
    if not source_ids:
        return
    with db.atomic():
        for m in (GroupMember.select().where(GroupMember.customer.in_(source_ids))
                  .order_by(GroupMember.joined_at)):
            taken = GroupMember.select().where(GroupMember.group == m.group_id,
                                               GroupMember.customer == target_id).exists()
            if taken:
                m.delete_instance()
            else:
                (GroupMember.update(customer=target_id)
                 .where(GroupMember.id == m.id).execute())
