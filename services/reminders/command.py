"""The `reminders` command of the command line, and the window `export reminders` writes."""
from __future__ import annotations

import json
from datetime import date, timedelta

from ..errors import UserError
from .rules import KIND_NAMES, KINDS

DEFAULT_DAYS = 7
MAX_DAYS = 3660


def register(sub) -> dict:
    """Add `reminders` to the argparse sub-parsers; returns name -> handler."""
    r = sub.add_parser('reminders', help='列出提醒：生日、复购、回访、唤醒、节日')
    add_window_options(r)
    r.add_argument('--json', action='store_true', help='输出 JSON')
    return {'reminders': run}


def add_window_options(parser) -> None:
    parser.add_argument('--date', metavar='YYYY-MM-DD',
                        help='从这一天起（默认今天）')
    parser.add_argument('--days', type=int, default=DEFAULT_DAYS, metavar='N',
                        help=f'到之后第 N 天为止（默认 {DEFAULT_DAYS}）；'
                             '提前提醒期落在其中的也列出，例如 7 天后开始准备的节日')


def window(args) -> tuple[date, date]:
    """[start, start + days] from --date/--days, with errors the owner can read."""
    if args.date:
        try:
            start = date.fromisoformat(args.date)
        except ValueError:
            raise UserError(f'日期“{args.date}”无效，请写成 YYYY-MM-DD，例如 2026-02-01') from None
    else:
        start = date.today()
    if not 0 <= args.days <= MAX_DAYS:
        raise UserError(f'--days 应在 0 到 {MAX_DAYS} 之间')
    return start, start + timedelta(days=args.days)


def as_json(r) -> dict:
    """One reminder for scripts: kind, date, nick (customers only), name, reason, and more."""
    d = {'kind': r.kind, 'date': r.date.isoformat()}
    if r.customer_id is not None:
        d['nick'] = r.nick
    d.update(name=r.name, reason=r.reason, remind_on=r.remind_on.isoformat(),
             occasion=r.occasion, state=r.state or 'open')
    if r.customer_id is not None:
        d.update(customer_id=r.customer_id, phone=r.phone, platform=r.platform, tier=r.tier)
    if r.order_id is not None:
        d['order_id'] = r.order_id
    if r.until is not None:
        d['until'] = r.until.isoformat()
    return d


def run(args, target: str, open_db) -> int:
    from .api import reminders_between
    start, end = window(args)
    open_db(target)
    found = reminders_between(start, end, details=True)
    if args.json:
        print(json.dumps([as_json(r) for r in found], ensure_ascii=False, indent=2))
        return 0
    print(f'{start:%Y-%m-%d} 至 {end:%Y-%m-%d} 的提醒：共 {len(found):,} 条')
    for kind in KINDS:
        mine = [r for r in found if r.kind == kind]
        if not mine:
            continue
        print(f'{KIND_NAMES[kind]}（{len(mine):,}）')
        for r in mine:
            who = r.name if r.customer_id is None else f'{r.nick} {r.name}'.strip()
            phone = f' {r.phone}' if r.phone else ''
            print(f'  {r.date:%Y-%m-%d}  {who}{phone}  {r.reason}')
    return 0
