"""WeChat/QQ groups: create, edit, delete, and list them with their member counts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import IntegrityError, fn

from models import Customer, db
from models.group import APPS, OWNER, WECHAT, ChatGroup, GroupMember

from ..errors import UserError, ValidationError
from .kinds import list_kinds

MAX_NAME = 64
APP_NAMES = {'wechat': '微信', 'qq': 'QQ'}


@dataclass
class GroupInfo:
    id: int
    name: str
    kind: str
    app: str                       # wechat, qq
    note: str
    created_at: datetime | None
    members: int = 0               # live customers only
    owner: str = ''                # the 群主's nick, if any


@dataclass
class GroupFields:
    """What the owner edits on a group."""
    name: str
    kind: str = ''
    app: str = WECHAT
    note: str = ''

    def cleaned(self) -> 'GroupFields':
        name = (self.name or '').strip()
        if not name:
            raise ValidationError('name', '群名不能为空。')
        if len(name) > MAX_NAME:
            raise ValidationError('name', f'群名最多 {MAX_NAME} 个字。')
        kind = (self.kind or '').strip()
        if kind and kind not in list_kinds():
            raise ValidationError('kind', f'没有群类型“{kind}”，请先在群类型里添加。')
        if self.app not in APPS:
            raise ValidationError('app', '群只能是微信群或QQ群。')
        return GroupFields(name, kind, self.app, (self.note or '').strip())


def _taken(name: str) -> ValidationError:
    return ValidationError('name', f'已有名为“{name}”的群。')


def create_group(fields: GroupFields) -> int:
    g = fields.cleaned()
    try:
        with db.atomic():
            return ChatGroup.create(name=g.name, kind=g.kind, app=g.app, note=g.note).id
    except IntegrityError:
        raise _taken(g.name) from None


def update_group(group_id: int, fields: GroupFields) -> None:
    g = fields.cleaned()
    try:
        with db.atomic():
            n = (ChatGroup.update(name=g.name, kind=g.kind, app=g.app, note=g.note)
                 .where(ChatGroup.id == group_id).execute())
    except IntegrityError:
        raise _taken(g.name) from None
    if not n:
        raise UserError('这个群已不存在。')


def delete_group(group_id: int) -> None:
    """The group and its roster go; the customers stay."""
    with db.atomic():
        ChatGroup.delete().where(ChatGroup.id == group_id).execute()


def get_group(group_id: int) -> GroupInfo:
    for g in list_groups(ids=[group_id]):
        return g
    raise UserError('这个群已不存在。')


def find_group(name: str) -> int | None:
    g = ChatGroup.get_or_none(ChatGroup.name == (name or '').strip())
    return g.id if g else None


def list_groups(ids: list[int] | None = None) -> list[GroupInfo]:
    """Groups by kind (in the kinds' order) and name, with live member counts."""
    q = ChatGroup.select()
    if ids is not None:
        q = q.where(ChatGroup.id.in_(ids))
    groups = [GroupInfo(g.id, g.name, g.kind, g.app, g.note, g.created_at) for g in q]
    if not groups:
        return groups
    live = Customer.deleted_at.is_null()
    counts = dict(GroupMember.select(GroupMember.group, fn.COUNT(GroupMember.customer))
                  .join(Customer).where(live).group_by(GroupMember.group).tuples())
    owners = dict(GroupMember.select(GroupMember.group, Customer.nick).join(Customer)
                  .where(live, GroupMember.role == OWNER).tuples())
    for g in groups:
        g.members = counts.get(g.id, 0)
        g.owner = owners.get(g.id, '')
    order = {k: i for i, k in enumerate(list_kinds())}
    groups.sort(key=lambda g: (order.get(g.kind, len(order)), g.name))
    return groups
