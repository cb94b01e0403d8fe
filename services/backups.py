"""Backups of the shop's SQLite file: automatic and rotated, listed, checked, restored.

- A backup is a copy made with SQLite's online backup API (consistent while the app
  writes, under WAL), written to `<name>.part` and renamed, so a half-written backup
  never shows in the list; automatic and manual ones are verified (quick_check) first.
- Automatic backups: one every `every_days` days, taken shortly after the app starts
  and before the first bulk change of such a day (an import, the undo of one, a
  restore) when none is recent enough. Most calls only list a folder. The newest of
  each of the last keep_daily days is kept, and of keep_weekly weeks before those.
- Safety copies (before a restore, before a migration) and manual backups are never
  rotated away.
- Restore: check the backup, back up the current file, copy the backup in with the
  backup API (all or nothing), then migrate it if it is from an older version.

Names in the backups folder, for the database `shop.db`:
`shop-auto-20241123-093000.db` automatic, `shop-20241123-093000.db` manual,
`before-restore-shop-20241123-093000.db` and `before-v3-20241123-093000.db` safety copies.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from models import db
from models.migrations import LATEST_VERSION

from .db_health import CorruptDatabase, is_corruption, quick_check, schema_version_of
from .errors import UserError, ValidationError

AUTO, MANUAL, BEFORE_RESTORE, BEFORE_MIGRATION, OTHER = (
    'auto', 'manual', 'before-restore', 'before-migration', 'other')
STAMP = '%Y%m%d-%H%M%S'
_STAMP = r'(\d{8}-\d{6})(?:-\d+)?'
# The scheduled backup and an import's may start together: the second then finds the
# first one's copy and has nothing to do.
_daily_lock = threading.Lock()


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass
class BackupPolicy:
    """enabled: automatic backups on; every_days apart; keep the newest of each of the
    last keep_daily days and of keep_weekly weeks before those; folder '' = the
    `backups` folder beside the database."""
    KEY = 'backup.policy'
    enabled: bool = True
    every_days: int = 1
    keep_daily: int = 7
    keep_weekly: int = 4
    folder: str = ''

    def validate(self) -> None:
        if not isinstance(self.enabled, bool):
            raise ValidationError('enabled', '自动备份只能是开或关。')
        if not _whole(self.every_days, 1, 30):
            raise ValidationError('every_days', '自动备份间隔须在 1 到 30 天之间。')
        if not _whole(self.keep_daily, 1, 90):
            raise ValidationError('keep_daily', '按天保留的备份须在 1 到 90 份之间。')
        if not _whole(self.keep_weekly, 0, 104):
            raise ValidationError('keep_weekly', '按周保留的备份须在 0 到 104 份之间。')
        if not isinstance(self.folder, str) or (self.folder and not Path(self.folder).is_absolute()):
            raise ValidationError('folder', '备份文件夹须是完整路径（例如 D:\\掌柜备份），或留空用默认位置。')


@dataclass(frozen=True)
class BackupInfo:
    path: str
    kind: str                       # AUTO, MANUAL, BEFORE_RESTORE, BEFORE_MIGRATION, OTHER
    taken_at: datetime
    size: int                       # bytes
    schema_version: int | None      # None: not a readable database of ours

    @property
    def restorable(self) -> bool:
        """A database of ours from this version or an older one (not yet checked in full)."""
        return self.schema_version is not None and self.schema_version <= LATEST_VERSION


@dataclass(frozen=True)
class RestoreResult:
    source: str
    schema_version: int             # of the backup, before any migration
    customers: int
    orders: int
    safety: str | None              # the current data, backed up first
    set_aside: str | None           # a damaged current file, renamed and kept


# --- where -----------------------------------------------------------------------

def database_file() -> Path | None:
    """The open shop's SQLite file; None for PostgreSQL or an in-memory database."""
    database = db.obj
    if not isinstance(database, SqliteDatabase) or database.database in ('', ':memory:'):
        return None
    return Path(database.database).resolve()


# A server shop is one database for several PCs: its owner backs it up on the server.
ON_SERVER = ('数据库在 PostgreSQL 服务器上，请在服务器上备份和恢复（例如用 pg_dump），'
             '本软件的备份只用于本机的 SQLite 数据库文件。')


def require_file(db_path: Path | None = None) -> Path:
    path = db_path or database_file()
    if path is None:
        raise UserError(ON_SERVER)
    return Path(path).resolve()


def load_policy(db_path: Path | None = None) -> BackupPolicy:
    """The stored policy, read straight from the file: this works from any thread and
    on a damaged shop (then the default)."""
    path = require_file(db_path)
    stored = {}
    if not path.is_file():
        return BackupPolicy()           # and never let sqlite3.connect create the file
    try:
        with closing(sqlite3.connect(path, timeout=5)) as conn:
            row = conn.execute('SELECT value FROM setting WHERE key = ?',
                               (BackupPolicy.KEY,)).fetchone()
        stored = json.loads(row[0]) if row else {}
    except (sqlite3.Error, ValueError):
        pass
    known = {f.name for f in fields(BackupPolicy)}
    try:
        policy = BackupPolicy(**{k: v for k, v in (stored if isinstance(stored, dict) else {})
                                 .items() if k in known})
        policy.validate()
    except (UserError, TypeError):
        return BackupPolicy()
    return policy


def backup_folder(db_path: Path, policy: BackupPolicy | None = None) -> Path:
    policy = policy or load_policy(db_path)
    return Path(policy.folder) if policy.folder else Path(db_path).parent / 'backups'


# --- names and the list -------------------------------------------------------------

def _stamped(folder: Path, prefix: str, now: datetime | None = None) -> Path:
    """folder/prefix-YYYYmmdd-HHMMSS.db, numbered when two land in the same second."""
    base = f'{prefix}-{(now or datetime.now()).strftime(STAMP)}'
    path, n = folder / f'{base}.db', 1
    while path.exists():
        n += 1
        path = folder / f'{base}-{n}.db'
    return path


def stamped_name(folder: Path, db_path: Path, kind: str = MANUAL,
                 now: datetime | None = None) -> Path:
    stem = Path(db_path).stem
    prefix = {AUTO: f'{stem}-auto', BEFORE_RESTORE: f'before-restore-{stem}'}.get(kind, stem)
    return _stamped(folder, prefix, now)


def _parse(name: str, stem: str) -> tuple[str, datetime | None] | None:
    """(kind, time from the name) of a backup of `stem`; None for another shop's backup."""
    s = re.escape(stem)
    for kind, pattern in ((AUTO, rf'{s}-auto-{_STAMP}'), (MANUAL, rf'{s}-{_STAMP}'),
                          (BEFORE_RESTORE, rf'before-restore-(?:{s}-)?{_STAMP}'),
                          (BEFORE_MIGRATION, rf'before-v\d+-{s}-{_STAMP}')):
        m = re.fullmatch(pattern + r'\.db', name)
        if m:
            try:
                return kind, datetime.strptime(m.group(1), STAMP)
            except ValueError:
                return OTHER, None
    if re.fullmatch(rf'before-v\d+-{_STAMP}\.db', name):
        return OTHER, None      # an older release's, not named for its shop: maybe ours
    if re.fullmatch(rf'.+-{_STAMP}\.db', name):
        return None
    return OTHER, None


def latest_backups(db_path: Path | None = None, folder: Path | None = None,
                   versions: bool = True) -> list[BackupInfo]:
    """The backups of the shop in its backups folder, newest first. `versions` reads each
    file's schema version (a few milliseconds a file); no file is checked in full."""
    db_path = require_file(db_path)
    folder = folder or backup_folder(db_path)
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not entry.name.endswith('.db') or not entry.is_file():
            continue
        parsed = _parse(entry.name, db_path.stem)
        if parsed is None:
            continue
        stat = entry.stat()
        kind, taken = parsed
        found.append(BackupInfo(
            path=entry.path, kind=kind, taken_at=taken or datetime.fromtimestamp(stat.st_mtime),
            size=stat.st_size,
            schema_version=schema_version_of(Path(entry.path)) if versions else None))
    found.sort(key=lambda b: (b.taken_at, b.path), reverse=True)
    return found


def latest_good_backup(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup that is a readable database of this or an older version.
    Automatic and manual ones were verified when taken; restore checks again in full."""
    return next((b for b in latest_backups(db_path, folder) if b.restorable), None)


# --- taking ----------------------------------------------------------------------------

def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, 'O_BINARY', 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(src: Path, dest: Path, verify: bool = True) -> Path:
    """Copy the SQLite file `src` to the new file `dest`: backup API into `dest.part`,
    verified with quick_check when asked, then renamed into place. A rollback-journal
    file, so the copy is one self-contained file."""
    dest = Path(dest)
    if dest.exists():
        raise UserError(f'备份文件已存在：{dest}；请换一个文件名')
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + '.part')
    part.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(src, timeout=10)) as source, \
                closing(sqlite3.connect(part)) as target:
            # One step: a consistent snapshot even while another connection writes.
            source.backup(target)
            target.execute('PRAGMA journal_mode=DELETE')
            result = quick_check(target) if verify else 'ok'
        if result != 'ok':
            raise CorruptDatabase(src, result)
        _fsync(part)
        os.replace(part, dest)
    except sqlite3.DatabaseError as e:
        part.unlink(missing_ok=True)
        if is_corruption(e):
            raise CorruptDatabase(src, '读取时出错') from None
        raise
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return dest


def take_backup(db_path: Path | None = None, dest: Path | None = None, kind: str = MANUAL,
                now: datetime | None = None, verify: bool = True) -> Path:
    """Back the shop up to `dest` (default: a stamped name in its backups folder)."""
    db_path = require_file(db_path)
    if not db_path.is_file():
        raise UserError(f'找不到数据库文件：{db_path}')
    if dest is None:
        dest = stamped_name(backup_folder(db_path), db_path, kind, now)
    if Path(dest).resolve() == db_path:
        raise UserError('备份文件不能是数据库本身')
    return copy_database(db_path, dest, verify)


def keep_set(times: list[datetime], keep_daily: int, keep_weekly: int) -> set[datetime]:
    """Which backups rotation keeps: the newest of each of the latest keep_daily days that
    have one, then the newest of each of the keep_weekly weeks before those (a week whose
    newest backup is already kept for its day does not count)."""
    kept: set[datetime] = set()
    for period, count in ((lambda t: t.date(), keep_daily),
                          (lambda t: t.isocalendar()[:2], keep_weekly)):
        seen, n = set(), 0
        for t in sorted(times, reverse=True):
            if n >= count:
                break
            key = period(t)
            if key in seen:
                continue
            seen.add(key)
            if t not in kept:
                kept.add(t)
                n += 1
    return kept


def rotate(db_path: Path, policy: BackupPolicy, folder: Path | None = None,
           now: datetime | None = None) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; returns them. One dated
    after `now` (taken while the clock ran ahead) is kept but holds no day's slot, or
    it would push out every backup taken since."""
    now = now or datetime.now()
    autos = [b for b in latest_backups(db_path, folder, versions=False) if b.kind == AUTO]
    kept = keep_set([b.taken_at for b in autos if b.taken_at <= now],
                    policy.keep_daily, policy.keep_weekly)
    kept |= {b.taken_at for b in autos if b.taken_at > now}
    removed = []
    for b in autos:
        if b.taken_at not in kept:
            try:
                os.remove(b.path)
                removed.append(Path(b.path))
            except OSError:
                pass                 # open in another program: next time
    return removed


def backup_due(db_path: Path, policy: BackupPolicy, now: datetime,
               folder: Path | None = None) -> bool:
    """No automatic backup in the last `every_days` calendar days (one from a clock
    that ran ahead does not count)."""
    times = [b.taken_at for b in latest_backups(db_path, folder, versions=False)
             if b.kind == AUTO and b.taken_at <= now]
    return not times or (now.date() - max(times).date()).days >= policy.every_days


def daily_backup(now: datetime | None = None, db_path: Path | None = None) -> Path | None:
    """The automatic backup of the shop (default: the open one), if the policy is on and
    one is due; then rotation. Cheap when none is due (one small read and a folder
    listing). Safe from a background thread: it uses connections of its own.
    """
    db_path = db_path or database_file()
    if db_path is None or not db_path.is_file():
        return None
    with _daily_lock:
        return _daily_backup(db_path, now)


def _daily_backup(db_path: Path, now: datetime | None) -> Path | None:
    policy = load_policy(db_path)
    now = now or datetime.now()
    folder = backup_folder(db_path, policy)
    if not policy.enabled or not backup_due(db_path, policy, now, folder):
        return None
    dest = take_backup(db_path, stamped_name(folder, db_path, AUTO, now), AUTO)
    rotate(db_path, policy, folder, now)
    return dest


def before_bulk_change(now: datetime | None = None, db_path: Path | None = None) -> Path | None:
    """Call before an import, the undo of one or a restore: the day's automatic backup
    if it is still due. A backup that cannot be made stops the change."""
    try:
        return daily_backup(now, db_path)
    except CorruptDatabase:
        raise
    except (OSError, sqlite3.Error, UserError) as e:
        raise UserError(f'操作前的自动备份没有完成（{getattr(e, "strerror", None) or e}），'
                        '数据没有改动；请检查备份文件夹，或在设置里修改备份方式。') from None
