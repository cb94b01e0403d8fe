"""Member table timings as the owner feels them: first paint, scroll, search, filter.

    python bench/bench_ui.py DB.db            # offscreen, prints a Markdown table
    python bench/bench_ui.py DB.db --json OUT

Each step ends with a synchronous repaint of the table, so the time covers the
SQL, the model and Qt's painting. Cold start is the wall time from spawning
`main.py` to the first frame of the main window, in a fresh process.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')


def cold_start(db: str, runs: int = 3) -> float:
    best = 1e9
    env = dict(os.environ, ZHANGGUI_STARTUP_PROBE='1', QT_QPA_PLATFORM='offscreen')
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, str(ROOT / 'main.py'), '--db', db], env=env,
                             capture_output=True, text=True, timeout=60)
        took = time.perf_counter() - t0
        if 'startup_seconds=' not in out.stdout:
            raise SystemExit(f'startup probe failed:\n{out.stdout}\n{out.stderr}')
        best = min(best, took)
    return best


def rss_mb() -> float:
    # Current resident set, from /proc (maxrss would include the generator's peak).
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument('db')
    p.add_argument('--json')
    args = p.parse_args()

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from models.database import open_database
    from services import tags, tiers
    QCoreApplication.setOrganizationName('ZhangguiBench')
    QSettings.setDefaultFormat(QSettings.IniFormat)
    app = QApplication([])
    open_database(args.db)
    from ui.pages.members_page import MembersPage

    results: list[tuple[str, float, float]] = []

    def step(name: str, budget: float, fn) -> None:
        t0 = time.perf_counter()
        fn()
        page.table.viewport().repaint()
        results.append((name, time.perf_counter() - t0, budget))

    page = None

    def first_paint():
        nonlocal page
        page = MembersPage()
        page.resize(1280, 800)
        page.show()
        app.processEvents()
    t0 = time.perf_counter()
    first_paint()
    page.table.viewport().repaint()
    results.append(('first paint (page built, 1M rows counted, first page drawn)',
                    time.perf_counter() - t0, 0.15))
    m = page.model
    # The owner looks at the list before typing; the search workers warm up meanwhile.
    settle = time.perf_counter() + 2.0
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.01)
    step('scroll to end', 0.1, page.table.scrollToBottom)
    step('scroll to middle', 0.1, lambda: page.table.verticalScrollBar().setValue(
        page.table.verticalScrollBar().maximum() // 2))
    step('scroll back to top', 0.1, page.table.scrollToTop)

    def search(text):
        return lambda: m.set_filter(m.current_filter().with_(text=text))
    for text in ('张伟', '张', 'zhangwei', 'zw', '1381'):
        step(f'search "{text}"', 0.1, search(text))
    step('clear search', 0.1, search(''))
    tier_id = next(t.id for t in tiers.list_tiers() if t.rank == 2)
    step('filter by tier (VIP会员)', 0.1, lambda: m.set_filter(m.current_filter().with_(tier_id=tier_id)))
    step('clear filter', 0.1, lambda: m.set_filter(m.current_filter().with_(tier_id=None)))
    tag = tags.list_tags()[0]
    step(f'filter by tag ({tag.name})', 0.1, lambda: m.set_filter(m.current_filter().with_(tag_id=tag.id)))
    step('clear filter', 0.1, lambda: m.set_filter(m.current_filter().with_(tag_id=None)))
    step('sort by spend', 0.1, lambda: m.sort(8, 1))
    rss = rss_mb()
    rows = m.rowCount()
    page.close()
    cold = cold_start(args.db)

    lines = [f'Member table at {rows:,} live customers (offscreen, best single run):', '',
             '| step | seconds | budget |', '|---|---:|---:|']
    lines.append(f'| cold start to first window (fresh process) | {cold:.3f} | 1.000 |')
    for name, took, budget in results:
        mark = '' if took <= budget else ' (over)'
        lines.append(f'| {name} | {took:.3f}{mark} | {budget:.3f} |')
    lines.append(f'| resident memory after all steps | {rss:.0f} MB | 300 MB |')
    print('\n'.join(lines))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(
            {'rows': rows, 'cold_start': cold, 'rss_mb': rss,
             'steps': [{'name': n, 'seconds': t, 'budget': b} for n, t, b in results]},
            ensure_ascii=False, indent=1))


if __name__ == '__main__':
    main()
