"""Is a shop's SQLite file whole? Cheap checks on every open, full ones on backups.

An open must stay fast however big the shop is (PRAGMA quick_check takes 1.2 s on a
640 MB shop, integrity_check 11 s), so opening the shop only checks:
- the 100-byte header: the SQLite magic, a sane page size, and the page count it
  records against the file size, which catches a file cut short (full disk, a copy
  interrupted, a USB stick pulled);
- the schema (open_database reads it) and one root-to-rightmost-leaf walk per table
  (`SELECT max(rowid)`: a few pages each, about a millisecond in all), which catches
  damage at the top of every table.
A damaged page deeper inside a table is met when a query reads it: SQLite says
"malformed", and the app and the command line then say the file is damaged and offer
the latest backup (is_corruption). At the latest the next automatic backup finds it,
since every new backup is verified with quick_check before it is kept.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import peewee

from models.migrations import LATEST_VERSION

from .errors import UserError

SQLITE_HEADER = b'SQLite format 3\x00'
EMPTY = '文件是空的'
NOT_SQLITE = '不是 SQLite 数据库文件'
# What SQLite says about a damaged file (and only about that).
_CORRUPTION_WORDS = ('malformed', 'not a database', 'disk image')


class CorruptDatabase(UserError):
    """The shop's database file is damaged; str(e) says so in one sentence."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = Path(path), reason
        super().__init__(f'{self.path.name} 不是数据库文件，或者已经损坏，无法打开。'
                         if reason == NOT_SQLITE else
                         f'数据库文件 {self.path.name} 已损坏（{reason}），无法打开。')


def is_corruption(exc: BaseException) -> bool:
    """True for SQLite's "damaged file" errors, also as peewee or open_database wrap them."""
    while exc is not None:
        if isinstance(exc, (sqlite3.DatabaseError, peewee.DatabaseError)) and any(
                w in str(exc).lower() for w in _CORRUPTION_WORDS):
            return True
        exc = exc.__cause__
    return False


def _wal_has_frames(path: Path) -> bool:
    try:
        return Path(f'{path}-wal').stat().st_size > 32      # more than the WAL header
    except OSError:
        return False


def header_problem(path: Path) -> str | None:
    """Why the file at `path` cannot be a whole SQLite database, or None (also when missing)."""
    try:
        size = path.stat().st_size
        if size == 0:
            return EMPTY
        with open(path, 'rb') as f:
            head = f.read(100)
    except FileNotFoundError:
        return None
    if head[:16] != SQLITE_HEADER:
        return NOT_SQLITE
    if len(head) < 100:
        return '文件被截断了'
    page = int.from_bytes(head[16:18], 'big')
    page = 65536 if page == 1 else page
    if not 512 <= page <= 65536 or page & (page - 1):
        return '文件头已损坏'
    if _wal_has_frames(path):
        # The log may hold pages the main file does not have yet; SQLite recovers them.
        return None
    pages = int.from_bytes(head[28:32], 'big')
    size_is_valid = head[24:28] == head[92:96]   # else an old writer left the count stale
    if size % page or (size_is_valid and pages * page > size):
        return '文件被截断了'
    return None


def probe(database) -> None:
    """Walk the top of every table (a few pages each); raises SQLite's error on damage."""
    conn = database.connection()
    tables = [name for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if sql and not sql.upper().startswith('CREATE VIRTUAL')]
    for name in tables:
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            conn.execute(f'SELECT max(rowid) FROM {quoted}').fetchone()
        except sqlite3.OperationalError as e:
            if 'rowid' not in str(e):        # WITHOUT ROWID tables have none to walk
                raise


def check_backup(src: Path) -> int:
    """The schema version of an intact Zhanggui database at `src`, or UserError.

    Runs the full PRAGMA integrity_check (tables and indexes agree): a restore is
    rare and replaces the shop, so it is worth the seconds.
    """
    if not src.is_file():
        raise UserError(f'找不到备份文件：{src}')
    problem = header_problem(src)
    if problem in (EMPTY, NOT_SQLITE):
        raise UserError(f'{src.name} 不是数据库文件，无法恢复')
    if problem:
        raise UserError(f'备份文件 {src.name} 已损坏（{problem}），无法恢复')
    try:
        with closing(sqlite3.connect(src)) as conn:
            result = conn.execute('PRAGMA integrity_check').fetchone()[0]
            if result != 'ok':
                raise UserError(f'备份文件 {src.name} 已损坏（{result}），无法恢复')
            version = _schema_version(conn)
    except sqlite3.Error as e:
        reason = '文件已损坏' if is_corruption(e) else str(e)
        raise UserError(f'无法读取备份文件 {src.name}（{reason}），无法恢复') from None
    if version is None:
        raise UserError(f'{src.name} 不是掌柜会员通的数据库，无法恢复')
    if version > LATEST_VERSION:
        raise UserError(f'备份 {src.name} 来自更新版本的软件（结构版本 {version}），'
                        '请先升级软件再恢复')
    return version


def _schema_version(conn: sqlite3.Connection) -> int | None:
    tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {'schema_version', 'customer'} <= tables:
        return None
    row = conn.execute('SELECT version FROM schema_version').fetchone()
    return row[0] if row else None


def schema_version_of(path: Path) -> int | None:
    """The schema version stored in a database file; None when it is not one of ours or
    cannot be read. Reads two small tables, no check."""
    if header_problem(path) is not None:
        return None
    try:
        with closing(sqlite3.connect(path)) as conn:
            return _schema_version(conn)
    except sqlite3.Error:
        return None


def quick_check(conn: sqlite3.Connection) -> str:
    """'ok', or the first problem PRAGMA quick_check reports (pages, not index contents)."""
    try:
        return conn.execute('PRAGMA quick_check(1)').fetchone()[0]
    except sqlite3.DatabaseError as e:
        return str(e)
