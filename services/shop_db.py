"""Opening and closing the shop's database, for the UI and scripts."""
from __future__ import annotations

from models.database import DatabaseError, close_database, open_database

from .config import resolve_db_target

__all__ = ['DatabaseError', 'open_shop', 'close_shop']


def open_shop(target: str | None = None) -> str:
    """Open `target` (path or URL; default database when None); returns what was opened.

    Raises DatabaseError with a message for the owner.
    """
    target = resolve_db_target(target)
    open_database(target)
    return target


def close_shop() -> None:
    close_database()
