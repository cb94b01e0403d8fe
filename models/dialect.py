"""SQL that differs between SQLite (one PC) and PostgreSQL (a shared server).

Services write plain SQL with `?` or `:name` parameters (models.postgres adapts them);
anything else that differs goes through these helpers, so each difference is written
once. Booleans are compared with TRUE/FALSE, which both understand.
"""
from __future__ import annotations

from peewee import PostgresqlDatabase

from .base import db


def postgres() -> bool:
    return isinstance(db.obj, PostgresqlDatabase)


def param() -> str:
    return db.obj.param


def ordinal_sql(column: str) -> str:
    """SQL for the proleptic Gregorian ordinal (date.toordinal) of a date-time column."""
    if postgres():
        return f"(CAST({column} AS DATE) - DATE '0001-01-01' + 1)"
    return f'CAST(julianday({column}) - 1721424.5 AS INTEGER)'


def no_index(expr: str) -> str:
    """Keep SQLite's planner off an index for this term (a unary plus, a no-op value)."""
    return expr if postgres() else f'+{expr}'


def not_indexed(table: str) -> str:
    """A table in FROM that SQLite must scan rather than walk by an index."""
    return table if postgres() else f'{table} NOT INDEXED'


def ids_sql(column: str) -> str:
    """An aggregate of ids as one comma-separated text (far fewer rows to fetch)."""
    if postgres():
        return f"string_agg(CAST({column} AS TEXT), ',')"
    return f'group_concat({column})'


def cross_join() -> str:
    """An inner join with ON; SQLite's CROSS JOIN also fixes the join order."""
    return 'JOIN' if postgres() else 'CROSS JOIN'


def flag_sql(condition: str) -> str:
    """A condition as 0 or 1, to add up or shift (SQLite's comparisons already are)."""
    return f'(CASE WHEN {condition} THEN 1 ELSE 0 END)' if postgres() else f'({condition})'


def month_index_sql(column: str) -> str:
    """year * 12 + month - 1 of a date-time column (periods.month_index in SQL)."""
    if postgres():
        return (f'(CAST(EXTRACT(YEAR FROM {column}) AS INTEGER) * 12 '
                f'+ CAST(EXTRACT(MONTH FROM {column}) AS INTEGER) - 1)')
    return (f'(CAST(substr({column}, 1, 4) AS INTEGER) * 12 '
            f'+ CAST(substr({column}, 6, 2) AS INTEGER) - 1)')


_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
_ASCII_LOWER = str.maketrans(_UPPER, _UPPER.lower())


def contains(field, text: str):
    """peewee condition: `field` contains `text` literally, ASCII letters in either case,
    as peewee's .contains() (LIKE) finds it on SQLite; PostgreSQL's ILIKE would also
    fold other letters (É = é)."""
    if not postgres():
        return field.contains(text)
    from peewee import fn
    return fn.strpos(fn.translate(field, _UPPER, _UPPER.lower()),
                     text.translate(_ASCII_LOWER)) > 0
