"""Checking backups, restoring them, and refusing a damaged shop (services and CLI)."""
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from models import Customer, Order
from models.database import close_database, open_database, schema_version
from models.migrations import LATEST_VERSION
from services import backups
from services.backup_restore import open_checked, restore
from services.cli import run_cli
from services.db_health import CorruptDatabase, check_backup, header_problem
from services.errors import UserError

import db_damage

FIXTURES = Path(__file__).parent / 'fixtures'


def counts(path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as conn:
        return (conn.execute('SELECT count(*) FROM customer').fetchone()[0],
                conn.execute('SELECT count(*) FROM "order"').fetchone()[0])


@pytest.fixture
def shop(tmp_path):
    """A closed shop file with three buyers and four orders, and a backup of it."""
    path = tmp_path / 'shop.db'
    open_database(path)
    for i, nick in enumerate(('a', 'b', 'c')):
        c = Customer.create(platform='taobao', nick=nick)
        for k in range(1 + (i == 0)):
            Order.create(platform='taobao', order_no=f'{nick}{k}', customer=c, amount=100,
                         completed=True, status='交易成功')
    backup = backups.take_backup(path)
    close_database()
    yield path, backup
    close_database()


def test_check_backup_accepts_ours_and_refuses_everything_else(shop, tmp_path):
    path, backup = shop
    assert check_backup(backup) == LATEST_VERSION
    garbage = tmp_path / 'garbage.db'
    shutil.copy(backup, garbage)
    db_damage.overwrite_pages(garbage, 2, 3)
    assert db_damage.quick_check(garbage) != 'ok'
    truncated = tmp_path / 'truncated.db'
    shutil.copy(backup, truncated)
    db_damage.truncate_to_half(truncated)
    foreign = tmp_path / 'foreign.db'
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute('CREATE TABLE notes (x)')
        conn.commit()
    newer = tmp_path / 'newer.db'
    shutil.copy(backup, newer)
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute('UPDATE schema_version SET version = ?', (LATEST_VERSION + 1,))
        conn.commit()
    text = tmp_path / 'notes.db'
    text.write_text('不是数据库', encoding='utf-8')
    for src, words in ((garbage, '损坏'), (truncated, '截断'), (foreign, '不是掌柜会员通的数据库'),
                       (newer, '更新版本'), (text, '不是数据库文件'),
                       (tmp_path / 'missing.db', '找不到备份文件')):
        with pytest.raises(UserError, match=words):
            check_backup(src)


def test_restore_round_trip_keeps_a_safety_copy(shop):
    path, backup = shop
    open_database(path)
    Order.delete().execute()
    Customer.create(platform='pdd', nick='新来的')
    close_database()
    result = restore(backup, path)
    assert counts(path) == (3, 4) and (result.customers, result.orders) == (3, 4)
    assert Customer.select().count() == 3            # the shop is open on the restored data
    assert counts(result.safety) == (4, 0) and Path(result.safety).name.startswith(
        'before-restore-shop-')
    assert result.set_aside is None
    kinds = {b.kind for b in backups.latest_backups(path)}
    assert kinds == {'manual', 'before-restore', 'auto'}       # the day's backup came first


def test_restore_of_an_older_backup_migrates_it(shop, tmp_path):
    path, _ = shop
    old = tmp_path / 'old.db'
    shutil.copy(FIXTURES / 'shop_schema_v2.db', old)
    result = restore(old, path)
    assert result.schema_version == 2
    assert schema_version(open_database(path)) == LATEST_VERSION
    assert Customer.get(Customer.nick == 'tb_小鹿').points == 598
    assert check_backup(old) == 2                     # the backup itself is left as it was


def test_a_refused_backup_touches_nothing(shop, tmp_path):
    path, backup = shop
    db_damage.truncate_to_half(backup)
    before = sorted(p.name for p in tmp_path.rglob('*'))
    with pytest.raises(UserError):
        restore(backup, path)
    assert sorted(p.name for p in tmp_path.rglob('*')) == before


def test_restore_over_a_damaged_shop_sets_it_aside(shop):
    path, backup = shop
    db_damage.overwrite_pages(path, 1, 1)                  # the header itself
    result = restore(backup, path)
    assert counts(path) == (3, 4) and result.safety is None
    aside = Path(result.set_aside)
    assert aside.name.startswith('shop.db.damaged-') and aside.exists()
    assert header_problem(aside) is not None


def test_a_restore_that_fails_leaves_the_damaged_shop_in_place(shop, monkeypatch):
    """Disk full while copying: the next start must refuse the damaged file again, not
    open a new empty shop where it was."""
    import services.backup_restore as br
    path, backup = shop
    db_damage.overwrite_pages(path, 1, 1)

    def full_disk(*_a, **_k):
        raise OSError(28, 'No space left on device')
    monkeypatch.setattr(br, 'copy_database', full_disk)
    with pytest.raises(OSError):
        restore(backup, path)
    assert path.exists() and not list(path.parent.glob('shop.db.damaged-*'))
    with pytest.raises(CorruptDatabase):
        open_checked(str(path))


@pytest.mark.parametrize('damage', ['truncated', 'customer root', 'header'])
def test_a_damaged_shop_is_refused_on_open(shop, damage):
    path, _ = shop
    if damage == 'truncated':
        db_damage.truncate_to_half(path)
    elif damage == 'customer root':
        db_damage.overwrite_table_root(path, 'customer')
    else:
        db_damage.overwrite_pages(path, 1, 1)
    assert db_damage.quick_check(path) != 'ok'
    with pytest.raises(CorruptDatabase) as e:
        open_checked(str(path))
    assert str(e.value).count('。') == 1 and 'shop.db' in str(e.value)


def test_an_empty_file_is_a_new_shop_unless_it_has_backups(tmp_path, shop):
    new = tmp_path / 'new.db'
    new.write_bytes(b'')
    open_checked(str(new))
    assert Customer.select().count() == 0
    close_database()
    path, _ = shop
    path.write_bytes(b'')                                # the shop's file emptied
    with pytest.raises(CorruptDatabase, match='空'):
        open_checked(str(path))


def test_deep_damage_is_found_by_the_next_backup(shop):
    path, _ = shop
    open_database(path)
    Customer.insert_many([{'platform': 'taobao', 'nick': f'n{i}', 'note': 'x' * 200}
                          for i in range(2000)]).execute()
    close_database()
    # The customer table's first leaf: the open checks do not reach it.
    leaf = db_damage.leftmost_leaf(path, 'customer')
    db_damage.overwrite_pages(path, leaf, 1)
    assert db_damage.quick_check(path) != 'ok'
    open_checked(str(path))
    with pytest.raises(CorruptDatabase):
        backups.take_backup(path)
    assert [b.kind for b in backups.latest_backups(path)] == ['manual']   # nothing added


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    assert 'Traceback' not in err
    return code, out, err


def test_the_command_line_refuses_a_damaged_shop_and_names_the_backup(shop, capsys):
    path, backup = shop
    db_damage.truncate_to_half(path)
    code, out, err = cli(capsys, '--db', str(path), 'stats')
    assert code == 1 and out == '' and err.count('\n') == 1
    assert '已损坏' in err and str(backup) in err and 'restore' in err
    code, out, _ = cli(capsys, '--db', str(path), 'restore', str(backup))
    assert code == 0 and '损坏的数据库已改名保留' in out
    code, out, _ = cli(capsys, '--db', str(path), 'stats', '--json')
    assert code == 0 and '"customers": 3' in out


def test_the_command_line_turns_damage_met_by_a_query_into_the_same_sentence(shop, capsys):
    path, backup = shop
    open_database(path)
    Customer.insert_many([{'platform': 'taobao', 'nick': f'n{i}', 'note': 'x' * 200}
                          for i in range(2000)]).execute()
    close_database()
    db_damage.overwrite_pages(path, db_damage.leftmost_leaf(path, 'customer'), 1)
    code, _, err = cli(capsys, '--db', str(path), 'export', 'members', str(path.parent / 'm.csv'))
    assert code == 1 and '已损坏' in err and str(backup) in err


def test_restore_to_a_new_file_and_over_deep_damage(shop, tmp_path):
    path, backup = shop
    fresh = tmp_path / 'elsewhere' / 'new.db'
    fresh.parent.mkdir()
    result = restore(backup, fresh)
    assert counts(fresh) == (3, 4) and result.safety is None and result.set_aside is None
    assert not (fresh.parent / 'backups').exists()          # nothing to back up first
    close_database()
    open_database(path)
    Customer.insert_many([{'platform': 'taobao', 'nick': f'n{i}', 'note': 'x' * 200}
                          for i in range(2000)]).execute()
    close_database()
    db_damage.overwrite_pages(path, db_damage.leftmost_leaf(path, 'customer'), 1)
    result = restore(backup, path)                # the day's backup refuses the damage
    assert counts(path) == (3, 4) and result.safety and result.set_aside is None
    assert [b.kind for b in backups.latest_backups(path)].count('auto') == 0
