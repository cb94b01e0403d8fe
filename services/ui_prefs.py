"""The owner's preferences on this PC (the UI language, which shop to open), in the
per-user data folder.

Not in the shop's database: the language is needed before a shop opens (the dialog that
offers a backup for a damaged one speaks it too), and a shop on a shared PostgreSQL server
is used from several PCs whose owners may read different languages. The data folder follows
ZHANGGUI_HOME, so tests and portable installs keep their own.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from . import config
from .errors import UserError

LANGUAGES = ('zh_CN', 'en')
DEFAULT_LANGUAGE = 'zh_CN'
FILE_NAME = 'preferences.json'


@dataclass
class UiPrefs:
    language: str = DEFAULT_LANGUAGE
    # The shop this PC opens when no --db is given: '' is the data folder's shop.db, else
    # a file path or a postgresql:// URL (设置 → 数据库连接).
    database: str = ''

    def validate(self) -> None:
        if self.language not in LANGUAGES:
            raise UserError(f'不支持的界面语言：{self.language}')
        if not isinstance(self.database, str):
            raise UserError('数据库位置的设置不对。')


def prefs_path() -> Path:
    return config.data_dir() / FILE_NAME


def _stored() -> dict:
    try:
        stored = json.loads(prefs_path().read_text(encoding='utf-8'))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def load() -> UiPrefs:
    """The saved preferences; a missing or unreadable file gives the defaults, and a
    hand-broken field its default alone (a bad language must not forget the server)."""
    prefs = UiPrefs()
    stored = _stored()
    for f in fields(UiPrefs):
        if f.name not in stored:
            continue
        trial = replace(prefs, **{f.name: stored[f.name]})
        try:
            trial.validate()
        except (UserError, TypeError):
            continue
        prefs = trial
    return prefs


def save(prefs: UiPrefs) -> None:
    """Store atomically, keeping keys a newer release wrote."""
    from .files.writers import atomic_path
    prefs.validate()
    data = {**_stored(), **asdict(prefs)}
    path = prefs_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f'无法保存设置：{path.parent}（{e.strerror}）') from e
    # The connection may hold a server password: owner-only where permissions exist
    # (a Windows user's data folder is private already).
    with atomic_path(path, mode=0o600 if os.name == 'posix' else None) as tmp:
        Path(tmp).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding='utf-8')
