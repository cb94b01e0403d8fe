"""Moving a shop file to a PostgreSQL server; the connection settings of a PC."""
from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from services import connection, ui_prefs
from services.connection import ServerSettings, parse_server_url
from services.errors import UserError


def test_server_settings_build_a_url_with_the_password_quoted():
    s = ServerSettings(host='192.168.1.10', port=5433, database='shop', user='店长',
                       password='p@ss:w/rd%')
    url = s.url()
    assert url == ('postgresql://%E5%BA%97%E9%95%BF:p%40ss%3Aw%2Frd%25'
                   '@192.168.1.10:5433/shop')
    assert parse_server_url(url) == s
    assert connection.display_target(url) == (
        'postgresql://%E5%BA%97%E9%95%BF@192.168.1.10:5433/shop')


@pytest.mark.parametrize('change, word', [
    (dict(host=''), '地址'), (dict(host='db local'), '地址'), (dict(port=0), '端口'),
    (dict(database='1shop'), '数据库名'), (dict(database='shop;drop'), '数据库名'),
    (dict(user=' '), '用户名')])
def test_bad_server_settings_are_refused_with_a_sentence(change, word):
    fields = dict(host='db.local', port=5432, database='shop', user='shop', password='x')
    with pytest.raises(UserError, match=word):
        ServerSettings(**{**fields, **change}).url()


def test_the_pc_remembers_which_shop_to_open(tmp_path):
    from services.config import default_db_path, resolve_db_target
    assert resolve_db_target(None) == str(default_db_path())
    prefs = ui_prefs.load()
    ui_prefs.save(ui_prefs.UiPrefs(language='en', database='postgresql://u@h/shop'))
    try:
        assert resolve_db_target(None) == 'postgresql://u@h/shop'
        assert resolve_db_target(str(tmp_path / 'x.db')) == str(tmp_path / 'x.db')
        assert ui_prefs.load().language == 'en'
    finally:
        ui_prefs.save(prefs)


def _small_shop(path):
    """A shop file with a referral pointing forward (the referrer is added later)."""
    from models import Customer, Order, Tier
    from models.database import close_database, open_database
    from services.customer_profile import CustomerProfile
    from services.customers import create_customer
    from services.referrals import record_referral
    open_database(path)
    first = create_customer(CustomerProfile(nick='小王', name='王芳', phone='13800001111'))
    second = create_customer(CustomerProfile(nick='老李'))
    Order.create(platform='taobao', order_no='T1', customer=first, completed=True,
                 amount=59800, paid_at=datetime(2024, 5, 1, 10, 30), status='交易成功')
    record_referral(second, first)
    Customer.update(tier_locked=True, tier=Tier.get(Tier.rank == 1)).where(
        Customer.id == first).execute()
    close_database()
    return first, second


def test_a_shop_file_moves_to_an_empty_server_database(tmp_path, pg_empty_url):
    from models import ALL_MODELS, Customer, Order
    from models.database import open_database
    from services.server_move import move_to_server
    first, second = _small_shop(tmp_path / 'shop.db')
    src = sqlite3.connect(tmp_path / 'shop.db')
    counts = {m._meta.table_name: src.execute(
        f'SELECT COUNT(*) FROM "{m._meta.table_name}"').fetchone()[0] for m in ALL_MODELS}
    src.close()
    seen = []
    result = move_to_server(tmp_path / 'shop.db', pg_empty_url,
                            progress=lambda done, total: seen.append((done, total)))
    assert result.rows == sum(counts.values()) and seen[-1][0] == seen[-1][1]
    assert 'zhanggui@' in result.url and ':zhanggui@' not in result.url

    open_database(pg_empty_url)
    for model in ALL_MODELS:
        assert model.select().count() == counts[model._meta.table_name], model
    moved = Customer.get_by_id(first)
    assert (moved.nick, moved.name, moved.tier_locked, moved.referred_by_id) == (
        '小王', '王芳', True, second)
    order = Order.get(Order.order_no == 'T1')
    assert (order.completed, order.amount, order.paid_at) == (
        True, 59800, datetime(2024, 5, 1, 10, 30))
    # New rows continue after the copied ids.
    from services.customer_profile import CustomerProfile
    from services.customers import create_customer
    assert create_customer(CustomerProfile(nick='新客')) > max(first, second)


def test_a_server_database_with_data_is_refused_and_left_alone(tmp_path, pg_empty_url):
    from models import Customer
    from models.database import close_database, open_database
    from services.server_move import move_to_server
    _small_shop(tmp_path / 'shop.db')
    open_database(pg_empty_url)
    Customer.create(nick='服务器上的顾客', platform='taobao')
    close_database()
    with pytest.raises(UserError, match='已经有数据'):
        move_to_server(tmp_path / 'shop.db', pg_empty_url)
    open_database(pg_empty_url)
    assert [c.nick for c in Customer.select()] == ['服务器上的顾客']


def test_a_cancelled_move_leaves_the_server_database_empty(tmp_path, pg_empty_url):
    from models.database import make_database
    from services.server_move import move_to_server
    from services.tasks import Cancelled
    _small_shop(tmp_path / 'shop.db')
    calls = []

    def cancel_midway() -> bool:
        calls.append(1)
        return len(calls) > 3
    with pytest.raises(Cancelled):
        move_to_server(tmp_path / 'shop.db', pg_empty_url, cancelled=cancel_midway)
    target = make_database(pg_empty_url)
    target.connect()
    assert target.get_tables() == []
    target.close()


def test_an_unreachable_server_is_one_sentence(tmp_path):
    from services.server_move import move_to_server
    _small_shop(tmp_path / 'shop.db')
    # Port 9 (discard) on loopback: refused at once, no waiting for a timeout.
    with pytest.raises(UserError, match='连不上数据库服务器'):
        move_to_server(tmp_path / 'shop.db', 'postgresql://u:secret@127.0.0.1:9/shop')


# --- the 数据库连接 settings ------------------------------------------------------------

@pytest.fixture
def editor(qtbot, database):
    from ui.widgets.connection_editor import ConnectionEditor
    prefs = ui_prefs.load()
    w = ConnectionEditor()
    qtbot.addWidget(w)
    yield w
    ui_prefs.save(prefs)


def _fill(editor, host='127.0.0.1', port=5432, database='shop', user='shop', password='pw'):
    editor.use_server.setChecked(True)
    editor.host.setText(host)
    editor.port.setValue(port)
    editor.database.setText(database)
    editor.user.setText(user)
    editor.password.setText(password)


def test_the_editor_saves_a_server_for_the_next_start(editor):
    assert editor.use_file.isChecked() and not editor.server_box.isEnabled()
    _fill(editor, host='192.168.1.10', password='s3cret')
    editor.save_button.click()
    assert ui_prefs.load().database == 'postgresql://shop:s3cret@192.168.1.10:5432/shop'
    assert 's3cret' not in editor.message.text() and '192.168.1.10' in editor.message.text()
    editor.load()
    assert editor.use_server.isChecked() and editor.password.text() == 's3cret'
    editor.use_file.setChecked(True)
    editor.save_button.click()
    assert ui_prefs.load().database == ''


def test_the_editor_refuses_bad_settings_with_a_sentence(editor):
    _fill(editor, host='')
    editor.save_button.click()
    assert '服务器的地址' in editor.message.text()
    assert ui_prefs.load().database == ''


def test_testing_an_unreachable_server_says_so(qtbot, editor):
    _fill(editor, port=9)
    editor.test_button.click()
    qtbot.waitUntil(lambda: '连不上数据库服务器' in editor.message.text(), timeout=10000)
    assert editor.test_button.isEnabled()


def test_the_editor_moves_the_open_shop_to_a_server(qtbot, monkeypatch, tmp_path, pg_empty_url):
    from PySide6.QtWidgets import QMessageBox
    from models import Customer
    from models.database import close_database, open_database
    from services.connection import parse_server_url
    from ui.widgets.connection_editor import ConnectionEditor
    _small_shop(tmp_path / 'shop.db')
    open_database(tmp_path / 'shop.db')
    prefs = ui_prefs.load()
    editor = ConnectionEditor()
    qtbot.addWidget(editor)
    try:
        s = parse_server_url(pg_empty_url)
        _fill(editor, s.host, s.port, s.database, s.user, s.password)
        editor.test_button.click()
        qtbot.waitUntil(lambda: '数据库是空的' in editor.message.text(), timeout=10000)
        monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
        with qtbot.waitSignal(editor.moved, timeout=20000) as moved:   # then a restart
            editor.move_button.click()
        assert '已搬到服务器' in editor.message.text() and moved.args == [s.url()]
        assert ui_prefs.load().database == s.url()
        close_database()
        open_database(ui_prefs.load().database)
        assert Customer.select().count() == 2
    finally:
        ui_prefs.save(prefs)


# --- opening a server shop ---------------------------------------------------------------

def test_sqlite_style_parameters_become_psycopg2_style():
    from models.postgres import to_pyformat
    sql = "SELECT a FROM t WHERE b = ? AND c LIKE 'o:%' AND d = %s AND \"x?\" = '?' AND e % 2 = 0"
    assert to_pyformat(sql) == (
        "SELECT a FROM t WHERE b = %s AND c LIKE 'o:%%' AND d = %s AND \"x?\" = '?' "
        "AND e %% 2 = 0")
    assert to_pyformat("SELECT 1 WHERE a >= :w AND b::int < :e AND c = 'it''s :x'", True) == (
        "SELECT 1 WHERE a >= %(w)s AND b::int < %(e)s AND c = 'it''s :x'")


def _with_password(url: str, password: str) -> str:
    s = parse_server_url(url)
    s.password = password
    return s.url()


def test_opening_a_server_shop_that_cannot_be_used_is_one_sentence(pg_empty_url):
    from models.database import DatabaseError, open_database
    with pytest.raises(DatabaseError, match='用户名或密码不对') as e:
        open_database(_with_password(pg_empty_url, 'wrong-secret'))
    assert 'wrong-secret' not in str(e.value)
    with pytest.raises(DatabaseError, match='还没有这个数据库'):
        open_database(pg_empty_url.rsplit('/', 1)[0] + '/no_such_shop')
    with pytest.raises(DatabaseError, match='连不上数据库服务器'):
        open_database('postgresql://u:secret@127.0.0.1:9/shop')


def test_several_pcs_opening_a_new_server_shop_at_once_create_it_once(pg_empty_url):
    """Four processes open the same empty database together (as PCs starting a new release):
    the advisory lock lets one create the schema; the others wait and find it there."""
    import subprocess
    import sys
    from pathlib import Path
    code = ('import sys; sys.path.insert(0, sys.argv[1]); '
            'from models.database import open_database; from models import Tier; '
            'open_database(sys.argv[2]); print(Tier.select().count())')
    root = str(Path(__file__).resolve().parent.parent)
    procs = [subprocess.Popen([sys.executable, '-c', code, root, pg_empty_url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err for _, err in outs]
    assert [out.strip() for out, _ in outs] == ['4'] * 4      # the four default tiers, once


def test_the_command_line_moves_a_shop_file(tmp_path, capsys, pg_empty_url):
    from models import Customer
    from models.database import close_database, open_database
    from services.cli import run_cli
    _small_shop(tmp_path / 'shop.db')
    prefs = ui_prefs.load()
    try:
        assert run_cli(['--db', str(tmp_path / 'shop.db'), 'move-to-server', pg_empty_url,
                        '--use']) == 0
        out, err = capsys.readouterr()
        assert '已搬到服务器' in out and '100%' in err
        assert ':zhanggui@' not in out + err                   # the password is never printed
        assert ui_prefs.load().database == pg_empty_url
    finally:
        ui_prefs.save(prefs)
    open_database(pg_empty_url)
    assert Customer.select().count() == 2
    close_database()
    # Moving again onto the now filled database is refused, and says why.
    assert run_cli(['--db', str(tmp_path / 'shop.db'), 'move-to-server', pg_empty_url]) == 1
    assert '已经有数据' in capsys.readouterr().err


def test_the_command_line_refuses_what_cannot_be_moved(tmp_path, capsys):
    from services.cli import run_cli
    assert run_cli(['--db', str(tmp_path / 'shop.db'), 'move-to-server', 'shop.db']) == 1
    assert 'postgresql://' in capsys.readouterr().err
    assert run_cli(['--db', 'postgresql://u:pw@h/x', 'move-to-server', 'postgresql://u:pw@h/y']) == 1
    err = capsys.readouterr().err
    assert '本机的数据文件' in err and ':pw@' not in err
    assert run_cli(['--db', str(tmp_path / 'missing.db'), 'move-to-server', 'postgresql://u@h/y']) == 1


def test_a_dead_server_at_start_offers_retry_or_this_pcs_file(qtbot, monkeypatch):
    """A PC set to a server that is down must not lock the owner out of the app."""
    import ui.app
    from models import Customer
    from models.database import close_database, opened_target
    from services.config import default_db_path
    asked = []

    def answer(message: str) -> str:
        asked.append(message)
        return 'retry' if len(asked) == 1 else 'local'
    monkeypatch.setattr(ui.app, '_ask_server_down', answer)
    try:
        assert ui.app.open_or_recover('postgresql://u:secret@127.0.0.1:9/shop') == str(
            default_db_path())
        assert len(asked) == 2 and '连不上数据库服务器' in asked[0]
        assert 'secret' not in asked[0]
        assert opened_target() == str(default_db_path()) and Customer.select().count() == 0
    finally:
        close_database()
        for suffix in ('', '-wal', '-shm'):     # the test data folder is shared
            default_db_path().with_name(default_db_path().name + suffix).unlink(missing_ok=True)
    monkeypatch.setattr(ui.app, '_ask_server_down', lambda message: 'quit')
    assert ui.app.open_or_recover('postgresql://u:secret@127.0.0.1:9/shop') is None


def test_a_dropped_server_connection_comes_back(database):
    """The server ended this PC's session (restart, network): a read reconnects by
    itself; a write outside a transaction fails once with a sentence, then works."""
    from models import Customer
    from models.database import is_server_url, opened_target
    from services.errors import friendly
    if not is_server_url(opened_target()):
        pytest.skip('a server connection')
    import psycopg2
    Customer.create(nick='甲', platform='taobao')

    def kill_session():
        pid = database.execute_sql('SELECT pg_backend_pid()').fetchone()[0]
        admin = psycopg2.connect(**{**database.connect_params, 'database': database.database})
        admin.autocommit = True
        admin.cursor().execute('SELECT pg_terminate_backend(%s)', (pid,))
        admin.close()
    kill_session()
    assert Customer.select().count() == 1                         # read: reconnected
    kill_session()
    with pytest.raises(Exception) as e:
        Customer.create(nick='乙', platform='taobao')
    assert '连接断了' in friendly(e.value)
    Customer.create(nick='乙', platform='taobao')                  # the retry works
    assert sorted(c.nick for c in Customer.select()) == ['乙', '甲']


@pytest.mark.parametrize('password', ['a#b!@/c:d%e', '店长 密码'])
def test_a_password_with_any_characters_logs_in(pg_empty_url, password):
    import psycopg2
    from models.database import close_database, make_database
    s = parse_server_url(pg_empty_url)
    admin = psycopg2.connect(host=s.host, port=s.port, user=s.user, password=s.password,
                             dbname=s.database)
    admin.autocommit = True
    cur = admin.cursor()
    cur.execute('DROP ROLE IF EXISTS zhanggui_odd_pw')
    cur.execute('CREATE ROLE zhanggui_odd_pw LOGIN PASSWORD %s', (password,))
    try:
        url = ServerSettings(s.host, s.port, s.database, 'zhanggui_odd_pw', password).url()
        # Logged in; not the database's owner, so it may not create the shop's tables.
        assert connection.check_server(parse_server_url(url)).kind == 'no_create'
        server = make_database(url)
        server.connect()
        assert server.execute_sql('SELECT current_user').fetchone()[0] == 'zhanggui_odd_pw'
        server.close()
        assert password not in connection.display_target(url)
    finally:
        close_database()
        cur.execute('DROP ROLE zhanggui_odd_pw')
        admin.close()


def test_display_target_never_shows_a_password():
    from models.database import display_target
    assert display_target('postgresql://shop:p@ss@h:5432/z') == 'postgresql://shop@h:5432/z'
    assert display_target('postgresql://shop:a/b@h/z') == 'postgresql://shop@h/z'
    assert display_target('postgresql://h/z?password=secret&sslmode=require') == (
        'postgresql://h/z?sslmode=require')
    assert display_target('postgresql://h/z') == 'postgresql://h/z'


def test_a_move_that_fails_on_a_row_names_the_table_and_leaves_nothing(tmp_path, pg_empty_url):
    from models.database import make_database
    from services.server_move import move_to_server
    folder = tmp_path / '店铺#2 100%'                   # '#' and '%' are common in folder names
    folder.mkdir()
    _small_shop(folder / 'shop.db')
    src = sqlite3.connect(folder / 'shop.db')
    src.execute('UPDATE customer SET total_spent = 3000000000 WHERE nick = ?', ['小王'])
    src.commit()
    src.close()
    with pytest.raises(UserError, match='表 customer .*整数范围') as e:
        move_to_server(folder / 'shop.db', pg_empty_url)
    assert '小王' not in str(e.value)                    # no buyer's row in the message
    target = make_database(pg_empty_url)
    target.connect()
    assert target.get_tables() == []
    target.close()
    assert [p.name for p in folder.iterdir()] == ['shop.db']     # no -wal/-shm left behind


def test_a_move_by_a_user_who_does_not_own_the_database_is_refused(tmp_path, pg_empty_url):
    import psycopg2
    from services.server_move import move_to_server
    _small_shop(tmp_path / 'shop.db')
    s = parse_server_url(pg_empty_url)
    admin = psycopg2.connect(host=s.host, port=s.port, user=s.user, password=s.password,
                             dbname=s.database)
    admin.autocommit = True
    cur = admin.cursor()
    cur.execute('DROP ROLE IF EXISTS zhanggui_clerk')
    cur.execute("CREATE ROLE zhanggui_clerk LOGIN PASSWORD 'clerk'")
    try:
        url = ServerSettings(s.host, s.port, s.database, 'zhanggui_clerk', 'clerk').url()
        with pytest.raises(UserError, match=f'所有者 {s.user}'):
            move_to_server(tmp_path / 'shop.db', url)
    finally:
        cur.execute('DROP ROLE zhanggui_clerk')
        admin.close()


def test_an_ipv6_server_address_round_trips():
    s = ServerSettings(host='fe80::1', port=5432, database='shop', user='shop', password='x')
    assert s.url() == 'postgresql://shop:x@[fe80::1]:5432/shop'
    assert parse_server_url(s.url()).url() == s.url()
    assert ServerSettings('[::1]', 5432, 'shop', 'shop').url() == 'postgresql://shop@[::1]:5432/shop'
    with pytest.raises(UserError, match='地址'):
        ServerSettings(host='fe80::zz', database='shop', user='shop').url()
