"""Group kinds (淘客群, VIP群 ...): an ordered list of names the owner edits.

Stored as one setting (services.settings), not a table: a new or migrated shop gets
the defaults without seeding, and a ChatGroup keeps its kind as text, so renaming
a kind rewrites that text on its groups in the same transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from peewee import fn

from models import db
from models.group import ChatGroup

from .. import settings
from ..errors import UserError, ValidationError

DEFAULT_KINDS = ('淘客群', 'VIP群', '晒单群', '福利群', '售后群')
MAX_KIND = 32


def _default() -> list:
    return list(DEFAULT_KINDS)


@dataclass
class GroupKinds:
    KEY = 'groups.kinds'
    names: list = field(default_factory=_default)

    def validate(self) -> None:
        if not isinstance(self.names, list):
            raise ValidationError('names', '群类型列表已损坏。')
        seen = set()
        for name in self.names:
            if not isinstance(name, str) or not name.strip():
                raise ValidationError('names', '群类型名不能为空。')
            if len(name) > MAX_KIND:
                raise ValidationError('names', f'群类型名最多 {MAX_KIND} 个字。')
            if name in seen:
                raise ValidationError('names', f'已有群类型“{name}”。')
            seen.add(name)


def list_kinds() -> list[str]:
    return list(settings.load(GroupKinds).names)


def _clean(name: str) -> str:
    name = (name or '').strip()
    if not name:
        raise ValidationError('kind', '群类型名不能为空。')
    if len(name) > MAX_KIND:
        raise ValidationError('kind', f'群类型名最多 {MAX_KIND} 个字。')
    return name


def add_kind(name: str) -> None:
    name = _clean(name)
    names = list_kinds()
    if name in names:
        raise ValidationError('kind', f'已有群类型“{name}”。')
    settings.save(GroupKinds(names + [name]))


def rename_kind(old: str, new: str) -> int:
    """Rename a kind and the groups of that kind; returns how many groups changed."""
    new = _clean(new)
    names = list_kinds()
    if old not in names:
        raise UserError(f'群类型“{old}”已不存在。')
    if new == old:
        return 0
    if new in names:
        raise ValidationError('kind', f'已有群类型“{new}”。')
    names[names.index(old)] = new
    with db.atomic():
        settings.save(GroupKinds(names))
        return ChatGroup.update(kind=new).where(ChatGroup.kind == old).execute()


def delete_kind(name: str) -> None:
    """Refused while a group has this kind: its groups would show a kind no list has."""
    names = list_kinds()
    if name not in names:
        return
    with db.atomic():
        used = (ChatGroup.select(fn.COUNT(ChatGroup.id))
                .where(ChatGroup.kind == name).scalar())
        if used:
            raise UserError(f'还有 {used} 个群是“{name}”，请先把它们改成别的类型再删除。')
        names.remove(name)
        settings.save(GroupKinds(names))


def move_kind(name: str, offset: int) -> None:
    """Move a kind up (-1) or down (+1) in the list the owner picks from."""
    names = list_kinds()
    if name not in names:
        return
    i = names.index(name)
    j = max(0, min(len(names) - 1, i + offset))
    names.insert(j, names.pop(i))
    settings.save(GroupKinds(names))
