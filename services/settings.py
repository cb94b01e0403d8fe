"""Shop settings: JSON values in the Setting table, read into typed rule objects.

A rules class is a dataclass with a KEY; stored values it does not know are
ignored and missing ones take the class default, so settings written by an
older or newer release still load.
"""
from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import TypeVar

from models import Setting, db

from .errors import UserError

T = TypeVar('T')


def get(key: str, default=None):
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return default
    try:
        return json.loads(row.value)
    except ValueError:
        return default


def put(key: str, value) -> None:
    text = json.dumps(value, ensure_ascii=False)
    with db.atomic():
        (Setting.insert(key=key, value=text)
         .on_conflict(conflict_target=[Setting.key], update={Setting.value: text}).execute())


def load(cls: type[T]) -> T:
    stored = get(cls.KEY, {})
    if not isinstance(stored, dict):
        stored = {}
    known = {f.name for f in fields(cls)}
    obj = cls(**{k: v for k, v in stored.items() if k in known})
    validate = getattr(obj, 'validate', None)
    if validate is not None:
        try:
            validate()
        except (UserError, ValueError, TypeError):
            return cls()            # a hand-edited or corrupt value: fall back to defaults
    return obj


def save(obj) -> None:
    """Validate (a ValidationError names the problem) and store."""
    validate = getattr(obj, 'validate', None)
    if validate is not None:
        validate()
    put(type(obj).KEY, asdict(obj))


def save_all(objs) -> None:
    """Validate every one first, then store them together: all or nothing."""
    for obj in objs:
        validate = getattr(obj, 'validate', None)
        if validate is not None:
            validate()
    with db.atomic():
        for obj in objs:
            put(type(obj).KEY, asdict(obj))
