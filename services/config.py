"""Where the shop's data lives.

ZHANGGUI_HOME overrides the per-user data folder, for tests and portable installs.
"""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = 'Zhanggui'
DB_FILE = 'shop.db'


def data_dir() -> Path:
    override = os.environ.get('ZHANGGUI_HOME')
    if override:
        return Path(override)
    from platformdirs import user_data_dir
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE


def resolve_db_target(arg: str | None) -> str:
    """The --db argument as given, else the shop chosen in 设置 → 数据库连接 on this PC,
    else the data folder's shop.db."""
    if arg:
        return arg
    from .ui_prefs import load
    return load().database or str(default_db_path())
