"""File commands of the command line: import, export, undo-import, imports."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict


def register(sub) -> dict:
    """Add the file commands to the argparse sub-parsers; returns name -> handler."""
    i = sub.add_parser('import', help='导入订单表或会员表（淘宝/天猫、拼多多、抖店、会员表、任意表格）')
    i.add_argument('file', metavar='FILE')
    i.add_argument('--platform', default='auto',
                   choices=('auto', 'taobao', 'tmall', 'pdd', 'douyin', 'generic', 'members'),
                   help='文件来源（默认自动识别）')
    i.add_argument('--json', action='store_true', help='输出 JSON')
    e = sub.add_parser('export', help='导出会员表、订单表或提醒名单（.xlsx 或 .csv）')
    e.add_argument('what', choices=('members', 'orders', 'reminders'))
    e.add_argument('out', metavar='OUT')
    from .reminders.command import add_window_options
    add_window_options(e)           # only `export reminders` uses --date/--days
    u = sub.add_parser('undo-import', help='整批撤销一次导入')
    u.add_argument('batch', type=int, metavar='BATCH_ID')
    ls = sub.add_parser('imports', help='列出导入批次')
    ls.add_argument('--json', action='store_true', help='输出 JSON')
    return {'import': _import, 'export': _export, 'undo-import': _undo, 'imports': _imports}


def _summary(info) -> dict:
    d = asdict(info)
    d['created_at'] = info.created_at.isoformat(sep=' ') if info.created_at else None
    d['undone_at'] = info.undone_at.isoformat(sep=' ') if info.undone_at else None
    return d


def _import(args, target: str, open_db) -> int:
    from .importing.service import preview_file, commit_preview
    open_db(target)
    preview = preview_file(args.file, args.platform)
    if preview.earlier and not args.json:
        print(f'提示：这个文件在 {preview.earlier.created_at:%Y-%m-%d %H:%M} 导入过'
              f'（批次 {preview.earlier.id}），重复的订单不会再添加。')
    info = commit_preview(preview, remember=False)
    if args.json:
        print(json.dumps({**_summary(info), 'read': info.rows_read,
                          'notes': preview.parsed.notes}, ensure_ascii=False, indent=2))
        return 0
    print(f'已导入 {args.file}（批次 {info.id}）：读取 {info.rows_read:,} 行，'
          f'新增 {info.added:,}，更新 {info.updated:,}，跳过 {info.skipped:,}，'
          f'问题 {len(info.problems):,}；新顾客 {info.customers_added:,} 位')
    for note in preview.parsed.notes:
        print(f'说明：{note}')
    for p in info.problems[:20]:
        print(f'  {p}')
    if len(info.problems) > 20:
        print(f'  ……还有 {len(info.problems) - 20} 个问题，用 imports --json 查看全部')
    return 0


def _export(args, target: str, open_db) -> int:
    from . import exporting
    open_db(target)
    if args.what == 'members':
        n = exporting.export_members(args.out)
    elif args.what == 'orders':
        n = exporting.export_orders(args.out)
    else:
        from .reminders import export_reminders, reminders_between
        from .reminders.command import window
        n = export_reminders(args.out, reminders_between(*window(args), details=True))
    print(f'已导出 {n:,} 行到 {args.out}')
    return 0


def _undo(args, target: str, open_db) -> int:
    from .importing import batches
    open_db(target)
    info = batches.undo(args.batch)
    print(f'已撤销批次 {info.id}（{info.file_name}）')
    return 0


def _imports(args, target: str, open_db) -> int:
    from .importing import batches
    open_db(target)
    rows = batches.list_batches()
    if args.json:
        print(json.dumps([_summary(b) for b in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print('还没有导入过文件')
    for b in rows:
        state = f'已撤销 {b.undone_at:%Y-%m-%d %H:%M}' if b.undone_at else '有效'
        print(f'{b.id:>5}  {b.created_at:%Y-%m-%d %H:%M}  {b.file_name}  读取{b.rows_read:,} '
              f'新增{b.added:,} 更新{b.updated:,} 跳过{b.skipped:,} 问题{len(b.problems):,}  {state}',
              file=sys.stdout)
    return 0
