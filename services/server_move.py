"""Moving a shop from this PC's file to a PostgreSQL server (a shop that grows to several PCs).

Every table is copied as it is, ids included, into an empty database on the server, in
one server transaction: a failure or Cancel leaves the server database empty, and the
local file is only read (it stays as it was, a copy to go back to). Afterwards the
server's id sequences continue after the copied ids.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import AutoField, BooleanField, SchemaManager

from models import ALL_MODELS
from models.database import DatabaseError, display_target, make_database

from .errors import UserError
from .tasks import IsCancelled, Progress, check

CHUNK = 2000


@dataclass(frozen=True)
class MoveResult:
    url: str                       # without its password
    tables: int
    rows: int


def _columns(model) -> list[tuple[str, bool]]:
    return [(f.column_name, isinstance(f, BooleanField)) for f in model._meta.sorted_fields]


def _self_references(model) -> list[str]:
    return [f.column_name for f in model._meta.sorted_fields
            if getattr(f, 'rel_model', None) is model]


def move_to_server(db_path: Path, url: str, progress: Progress | None = None,
                   cancelled: IsCancelled | None = None) -> MoveResult:
    """Copy the shop file at `db_path` into the empty server database at `url`."""
    source = sqlite3.connect(f'file:{Path(db_path).as_posix()}?mode=ro', uri=True)
    try:
        source.execute('BEGIN')           # one snapshot of the file while the app runs on
        counts = {m: source.execute(f'SELECT COUNT(*) FROM "{m._meta.table_name}"').fetchone()[0]
                  for m in ALL_MODELS}
        target = make_database(url)
        try:
            target.connect()
        except Exception as e:        # noqa: BLE001 -- any connect failure is one sentence
            from models.postgres import friendly_error
            raise UserError(friendly_error(e, display_target(url))) from e
        try:
            if target.get_tables():
                raise UserError(f'服务器上的数据库 {display_target(url)} 里已经有数据：'
                                '请换一个新建的空数据库，以免覆盖。')
            total = _copy(source, target, counts, progress, cancelled)
        except DatabaseError as e:
            raise UserError(str(e)) from e
        finally:
            target.close()
    except sqlite3.Error as e:
        raise UserError(f'读不出本机的数据文件 {db_path}：{e}') from e
    finally:
        source.close()
    return MoveResult(display_target(url), len(ALL_MODELS), total)


def _copy(source, target, counts, progress, cancelled) -> int:
    from psycopg2.extras import execute_values
    grand = sum(counts.values()) or 1
    done = 0
    with target.atomic():
        for model in ALL_MODELS:
            SchemaManager(model, database=target).create_all(safe=False)
        cursor = target.cursor()
        for model in ALL_MODELS:
            table = model._meta.table_name
            columns = _columns(model)
            names = ', '.join(f'"{c}"' for c, _ in columns)
            flags = [i for i, (_, boolean) in enumerate(columns) if boolean]
            later = {i: [] for i, (c, _) in enumerate(columns)   # may point at rows
                     if c in _self_references(model)}              # not copied yet
            rows = source.execute(f'SELECT {names} FROM "{table}" ORDER BY 1')
            while batch := rows.fetchmany(CHUNK):
                check(cancelled)
                out = []
                for row in batch:
                    row = list(row)
                    for i in flags:
                        if row[i] is not None:
                            row[i] = bool(row[i])
                    for i, fixes in later.items():
                        if row[i] is not None:
                            fixes.append((row[i], row[0]))
                            row[i] = None
                    out.append(row)
                execute_values(cursor, f'INSERT INTO "{table}" ({names}) VALUES %s', out,
                               page_size=CHUNK)
                done += len(batch)
                if progress:
                    progress(done, grand)
            for i, fixes in later.items():
                if fixes:
                    execute_values(cursor, f'UPDATE "{table}" AS t SET "{columns[i][0]}" = v.ref '
                                   'FROM (VALUES %s) AS v(ref, id) WHERE t.id = v.id', fixes,
                                   page_size=CHUNK)
            if isinstance(model._meta.primary_key, AutoField):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                               f'COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{table}"')
    return done
