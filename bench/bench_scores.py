"""Recompute tiers, points balances, RFM, lifecycle, loyalty, CLV and automatic tags.

    python bench/bench_scores.py bench/out/shop1m.db

Works on a copy (the file is migrated and written). Prints seconds for a bare
GROUP BY over the completed orders; a rebuild of everything from the orders and
the ledger (first run writes every score, later runs mostly read); a rescore of
tiers, RFM, lifecycle, loyalty, CLV and automatic tags after a rule change; the
daily pass; and a refresh of 1,000 buyers as an import does; each with its
ratio to the bare GROUP BY.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.database import close_database, open_database  # noqa: E402


def timed(fn, runs=1):
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        took = time.perf_counter() - t
        best = took if best is None else min(best, took)
    return best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('shop', type=Path)
    ap.add_argument('--out', type=Path)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp()) / 'shop.db'
    shutil.copy(args.shop, work)
    t = time.perf_counter()
    db = open_database(work, backup_dir=None)
    migrate = time.perf_counter() - t
    from services import customer_stats, scoring, settings
    from models import Customer, Order
    orders = Order.select().where(Order.completed == True).count()  # noqa: E712
    customers = Customer.select().count()
    bare_sql = ('SELECT COUNT(*) FROM (SELECT customer_id, COUNT(*), SUM(amount), MIN(paid_at), '
                'MAX(paid_at) FROM "order" WHERE completed = 1 GROUP BY customer_id)')
    bare = timed(lambda: db.execute_sql(bare_sql).fetchone(), runs=3)
    first = timed(lambda: customer_stats.refresh(None))
    warm = timed(lambda: customer_stats.refresh(None), runs=2)

    def rules_changed():
        settings.put(scoring.refresh.STATE_KEY, None)      # as after the owner edits a rule
        customer_stats.rescore()
    rescore = timed(rules_changed, runs=2)
    # What the settings page runs after saving rules (points and promotion rules included).
    rule_refresh = timed(lambda: customer_stats.refresh(None, orders_changed=False), runs=2)
    days = iter(range(1, 10))
    # As daily_upkeep runs it: only the date moved, so only threshold crossings rescore.
    daily = timed(lambda: customer_stats.rescore(
        tiers=False, as_of=date.today() + timedelta(days=next(days)), date_only=True), runs=3)
    ids = [i for (i,) in Customer.select(Customer.id).where(Customer.order_count > 0)
           .order_by(Customer.id).limit(1000).tuples()]
    few = timed(lambda: customer_stats.refresh(ids), runs=3)
    close_database()
    rows = {'customers': customers, 'completed_orders': orders, 'migrate_v1_to_v2': migrate,
            'bare_group_by': bare, 'refresh_all_first': first, 'refresh_all_warm': warm,
            'rescore_all_rules_changed': rescore, 'refresh_after_rule_change': rule_refresh,
            'daily_pass': daily,
            'refresh_1000_buyers': few}
    for k, v in rows.items():
        if isinstance(v, float):
            ratio = '' if k in ('bare_group_by', 'migrate_v1_to_v2') else f'  ({v / bare:.1f}x bare)'
            print(f'{k:26s} {v:7.3f} s{ratio}')
        else:
            print(f'{k:26s} {v:,}')
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))
    shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == '__main__':
    main()
