"""The member list: filter, sort and page customers in SQL.

The table on screen asks for `count()` once per filter and then for pages of
rows as they scroll into view, so a million customers never sit in memory.
Called from the UI thread, one call at a time.

PostgreSQL gets the plain queries. On SQLite, measured fast paths keep a shop
of 1,000,000 customers inside the budgets (bench/bench_members.py):
- A result (its count, its first page, its ids when they are few) is cached per
  filter until the data changes: PRAGMA data_version sees other connections'
  commits, total_changes this connection's own writes.
- A text search is a substring scan of the narrow CustomerSearch table (~80-120
  ns a row). It runs in id ranges on a small thread pool, one read-only
  connection per thread (SQLite releases the GIL while it runs), and each
  worker also looks up its matches for the count and first page. Inside a
  narrow filter (a tier, a tag) the filter's rows are probed instead.
- A result of up to _MATERIALISE rows is kept as its ids and sorted by primary
  key lookups (~1 us each); a bigger one is paged by walking the sort index,
  from whichever end is nearer, and sorted whole only for a page deep inside.

Parts: filters (MemberFilter, MemberRow, SORT_FIELDS and the plain conditions),
api (count, page, ids), cache (the result cache), text_scan (the parallel text
search and its worker pool), sqlite_paths (planner-aware counts and pages).
"""
from __future__ import annotations

from .api import count, ids, page, warm_up
from .cache import clear_cache
from .filters import SORT_FIELDS, MemberFilter, MemberRow
from .text_scan import close_workers

__all__ = ['SORT_FIELDS', 'MemberFilter', 'MemberRow', 'clear_cache', 'close_workers', 'count',
           'ids', 'page', 'warm_up']
