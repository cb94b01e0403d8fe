"""Benchmark exports: 100,000 members to xlsx and CSV (budget: xlsx under 5 s, query + write).

    python bench/bench_export.py [--customers 100000] [--orders 100000] [--keep DIR]

Builds a temp shop with raw sqlite3 inserts (schema from open_database), with
tags, custom fields, birthdays and notes on every member, then times
services.exporting.export_members (all members, and through a MemberFilter)
and export_orders, and prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.database import close_database, open_database  # noqa: E402

BUDGET_XLSX = 5.0


def build(db_path: Path, customers: int, orders: int) -> None:
    open_database(db_path)
    close_database()
    rnd = random.Random(3)
    con = sqlite3.connect(db_path)
    tier_ids = [i for (i,) in con.execute('SELECT id FROM tier')]
    con.executemany('INSERT INTO custom_field (name, kind, choices, position) VALUES (?,?,?,?)',
                    [('肤质', 'choice', '干性\n油性\n敏感性', 1), ('宝宝生日', 'date', '', 2)])
    con.executemany('INSERT INTO tag (name, color, "group", auto, rule) VALUES (?,?,?,?,?)',
                    [(n, '#5b8def', '', 0, '') for n in ('回头客', '敏感肌', '大客户', '宝妈',
                                                          '学生', '团购')])
    start = datetime(2021, 1, 1)
    rows = []
    for i in range(1, customers + 1):
        first = start + timedelta(minutes=rnd.randrange(1_500_000))
        lunar = i % 7 == 0
        extra = {'肤质': rnd.choice(['干性', '油性', '敏感性'])} if i % 3 else {}
        rows.append((
            rnd.choice(['taobao', 'tmall', 'pdd', 'douyin']), f'tb_买家{i:07d}',
            rnd.choice(['张伟', '王芳', '李娜', '刘洋', '']), f'13{rnd.randrange(10**9):09d}',
            '', f'wx_{i}', rnd.choice(['M', 'F', '']), 'lunar' if lunar else 'solar',
            rnd.choice([None, 1990]), rnd.randint(1, 12), rnd.randint(1, 28),
            int(lunar and i % 5 == 0), '浙江省', '杭州市', '西湖区文三路 100 号 3 幢 1201 室',
            '', '老客户，喜欢小样' if i % 4 == 0 else '',
            json.dumps(extra, ensure_ascii=False) if extra else '',
            rnd.choice(tier_ids), 0, first, first, rnd.randrange(1, 30),
            rnd.randrange(100, 10**7), first, first + timedelta(days=rnd.randrange(400)),
            rnd.randrange(5000), rnd.choice(['重要价值客户', '一般保持客户', '']), None))
    con.executemany(
        'INSERT INTO customer (platform, nick, name, phone, phone2, wechat, gender, birth_kind,'
        ' birth_year, birth_month, birth_day, birth_leap, province, city, address, source,'
        ' note, extra, tier_id, tier_locked, created_at, updated_at, order_count, total_spent,'
        ' first_order_at, last_order_at, points, segment, deleted_at)'
        ' VALUES (' + ','.join('?' * 29) + ')', rows)
    tags = [i for (i,) in con.execute('SELECT id FROM tag')]
    con.executemany('INSERT INTO customer_tag (customer_id, tag_id, added_at) VALUES (?,?,?)',
                    [(c, t, start) for c in range(1, customers + 1)
                     for t in rnd.sample(tags, rnd.randrange(0, 3))])
    orders_rows, lines = [], []
    for o in range(1, orders + 1):
        paid = start + timedelta(minutes=rnd.randrange(1_500_000))
        orders_rows.append(('taobao', f'{1930000000000000000 + o}', rnd.randrange(1, customers),
                            'completed', '交易成功', 1, rnd.randrange(100, 100000), 2, paid, paid,
                            '张伟', '138****1234', '浙江省杭州市西湖区', '', '', None, paid))
        lines += [(o, None, '保湿面霜 50ml', '', 1, 9900, 9900),
                  (o, None, '洁面乳', '120g', 1, 5900, 5900)]
    con.executemany(
        'INSERT INTO "order" (platform, order_no, customer_id, status, status_text, completed,'
        ' amount, item_count, created_at, paid_at, receiver, phone, address, buyer_note,'
        ' seller_note, batch_id, imported_at) VALUES (' + ','.join('?' * 17) + ')', orders_rows)
    con.executemany('INSERT INTO order_line (order_id, product_id, title, sku, quantity, price,'
                    ' amount) VALUES (?,?,?,?,?,?,?)', lines)
    con.commit()
    con.close()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--customers', type=int, default=100_000)
    parser.add_argument('--orders', type=int, default=100_000)
    parser.add_argument('--keep', help='folder to keep the database and files in')
    parser.add_argument('--build-only', help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build(Path(args.build_only), args.customers, args.orders)
        return
    tmp = tempfile.TemporaryDirectory()
    folder = Path(args.keep or tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / 'bench_export.db'
    db_path.unlink(missing_ok=True)
    t = time.perf_counter()
    # Built in a child process so the peak RSS below is the exports' own.
    subprocess.run([sys.executable, __file__, '--build-only', str(db_path), '--customers',
                    str(args.customers), '--orders', str(args.orders)], check=True)
    print(f'built {args.customers:,} customers, {args.orders:,} orders in '
          f'{time.perf_counter() - t:.1f} s\n')

    open_database(db_path)
    from services import exporting
    from services.member_query import MemberFilter
    cases = [
        ('members -> xlsx (all)', lambda: exporting.export_members(folder / 'members.xlsx')),
        ('members -> csv (all)', lambda: exporting.export_members(folder / 'members.csv')),
        ('members -> xlsx (MemberFilter, by spend)', lambda: exporting.export_members(
            folder / 'filtered.xlsx', MemberFilter(sort='total_spent'))),
        ('orders -> xlsx', lambda: exporting.export_orders(folder / 'orders.xlsx')),
        ('orders -> csv', lambda: exporting.export_orders(folder / 'orders.csv')),
    ]
    print(f'peak RSS before exporting (interpreter, models, services): {peak_mb():.0f} MB; '
          'the SQLite cache (64 MB) and mmap of the file count in RSS as pages are read\n')
    print('| export | rows | seconds | file MB | peak RSS MB |')
    print('| --- | ---: | ---: | ---: | ---: |')
    results = {}
    for name, run in cases:
        t = time.perf_counter()
        n = run()
        took = time.perf_counter() - t
        results[name] = took
        out = sorted(folder.glob('*.*sv')) + sorted(folder.glob('*.xlsx'))
        newest = max(out, key=lambda p: p.stat().st_mtime)
        print(f'| {name} | {n:,} | {took:.2f} | {newest.stat().st_size / 2**20:.1f} | '
              f'{peak_mb():.0f} |', flush=True)
    close_database()
    took = results['members -> xlsx (all)']
    verdict = 'within' if took < BUDGET_XLSX else 'OVER'
    print(f'\n{args.customers:,} members to xlsx: {took:.2f} s, {verdict} the '
          f'{BUDGET_XLSX:.0f} s budget')
    tmp.cleanup()


if __name__ == '__main__':
    main()
