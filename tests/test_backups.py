"""Automatic backups: policy, rotation across simulated days, listing, atomic writes,
and the backup taken before the first bulk change of a day."""
import os
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from models import Order
from services import backups, settings
from services.backups import AUTO, BackupPolicy, keep_set
from services.db_health import CorruptDatabase
from services.errors import ValidationError

from order_samples import taobao_matrix, write_csv

# Backups are copies of the shop's SQLite file; a server shop is backed up on the server
# (tests/test_backups_server.py).
pytestmark = pytest.mark.sqlite_only


def orders_in(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute('SELECT count(*) FROM "order"').fetchone()[0]


def autos(db_file) -> list[backups.BackupInfo]:
    return [b for b in backups.latest_backups(db_file) if b.kind == AUTO]


@pytest.fixture
def shop(database, make_customer, make_order):
    """A small shop with two orders; returns its file."""
    a = make_customer('a')
    make_order(a, 10_00)
    make_order(a, 20_00)
    return backups.database_file()


def test_policy_validation_names_the_field():
    BackupPolicy().validate()
    for bad, field in ((dict(every_days=0), 'every_days'), (dict(keep_daily=0), 'keep_daily'),
                       (dict(keep_weekly=-1), 'keep_weekly'), (dict(folder='backups'), 'folder'),
                       (dict(enabled='yes'), 'enabled'), (dict(keep_daily=True), 'keep_daily')):
        with pytest.raises(ValidationError) as e:
            BackupPolicy(**bad).validate()
        assert e.value.field == field


def test_policy_is_stored_and_read_without_peewee(shop, tmp_path):
    folder = tmp_path / '别处'
    settings.save(BackupPolicy(keep_daily=3, folder=str(folder)))
    policy = backups.load_policy(shop)       # a plain connection: works from any thread
    assert (policy.keep_daily, policy.folder) == (3, str(folder))
    assert backups.backup_folder(shop) == folder
    settings.put(BackupPolicy.KEY, {'keep_daily': 0})               # hand-edited nonsense
    assert backups.load_policy(shop) == BackupPolicy()
    assert backups.backup_folder(shop) == shop.parent / 'backups'


def test_keep_set_of_a_month_of_dailies():
    # January 2024 starts on a Monday: ISO weeks 1-4 are the 1st-7th ... 22nd-28th.
    times = [datetime(2024, 1, d, 9) for d in range(1, 32)]
    kept = keep_set(times, keep_daily=7, keep_weekly=4)
    # The last seven days, then the newest of each earlier week; the weeks of the 31st and
    # the 28th are already kept by day and do not count, so only three weeks remain.
    assert sorted(t.day for t in kept) == [7, 14, 21, 25, 26, 27, 28, 29, 30, 31]


def test_keep_set_keeps_the_newest_of_each_day_and_survives_a_break():
    times = [datetime(2024, 3, 1, 9), datetime(2024, 3, 1, 18), datetime(2024, 3, 2, 9),
             datetime(2024, 3, 28, 9)]
    # Away for weeks: the old days still count as the latest days that have a backup.
    assert keep_set(times, 2, 0) == {datetime(2024, 3, 28, 9), datetime(2024, 3, 2, 9)}
    assert keep_set(times, 3, 0) == {datetime(2024, 3, 28, 9), datetime(2024, 3, 2, 9),
                                     datetime(2024, 3, 1, 18)}
    assert keep_set(times, 1, 1) == {datetime(2024, 3, 28, 9), datetime(2024, 3, 2, 9)}


def test_sixty_simulated_days_of_daily_backups_are_rotated(shop):
    start = datetime(2024, 1, 1, 10, 0)
    taken = []
    for day in range(60):                                   # 1 Jan .. 29 Feb 2024
        now = start + timedelta(days=day)
        taken.append(backups.daily_backup(now))
        assert backups.daily_backup(now + timedelta(hours=5)) is None   # once a day
    assert all(taken)
    kept = sorted(b.taken_at.date() for b in autos(shop))
    # 7 days (23-29 Feb), then weeks: 19-25 Feb is kept by day; 12-18, 5-11,
    # 29 Jan-4 Feb and 22-28 Jan give their Sundays.
    assert kept == [date(2024, 1, 28), date(2024, 2, 4), date(2024, 2, 11), date(2024, 2, 18)] + [
        date(2024, 2, d) for d in range(23, 30)]
    assert all(Path(p).exists() == (p.stem.split('-auto-')[1][:8] in
                                    {d.strftime('%Y%m%d') for d in kept}) for p in taken)


def test_every_days_and_disabled(shop):
    settings.save(BackupPolicy(every_days=3))
    now = datetime(2024, 5, 1, 8)
    assert backups.daily_backup(now)
    assert backups.daily_backup(now + timedelta(days=2, hours=15)) is None
    assert backups.daily_backup(now + timedelta(days=3))
    settings.save(BackupPolicy(enabled=False))
    assert backups.daily_backup(now + timedelta(days=30)) is None
    assert len(autos(shop)) == 2


def test_a_backup_from_a_clock_that_ran_ahead_does_not_stop_backups(shop):
    backups.daily_backup(datetime(2031, 1, 1, 9))
    today = datetime(2024, 6, 1, 9)
    assert backups.daily_backup(today)
    assert backups.daily_backup(today + timedelta(hours=1)) is None


def test_listing_shows_kind_time_size_and_schema_version(shop, tmp_path):
    from models.migrations import LATEST_VERSION
    manual = backups.take_backup(now=datetime(2024, 1, 2, 3, 4, 5))
    auto = backups.daily_backup(datetime(2024, 1, 3, 9, 0, 0))
    folder = shop.parent / 'backups'
    (folder / 'other-shop-auto-20240104-090000.db').write_bytes(b'x')    # another shop's
    (folder / 'shop-auto-20240105-090000.db.part').write_bytes(b'x')     # half written
    (folder / '拷贝.db').write_bytes(b'not a database')
    listed = backups.latest_backups(shop)
    assert [(Path(b.path).name, b.kind) for b in listed[1:]] == [
        (auto.name, AUTO), (manual.name, 'manual')]
    assert listed[0].kind == 'other' and listed[0].schema_version is None
    assert listed[2].taken_at == datetime(2024, 1, 2, 3, 4, 5)
    assert listed[1].size == auto.stat().st_size > 0
    assert listed[1].schema_version == LATEST_VERSION
    assert backups.latest_good_backup(shop).path == str(auto)


def test_a_backup_is_a_verified_self_contained_copy(shop):
    dest = backups.take_backup()
    assert orders_in(dest) == 2
    with closing(sqlite3.connect(dest)) as conn:
        assert conn.execute('PRAGMA journal_mode').fetchone()[0] == 'delete'
    assert sorted(os.listdir(dest.parent)) == [dest.name]            # no .part left


def test_a_copy_that_fails_verification_leaves_nothing(shop, monkeypatch):
    monkeypatch.setattr(backups, 'quick_check', lambda conn: '*** in database main ***')
    with pytest.raises(CorruptDatabase):
        backups.daily_backup(datetime(2024, 1, 1, 9))
    assert os.listdir(shop.parent / 'backups') == []


def test_no_backups_for_a_server_or_memory_database():
    from models.database import close_database, open_database
    open_database(':memory:')
    try:
        assert backups.database_file() is None
        assert backups.daily_backup() is None and backups.before_bulk_change() is None
    finally:
        close_database()


def test_the_first_import_of_a_day_is_backed_up_before_it_changes_anything(shop, tmp_path):
    from services.importing.service import import_file
    csv = write_csv(tmp_path / '订单报表.csv', taobao_matrix())
    import_file(str(csv))
    first = autos(shop)
    assert len(first) == 1 and orders_in(first[0].path) == 2       # the state before
    assert Order.select().count() > 2
    import_file(str(write_csv(tmp_path / 'again.csv', taobao_matrix()[:2])))
    assert autos(shop) == first                                     # once a day
    # Pretend that backup was yesterday's: the next bulk change takes today's.
    old = Path(first[0].path)
    yesterday = old.with_name(f'shop-auto-{datetime.now() - timedelta(days=1):%Y%m%d}-090000.db')
    old.rename(yesterday)
    before = Order.select().count()
    import_file(str(csv))
    now = autos(shop)
    assert len(now) == 2 and orders_in(now[0].path) == before


def test_a_failing_backup_stops_the_import(shop, tmp_path):
    from services.errors import UserError
    from services.importing.service import import_file
    blocker = tmp_path / 'not-a-folder'
    blocker.write_text('x')
    settings.save(BackupPolicy(folder=str(blocker / 'backups')))
    with pytest.raises(UserError, match='自动备份没有完成'):
        import_file(str(write_csv(tmp_path / 'a.csv', taobao_matrix())))
    assert Order.select().count() == 2


def test_an_undo_from_the_app_takes_the_days_backup(shop, tmp_path):
    """The 导入导出 page calls batches.undo itself, not the command line."""
    from services.importing import batches
    from services.importing.service import import_file
    info = import_file(str(write_csv(tmp_path / '订单报表.csv', taobao_matrix())))
    for b in autos(shop):
        Path(b.path).unlink()                     # as if it were taken on another day
    after_import = Order.select().count()
    batches.undo(info.id)
    (auto,) = autos(shop)
    assert orders_in(auto.path) == after_import > Order.select().count()


def test_undo_import_from_the_command_line_takes_the_days_backup(tmp_path, capsys):
    from models.database import close_database
    from services.cli import run_cli
    db = tmp_path / 'shop.db'
    csv = write_csv(tmp_path / 'a.csv', taobao_matrix())
    assert run_cli(['--db', str(db), 'import', str(csv)]) == 0
    folder = tmp_path / 'backups'
    (auto,) = folder.glob('shop-auto-*.db')
    auto.unlink()                                 # as if it were taken on another day
    assert run_cli(['--db', str(db), 'undo-import', '1']) == 0
    (auto,) = folder.glob('shop-auto-*.db')
    assert orders_in(auto) == len(taobao_matrix()) - 1              # before the undo
    assert orders_in(db) == 0
    close_database()
    capsys.readouterr()


def test_a_pre_migration_copy_belongs_to_its_own_shop(tmp_path):
    """Two shops in one folder share backups/: neither is offered the other's copy."""
    import shutil
    from models.database import close_database, open_database
    fixtures = Path(__file__).parent / 'fixtures'
    for name in ('shop', 'other'):
        shutil.copy(fixtures / 'shop_schema_v2.db', tmp_path / f'{name}.db')
    open_database(tmp_path / 'other.db')            # migrates, copying other.db first
    close_database()
    (copy,) = (tmp_path / 'backups').glob('before-v*.db')
    assert '-other-' in copy.name
    assert backups.latest_backups(tmp_path / 'shop.db') == []
    assert [b.kind for b in backups.latest_backups(tmp_path / 'other.db')] == [
        backups.BEFORE_MIGRATION]
    legacy = tmp_path / 'backups' / 'before-v2-20260101-120000.db'   # an older release's
    shutil.copy(copy, legacy)
    assert [b.kind for b in backups.latest_backups(tmp_path / 'shop.db')] == [backups.OTHER]


def test_a_backup_from_a_clock_that_ran_ahead_holds_no_days_slot(database, make_customer):
    make_customer('a')
    shop = backups.database_file()
    settings.save(BackupPolicy(keep_daily=1, keep_weekly=0))
    backups.daily_backup(datetime(2031, 1, 1, 9))          # the clock once ran ahead
    for day in range(3):
        dest = backups.daily_backup(datetime(2024, 6, 1, 9) + timedelta(days=day))
    assert dest.exists()
    assert sorted(b.taken_at.date() for b in autos(shop)) == [date(2024, 6, 3), date(2031, 1, 1)]
