"""SQLite: results cached per filter until the data changes.

PRAGMA data_version sees other connections' commits, total_changes this
connection's own writes. PostgreSQL has no such counter, so api never caches there.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from models import db

from ..pinyin_keys import normalise_query
from .filters import SORT_FIELDS, MemberFilter

_MAX_ENTRIES = 16


@dataclass
class _Result:
    count: int
    # JSON array of ids holding every row of the result and maybe more (the
    # column conditions are applied again when sorting); None when only counted.
    candidates: str | None = None
    first: dict = field(default_factory=dict)     # (sort, descending) -> first page ids
    orders: dict = field(default_factory=dict)    # (sort, descending) -> every id


class _Cache:
    def __init__(self):
        self.lock = threading.Lock()
        self.conn = None
        self.version = None
        self.entries: OrderedDict = OrderedDict()


_cache = _Cache()


def _sort_key(f: MemberFilter) -> tuple:
    return (f.sort if f.sort in SORT_FIELDS else 'id', f.descending)


def _current_entries() -> OrderedDict:
    """The cache, emptied first if the data may have changed since it was filled."""
    conn = db.connection()
    version = (conn.total_changes, conn.execute('PRAGMA data_version').fetchone()[0])
    if _cache.conn is not conn or _cache.version != version:
        _cache.conn, _cache.version = conn, version
        _cache.entries.clear()
    return _cache.entries


def _cached(f: MemberFilter, compute) -> _Result:
    """The result of `f`, from the cache or from compute(f) (with f normalised)."""
    f = f.with_(text=normalise_query(f.text), product=f.product.strip())
    key = f.with_(sort='', descending=False)       # a count does not depend on the order
    with _cache.lock:
        entries = _current_entries()
        found = entries.get(key)
        if found is not None:
            entries.move_to_end(key)
            return found
        version = (_cache.conn, _cache.version)
    r = compute(f)
    with _cache.lock:
        entries = _current_entries()
        # Kept only if nothing was written while it was computed.
        if (_cache.conn, _cache.version) == version:
            entries[key] = r
            while len(entries) > _MAX_ENTRIES:
                entries.popitem(last=False)
    return r


def clear_cache() -> None:
    """Forget cached results (the benchmark measures real work with it)."""
    with _cache.lock:
        _cache.entries.clear()
