"""`reminders` and `export reminders` on the command line."""
import csv
import json
from datetime import datetime

import pytest

from models import Order
from models.database import close_database, open_database
from services import customer_stats
from services.cli import run_cli
from services.customer_profile import CustomerProfile
from services.customers import create_customer


@pytest.fixture
def shop(tmp_path, monkeypatch):
    monkeypatch.setenv('ZHANGGUI_HOME', str(tmp_path / 'home'))
    path = tmp_path / 'shop.db'
    open_database(path)
    create_customer(CustomerProfile(nick='tb_amy', name='王芳', phone='13800001111',
                                    birth_kind='lunar', birth_month=7, birth_day=7))
    vip = create_customer(CustomerProfile(nick='pdd_vip', name='李娜'))
    Order.create(platform='pdd', order_no='P1', customer=vip, completed=True, amount=500_00,
                 paid_at=datetime(2025, 8, 20, 12, 0), status='completed')
    customer_stats.refresh()
    close_database()
    yield str(path)
    close_database()


def cli(capsys, *args):
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    assert 'Traceback' not in err
    return code, out, err


def test_reminders_json(shop, capsys):
    code, out, _ = cli(capsys, '--db', shop, 'reminders', '--date', '2025-08-25', '--days', '14',
                       '--json')
    assert code == 0
    items = json.loads(out)
    by_kind = {i['kind']: i for i in items}
    assert set(by_kind) == {'birthday', 'callback', 'festival'}
    b = by_kind['birthday']
    assert (b['date'], b['nick'], b['name']) == ('2025-08-29', 'tb_amy', '王芳')  # lunar 七夕
    assert b['reason'] == '农历生日 七月初七' and b['phone'] == '13800001111'
    c = by_kind['callback']
    assert (c['date'], c['nick']) == ('2025-09-04', 'pdd_vip') and '¥500.00' in c['reason']
    festival = [i for i in items if i['kind'] == 'festival']
    assert {f['name'] for f in festival} >= {'七夕'} and all('nick' not in f for f in festival)
    assert all({'kind', 'date', 'name', 'reason'} <= set(i) for i in items)
    assert [i['date'] for i in items] == sorted(i['date'] for i in items)


def test_reminders_window_edges(shop, capsys):
    # The callback is due 09-04: a window ending 09-03 leaves it out, 09-04 takes it in.
    _, out, _ = cli(capsys, '--db', shop, 'reminders', '--date', '2025-08-28', '--days', '6',
                    '--json')
    assert 'callback' not in {i['kind'] for i in json.loads(out)}
    _, out, _ = cli(capsys, '--db', shop, 'reminders', '--date', '2025-08-28', '--days', '7',
                    '--json')
    assert 'callback' in {i['kind'] for i in json.loads(out)}


def test_reminders_text(shop, capsys):
    code, out, _ = cli(capsys, '--db', shop, 'reminders', '--date', '2025-08-25', '--days', '14')
    assert code == 0 and '生日（1）' in out and 'tb_amy 王芳 13800001111' in out
    assert '回访（1）' in out


def test_reminders_default_is_today(shop, capsys):
    code, out, _ = cli(capsys, '--db', shop, 'reminders', '--json')
    assert code == 0 and isinstance(json.loads(out), list)


@pytest.mark.parametrize('args, text', [
    (('--date', '2025-02-30'), '日期“2025-02-30”无效'),
    (('--days', '-1'), '--days 应在 0 到'),
])
def test_reminders_bad_arguments(shop, capsys, args, text):
    code, _, err = cli(capsys, '--db', shop, 'reminders', *args)
    assert code == 1 and text in err


def test_export_reminders_csv(shop, capsys, tmp_path):
    out_file = tmp_path / 'calls.csv'
    code, out, _ = cli(capsys, '--db', shop, 'export', 'reminders', str(out_file),
                       '--date', '2025-08-25', '--days', '14')
    assert code == 0 and '已导出' in out
    with open(out_file, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == '类型'
    assert {r[0] for r in rows[1:]} == {'生日', '回访', '节日'}
    assert ['生日', '2025-08-29'] == [r for r in rows if r[3] == 'tb_amy'][0][:2]


def test_export_reminders_refuses_other_suffixes(shop, capsys, tmp_path):
    code, _, err = cli(capsys, '--db', shop, 'export', 'reminders', str(tmp_path / 'x.pdf'))
    assert code == 1 and '.xlsx 或 .csv' in err


def test_main_py_reminders_help():
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, 'main.py', 'reminders', '--help'], cwd=root,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and '--days' in proc.stdout and '--date' in proc.stdout
