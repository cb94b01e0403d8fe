"""Command line: `python main.py [--db PATH_OR_URL] COMMAND ...`.

Each command opens the database, does one job and returns an exit code.
Anything the owner can fix is reported as one Chinese sentence on stderr
with exit code 1, never as a traceback.
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from peewee import PeeweeException, SqliteDatabase

from models.database import (DatabaseError, backup_sqlite, close_database, is_server_url,
                             open_database)
from models.migrations import LATEST_VERSION

from .cli_files import register as register_files
from .config import resolve_db_target
from .errors import UserError
from .reminders.command import register as register_reminders

SQLITE_HEADER = b'SQLite format 3\x00'
# SQLite and driver messages the owner may meet, in plain words.
REASONS = (('file is not a database', '这不是数据库文件，或者文件已损坏'),
           ('malformed', '数据库文件已损坏'),
           ('database is locked', '数据库正被其他程序占用，请关闭后再试'),
           ('unable to open database file', '无法打开文件（文件夹不存在或没有权限）'),
           ('driver not found', '缺少 PostgreSQL 驱动（psycopg2）'),
           ('could not connect', '连接不上数据库服务器'),
           ('connection refused', '连接不上数据库服务器'))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog='main.py', description='掌柜会员通：命令行工具')
    p.add_argument('--db', metavar='PATH_OR_URL',
                   help='数据库文件或 postgresql:// 地址（默认：本机数据目录里的 shop.db）')
    sub = p.add_subparsers(dest='command', metavar='COMMAND')
    s = sub.add_parser('stats', help='店铺概况：顾客、订单、销售额、复购率、会员等级')
    s.add_argument('--json', action='store_true', help='输出 JSON')
    d = sub.add_parser('demo', help='在空数据库里生成一个演示店铺')
    d.add_argument('--customers', type=int, default=3000, help='顾客数量（默认 3000）')
    d.add_argument('--seed', type=int, default=20241111, help='随机种子，同一种子生成同样的店铺')
    b = sub.add_parser('backup', help='备份数据库（仅限 SQLite 文件）')
    b.add_argument('dest', nargs='?', metavar='DEST', help='备份文件或文件夹（默认：数据库旁的 backups 文件夹）')
    r = sub.add_parser('restore', help='用备份文件替换当前数据库的内容（会先自动备份当前数据库）')
    r.add_argument('src', metavar='SRC', help='备份文件')
    p.set_defaults(file_commands={**register_files(sub), **register_reminders(sub)})
    return p


def run_cli(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:          # --help, or a usage error argparse already printed
        return e.code if isinstance(e.code, int) else 2
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    target = resolve_db_target(args.db)
    commands = {'stats': _stats, 'demo': _demo, 'backup': _backup, 'restore': _restore}
    try:
        if args.command in args.file_commands:
            return args.file_commands[args.command](args, target, _open)
        return commands[args.command](args, target)
    except (DatabaseError, UserError) as e:
        return _fail(str(e))
    except (sqlite3.Error, PeeweeException) as e:
        return _fail(f'数据库操作失败：{_reason(e)}')
    except OSError as e:
        return _fail(f'无法读写文件 {e.filename or ""}：{e.strerror or e}')
    except KeyboardInterrupt:
        return _fail('已中断', 130)
    finally:
        close_database()


def _fail(message: str, code: int = 1) -> int:
    print(f'错误：{message}', file=sys.stderr)
    return code


def _shown(target: str) -> str:
    # Never echo a server password into a terminal or a log.
    return re.sub(r'//[^/@]*@', '//', target)


def _reason(e: Exception) -> str:
    text = str(e).strip()
    return next((plain for key, plain in REASONS if key in text.lower()), text)


def _open(target: str):
    """open_database with every failure turned into one sentence for the owner."""
    local = not is_server_url(target) and target != ':memory:' and Path(target).is_file()
    tables = _tables(Path(target)) if local else set()
    if tables and 'schema_version' not in tables:
        # open_database would try to "migrate" another program's database.
        raise UserError(f'{Path(target).name} 不是掌柜会员通的数据库，请检查 --db 参数')
    try:
        return open_database(target)
    except (sqlite3.Error, PeeweeException) as e:
        raise UserError(f'无法打开数据库 {_shown(target)}：{_reason(e)}') from None


def _stamped(folder: Path, stem: str) -> Path:
    """folder/stem-YYYYmmdd-HHMMSS.db, numbered when two land in the same second."""
    base = f'{stem}-{datetime.now():%Y%m%d-%H%M%S}'
    path, n = folder / f'{base}.db', 1
    while path.exists():
        n += 1
        path = folder / f'{base}-{n}.db'
    return path


# --- stats --------------------------------------------------------------------

def _stats(args, target: str) -> int:
    from . import customer_stats, scoring
    from .shop_stats import shop_stats
    _open(target)
    if scoring.is_stale() or customer_stats.rebuild_pending():
        # Segments move with the calendar; the app does this once a day in the background.
        customer_stats.daily_upkeep()
    s = shop_stats()
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    print(f'店铺概况（{_shown(target)}）')
    print(f'  顾客：{s["customers"]:,} 位，其中成交顾客 {s["buyers"]:,} 位')
    print(f'  成交订单：{s["orders"]:,} 笔，销售额 ¥{s["revenue_fen"] / 100:,.2f}')
    print(f'  复购率：{s["repurchase_rate"]:.2%}（成交 2 次及以上的顾客 {s["repeat_buyers"]:,} 位）')
    print('会员等级：')
    for name, n in s['tiers'].items():
        print(f'  {name}：{n:,} 位')
    if s['segments']:
        print('RFM 分群：')
        for name, n in s['segments'].items():
            print(f'  {name}：{n:,} 位')
    else:
        print('RFM 分群：尚未计算')
    return 0


# --- demo ---------------------------------------------------------------------

def _demo(args, target: str) -> int:
    from models import Customer

    from .demo import build_demo_shop
    if not 1 <= args.customers <= 200_000:
        raise UserError('顾客数量应在 1 到 200000 之间')
    _open(target)
    n = Customer.select().count()          # the recycle bin counts too: nicks must stay unique
    if n:
        raise UserError(f'这个数据库里已经有 {n:,} 位顾客，演示店铺只能生成在空数据库里；'
                        f'请换一个新文件，例如：python main.py --db demo.db demo')
    started = time.perf_counter()
    c = build_demo_shop(seed=args.seed, customers=args.customers)
    print(f'演示店铺已生成（{_shown(target)}）：{c["customers"]:,} 位顾客，{c["orders"]:,} 笔订单'
          f'（成交 {c["completed"]:,} 笔），{c["products"]} 个商品，'
          f'{c["points"]:,} 条积分记录，用时 {time.perf_counter() - started:.1f} 秒')
    return 0


# --- backup and restore -------------------------------------------------------

def _sqlite_file(target: str, action: str) -> Path:
    if is_server_url(target) or target == ':memory:':
        raise UserError(f'{action}只支持本机的 SQLite 数据库文件；PostgreSQL 请用 pg_dump 等工具')
    return Path(target).resolve()


def _open_sqlite(path: Path) -> SqliteDatabase:
    if not path.is_file():
        raise UserError(f'找不到数据库文件：{path}')
    return _open(str(path))


@contextmanager
def _reading(path: Path):
    """A plain connection for reading an existing file. Not mode=ro: a read-only
    connection leaves -wal/-shm files behind, and only SQLite may safely remove them."""
    conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def _backup(args, target: str) -> int:
    path = _sqlite_file(target, '备份')
    database = _open_sqlite(path)
    # By default beside the database, where migrations keep their safety copies too.
    dest = Path(args.dest).resolve() if args.dest else path.parent / 'backups'
    if dest.is_dir() or not args.dest:
        dest = _stamped(dest, path.stem)
    if dest == path:
        raise UserError('备份文件不能是数据库本身')
    if dest.exists():
        raise UserError(f'备份文件已存在：{dest}；请换一个文件名')
    backup_sqlite(database, dest)
    print(f'已备份到：{dest}')
    return 0


def _tables(path: Path) -> set[str]:
    """Table names of a SQLite file; empty for anything else (open_database reports that)."""
    with open(path, 'rb') as f:
        if f.read(16) != SQLITE_HEADER:
            return set()
    try:
        with _reading(path) as conn:
            return {t for (t,) in conn.execute("SELECT name FROM sqlite_master "
                                               "WHERE type='table'")}
    except sqlite3.Error:
        return set()


def _check_backup_file(src: Path) -> int:
    """The schema version of a readable, intact database of ours, or UserError."""
    if not src.is_file():
        raise UserError(f'找不到备份文件：{src}')
    with open(src, 'rb') as f:
        if f.read(16) != SQLITE_HEADER:
            raise UserError(f'{src.name} 不是数据库文件，无法恢复')
    try:
        with _reading(src) as conn:
            result = conn.execute('PRAGMA integrity_check').fetchone()[0]
            if result != 'ok':
                raise UserError(f'备份文件 {src.name} 已损坏（{result}），无法恢复')
            tables = {t for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            row = (conn.execute('SELECT version FROM schema_version').fetchone()
                   if {'schema_version', 'customer'} <= tables else None)
    except sqlite3.Error as e:
        raise UserError(f'无法读取备份文件 {src.name}（{_reason(e)}），无法恢复') from None
    if row is None:
        raise UserError(f'{src.name} 不是掌柜会员通的数据库，无法恢复')
    if row[0] > LATEST_VERSION:
        raise UserError(f'备份 {src.name} 来自更新版本的软件（结构版本 {row[0]}），请先升级软件再恢复')
    return row[0]


def _restore(args, target: str) -> int:
    from models import Customer, Order
    path = _sqlite_file(target, '恢复')
    src = Path(args.src).resolve()
    if src == path:
        raise UserError('备份文件就是当前数据库，无需恢复')
    _check_backup_file(src)
    try:
        database = _open(str(path))
    except (DatabaseError, UserError) as e:
        raise UserError(f'{e}。可以先恢复到一个新文件：python main.py --db 新文件.db restore '
                        f'{src.name}') from None
    safety = backup_sqlite(database, _stamped(path.parent / 'backups', 'before-restore'))
    try:
        with _reading(src) as source:
            # One backup step copies every page in a single transaction: all or nothing.
            source.backup(database.connection())
    except sqlite3.Error as e:
        raise UserError(f'恢复失败（{_reason(e)}），当前数据库没有改动') from None
    close_database()
    _open(str(path))                       # migrates a backup from an older version
    customers = Customer.select().where(Customer.deleted_at.is_null()).count()
    print(f'已从 {src} 恢复：{customers:,} 位顾客，{Order.select().count():,} 笔订单')
    print(f'恢复前的数据库已备份到：{safety}')
    return 0
