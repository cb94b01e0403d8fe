"""Versioned schema migrations.

A new database is created from the current models at LATEST_VERSION. An
older one runs each step above its version in order, one transaction each,
after models.database has taken a backup. Steps use playhouse.migrate so
they work on SQLite and PostgreSQL alike. A frozen database of every
released schema lives in tests/fixtures and is migrated by a test.
"""
from __future__ import annotations

from peewee import Database

from .setting import SchemaVersion
from .tier import Tier

LATEST_VERSION = 1

# version -> function(database) that brings version-1 to version.
STEPS: dict = {}

DEFAULT_TIERS = (
    # name, rank, min spend (fen), min completed orders, discount
    ('普通会员', 0, 0, 0, 100),
    ('高级会员', 1, 500_00, 3, 98),
    ('VIP会员', 2, 2000_00, 8, 95),
    ('至尊VIP会员', 3, 5000_00, 15, 90),
)


def seed_new_database() -> None:
    Tier.insert_many(
        [dict(name=n, rank=r, min_spent=s, min_orders=o, discount=d)
         for n, r, s, o, d in DEFAULT_TIERS]).execute()


def run_migrations(database: Database, from_version: int) -> None:
    for version in range(from_version + 1, LATEST_VERSION + 1):
        with database.atomic():
            STEPS[version](database)
            SchemaVersion.update(version=version).execute()
