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
from peewee import DatabaseError as PeeweeDatabaseError

from models import ALL_MODELS
from models.database import MIGRATION_LOCK_KEY, display_target, make_database

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
    db_path = Path(db_path)
    if not db_path.is_file():
        raise UserError(f'找不到本机的数据文件 {db_path}')
    where = display_target(url)
    source = None
    try:
        # A plain connection, only read: a read-only one would leave -wal/-shm files behind.
        source = sqlite3.connect(str(db_path))
        source.execute('BEGIN')           # one snapshot of the file while the app runs on
        counts = {m: source.execute(f'SELECT COUNT(*) FROM "{m._meta.table_name}"').fetchone()[0]
                  for m in ALL_MODELS}
        target = make_database(url)
        try:
            target.connect()
        except Exception as e:        # noqa: BLE001 -- any connect failure is one sentence
            from models.postgres import friendly_error
            raise UserError(friendly_error(e, where)) from e
        try:
            _check_target(target, where)
            total = _copy(source, target, counts, progress, cancelled)
        finally:
            target.close()
    except sqlite3.Error as e:
        raise UserError(f'读不出本机的数据文件 {db_path}：{e}') from e
    finally:
        if source is not None:
            source.close()
    return MoveResult(where, len(ALL_MODELS), total)


def _check_target(target, where: str) -> None:
    """Refuse, before writing anything, what would fail halfway or leave a shop other PCs
    cannot use."""
    encoding, user, owner, can_create = target.execute_sql(
        "SELECT current_setting('server_encoding'), current_user, "
        'pg_get_userbyid(d.datdba), has_schema_privilege(\'public\', \'CREATE\') '
        'FROM pg_database AS d WHERE d.datname = current_database()').fetchone()
    if encoding.upper().replace('-', '') != 'UTF8':
        raise UserError(f'服务器上的数据库 {where} 编码是 {encoding}，存不下中文：'
                        '请按说明书用 UTF8 编码重新创建数据库。')
    if target.get_tables():
        raise UserError(f'服务器上的数据库 {where} 里已经有数据（也许另一台电脑已经先打开它，'
                        '建了一个新店铺）：请在服务器上删掉它、重新创建一个空数据库再搬。')
    if user != owner:
        raise UserError(f'请用数据库的所有者 {owner} 登录来搬（现在是 {user}）：'
                        f'否则搬上去的表只有 {user} 能用，其他电脑打不开。')
    if not can_create:
        raise UserError(f'用户 {user} 不能在数据库 {where} 里建表：请在服务器上把数据库的'
                        '所有者设为这个用户。')


def _copy(source, target, counts, progress, cancelled) -> int:
    grand = sum(counts.values()) or 1
    done = 0
    with target.atomic():
        # PCs that start meanwhile wait for the whole shop (models.database takes this lock
        # before creating or migrating a shop).
        target.execute_sql(f'SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})')
        if target.get_tables():
            raise UserError('服务器上的数据库在搬的时候被另一台电脑建成了新店铺：'
                            '请在服务器上删掉它、重新创建一个空数据库再搬。')
        for model in ALL_MODELS:
            SchemaManager(model, database=target).create_all(safe=False)
        cursor = target.cursor()
        for model in ALL_MODELS:
            try:
                done = _copy_table(model, source, cursor, done, grand, progress, cancelled)
            except (PeeweeDatabaseError, ValueError, UnicodeError) as e:
                raise UserError(_table_failed(model, e)) from e
            except Exception as e:
                import psycopg2
                if isinstance(e, psycopg2.Error):
                    raise UserError(_table_failed(model, e)) from e
                raise
    return done


def _table_failed(model, e: Exception) -> str:
    # The driver's first line only: later lines quote the buyer's row.
    first = (str(e).strip().splitlines() or [type(e).__name__])[0]
    if 'out of range' in first:
        first = '有数值超出服务器的整数范围'
    return f'表 {model._meta.table_name} 搬不上服务器，什么也没有留下：{first}'


def _copy_table(model, source, cursor, done, grand, progress, cancelled) -> int:
    from psycopg2.extras import execute_values
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
