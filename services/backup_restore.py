"""Opening a shop with its health checked, and restoring one from a backup."""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import peewee

from models.database import DatabaseError, close_database, is_server_url, open_database

from .backups import (BEFORE_RESTORE, RestoreResult, backup_folder, before_bulk_change,
                      copy_database, latest_backups, require_file, stamped_name, take_backup)
from .db_health import EMPTY, CorruptDatabase, check_backup, header_problem, is_corruption, probe
from .errors import UserError


def local_file(target: str) -> Path | None:
    """The SQLite file a --db target names; None for a server URL or memory."""
    if is_server_url(target) or target in ('', ':memory:'):
        return None
    return Path(target).resolve()


def open_checked(target: str):
    """open_database, refusing a damaged SQLite file with CorruptDatabase (see db_health for
    what is checked: header, schema, the top of each table; nothing that grows with size)."""
    path = local_file(target)
    backup_dir = None
    if path is not None and path.exists():
        problem = header_problem(path)
        if problem == EMPTY and not latest_backups(path, versions=False):
            problem = None               # an empty file with no history: a new shop
        if problem:
            raise CorruptDatabase(path, problem)
        backup_dir = backup_folder(path)
    try:
        database = open_database(target, backup_dir)
        if path is not None:
            probe(database)
    except (DatabaseError, sqlite3.DatabaseError, peewee.DatabaseError) as e:
        close_database()
        if path is not None and is_corruption(e):
            raise CorruptDatabase(path, '部分数据页无法读取') from None
        raise
    return database


def _counts() -> tuple[int, int]:
    from models import Customer, Order
    return (Customer.select().where(Customer.deleted_at.is_null()).count(),
            Order.select().count())


def _set_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged database (and its log, which may hold the latest changes) out of
    the way, keeping it for whoever can rescue more from it."""
    aside = path.with_name(f'{path.name}.damaged-{now:%Y%m%d-%H%M%S}')
    try:
        os.replace(path, aside)
        wal = Path(f'{path}-wal')
        if wal.exists():
            os.replace(wal, f'{aside}-wal')
        Path(f'{path}-shm').unlink(missing_ok=True)
    except OSError as e:
        raise UserError(f'无法移开损坏的数据库文件（{e.strerror or e}），请关闭其他使用它的程序后再试') \
            from None
    return aside


def _healthy(path: Path) -> bool:
    if header_problem(path):
        return False
    try:
        with closing(sqlite3.connect(path, timeout=10)) as conn:
            conn.execute('SELECT count(*) FROM sqlite_master').fetchone()
        return True
    except sqlite3.DatabaseError as e:
        if is_corruption(e):
            return False
        raise


def restore(src: str | Path, db_path: Path | None = None,
            now: datetime | None = None) -> RestoreResult:
    """Replace the shop's data with the backup `src`, then open the shop on it.

    Order: check the backup in full (nothing is touched if it fails); the day's automatic
    backup if due; a safety copy of the current data; the copy with SQLite's backup API
    in one step (all or nothing); the shop reopened, which migrates an older backup.
    A damaged current file cannot be copied from or into: it is renamed and kept.
    May run in a background thread; the caller keeps other writers away meanwhile.
    """
    db_path = require_file(db_path)
    src = Path(src).resolve()
    if src == db_path:
        raise UserError('备份文件就是当前数据库，无需恢复')
    version = check_backup(src)
    now = now or datetime.now()
    folder = backup_folder(db_path)
    safety = aside = None
    if db_path.exists() and not _healthy(db_path):
        close_database()
        # The copy first, beside the shop: if it fails (disk full), the damaged file is
        # still where it was, so the next start does not open a new empty shop there.
        staged = db_path.with_name(db_path.name + '.restoring')
        staged.unlink(missing_ok=True)
        copy_database(src, staged, verify=False)
        try:
            aside = _set_aside(db_path, now)
        except UserError:
            staged.unlink(missing_ok=True)
            raise
        os.replace(staged, db_path)
    elif db_path.exists():
        try:
            before_bulk_change(now, db_path)
        except CorruptDatabase:
            pass                        # damaged deep inside: the safety copy keeps it as is
        safety = take_backup(db_path, stamped_name(folder, db_path, BEFORE_RESTORE, now),
                             verify=False)
        try:
            with closing(sqlite3.connect(src)) as source, \
                    closing(sqlite3.connect(db_path, timeout=30)) as target:
                source.backup(target)       # one step: one transaction on the shop
        except sqlite3.Error as e:
            raise UserError(f'恢复失败（{e}），当前数据库没有改动') from None
    else:
        copy_database(src, db_path, verify=False)
    close_database()
    open_database(str(db_path), folder)
    customers, orders = _counts()
    return RestoreResult(str(src), version, customers, orders,
                         str(safety) if safety else None, str(aside) if aside else None)
