"""Versioned schema migrations.

A new database is created from the current models at LATEST_VERSION. An
older one runs each step above its version in order, all in one transaction,
after models.database has taken a backup. Steps use playhouse.migrate so
they work on SQLite and PostgreSQL alike. A frozen database of every
released schema lives in tests/fixtures and is migrated by a test.
"""
from __future__ import annotations

from peewee import Database, ForeignKeyField, IntegrityError, PostgresqlDatabase, SqliteDatabase
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

from .setting import REBUILD_KEY, SchemaVersion, Setting
from .tier import Tier

LATEST_VERSION = 3


def _migrator(database: Database) -> SchemaMigrator:
    if isinstance(database, PostgresqlDatabase):
        return PostgresqlMigrator(database)
    return SqliteMigrator(database)


def _v2_member_system(database: Database) -> None:
    """Scores on customers, order-linked points, tier history, festivals, reminder marks."""
    from .customer import Customer
    from .order import Order
    from .reminder import Festival, ReminderMark
    from .tier_change import TierChange
    m = _migrator(database)
    # allow_not_null: the columns carry SQL defaults, so no table rebuild is needed.
    migrate(
        *(m.add_column('customer', name, Customer._meta.fields[name], allow_not_null=True)
          for name in ('rfm', 'lifecycle', 'loyalty', 'clv', 'promo_orders')),
        m.add_column('customer', 'referred_by_id',
                     ForeignKeyField(Customer, field=Customer.id, null=True,
                                     on_delete='SET NULL')),
        m.add_column('tier', 'require_both', Tier._meta.fields['require_both'],
                     allow_not_null=True),
        m.add_index('customer', ('deleted_at', 'lifecycle'), False),
        m.add_index('customer', ('deleted_at', 'clv'), False),
        m.drop_index('points_entry', 'points_entry_customer_id_created_at'),
        m.add_index('points_entry', ('customer_id', 'created_at', 'points'), False),
        m.add_column('points_entry', 'order_id',
                     ForeignKeyField(Order, field=Order.id, null=True, on_delete='CASCADE')),
    )
    database.create_tables([TierChange, Festival, ReminderMark])
    _seed_festivals()
    # v1 wrote earn entries with source 'order:<order no>': link them, or the first
    # points pass would earn those orders a second time.
    database.execute_sql(
        'UPDATE points_entry SET order_id = (SELECT o.id FROM "order" AS o '
        'JOIN customer AS c ON c.id = points_entry.customer_id '
        'WHERE o.platform = c.platform AND o.order_no = SUBSTR(points_entry.source, 7)) '
        "WHERE kind = 'earn' AND order_id IS NULL AND source LIKE 'order:%'")
    # Promotion orders and order points are new: rebuilt from the orders once the app
    # runs. Orders of a shop already in use start earning points from today, not
    # retroactively (the owner can move the start date back in 设置 → 积分规则).
    import datetime
    import json
    if database.execute_sql('SELECT EXISTS (SELECT 1 FROM "order")').fetchone()[0]:
        Setting.insert(key=REBUILD_KEY, value=json.dumps(
            {'points_since': datetime.date.today().isoformat()})).on_conflict_replace().execute()


def _v3_campaigns_and_groups(database: Database) -> None:
    """The repurchase cache (filled on first use), group rosters, referrals, audiences,
    templates and campaigns."""
    from . import V3_MODELS
    database.create_tables(V3_MODELS)


# version -> function(database) that brings version-1 to version.
STEPS: dict = {2: _v2_member_system, 3: _v3_campaigns_and_groups}

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
    _seed_festivals()


def _seed_festivals() -> None:
    from .reminder import DEFAULT_FESTIVALS, Festival
    Festival.insert_many(
        [dict(name=n, calendar=c, month=mo, day=d, days=length, lead_days=lead)
         for n, c, mo, d, length, lead in DEFAULT_FESTIVALS]).execute()


def run_migrations(database: Database, from_version: int) -> None:
    # One transaction for all steps: a shop file is at its old version or the new one.
    # Foreign keys are off meanwhile, as SQLite's ALTER TABLE advice says: a step that
    # rebuilds a table must not cascade the DROP of the old copy into its children.
    sqlite = isinstance(database, SqliteDatabase)
    if sqlite:
        database.execute_sql('PRAGMA foreign_keys = OFF')
    try:
        with database.atomic():
            for version in range(from_version + 1, LATEST_VERSION + 1):
                STEPS[version](database)
                SchemaVersion.update(version=version).execute()
            if sqlite and database.execute_sql('PRAGMA foreign_key_check').fetchone():
                raise IntegrityError('a migration broke a foreign key')
    finally:
        if sqlite:
            database.execute_sql('PRAGMA foreign_keys = ON')
