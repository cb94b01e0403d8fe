"""The command line, through run_cli and once through a real `python main.py`."""
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models import Customer, Order
from models.database import close_database, open_database
from services.cli import run_cli
from services.shop_stats import shop_stats

ROOT = Path(__file__).resolve().parent.parent
STATS_KEYS = {'customers', 'buyers', 'orders', 'revenue', 'repurchase_rate', 'tiers', 'segments'}


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A data folder of its own, so the default database is never the owner's."""
    monkeypatch.setenv('ZHANGGUI_HOME', str(tmp_path / 'home'))
    yield tmp_path
    close_database()


def cli(capsys, *args) -> tuple[int, str, str]:
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    assert 'Traceback' not in err
    return code, out, err


def stats_of(path: Path) -> dict:
    open_database(path)
    try:
        return shop_stats()
    finally:
        close_database()


def test_demo_then_stats_json(home, capsys):
    db = str(home / 'shop.db')
    code, out, _ = cli(capsys, '--db', db, 'demo', '--customers', '300')
    assert code == 0 and '演示店铺已生成' in out and '300 位顾客' in out
    code, out, _ = cli(capsys, '--db', db, 'stats', '--json')
    assert code == 0
    s = json.loads(out)
    assert STATS_KEYS <= set(s)
    assert 290 < s['customers'] <= 300 and 0 < s['buyers'] <= s['customers']
    assert 0 < s['repurchase_rate'] < 1 and isinstance(s['revenue'], float)
    assert list(s['tiers']) == ['普通会员', '高级会员', 'VIP会员', '至尊VIP会员']
    assert sum(s['tiers'].values()) == s['customers']
    assert s == stats_of(home / 'shop.db')


def test_stats_text_summary(home, capsys):
    db = str(home / 'shop.db')
    cli(capsys, '--db', db, 'demo', '--customers', '50')
    code, out, _ = cli(capsys, '--db', db, 'stats')
    assert code == 0
    for words in ('顾客：', '成交订单：', '销售额 ¥', '复购率：', '会员等级：', '普通会员：',
                  'RFM 分群：\n  重要价值客户：'):
        assert words in out


def test_stats_on_the_default_database(home, capsys):
    code, out, _ = cli(capsys, 'stats', '--json')
    assert code == 0 and json.loads(out)['customers'] == 0
    assert (home / 'home' / 'shop.db').is_file()


def test_demo_refused_on_a_shop_with_customers(home, capsys):
    open_database(home / 'shop.db')
    Customer.create(platform='taobao', nick='老顾客')
    close_database()
    code, out, err = cli(capsys, '--db', str(home / 'shop.db'), 'demo')
    assert code == 1 and out == ''
    assert err.startswith('错误：') and '已经有 1 位顾客' in err
    assert stats_of(home / 'shop.db')['customers'] == 1


def test_commands_through_a_real_process(home):
    env = {**os.environ, 'PYTHONPATH': str(ROOT), 'ZHANGGUI_HOME': str(home / 'home'),
           'PYTHONIOENCODING': 'utf-8'}
    db = str(home / 'proc.db')

    def main(*args):
        return subprocess.run([sys.executable, 'main.py', '--db', db, *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding='utf-8', timeout=60)
    made = main('demo', '--customers', '200')
    assert made.returncode == 0, made.stderr
    shown = main('stats', '--json')
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)['customers'] > 190
    again = main('demo')
    assert again.returncode == 1 and '错误：' in again.stderr and 'Traceback' not in again.stderr


def test_backup_and_restore_round_trip(home, capsys):
    db, copy = home / 'shop.db', home / 'copy.db'
    cli(capsys, '--db', str(db), 'demo', '--customers', '80')
    before = stats_of(db)
    code, out, _ = cli(capsys, '--db', str(db), 'backup', str(copy))
    assert code == 0 and str(copy) in out
    # The backup is one self-contained file, not a WAL database needing side files.
    conn = sqlite3.connect(copy)
    assert conn.execute('PRAGMA journal_mode').fetchone()[0] == 'delete'
    conn.close()
    open_database(db)                                   # the shop changes after the backup
    Order.delete().execute()
    Customer.create(platform='pdd', nick='新来的')
    close_database()
    assert stats_of(db)['orders'] == 0
    code, out, _ = cli(capsys, '--db', str(db), 'restore', str(copy))
    assert code == 0 and '已从' in out
    assert stats_of(db) == before
    # The state just before the restore was kept.
    safety = list((home / 'backups').glob('before-restore-*.db'))
    assert len(safety) == 1
    assert stats_of(safety[0])['customers'] == before['customers'] + 1
    assert not (home / 'copy.db-wal').exists()


def test_backup_to_the_default_folder(home, capsys):
    db = home / 'shop.db'
    cli(capsys, '--db', str(db), 'demo', '--customers', '20')
    code, out, _ = cli(capsys, '--db', str(db), 'backup')
    assert code == 0
    path = Path(out.split('：', 1)[1].strip())
    assert path.parent == home / 'backups' and path.name.startswith('shop-')
    assert stats_of(path) == stats_of(db)
    code, out2, _ = cli(capsys, '--db', str(db), 'backup')      # same second: a new name
    assert code == 0 and out2 != out


def test_restore_of_a_non_database_is_refused(home, capsys):
    db, junk = home / 'shop.db', home / 'notes.db'
    cli(capsys, '--db', str(db), 'demo', '--customers', '30')
    before = stats_of(db)
    junk.write_text('这不是数据库', encoding='utf-8')
    code, out, err = cli(capsys, '--db', str(db), 'restore', str(junk))
    assert code == 1 and out == '' and '不是数据库文件' in err
    assert stats_of(db) == before
    assert not (home / 'backups').exists()             # refused before touching anything


def test_restore_of_a_foreign_or_damaged_database_is_refused(home, capsys):
    db, foreign, broken = home / 'shop.db', home / 'other.db', home / 'broken.db'
    cli(capsys, '--db', str(db), 'demo', '--customers', '30')
    conn = sqlite3.connect(foreign)
    conn.execute('CREATE TABLE notes (x)')
    conn.commit()
    conn.close()
    cli(capsys, '--db', str(db), 'backup', str(broken))
    data = broken.read_bytes()
    broken.write_bytes(data[:len(data) // 2])          # a backup cut short by a full USB stick
    for src, words in ((foreign, '不是掌柜会员通的数据库'), (broken, '损坏'),
                       (home / 'missing.db', '找不到备份文件')):
        code, _, err = cli(capsys, '--db', str(db), 'restore', str(src))
        assert code == 1 and words in err, err
    assert stats_of(db)['customers'] > 0


def test_unreadable_database_is_one_sentence(home, capsys):
    junk = home / 'junk.db'
    junk.write_bytes(b'hello, not a database' * 100)
    code, out, err = cli(capsys, '--db', str(junk), 'stats')
    assert code == 1 and out == ''
    assert err.startswith('错误：') and err.count('\n') == 1


def test_another_programs_database_is_left_alone(home, capsys):
    other = home / 'other.db'
    conn = sqlite3.connect(other)
    conn.execute('CREATE TABLE notes (x)')
    conn.commit()
    conn.close()
    code, _, err = cli(capsys, '--db', str(other), 'stats')
    assert code == 1 and '不是掌柜会员通的数据库' in err
    conn = sqlite3.connect(other)
    assert [t for (t,) in conn.execute("SELECT name FROM sqlite_master")] == ['notes']
    conn.close()
    assert not (home / 'backups').exists()


def test_backup_is_for_sqlite_files_only(home, capsys):
    for command in (['backup'], ['restore', 'x.db']):
        code, _, err = cli(capsys, '--db', 'postgresql://shop:s3cret@db.local/shop', *command)
        assert code == 1 and 'pg_dump' in err and 'SQLite' in err and 's3cret' not in err
    code, _, err = cli(capsys, '--db', str(home / 'missing.db'), 'backup')
    assert code == 1 and '找不到数据库文件' in err
    assert not (home / 'missing.db').exists()


def test_usage_errors(home, capsys):
    assert cli(capsys)[0] == 2
    assert cli(capsys, 'import-everything')[0] == 2
    assert cli(capsys, '--db', str(home / 'x.db'), 'demo', '--customers', '0')[0] == 1
    code, out, _ = cli(capsys, '--help')
    assert code == 0 and 'stats' in out and 'restore' in out


def test_stats_rescores_a_shop_last_scored_on_another_day(home, capsys):
    from datetime import date, timedelta
    from models.database import close_database, open_database
    from services import scoring, settings
    db = str(home / 'shop.db')
    cli(capsys, '--db', db, 'demo', '--customers', '50')
    open_database(db)
    state = settings.get(scoring.refresh.STATE_KEY)
    state['as_of'] = (date.today() - timedelta(days=3)).isoformat()
    settings.put(scoring.refresh.STATE_KEY, state)
    close_database()
    code, out, _ = cli(capsys, '--db', db, 'stats', '--json')
    assert code == 0 and json.loads(out)['segments']
    open_database(db)
    assert scoring.load_state().as_of == date.today()
    close_database()
