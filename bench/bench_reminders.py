"""Benchmark the reminder lists (services.reminders) on a big shop.

    python bench/bench_reminders.py [DB.db] [--customers 200000] [--orders 240000]
                                    [--repeat 5] [--marks 2000] [--out FILE.json]

Builds the shop with bench/generate_shop.py when DB does not exist yet (default
bench/out/shop_<customers>_<orders>.db), marks `--marks` of its reminders
skipped or snoozed (so the marked path is measured too), then times:

- cache:       a rebuild of the repurchase cache (rows it holds);
- year:        reminders_between() over the calendar year of the shop's last day
               (DESIGN.md budget: under 1 s for 200,000 customers), without details;
- per kind:    the same year, one kind at a time;
- details:     attach_details() for that year's reminders (names, phones, facts);
- today:       due_today() on the shop's last day, details included (the 今日 tab);
- month:       counts_by_day() for the last day's month (the 月历 tab);
- cli week:    reminders_between(last day, +7) with details (the command line).

"cold" is the first run in this process, "best" the best of --repeat after it.
Prints a Markdown table and writes the figures as JSON with --out.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.database import open_database  # noqa: E402
from services import reminders  # noqa: E402
from services.reminders.rules import KINDS  # noqa: E402

LAST_DAY = date(2025, 11, 20)       # generate_shop.END: the shop's "today"
BUDGET = 1.0                        # seconds, a year for 200,000 customers


def build(path: Path, customers: int, orders: int) -> None:
    print(f'building {path} ({customers:,} customers, {orders:,} orders) ...', flush=True)
    subprocess.run([sys.executable, str(ROOT / 'bench' / 'generate_shop.py'), str(path),
                    '--customers', str(customers), '--orders', str(orders)], check=True)


def seed_marks(n: int) -> int:
    """Skip every other, snooze the rest, of the first reminders of the 今日 list, until
    the shop holds n marks (so repeated runs measure the same shop)."""
    from models import ReminderMark
    n -= ReminderMark.select().count()
    if n <= 0:
        return ReminderMark.select().count()
    items = reminders.due_today(LAST_DAY, details=False)[:n]
    reminders.skip(items[::2])
    for r in items[1::2]:
        reminders.snooze([r], min(LAST_DAY + timedelta(days=3), reminders.snooze_limit(r)))
    return ReminderMark.select().count()


def timed(fn, repeat: int) -> tuple[float, float, float, object]:
    """(cold wall s, best wall s, best CPU s, result). CPU time is steadier than wall time
    on a shared machine; the two differ by waiting for the disk and for other programs."""
    t = time.perf_counter()
    result = fn()
    cold = time.perf_counter() - t
    best, cpu = cold, float('inf')
    for _ in range(repeat):
        result = None                   # free the last run's reminders outside the timing
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return cold, best, cpu, result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('db', type=Path, nargs='?')
    ap.add_argument('--customers', type=int, default=200_000)
    ap.add_argument('--orders', type=int, default=240_000)
    ap.add_argument('--repeat', type=int, default=5)
    ap.add_argument('--marks', type=int, default=2000)
    ap.add_argument('--out', type=Path)
    args = ap.parse_args(argv)
    path = args.db or ROOT / 'bench' / 'out' / f'shop_{args.customers}_{args.orders}.db'
    if not path.exists():
        build(path, args.customers, args.orders)
    open_database(path)
    marked = seed_marks(args.marks)
    year = (date(LAST_DAY.year, 1, 1), date(LAST_DAY.year, 12, 31))
    rows, figures = [], {}

    def case(name, fn, note=''):
        cold, best, cpu, result = timed(fn, args.repeat)
        n = len(result) if hasattr(result, '__len__') else result
        figures[name] = {'cold': round(cold, 3), 'best': round(best, 3), 'cpu': round(cpu, 3),
                         'rows': n}
        rows.append(f'| {name} | {n:,} | {cold:.3f} | {best:.3f} | {cpu:.3f} | {note} |')
        return result

    from services.reminders import repurchase_store
    from models import RepurchaseDue
    case('repurchase cache rebuild',
         lambda: repurchase_store.rebuild() and RepurchaseDue.select().count(),
         'rows it holds; once after a migration, a cycle edit or a big import')
    found = case('year', lambda: reminders.reminders_between(*year),
                 f'budget {BUDGET:.1f} s')
    for kind in KINDS:
        case(f'year: {kind}', lambda k=kind: reminders.reminders_between(*year, kinds=(k,)))
    case('details for the year', lambda: reminders.attach_details(found) or len(found),
         'names, phones, tiers')
    case('today (今日, with details)', lambda: reminders.due_today(LAST_DAY))
    case('month counts (月历)',
         lambda: reminders.counts_by_day(LAST_DAY.year, LAST_DAY.month))
    case('cli week (with details)', lambda: reminders.reminders_between(
        LAST_DAY, LAST_DAY + timedelta(days=7), details=True))
    print(f'\n{path.name}: {marked:,} reminders marked (skipped/snoozed); '
          f'year = {year[0]} .. {year[1]}\n')
    print('| case | reminders | cold s | best s | best CPU s | note |')
    print('|---|---:|---:|---:|---:|---|')
    print('\n'.join(rows))
    ok = figures['year']['best'] < BUDGET
    print(f'\nyear of reminders: {figures["year"]["best"]:.3f} s '
          f'({"within" if ok else "OVER"} the {BUDGET:.1f} s budget)')
    if args.out:
        args.out.write_text(json.dumps({'db': str(path), 'marked': marked, 'cases': figures},
                                       ensure_ascii=False, indent=2), encoding='utf-8')


if __name__ == '__main__':
    main()
