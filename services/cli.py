"""Command line: `python main.py [--db PATH_OR_URL] COMMAND ...`.

Each command opens the database, does one job and returns an exit code.
Anything the owner can fix is reported as one Chinese sentence on stderr
with exit code 1, never as a traceback.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

from peewee import PeeweeException

from models.database import DatabaseError, close_database, display_target, is_server_url

from .backup_restore import local_file, open_checked
from .cli_files import register as register_files
from .config import resolve_db_target
from .db_health import SQLITE_HEADER, CorruptDatabase, is_corruption
from .errors import UserError
from .reminders.command import register as register_reminders
from .version import __version__

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
    p.add_argument('--version', action='version', version=f'掌柜会员通 {__version__}')
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
    sub.add_parser('reset-password', help='忘记店铺密码时取消它（之后可在“设置 → 隐私与退订”重新设置）')
    m = sub.add_parser('move-to-server', help='把本机的店铺文件完整复制到 PostgreSQL 服务器上的空数据库')
    m.add_argument('url', metavar='URL', help='postgresql://用户:密码@服务器:5432/数据库')
    m.add_argument('--use', action='store_true', help='搬完后这台电脑默认打开服务器上的店铺')
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
    commands = {'stats': _stats, 'demo': _demo, 'backup': _backup, 'restore': _restore,
                'reset-password': _reset_password, 'move-to-server': _move_to_server}
    try:
        if args.command in args.file_commands:
            # An import or an undo takes the day's backup in its service.
            return args.file_commands[args.command](args, target, _open)
        return commands[args.command](args, target)
    except CorruptDatabase as e:
        return _corrupt(e)
    except (DatabaseError, UserError) as e:
        return _fail(str(e))
    except (sqlite3.Error, PeeweeException) as e:
        path = local_file(target)
        if path is not None and is_corruption(e):
            # Damage deeper than the open checks look (db_health): found by this query.
            return _corrupt(CorruptDatabase(path, '部分数据页无法读取'))
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
    return display_target(target)


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
        return open_checked(target)
    except (sqlite3.Error, PeeweeException) as e:
        raise UserError(f'无法打开数据库 {_shown(target)}：{_reason(e)}') from None


def _tables(path: Path) -> set[str]:
    """Table names of a SQLite file; empty for anything else (open_checked reports that).
    Not mode=ro: a read-only connection leaves -wal/-shm files behind, and only SQLite
    may safely remove them."""
    with open(path, 'rb') as f:
        if f.read(16) != SQLITE_HEADER:
            return set()
    try:
        with closing(sqlite3.connect(path)) as conn:
            return {t for (t,) in conn.execute("SELECT name FROM sqlite_master "
                                               "WHERE type='table'")}
    except sqlite3.Error:
        return set()


# --- stats --------------------------------------------------------------------

def _reset_password(args, target: str) -> int:
    from .privacy import forget_password
    _open(target)
    if forget_password():
        print('店铺密码已取消。可以在“设置 → 隐私与退订”里重新设置。')
    else:
        print('这个店铺没有设置密码。')
    return 0


def _move_to_server(args, target: str) -> int:
    from dataclasses import replace

    from . import ui_prefs
    from .server_move import move_to_server
    if not is_server_url(args.url):
        raise UserError('URL 要以 postgresql:// 开头，例如 postgresql://shop:密码@192.168.1.10:5432/zhanggui')
    source = local_file(target)
    if source is None or not source.is_file():
        raise UserError(f'要搬的店铺必须是本机的数据文件：{_shown(target)}')
    _open(str(source))           # a damaged or older file is checked and migrated first
    close_database()
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent // 10 != shown[0] // 10:
            shown[0] = percent
            print(f'{percent}%', file=sys.stderr, flush=True)
    result = move_to_server(source, args.url, progress)
    print(f'已搬到服务器 {result.url}：{result.tables} 张表，{result.rows:,} 行数据。'
          f'本机文件 {source} 保持不动。')
    if args.use:
        ui_prefs.save(replace(ui_prefs.load(), database=args.url))
        print('这台电脑以后默认打开服务器上的店铺。')
    return 0


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

def _sqlite_file(target: str) -> Path:
    path = local_file(target)
    if path is None:
        from .backups import ON_SERVER
        raise UserError(ON_SERVER)
    return path


def _backup(args, target: str) -> int:
    from . import backups
    path = _sqlite_file(target)
    if not path.is_file():
        raise UserError(f'找不到数据库文件：{path}')
    _open(str(path))
    # By default beside the database (or where the settings say), with the automatic ones.
    dest = Path(args.dest).resolve() if args.dest else backups.backup_folder(path)
    if dest.is_dir() or not args.dest:
        dest = backups.stamped_name(dest, path)
    dest = backups.take_backup(path, dest)
    print(f'已备份到：{dest}')
    return 0


def _restore(args, target: str) -> int:
    from .backup_restore import restore
    path = _sqlite_file(target)
    src = Path(args.src).resolve()
    result = restore(src, path)
    print(f'已从 {src} 恢复：{result.customers:,} 位顾客，{result.orders:,} 笔订单')
    if result.safety:
        print(f'恢复前的数据库已备份到：{result.safety}')
    if result.set_aside:
        print(f'损坏的数据库已改名保留：{result.set_aside}')
    return 0


def _corrupt(e: CorruptDatabase) -> int:
    """The damaged-file sentence, and how to restore the newest good backup."""
    from .backups import latest_good_backup
    good = latest_good_backup(e.path)
    if good is None:
        return _fail(f'{e}没有找到可用的备份。')
    # The console exe: the windowed one prints nothing on Windows.
    program = 'zhanggui-cli' if getattr(sys, 'frozen', False) else 'python main.py'
    return _fail(f'{e}最近的备份是 {good.taken_at:%Y-%m-%d %H:%M} 的 {good.path}，'
                 f'可以这样恢复：{program} --db "{e.path}" restore "{good.path}"')
