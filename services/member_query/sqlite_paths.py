"""SQLite: planner-aware counts and pages.

A result of up to _MATERIALISE rows is kept as its ids and sorted by primary
key lookups (~1 us each); a bigger one is paged by walking the sort index, from
whichever end is nearer, and sorted whole only for a page deep inside.
"""
from __future__ import annotations

from peewee import SQL, fn

from models import Customer, CustomerTag, db

from ..pinyin_keys import normalise_query
from .cache import _cached, _Result, _sort_key
from .filters import (MemberFilter, _column_conditions, _conditions, _id_lists, _ordered,
                      _scalar, _sql, _tag_exists, _text_exists)
from .text_scan import (_KEEP_IDS, _candidate_query, _candidate_sql, _count_and_first,
                        _list_probe_sql, _probe_sql, _scan_sql, _search, _tag_probe_sql)

_MATERIALISE = 20_000      # results up to this size are sorted whole by primary-key lookups
_FILTER_DRIVES = 100_000   # a filter this narrow drives a text search: probe its rows only
_SORT_DEEP_PAGES = 200_000 # a bigger result is never sorted whole; deep pages walk the index


def _result(f: MemberFilter) -> _Result:
    """The count of `f` and what else is known of it, cached until the data changes."""
    return _cached(f, _compute)


# --- counts -------------------------------------------------------------------------

def _compute(f: MemberFilter) -> _Result:
    conds = _column_conditions(f)
    only_bin_flag = len(conds) == 1               # live list or recycle bin, nothing else
    if not f.text:
        if f.tag_id is not None:
            return _tag_result(f, conds, only_bin_flag)
        if _id_lists(f):
            return _listed_result(f)
        if only_bin_flag:
            return _Result(_bin_split_count(f.deleted))
        return _Result(_scalar(Customer.select(fn.COUNT(SQL('*'))).where(*conds)))
    if only_bin_flag and f.tag_id is None:
        in_bin = _bin_split_count(True)
        if f.deleted and not in_bin:
            return _Result(0)
        return _search(f, _scan_sql(f.text), in_bin)
    if _result(f.with_(text='')).count <= _FILTER_DRIVES:
        # A narrow filter drives: probe the search text of its rows only.
        if f.tag_id is not None and _tag_size(f.tag_id) <= _FILTER_DRIVES:
            return _search(f, _tag_probe_sql(f.tag_id, f.text))
        listed = _result(f.with_(text='')).candidates
        if f.tag_id is None and listed is not None:
            return _search(f, _list_probe_sql(listed, f.text))
        return _search(f, _probe_sql(f, f.text))
    # A wide filter: scan the text, then look up each match to check the rest.
    return _search(f, _scan_sql(f.text))


def _bin_split_count(deleted: bool) -> int:
    in_bin = _scalar(Customer.select(fn.COUNT(SQL('*')))
                     .where(Customer.deleted_at.is_null(False)))
    if deleted:
        return in_bin
    # count(*) of a whole table is answered from b-tree page counts (count(id) is not).
    return _scalar(Customer.select(fn.COUNT(SQL('*')))) - in_bin


def _tag_size(tag_id: int) -> int:
    return _scalar(CustomerTag.select(fn.COUNT(SQL('*'))).where(CustomerTag.tag == tag_id))


def _tag_result(f: MemberFilter, conds: list, only_bin_flag: bool) -> _Result:
    n_tagged = _tag_size(f.tag_id)
    listed = None
    if n_tagged <= _KEEP_IDS:
        listed = '[' + (CustomerTag.select(fn.group_concat(CustomerTag.customer))
                        .where(CustomerTag.tag == f.tag_id).scalar() or '') + ']'
    if n_tagged <= _MATERIALISE:
        n, first = _count_and_first(db.connection(), listed, f)
        return _Result(n, listed, {_sort_key(f): first})
    if only_bin_flag:
        # Tagged minus tagged-and-deleted: no walk over every live customer.
        in_bin = _scalar(CustomerTag.select(fn.COUNT(SQL('*'))).where(
            CustomerTag.tag == f.tag_id,
            CustomerTag.customer.in_(Customer.select(Customer.id)
                                     .where(Customer.deleted_at.is_null(False)))))
        return _Result(in_bin if f.deleted else n_tagged - in_bin, listed)
    tagged = CustomerTag.select(CustomerTag.customer).where(CustomerTag.tag == f.tag_id)
    return _Result(_scalar(Customer.select(fn.COUNT(SQL('*')))
                           .where(*conds, Customer.id.in_(tagged))), listed)


def _listed_result(f: MemberFilter) -> _Result:
    """A filter with id lists (a roster, marks) starts from the shortest list when it is
    short: its ids are the candidates, looked up one by one, instead of a walk over
    every customer. A long list is counted like a column filter (random lookups of
    many rows cost more than one pass over a narrow index)."""
    n_listed, shortest = min(((q.count(), q) for q in _id_lists(f)), key=lambda t: t[0])
    if n_listed > _MATERIALISE:
        return _Result(_scalar(Customer.select(fn.COUNT(SQL('*'))).where(*_column_conditions(f))))
    sql, params = _sql(shortest)
    listed = '[' + (db.execute_sql(f'SELECT group_concat("customer_id") FROM ({sql})',
                                   params).fetchone()[0] or '') + ']'
    n, first = _count_and_first(db.connection(), listed, f)
    return _Result(n, listed, {_sort_key(f): first})


# --- pages --------------------------------------------------------------------------

def _sorted_ids(r: _Result, f: MemberFilter) -> list[int]:
    sk = _sort_key(f)
    ordered = r.orders.get(sk)
    if ordered is None:
        sql, params = _candidate_sql(_ordered(_candidate_query((Customer.id,), f), f))
        ordered = [i for (i,) in db.execute_sql(sql, [r.candidates] + params)]
        r.orders[sk] = ordered
    return ordered


def _walk(f: MemberFilter, n: int, reverse: bool = False):
    """The whole filtered list (n rows) in order, for OFFSET/LIMIT."""
    query = _ordered(Customer.select(Customer.id).where(*_walk_conditions(f)), f, reverse)
    if n * 4 > _live_estimate() and 'USE TEMP B-TREE FOR ORDER BY' in _plan(query):
        # No index for this order and most rows pass: one pass over the table
        # beats looking up every row from a (deleted_at, ...) index.
        query = _ordered(Customer.select(Customer.id).where(*_walk_conditions(f, scan=True)),
                         f, reverse)
    return query


def _plan(query) -> list[str]:
    sql, params = _sql(query)
    return [row[3] for row in db.execute_sql('EXPLAIN QUERY PLAN ' + sql, params)]


def _walk_conditions(f: MemberFilter, scan: bool = False) -> list:
    conds = _column_conditions(f, walk=True, scan=scan)
    if f.tag_id is not None:
        conds.append(_tag_exists(f.tag_id))
    text = normalise_query(f.text)
    if text:
        conds.append(_text_exists(text))
    return conds


def _page_ids(f: MemberFilter, offset: int, limit: int) -> list[int]:
    r = _result(f)
    n = r.count
    offset = max(0, offset)
    if offset >= n or limit <= 0:
        return []
    limit = min(limit, n - offset)
    sk = _sort_key(f)
    first = r.first.get(sk)
    if first is not None and (offset + limit <= len(first) or len(first) == n):
        return first[offset:offset + limit]
    # Walk the sort index from the nearer end; the reversed walk reads only the tail.
    reverse = offset > n - offset - limit
    start = n - offset - limit if reverse else offset
    walk = _walk(f, n, reverse)
    ordered = r.orders.get(sk)
    if ordered is None:
        # Rows a walk reads to reach the page: the filter passes ~n of the live rows,
        # unless one covering index holds both filter and order.
        walked = (start + limit) * max(n, _live_estimate()) / n
        if r.candidates is not None:
            if n <= _MATERIALISE or walked > n:
                ordered = _sorted_ids(r, f)
        elif (not f.text and walked > max(n, 20_000) and n <= _SORT_DEEP_PAGES
              and not _index_only(walk)):
            # Deep inside a mid-sized result: sort it whole once, off the sort index.
            sql, params = _sql(_ordered(Customer.select(Customer.id).where(*_conditions(f)),
                                        f, hide_index=True))
            ordered = r.orders[sk] = [i for (i,) in db.execute_sql(sql, params)]
    if ordered is not None:
        return ordered[offset:offset + limit]
    found = [i for (i,) in walk.offset(start).limit(limit).tuples()]
    return found[::-1] if reverse else found


def _index_only(query) -> bool:
    """True when SQLite reads the query in order from one covering index and nothing else.

    Then an OFFSET skips index entries at ~30 ns each, whatever the depth.
    """
    plan = _plan(query)
    return len(plan) == 1 and 'COVERING INDEX' in plan[0]


def _live_estimate() -> int:
    return _result(MemberFilter()).count
