"""Bulk statements through the DB-API cursor: peewee's insert_many builds SQL per
row and runs ~2x slower on 100,000-row imports. Works on SQLite and PostgreSQL."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import datetime

from peewee import Model, SqliteDatabase

from models import db

from ..chunking import chunks  # noqa: F401 (the importers take it from here)


def param() -> str:
    return db.obj.param if db.obj is not None else '?'


def _sqlite_form(values: Sequence) -> tuple:
    return tuple(v.isoformat(' ') if isinstance(v, datetime) else
                 int(v) if isinstance(v, bool) else v for v in values)


def stored_form():
    """A function giving values as a raw SELECT returns them, to compare old rows with new.

    Writes need no conversion: sqlite3 adapts datetimes to the same text peewee uses.
    """
    return _sqlite_form if isinstance(db.obj, SqliteDatabase) else tuple


def insert_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert plain tuples; columns not given get the model's defaults (which live in
    Python, not in the table definition)."""
    given = set(columns)
    extra_cols, extra_vals = [], []
    for f in model._meta.sorted_fields:
        if f.column_name not in given and f.default is not None and not f.primary_key:
            extra_cols.append(f.column_name)
            extra_vals.append(f.default() if callable(f.default) else f.default)
    all_cols = list(columns) + extra_cols
    marks = ', '.join([param()] * len(all_cols))
    cols = ', '.join(f'"{c}"' for c in all_cols)
    sql = f'INSERT INTO "{model._meta.table_name}" ({cols}) VALUES ({marks})'
    extra = tuple(extra_vals)
    rows = [tuple(row) + extra for row in rows] if extra else list(rows)
    with _indexes_rebuilt_after(model._meta.table_name, len(rows)):
        db.cursor().executemany(sql, rows)


# Keeping a table's secondary indexes in step row by row costs more than building them
# afresh once the new rows outnumber the old (a sort per index): a first import of
# 100,000 buyers writes ~35% faster into a customer table with a dozen sort indexes.
REBUILD_INDEXES_FROM = 20_000


@contextmanager
def _indexes_rebuilt_after(table: str, incoming: int):
    if (incoming < REBUILD_INDEXES_FROM or not isinstance(db.obj, SqliteDatabase)
            or not db.in_transaction()):     # a failure must roll the DROP back too
        yield
        return
    cursor = db.cursor()
    existing = cursor.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
    # Unique indexes stay: they guard the invariants while the rows go in.
    indexes = [] if existing > incoming else cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", (table,)).fetchall()
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    yield
    for _, create in indexes:       # inside the caller's transaction: all or nothing
        cursor.execute(create)


def update_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Each row is the new values for `columns` followed by the row id."""
    sets = ', '.join(f'"{c}" = {param()}' for c in columns)
    sql = f'UPDATE "{model._meta.table_name}" SET {sets} WHERE id = {param()}'
    db.cursor().executemany(sql, rows)




def load_keys(pairs: Iterable[tuple[str, str]]) -> str:
    """Put (platform, key) pairs into a temporary table and return its name.

    Looking up 100,000 orders or buyers by joining this table is one query; the
    same through IN lists costs seconds of SQL building in peewee.
    """
    cursor = db.cursor()
    cursor.execute('CREATE TEMPORARY TABLE IF NOT EXISTS import_keys (platform TEXT, k TEXT)')
    cursor.execute('DELETE FROM import_keys')
    p = param()
    cursor.executemany(f'INSERT INTO import_keys (platform, k) VALUES ({p}, {p})', list(pairs))
    return 'import_keys'


def query(sql: str, params: Sequence = ()) -> list[tuple]:
    cursor = db.cursor()
    cursor.execute(sql.replace('?', param()), params)
    return cursor.fetchall()
