"""Splitting id lists for SQL: SQLite caps the variables of one statement (32,766, and
less in some Windows builds)."""


def chunks(items: list, size: int = 5000):
    for i in range(0, len(items), size):
        yield items[i:i + size]
