"""Opening a shop database: SQLite file or PostgreSQL URL, then migrations."""
from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import peewee
from peewee import Database, SqliteDatabase

from . import ALL_MODELS, db
from .migrations import LATEST_VERSION, run_migrations, seed_new_database
from .setting import SchemaVersion

SQLITE_PRAGMAS = {
    'journal_mode': 'wal',
    'foreign_keys': 1,
    'synchronous': 'normal',      # safe with WAL; full fsync per commit is not needed
    'cache_size': -64 * 1024,     # 64 MB
    # No memory-mapped I/O: mapped pages count as resident memory (a 1 GB shop showed
    # 1.2 GB RSS); the page cache above keeps reads fast (bench: searches ~10% slower).
    'mmap_size': 0,
    'temp_store': 'memory',
    'busy_timeout': 5000,
}


class DatabaseError(Exception):
    """The database cannot be opened; the message is for the shop owner."""


# What open_database() opened last, as given (the About dialog and messages show it).
_opened: str = ''


def is_server_url(target: str) -> bool:
    return target.startswith(('postgresql://', 'postgres://'))


def display_target(target: str) -> str:
    """A shop's location for the screen and messages: a server URL loses its password
    (in the address or as a ?password= parameter)."""
    if not is_server_url(target):
        return target
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
    # Up to the last @: a hand-typed password may hold a raw / or @.
    target = re.sub(r'^(\w+://[^:/@]*):.*@', r'\1@', target)
    try:
        parts = urlsplit(target)
    except ValueError:
        return target.partition('?')[0]
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != 'password'])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ''))


def opened_target() -> str:
    return _opened


def make_database(target: str) -> Database:
    if is_server_url(target):
        from playhouse.db_url import parse

        from .postgres import ShopPostgresqlDatabase
        # Settings build URLs with the user and password percent-encoded (a password may hold
        # @ : / # or Chinese); the driver must get them decoded.
        options = {'connect_timeout': 5, 'application_name': 'zhanggui',
                   **parse(target, unquote_password=True, unquote_user=True)}
        return ShopPostgresqlDatabase(**options)
    return SqliteDatabase(target, pragmas=SQLITE_PRAGMAS)


def open_database(target: str | Path, backup_dir: Path | None = None) -> Database:
    """Bind the models to `target` and bring its schema to the latest version.

    A database file that does not exist yet is created. Before any migration
    of an existing SQLite file, a copy is written to `backup_dir` (default: a
    `backups` folder beside the file).
    """
    target = str(target)
    if not is_server_url(target) and target != ':memory:':
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        if backup_dir is None:
            backup_dir = path.parent / 'backups'
    global _opened
    database = make_database(target)
    db.initialize(database)
    server = is_server_url(target)
    try:
        database.connect(reuse_if_open=True)
        if server:
            _check_server(database)
            with _MigrationLock(database):
                _migrate(database, backup_dir)
        else:
            _migrate(database, backup_dir)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as e:
        if not database.is_closed():
            database.close()
        if server and isinstance(e, peewee.DatabaseError):
            from .postgres import friendly_error
            where = f"{database.connect_params.get('host', '')}/{database.database}"
            raise DatabaseError(friendly_error(e, where)) from e
        raise DatabaseError(f'无法打开数据库 {display_target(target)}：{e}') from e
    _opened = target
    return database


def _check_server(database: Database) -> None:
    encoding = database.execute_sql('SHOW server_encoding').fetchone()[0]
    if encoding.upper().replace('-', '') != 'UTF8':
        raise sqlite3.DatabaseError(
            f'服务器上的数据库编码是 {encoding}，存不下中文：请按说明书用 UTF8 编码重新创建数据库')


MIGRATION_LOCK_KEY = 0x5A4847   # 'ZHG': held while a shop is created, migrated or moved in


class _MigrationLock:
    """Several PCs may start a new release at once: one migrates, the others wait and
    then find the schema current (a session-level advisory lock on the server)."""
    KEY = MIGRATION_LOCK_KEY
    WAIT_S = 120

    def __init__(self, database: Database):
        self.database = database

    def __enter__(self):
        import time
        deadline = time.monotonic() + self.WAIT_S
        while not self.database.execute_sql(
                f'SELECT pg_try_advisory_lock({self.KEY})').fetchone()[0]:
            if time.monotonic() > deadline:
                raise sqlite3.DatabaseError('另一台电脑正在创建或升级这个店铺的数据库，'
                                            '等了两分钟还没完成：请稍后再打开')
            time.sleep(0.2)

    def __exit__(self, *exc):
        if not self.database.is_closed():
            self.database.execute_sql(f'SELECT pg_advisory_unlock({self.KEY})')


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


def schema_version(database: Database) -> int:
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.select().first()
    return row.version if row else 0


def _migrate(database: Database, backup_dir: Path | None) -> None:
    version = schema_version(database)
    if version == 0:
        if database.get_tables():
            raise sqlite3.DatabaseError('这不是掌柜会员通的数据库（里面是别的程序的数据）')
        with database.atomic():
            database.create_tables(ALL_MODELS)
            SchemaVersion.create(version=LATEST_VERSION)
            seed_new_database()
        return
    if version > LATEST_VERSION:
        raise sqlite3.DatabaseError(
            f'这个数据库来自更新版本的软件（结构版本 {version}），请先升级软件')
    if version == LATEST_VERSION:
        return
    if isinstance(database, SqliteDatabase) and backup_dir is not None:
        # Named for the shop: several shops may share one backups folder.
        stem = Path(database.database).stem
        backup_sqlite(database, backup_dir / f'before-v{LATEST_VERSION}-{stem}-{_stamp()}.db')
    run_migrations(database, version)


def _stamp() -> str:
    return datetime.now().strftime('%Y%m%d-%H%M%S')


def backup_sqlite(database: SqliteDatabase, dest: Path) -> Path:
    """Copy the live database with SQLite's online backup API (safe under WAL).

    The copy is a single self-contained file (rollback journal, not WAL), and an
    existing file is never overwritten. It is written under a temporary name and
    renamed, so a half-written copy never looks like a backup.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        raise FileExistsError(f'备份文件已存在：{dest}')
    part = dest.with_name(dest.name + '.part')
    part.unlink(missing_ok=True)
    target = sqlite3.connect(str(part))
    try:
        database.connection().backup(target)
        target.execute('PRAGMA journal_mode=DELETE')
    finally:
        target.close()
    os.replace(part, dest)
    return dest
