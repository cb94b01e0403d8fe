"""Fields the owner adds to every customer (肤质, 风格, 宝宝生日 ...)."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import IntegrityError, fn

from models import CustomField, db

from .errors import ValidationError

KINDS = ('text', 'number', 'date', 'choice')


@dataclass
class FieldInfo:
    id: int
    name: str
    kind: str
    choices: list


def list_fields() -> list[FieldInfo]:
    return [FieldInfo(f.id, f.name, f.kind, [c for c in f.choices.splitlines() if c])
            for f in CustomField.select().order_by(CustomField.position, CustomField.id)]


def add_field(name: str, kind: str = 'text', choices: list[str] | None = None) -> int:
    name = name.strip()
    if not name:
        raise ValidationError('name', '字段名不能为空')
    if kind not in KINDS:
        raise ValidationError('kind', f'未知字段类型：{kind}')
    position = (CustomField.select(fn.MAX(CustomField.position)).scalar() or 0) + 1
    try:
        with db.atomic():
            return CustomField.create(name=name, kind=kind, position=position,
                                      choices='\n'.join(choices or [])).id
    except IntegrityError:
        raise ValidationError('name', f'已有字段“{name}”') from None


def remove_field(field_id: int) -> None:
    """The definition goes; values already stored on customers are kept."""
    with db.atomic():
        CustomField.delete().where(CustomField.id == field_id).execute()
