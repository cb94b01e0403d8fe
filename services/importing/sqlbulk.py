"""Bulk statements through the DB-API cursor: peewee's insert_many builds SQL per
row and runs ~2x slower on 100,000-row imports. SQLite gets executemany (and drops and
rebuilds indexes for a big first import); PostgreSQL gets COPY and batched UPDATEs."""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import datetime

from peewee import Model, SqliteDatabase, __exception_wrapper__

from models import db
from models.dialect import postgres

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
    if postgres():
        _insert_pg(model._meta.table_name, cols, rows)
        return
    with _indexes_rebuilt_after(model._meta.table_name, len(rows)):
        db.cursor().executemany(sql, rows)


def _insert_pg(table: str, columns: str, rows: list) -> None:
    """COPY in PostgreSQL's text format: psycopg2's executemany is a round trip a row,
    and COPY writes 30,000 buyers ~3x faster than multi-row VALUES."""
    if not rows:
        return
    buf = io.StringIO()
    for row in rows:
        buf.write('\t'.join(map(_copy_text, row)))
        buf.write('\n')
    buf.seek(0)
    with __exception_wrapper__:     # driver errors as peewee's, as execute_sql raises them
        db.cursor().copy_expert(f'COPY "{table}" ({columns}) FROM STDIN', buf)


_COPY_ESCAPES = str.maketrans({'\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'})


def _copy_text(v) -> str:
    if v is None:
        return '\\N'
    if isinstance(v, bool):
        return 't' if v else 'f'
    if isinstance(v, str):
        return v.translate(_COPY_ESCAPES)
    return str(v)           # numbers, dates and datetimes as PostgreSQL reads them


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
    if postgres():
        from psycopg2.extras import execute_batch
        with __exception_wrapper__:
            execute_batch(db.cursor(), sql, list(rows), page_size=500)
        return
    db.cursor().executemany(sql, rows)




def load_keys(pairs: Iterable[tuple[str, str]]) -> str:
    """Put (platform, key) pairs into a temporary table and return its name.

    Looking up 100,000 orders or buyers by joining this table is one query; the
    same through IN lists costs seconds of SQL building in peewee.
    """
    cursor = db.cursor()
    cursor.execute('CREATE TEMPORARY TABLE IF NOT EXISTS import_keys (platform TEXT, k TEXT)')
    cursor.execute('DELETE FROM import_keys')
    if postgres():
        _insert_pg('import_keys', 'platform, k', list(pairs))
        cursor.execute('ANALYZE import_keys')   # else the planner guesses its size blind
        return 'import_keys'
    p = param()
    cursor.executemany(f'INSERT INTO import_keys (platform, k) VALUES ({p}, {p})', list(pairs))
    return 'import_keys'


def query(sql: str, params: Sequence = ()) -> list[tuple]:
    cursor = db.cursor()
    cursor.execute(sql.replace('?', param()), params)
    return cursor.fetchall()
