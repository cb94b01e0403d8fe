"""Ways a shop's file gets damaged, for the backup and corrupt-database tests."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

GARBAGE = bytes(range(256)) * 256          # the same bytes every run


def page_size(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute('PRAGMA page_size').fetchone()[0]


def overwrite_table_root(path: Path, table: str) -> None:
    """Garbage over the first page of `table` (the file must be closed: no -wal)."""
    size = page_size(path)
    with closing(sqlite3.connect(path)) as conn:
        (root,) = conn.execute('SELECT rootpage FROM sqlite_master WHERE name = ?',
                               (table,)).fetchone()
    with open(path, 'r+b') as f:
        f.seek((root - 1) * size)
        f.write(GARBAGE[:size])


def overwrite_pages(path: Path, first: int, count: int) -> None:
    """Garbage over pages first .. first+count-1 (1-based), wherever they belong."""
    size = page_size(path)
    with open(path, 'r+b') as f:
        for page in range(first, first + count):
            f.seek((page - 1) * size)
            f.write(GARBAGE[:size])


def leftmost_leaf(path: Path, table: str) -> int:
    """The page of `table`'s first rows: a leaf off the rightmost path the open checks walk."""
    size = page_size(path)
    with closing(sqlite3.connect(path)) as conn:
        (page,) = conn.execute('SELECT rootpage FROM sqlite_master WHERE name = ?',
                               (table,)).fetchone()
    data = path.read_bytes()
    while True:
        start = (page - 1) * size
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind == 0x0D:                                  # a table leaf
            return page
        assert kind == 0x05, f'page {page} is not a table b-tree page'
        first_cell = int.from_bytes(data[header + 12:header + 14], 'big')
        page = int.from_bytes(data[start + first_cell:start + first_cell + 4], 'big')


def truncate_to_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def quick_check(path: Path) -> str:
    try:
        with closing(sqlite3.connect(path)) as conn:
            return conn.execute('PRAGMA quick_check').fetchone()[0]
    except sqlite3.DatabaseError as e:
        return str(e)
