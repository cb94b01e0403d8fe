"""Schema versions: the frozen database of every released schema opens and migrates.

tests/fixtures/shop_schema_v1.db was written by the first released schema (v1),
shop_schema_v2.db by the second (the v1 file migrated and rescored); neither is ever
regenerated: each stands for a shop's file from that release.
"""
import shutil
import sqlite3
from pathlib import Path

import pytest
from peewee import IntegerField
from playhouse.migrate import SqliteMigrator, migrate

from models import Customer, Order, PointsEntry, SchemaVersion, Tag, migrations
from models.database import DatabaseError, close_database, open_database, schema_version
from services import customers

FIXTURES = Path(__file__).parent / 'fixtures'
NEXT = migrations.LATEST_VERSION + 1   # a pretend next schema


@pytest.fixture
def v1_shop(tmp_path):
    path = tmp_path / 'shop.db'
    shutil.copy(FIXTURES / 'shop_schema_v1.db', path)
    yield path
    close_database()


def test_v1_shop_opens_at_the_latest_version_with_its_data(v1_shop):
    database = open_database(v1_shop)
    assert schema_version(database) == migrations.LATEST_VERSION
    a = Customer.get(Customer.nick == 'tb_小鹿')
    assert (a.order_count, a.total_spent, a.points) == (1, 598_00, 598)
    assert (a.birth_kind, a.birth_month, a.birth_day, a.birth_leap) == ('lunar', 8, 30, True)
    assert Order.select().count() == 2 and PointsEntry.select().count() == 1
    assert [t.name for t in Tag.select()] == ['VIP群']
    detail = customers.get_customer(a.id)
    assert [n for n, _ in detail.merged_from] == ['dup']
    assert detail.profile.extra == {'肤质': '干性'}


def test_a_migration_backs_up_first_and_runs_in_one_transaction(v1_shop, monkeypatch):
    """A pretend next version adds a column: the v1 file is copied first, then migrated."""
    def add_column(database):
        migrate(SqliteMigrator(database).add_column('customer', 'survey_score',
                                                     IntegerField(null=True)))
    monkeypatch.setattr(migrations, "LATEST_VERSION", NEXT)
    monkeypatch.setitem(migrations.STEPS, NEXT, add_column)
    import models.database as mdb
    monkeypatch.setattr(mdb, "LATEST_VERSION", NEXT)
    database = open_database(v1_shop)
    assert SchemaVersion.get().version == NEXT
    assert 'survey_score' in {c.name for c in database.get_columns('customer')}
    backups = list((v1_shop.parent / 'backups').glob(f"before-v{NEXT}-*.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute('SELECT version FROM schema_version').fetchone() == (1,)
    assert old.execute('SELECT count(*) FROM customer').fetchone() == (3,)
    old.close()


def test_a_failed_migration_leaves_the_file_as_it_was(v1_shop, monkeypatch):
    def broken(database):
        database.execute_sql('UPDATE customer SET name = NULL')   # NOT NULL: fails
    monkeypatch.setattr(migrations, "LATEST_VERSION", NEXT)
    monkeypatch.setitem(migrations.STEPS, NEXT, broken)
    import models.database as mdb
    monkeypatch.setattr(mdb, "LATEST_VERSION", NEXT)
    with pytest.raises(DatabaseError):
        open_database(v1_shop)
    close_database()
    raw = sqlite3.connect(v1_shop)
    assert raw.execute('SELECT version FROM schema_version').fetchone() == (1,)
    assert raw.execute("SELECT name FROM customer WHERE nick = 'tb_小鹿'").fetchone() == ('张伟',)
    raw.close()


def test_a_newer_shop_file_is_refused(v1_shop):
    raw = sqlite3.connect(v1_shop)
    raw.execute('UPDATE schema_version SET version = 99')
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseError, match='更新版本'):
        open_database(v1_shop)


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / 'other.db'
    raw = sqlite3.connect(path)
    raw.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseError, match='不是掌柜会员通的数据库'):
        open_database(path)
    close_database()
    assert not (tmp_path / 'backups').exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / 'shop.db'
    path.write_bytes(b'this is a spreadsheet, not a database' * 100)
    with pytest.raises(DatabaseError):
        open_database(path)
    close_database()


def _schema(path):
    raw = sqlite3.connect(path)
    tables = {t for (t,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%'")}
    columns = {t: sorted((r[1], r[2].upper(), r[3], r[4]) for r in
                         raw.execute(f'PRAGMA table_info("{t}")')) for t in tables}
    indexes = {t: sorted((tuple(c[2] for c in raw.execute(f'PRAGMA index_info("{i[1]}")')), i[2])
                         for i in raw.execute(f'PRAGMA index_list("{t}")')) for t in tables}
    fks = {t: sorted(r[2:5] + (r[6],) for r in raw.execute(f'PRAGMA foreign_key_list("{t}")'))
           for t in tables}
    raw.close()
    return columns, indexes, fks


@pytest.mark.parametrize('release', [1, 2])
def test_a_migrated_shop_has_the_schema_of_a_new_shop(release, tmp_path):
    shop = tmp_path / 'shop.db'
    shutil.copy(FIXTURES / f'shop_schema_v{release}.db', shop)
    open_database(shop)
    close_database()
    fresh = tmp_path / 'fresh.db'
    open_database(fresh)
    close_database()
    old, new = _schema(shop), _schema(fresh)
    assert old[0] == new[0]          # columns, types, NOT NULL, defaults
    assert old[1] == new[1]          # indexes
    assert old[2] == new[2]          # foreign keys and their ON DELETE


def test_the_v2_step_seeds_festivals_and_keeps_points(v1_shop):
    open_database(v1_shop)
    from models import Festival, TierChange
    assert Festival.select().where(Festival.name == '双11').count() == 1
    assert TierChange.select().count() == 0
    # The v1 earn entry is linked to its order, so the first points pass earns nothing more.
    assert PointsEntry.get().order.order_no == '1930000000000000001'
    from services import customer_stats
    customer_stats.refresh(None)
    assert Customer.get(Customer.nick == 'tb_小鹿').points == 598
    assert PointsEntry.select().count() == 1


def test_a_step_that_rebuilds_a_table_does_not_cascade_into_its_children(v1_shop, monkeypatch):
    """SQLite rebuilds a table to add NOT NULL; dropping the old copy must not delete orders."""
    def not_null_column(database):
        migrate(SqliteMigrator(database).add_column('customer', 'survey_score',
                                                     IntegerField(default=0)))
    monkeypatch.setattr(migrations, "LATEST_VERSION", NEXT)
    monkeypatch.setitem(migrations.STEPS, NEXT, not_null_column)
    import models.database as mdb
    monkeypatch.setattr(mdb, "LATEST_VERSION", NEXT)
    database = open_database(v1_shop)
    assert Order.select().count() == 2 and PointsEntry.select().count() == 1
    assert database.execute_sql('PRAGMA foreign_keys').fetchone() == (1,)


def test_a_migrated_shop_is_rebuilt_once_and_old_orders_do_not_start_earning(v1_shop):
    from datetime import date
    from services import customer_stats, points, settings
    open_database(v1_shop)
    assert customer_stats.rebuild_pending()
    customer_stats.daily_upkeep()
    assert not customer_stats.rebuild_pending()
    assert settings.load(points.PointsRules).earn_since == date.today().isoformat()
    a = Customer.get(Customer.nick == 'tb_小鹿')
    assert a.points == 598 and a.rfm != '' and a.lifecycle != ''
    assert PointsEntry.select().count() == 1
    assert not customer_stats.run_pending_rebuild()          # once only


def test_a_v2_shop_keeps_its_scores_points_and_marks(tmp_path):
    shop = tmp_path / 'shop.db'
    shutil.copy(FIXTURES / 'shop_schema_v2.db', shop)
    database = open_database(shop)
    try:
        assert schema_version(database) == migrations.LATEST_VERSION
        a = Customer.get(Customer.nick == 'tb_小鹿')
        assert (a.points, a.rfm, a.lifecycle) == (598, '111', 'lost')
        from models import ReminderMark
        assert [(m.kind, m.occasion) for m in ReminderMark.select()] == [
            ('birthday', '2026-09-21')]
        assert (v2_backups := list((tmp_path / 'backups').glob(f'before-v{migrations.LATEST_VERSION}-*.db')))
        assert sqlite3.connect(v2_backups[0]).execute(
            'SELECT version FROM schema_version').fetchone() == (2,)
    finally:
        close_database()
