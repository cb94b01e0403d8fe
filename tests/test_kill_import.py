"""kill -9 in the middle of an import leaves the shop as it was before the import.

A real `run_cli([... 'import', big.csv])` in a subprocess is paused inside its
transaction, after a good part of the orders went in and SQLite spilled them into the
-wal file (a tiny page cache makes it spill early), then killed with SIGKILL.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from order_samples import taobao_matrix, write_csv

ROOT = Path(__file__).resolve().parent.parent
ROWS = 30_000

DRIVER = r'''
import os, sys, time
sys.path.insert(0, {root!r})
import peewee
WAL, MARKER, AFTER = {wal!r}, {marker!r}, {after}
plain = peewee.SqliteDatabase._add_conn_hooks

def hooks(self, conn):
    plain(self, conn)
    conn.execute('PRAGMA cache_size = 20')        # spill into the WAL inside the transaction
    seen = [0]

    def trace(sql):
        if sql.startswith('INSERT INTO "order"'):
            seen[0] += 1
            if seen[0] >= AFTER and os.path.getsize(WAL) > 1 << 20:
                with open(MARKER, 'w') as f:
                    f.write(str(seen[0]))
                time.sleep(600)                   # inside the transaction, until killed
    conn.set_trace_callback(trace)

peewee.SqliteDatabase._add_conn_hooks = hooks
from services.cli import run_cli
sys.exit(run_cli(['--db', {db!r}, 'import', {csv!r}]))
'''


def big_rows(n: int):
    for i in range(n):
        yield (f'{3000000000000000000 + i}', f'tb_买家{i % 9000:05d}', f'{10 + i % 300}.00',
               '交易成功', '', '王小雨', '浙江省 杭州市 西湖区 文三路 478号', f"'1861234{i % 10000:04d}",
               '2024-01-02 03:04:05', '2024-01-02 03:05:00', '1', '')


def state(path: Path) -> tuple:
    with closing(sqlite3.connect(path)) as conn:
        return tuple(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                     for t in ('customer', 'order', 'import_batch', 'points_entry'))


@pytest.mark.skipif(sys.platform == 'win32', reason='SIGKILL')
def test_kill_9_during_an_import_leaves_the_shop_as_before(tmp_path, capsys):
    from models.database import close_database
    from services.cli import run_cli
    db = tmp_path / 'shop.db'
    assert run_cli(['--db', str(db), 'import', str(write_csv(tmp_path / 'first.csv',
                                                                 taobao_matrix()))]) == 0
    close_database()
    capsys.readouterr()
    before = state(db)
    assert before[1] == len(taobao_matrix()) - 1
    big = write_csv(tmp_path / 'big.csv', taobao_matrix(big_rows(ROWS)))
    wal, marker = Path(f'{db}-wal'), tmp_path / 'inside'
    script = DRIVER.format(root=str(ROOT), wal=str(wal), marker=str(marker), after=ROWS // 2,
                           db=str(db), csv=str(big))
    proc = subprocess.Popen([sys.executable, '-c', script], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), f'never paused inside the import: {proc.poll()} {proc.stderr}'
        assert int(marker.read_text()) >= ROWS // 2 and wal.stat().st_size > 1 << 20
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with closing(sqlite3.connect(db)) as conn:             # recovers from the WAL
        assert conn.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
    assert state(db) == before
    # The shop works on: the same file imports whole this time.
    assert run_cli(['--db', str(db), 'import', str(big)]) == 0
    close_database()
    assert state(db)[1] == before[1] + ROWS
