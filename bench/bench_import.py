"""Time whole imports of 100,000 Taobao order rows, the bare read beside them.

    PYTHONPATH=. .venv/bin/python bench/bench_import.py [ROWS]

Uses bench_readers' files (the full 30-column 订单报表, GBK CSV and xlsx) and a
fresh database for each: a first import (every order and almost every buyer
new, the worst case), then the same file again (everything skipped).
Budgets (DESIGN.md): CSV under 3 s, xlsx under 5 s.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / 'bench'))

import bench_readers  # noqa: E402
from bench_readers import HEADERS, OUT, make_csv, make_xlsx  # noqa: E402
from models.database import close_database, open_database  # noqa: E402
from services.files.platforms import read_orders  # noqa: E402
from services.importing.service import import_file  # noqa: E402


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def repeat_buyers(n: int):
    """The same orders bought by 25,000 returning buyers, as a going shop's export is."""
    for i, r in enumerate(ALL_NEW(n)):
        r[1] = f'tb_buyer{(i * 7919) % 25_000:05d}'
        yield r


ALL_NEW = bench_readers.rows


def make(path: Path, n: int, maker, buyers) -> None:
    bench_readers.rows = buyers
    try:
        maker(path, HEADERS, n)
    finally:
        bench_readers.rows = ALL_NEW


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    OUT.mkdir(parents=True, exist_ok=True)
    rows = ['| file | bare read + parse | first import | same file again | budget |',
            '|---|---:|---:|---:|---:|']
    cases = [(f'taobao_{n}', 'csv', make_csv, 3.0, ALL_NEW),
             (f'taobao_{n}', 'xlsx', make_xlsx, 5.0, ALL_NEW),
             (f'taobao_repeat_{n}', 'csv', make_csv, 3.0, repeat_buyers),
             (f'taobao_repeat_{n}', 'xlsx', make_xlsx, 5.0, repeat_buyers)]
    for stem, ext, maker, budget, buyers in cases:
        path = OUT / f'{stem}.{ext}'
        if not path.exists():
            make(path, n, maker, buyers)
        read, _ = timed(lambda: read_orders(path))
        with tempfile.TemporaryDirectory() as tmp:
            open_database(Path(tmp) / 'shop.db')
            first, info = timed(lambda: import_file(str(path)))
            again, info2 = timed(lambda: import_file(str(path)))
            close_database()
        assert info.added > 0 and info2.added == 0
        rows.append(f'| {n:,} rows, {ext} ({info.customers_added:,} buyers) | {read:.2f} s '
                    f'| {first:.2f} s | {again:.2f} s | {budget:.1f} s |')
    print('\n'.join(rows))


if __name__ == '__main__':
    main()
