"""SQLite: the parallel text search.

A text search is a substring scan (GLOB, see filters._glob) of the narrow
CustomerSearch table (~80-120 ns a row). It runs in id ranges on a small thread
pool, one read-only connection per thread (SQLite releases the GIL while it
runs), and each worker also looks up its matches for the count and first page.
Inside a narrow filter (a tier, a tag) the filter's rows are probed instead.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

from peewee import SQL, fn

from models import Customer, db

from .cache import _Result, _sort_key
from .filters import (SORT_FIELDS, MemberFilter, _column_conditions, _glob, _scalar, _sql,
                      _tag_exists, _text_exists, _unindexed)

_PAGE = 100                # the first page is fetched along with a small count
_FIRST_LOOKUPS = 10_000    # matches per worker looked up at once for count + first page
_KEEP_IDS = 300_000        # candidate ids kept for sorting later; more are only counted


# --- queries per id range -----------------------------------------------------------
# Each query below that _search runs per id range ends with two placeholders
# for the range, bound last.

def _scan_sql(text: str) -> tuple[str, list]:
    return ('SELECT count(*), group_concat("customer_id") FROM "customer_search" '
            'WHERE "text" GLOB ? AND "customer_id" BETWEEN ? AND ?', [_glob(text)])


def _probe_sql(f: MemberFilter, text: str) -> tuple[str, list]:
    # +id keeps the planner on the filter's own index; the range only splits the work.
    conds = _column_conditions(f)
    if f.tag_id is not None:
        conds.append(_tag_exists(f.tag_id))
    return _sql(Customer.select(fn.COUNT(SQL('*')), fn.group_concat(Customer.id)).where(
        *conds, _text_exists(text), _unindexed(Customer.id).between(SQL('?'), SQL('?'))))


def _tag_probe_sql(tag_id: int, text: str) -> tuple[str, list]:
    # Tagged ids straight from the (tag, customer) index, each probed for the text.
    return ('SELECT count(*), group_concat("g"."customer_id") FROM "customer_tag" AS "g" '
            'CROSS JOIN "customer_search" AS "s" ON "s"."customer_id" = "g"."customer_id" '
            'WHERE "g"."tag_id" = ? AND "s"."text" GLOB ? '
            'AND "g"."customer_id" BETWEEN ? AND ?', [tag_id, _glob(text)])


def _list_probe_sql(listed: str, text: str) -> tuple[str, list]:
    # Ids of a short list (a roster, marked buyers), each probed for the text.
    return ('SELECT count(*), group_concat("s"."customer_id") FROM json_each(?) AS "j" '
            'CROSS JOIN "customer_search" AS "s" ON "s"."customer_id" = "j"."value" '
            'WHERE "s"."text" GLOB ? AND "j"."value" BETWEEN ? AND ?', [listed, _glob(text)])


def _bin_probe_sql(text: str) -> tuple[str, list]:
    # Matches in the recycle bin, found from the bin's side: it is small.
    return _sql(Customer.select(fn.COUNT(SQL('*'))).where(
        Customer.deleted_at.is_null(False), _text_exists(text),
        _unindexed(Customer.id).between(SQL('?'), SQL('?'))))


# --- looking up candidates ------------------------------------------------------------

def _candidate_query(fields_, f: MemberFilter):
    """Customer rows for a JSON list of ids (bound first), looked up one by one."""
    conds = _column_conditions(f)
    if f.tag_id is not None:
        conds.append(_tag_exists(f.tag_id))
    # CROSS JOIN fixes the order: the planner would rather walk a whole index.
    source = SQL('json_each(?) AS "j" CROSS JOIN "customer" AS "t1"', ['[]'])
    return (Customer.select(*fields_).from_(source)
            .where(Customer.id == SQL('"j"."value"'), *conds))


def _candidate_sql(query) -> tuple[str, list]:
    sql, params = _sql(query)
    return sql, params[1:]                        # without the placeholder for the ids


def _first_sql(f: MemberFilter) -> tuple[str, list]:
    # One lookup per candidate, kept in a CTE: the count that pass and the first
    # page in order (a COUNT(*) OVER () window costs twice as much).
    key = SORT_FIELDS.get(f.sort, Customer.id)
    sql, params = _candidate_sql(_candidate_query((Customer.id.alias('i'), key.alias('k')), f))
    order = 'DESC' if f.descending else 'ASC'
    return (f'WITH "m" AS MATERIALIZED ({sql}) '
            f'SELECT "i", "k", (SELECT count(*) FROM "m") FROM "m" '
            f'ORDER BY "k" {order}, "i" {order} LIMIT {_PAGE}', params)


def _check_sql(f: MemberFilter) -> tuple[str, list]:
    return _candidate_sql(_candidate_query(
        (fn.COUNT(SQL('*')), fn.group_concat(Customer.id)), f))


def _count_and_first(conn, candidates: str, f: MemberFilter) -> tuple[int, list]:
    sql, params = _first_sql(f)
    rows = conn.execute(sql, [candidates] + params).fetchall()
    return (rows[0][2] if rows else 0), [i for i, _, _ in rows]


# --- the search -----------------------------------------------------------------------

def _search(f: MemberFilter, scan: tuple[str, list], in_bin: int | None = None) -> _Result:
    """Run `scan` (count and ids of one id range) on the pool and finish on each worker.

    Few matches are looked up at once: conditions, count and first page in one
    query. Many are looked up to check the conditions, unless the filter is the
    text alone (`in_bin` = size of the recycle bin): then only the bin is probed.
    """
    scan_sql, scan_params = scan
    first, check = _first_sql(f), _check_sql(f)
    bin_sql, bin_params = _bin_probe_sql(f.text) if in_bin else (None, None)

    def task(conn, bounds):
        n, listed = conn.execute(scan_sql, scan_params + list(bounds)).fetchone()
        if not n:
            return 0, '', []
        if n <= _FIRST_LOOKUPS:
            rows = conn.execute(first[0], [f'[{listed}]'] + first[1]).fetchall()
            return (rows[0][2] if rows else 0), listed, [(k, i) for i, k, _ in rows]
        if in_bin == 0:
            return n, (listed if n <= _KEEP_IDS else None), None
        if in_bin is None:
            n, listed = conn.execute(check[0], [f'[{listed}]'] + check[1]).fetchone()
            return n or 0, listed or '', None
        n_bin = conn.execute(bin_sql, bin_params + list(bounds)).fetchone()[0]
        return (n_bin if f.deleted else n - n_bin), (listed if n <= _KEEP_IDS else None), None

    parts = _pool.map_ranges(task)
    n = sum(p[0] for p in parts)
    lists = [p[1] for p in parts]
    candidates = (None if any(x is None for x in lists)
                  else '[' + ','.join(x for x in lists if x) + ']')
    r = _Result(n, candidates)
    if all(p[2] is not None for p in parts):
        # Each worker sent its own first page; the first page overall is among them.
        rows = [row for p in parts for row in p[2]]
        rows.sort(key=_sqlite_order, reverse=f.descending)
        r.first[_sort_key(f)] = [i for _, i in rows[:_PAGE]]
    return r


def _sqlite_order(row: tuple) -> tuple:
    # (key, id) as SQLite compares: NULL < numbers < text < blob, text by code point.
    key = row[0]
    rank = (0 if key is None else 2 if isinstance(key, str) else 3 if isinstance(key, bytes)
            else 1)
    return (rank, key if rank else 0, row[1])


# --- the worker pool ------------------------------------------------------------------

_PARALLEL_FROM = 20_000     # customer ids; below this one scan on the caller's connection wins
_IDLE_CLOSE = 600.0         # seconds; idle workers let go of the file (Windows locks open files)


class _Pool:
    """Worker threads, each with its own read-only connection to the shop file."""

    def __init__(self):
        self.size = max(1, min(4, os.cpu_count() or 1))
        self.executor: ThreadPoolExecutor | None = None
        self.local = threading.local()
        self.target = None
        self.generation = 0
        self.lock = threading.Lock()
        self.open: list[sqlite3.Connection] = []
        self.busy = 0
        self.timer: threading.Timer | None = None

    def _usable(self) -> bool:
        path = getattr(db.obj, 'database', '')
        # Inside a transaction the workers would not see its rows: scan inline then.
        return (self.size > 1 and isinstance(path, str) and path not in ('', ':memory:')
                and not path.startswith('file:') and not db.in_transaction())

    def _prepare(self) -> None:
        """Point the workers at the current database; old connections are closed."""
        main = db.connection()
        target = (db.obj.database, main.execute('PRAGMA mmap_size').fetchone()[0],
                  main.execute('PRAGMA cache_size').fetchone()[0])
        with self.lock:
            if self.executor is None:
                self.executor = ThreadPoolExecutor(self.size, thread_name_prefix='member-query')
            if target != self.target:
                self._close_all()
                self.target = target

    def _close_all(self) -> None:
        for conn in self.open:
            conn.close()
        self.open.clear()
        self.target = None
        self.generation += 1

    def _connection(self) -> sqlite3.Connection:
        local = self.local
        if getattr(local, 'generation', None) != self.generation:
            path, mmap_size, cache_size = self.target
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            conn.execute(f'PRAGMA mmap_size = {int(mmap_size)}')
            # A worker reads its share of the search table and a few lookups: 32 MB
            # of page cache is plenty when the file is not memory-mapped.
            cache_size = max(int(cache_size), -32 * 1024) if cache_size < 0 else min(
                int(cache_size), 8192)
            conn.execute(f'PRAGMA cache_size = {cache_size}')
            conn.execute('PRAGMA query_only = 1')
            conn.execute('PRAGMA busy_timeout = 5000')
            with self.lock:
                self.open.append(conn)
            local.conn, local.generation = conn, self.generation
        return local.conn

    def map_ranges(self, task) -> list:
        """task(connection, (low_id, high_id)) over equal customer id ranges."""
        top = _scalar(Customer.select(fn.MAX(Customer.id)))
        if not self._usable() or top < _PARALLEL_FROM:
            return [task(db.connection(), (0, top))]
        with self.lock:
            self.busy += 1
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
        try:
            self._prepare()
            step = top // self.size + 1
            bounds = [(i * step, (i + 1) * step - 1) for i in range(self.size)]
            return list(self.executor.map(lambda b: task(self._connection(), b), bounds))
        finally:
            with self.lock:
                self.busy -= 1
                if not self.busy:
                    self.timer = threading.Timer(_IDLE_CLOSE, self._close_if_idle)
                    self.timer.daemon = True
                    self.timer.start()

    def warm(self) -> None:
        """Once, in the background: start the threads, open their connections and read
        each one's share of the search table into its page cache, so the first search
        runs as fast as the next (at 1M customers: ~250 ms cold against ~100 ms)."""
        if self.executor is not None or not self._usable():
            return
        top = _scalar(Customer.select(fn.MAX(Customer.id)))
        if top < _PARALLEL_FROM:
            return                      # small shops search inline; no threads to ready
        self._prepare()
        step = top // self.size + 1
        sql, params = _scan_sql('\x01')          # matches nothing, reads every page

        def read_share(i):
            low, high = i * step, (i + 1) * step - 1
            self._connection().execute(sql, [*params, low, high]).fetchall()
        for i in range(self.size):
            self.executor.submit(read_share, i)

    def _close_if_idle(self) -> None:
        with self.lock:
            if not self.busy:
                self._close_all()

    def close(self) -> None:
        with self.lock:
            if not self.busy:
                self._close_all()


_pool = _Pool()


def close_workers() -> None:
    """Close the workers' connections, e.g. before the shop file is replaced."""
    _pool.close()
