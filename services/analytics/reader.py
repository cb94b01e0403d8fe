"""Read connections for the dashboard's queries, one per worker thread.

The dashboard is a handful of big read-only aggregates; on a shop file they run
on their own connections, two at a time (SQLite releases the GIL while a query
runs), each with settings chosen for big GROUP BYs:
- temp_store=FILE: SQLite's sorter spills in small runs to temp files and merges
  them; with temp_store=MEMORY (the app's setting, good for its other work) the
  same GROUP BY over 661,000 order lines took 3.3 s against 1.3 s here.
- query_only: nothing here may write.
Cancel is real: a progress handler interrupts the running statement.
A database that is not a file (in memory, a server) runs the parts one after the
other on the app's own connection; on a server, cancel is checked between queries.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from peewee import SqliteDatabase

from models import db

from ..tasks import Cancelled, IsCancelled, check

_CHECK_EVERY = 20_000          # SQLite VM steps between cancel checks
_CACHE_KIB = 16 * 1024         # page cache per worker connection


def _own_file() -> str | None:
    obj = db.obj
    if not isinstance(obj, SqliteDatabase):
        return None
    path = obj.database
    if not isinstance(path, str) or path in ('', ':memory:') or path.startswith('file:'):
        return None
    # Inside a transaction other connections would not see its rows.
    return None if db.in_transaction() else path


class ServerConnection:
    """The app's connection to a PostgreSQL server with sqlite3's conn.execute(sql,
    params) -> cursor, so the query functions run on either backend."""

    def execute(self, sql: str, params=()):
        return db.execute_sql(sql, params)

    def close(self) -> None:
        pass


def app_connection():
    """The app's own connection, as the query functions take it."""
    return db.connection() if isinstance(db.obj, SqliteDatabase) else ServerConnection()


def _open(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    for pragma in ('query_only = 1', 'busy_timeout = 5000', 'mmap_size = 0',
                   f'cache_size = -{_CACHE_KIB}', 'temp_store = FILE'):
        conn.execute(f'PRAGMA {pragma}')
    return conn


class Reader:
    """Runs query functions `fn(conn)` and records how long each took."""

    def __init__(self, cancelled: IsCancelled | None = None):
        self.cancelled = cancelled
        self.timings: dict[str, float] = {}       # wall seconds per query
        self.cpu: dict[str, float] = {}           # CPU seconds of its thread
        self._lock = threading.Lock()

    def _guard(self, conn) -> None:
        if self.cancelled is not None and isinstance(conn, sqlite3.Connection):
            conn.set_progress_handler(lambda: 1 if self.cancelled() else 0, _CHECK_EVERY)

    def _timed(self, name: str, fn: Callable, conn):
        if self.cancelled is not None and not isinstance(conn, sqlite3.Connection):
            check(self.cancelled)
        t, c = time.perf_counter(), time.thread_time()
        try:
            result = fn(conn)
        except sqlite3.OperationalError as e:
            if 'interrupted' in str(e) and self.cancelled is not None and self.cancelled():
                raise Cancelled() from e
            raise
        with self._lock:
            self.timings[name] = time.perf_counter() - t
            self.cpu[name] = time.thread_time() - c
        return result

    def run(self, tasks: list[tuple[str, Callable]], workers: int = 2) -> dict[str, object]:
        """Run (name, fn) tasks, fn(conn) -> result; returns {name: result}. On a shop file
        `workers` threads, each on its own connection, take the tasks in the order given
        (longest first balances them); otherwise one after the other on the app's
        connection."""
        path = _own_file()
        if path is None:
            conn = app_connection()
            try:
                self._guard(conn)
                return {name: self._timed(name, fn, conn) for name, fn in tasks}
            finally:
                if isinstance(conn, sqlite3.Connection):
                    conn.set_progress_handler(None, 0)
        queue = list(reversed(tasks))
        results: dict[str, object] = {}

        def work():
            conn = _open(path)
            try:
                self._guard(conn)
                while True:
                    with self._lock:
                        if not queue:
                            return
                        name, fn = queue.pop()
                    result = self._timed(name, fn, conn)
                    with self._lock:
                        results[name] = result
            finally:
                conn.close()
        n = max(1, min(workers, len(tasks)))
        with ThreadPoolExecutor(n, thread_name_prefix='analytics') as pool:
            for future in [pool.submit(work) for _ in range(n)]:
                future.result()
        return results
