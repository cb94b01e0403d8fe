"""Time the whole analytics dashboard on a big shop.

    python bench/bench_analytics.py bench/out/shop200k_1m.db [--repeat 3] [--indexes]
        [--out bench/out/analytics.json]

Works on a copy in the temp folder (the file is migrated to the current schema). The
presets are taken as of the day of the shop's last order, so "this month" has
orders. For each preset, without filters and with one platform, tier and tag, it
prints the best and median wall time of services.analytics.compute() and, for the
best run, each query's wall and CPU seconds (two worker threads share the queries).
--indexes then adds the covering indexes proposed for the schema to the copy and
measures again, so their gain can be read off:
    order(completed, paid_at, customer_id, amount)   time-range scans without table reads
    order_line(order_id, product_id, amount)          the lines of an order without table reads
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.database import close_database, open_database  # noqa: E402

PRESETS = ('this_month', 'last_month', 'last_90_days', 'this_year')
INDEXES = ('CREATE INDEX IF NOT EXISTS bench_order_time_cover ON "order" '
           '(completed, paid_at, customer_id, amount)',
           'CREATE INDEX IF NOT EXISTS bench_line_cover ON order_line (order_id, product_id, amount)')


def filter_cases(db) -> dict:
    from services.analytics import Filters
    platform = db.execute_sql('SELECT platform FROM customer WHERE deleted_at IS NULL '
                              'GROUP BY platform ORDER BY COUNT(*) DESC LIMIT 1').fetchone()
    tier = db.execute_sql('SELECT tier_id FROM customer WHERE deleted_at IS NULL AND tier_id '
                          'IS NOT NULL GROUP BY tier_id ORDER BY COUNT(*) DESC LIMIT 1').fetchone()
    tag = db.execute_sql('SELECT tag_id FROM customer_tag GROUP BY tag_id '
                         'ORDER BY COUNT(*) DESC LIMIT 1').fetchone()
    cases = {'all': Filters()}
    if platform:
        cases[f'platform={platform[0]}'] = Filters(platform=platform[0])
    if tier:
        cases[f'tier={tier[0]}'] = Filters(tier_id=tier[0])
    if tag:
        cases[f'tag={tag[0]}'] = Filters(tag_id=tag[0])
    return cases


def measure(period, filters, repeat: int) -> dict:
    from services.analytics import compute
    runs = []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        dash = compute(period, filters)
        runs.append((time.perf_counter() - t, time.process_time() - c, dash))
    best = min(runs, key=lambda r: r[0])
    return {'best': round(best[0], 3), 'median': round(statistics.median(r[0] for r in runs), 3),
            'first': round(runs[0][0], 3), 'cpu': round(best[1], 3),
            'queries': {k: [round(v, 3), round(best[2].cpu.get(k, 0), 3)]
                        for k, v in sorted(best[2].timings.items())},
            'buyers': best[2].kpis['buyers'].value, 'orders': best[2].kpis['orders'].value}


def plans(db, as_of: date) -> None:
    from services import settings
    from services.analytics import Filters, preset
    from services.analytics.buyers import _groups_sql
    from services.analytics.products import _NOW, _TITLE
    from services.analytics.sqlparts import LINE, Window, completed_orders, customer_where
    from services.scoring.rules import LifecycleRules
    w = Window.of(preset('this_month', as_of), settings.load(LifecycleRules))
    p = {**w.params(), 'lo': 0, 'hi': 10 ** 12}
    cond, _ = customer_where(Filters())
    for name, sql in (('customers (one id range)', _groups_sql(w.unpaid, cond, True)),
                      ('products', _NOW.format(orders=completed_orders(
                          '', 'o.id, o.customer_id', ':s', ':e', w.unpaid), line=LINE,
                          title=_TITLE))):
        print(f'  plan of {name}:')
        for row in db.execute_sql('EXPLAIN QUERY PLAN ' + sql, p).fetchall():
            print('     ', row[-1])


def run_all(db, as_of: date, repeat: int, label: str, presets=PRESETS) -> dict:
    from services.analytics import preset
    out = {}
    cases = filter_cases(db)
    for name in presets:
        period = preset(name, as_of)
        for case, filters in cases.items():
            if case != 'all' and name != 'last_90_days':
                continue                    # filters once, on the default period
            r = measure(period, filters, repeat)
            key = f'{name} {case}'
            out[key] = r
            slow = sorted(r['queries'].items(), key=lambda kv: -kv[1][0])
            print(f'{label} {key:32} {period.label()}  best {r["best"]:.3f}s  median '
                  f'{r["median"]:.3f}s  first {r["first"]:.3f}s  cpu {r["cpu"]:.3f}s  '
                  f'({r["buyers"]:,} buyers, {r["orders"]:,} orders)')
            print('      ' + '  '.join(f'{k} {w:.3f}/{c:.3f}' for k, (w, c) in slow))
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('shop', type=Path)
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--indexes', action='store_true', help='measure again with the proposed indexes')
    ap.add_argument('--presets', default=','.join(PRESETS), help='comma-separated')
    ap.add_argument('--out', type=Path)
    args = ap.parse_args(argv)
    presets = args.presets.split(',')
    folder = Path(tempfile.mkdtemp(prefix='bench-analytics-'))
    work = folder / 'shop.db'
    try:
        t = time.perf_counter()
        shutil.copy(args.shop, work)
        db = open_database(work)
        shutil.rmtree(folder / 'backups', ignore_errors=True)       # made by the migration
        print(f'copied and opened in {time.perf_counter() - t:.1f}s')
        orders, customers, last = db.execute_sql(
            'SELECT (SELECT COUNT(*) FROM "order"), (SELECT COUNT(*) FROM customer), '
            '(SELECT MAX(paid_at) FROM "order" WHERE completed = 1)').fetchone()
        as_of = date.fromisoformat(str(last)[:10])
        print(f'{args.shop.name}: {customers:,} customers, {orders:,} orders, as of {as_of}')
        plans(db, as_of)
        result = {'shop': args.shop.name, 'customers': customers, 'orders': orders,
                  'as_of': as_of.isoformat(), 'plain': run_all(db, as_of, args.repeat, 'plain', presets)}
        if args.indexes:
            t = time.perf_counter()
            for sql in INDEXES:
                db.execute_sql(sql)
            print(f'proposed indexes built in {time.perf_counter() - t:.1f}s')
            plans(db, as_of)
            result['indexed'] = run_all(db, as_of, args.repeat, 'index', presets)
        if args.out:
            args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding='utf-8')
    finally:
        close_database()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == '__main__':
    main()
