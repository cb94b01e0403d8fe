"""Review fixes of the PostgreSQL port: SQLite-written undo data on a server, code-point
text order whatever the server's collation, the per-PC preferences file."""
import json
import os
import stat
from datetime import datetime

import pytest

from models import Customer, ImportChange, Order, db
from services import analytics, member_query, ui_prefs
from services.importing import batches
from services.importing.records import LineRecord, OrderRecord, ParsedFile


def _order(no, status):
    paid = datetime(2024, 5, 1, 10)
    return OrderRecord(platform='taobao', order_no=no, nick='tb_a', status=status,
                       status_text=status, amount=100_00, created_at=paid, paid_at=paid,
                       receiver='张伟', phone='13800001234', province='浙江省', city='杭州市',
                       address='文三路1号', lines=[LineRecord('奶粉', 2, 50_00, 100_00, code='NF1')])


def _commit(records, file_hash):
    return batches.commit(ParsedFile(path='/x/订单.csv', kind='orders', platform='taobao',
                                     headers=[], rows_read=len(records), records=records),
                          file_hash)


def _completed_numbers() -> list[str]:
    cur = db.execute_sql('SELECT order_no FROM "order" WHERE completed = TRUE ORDER BY order_no')
    return [n for (n,) in cur.fetchall()]


def test_undo_takes_flags_saved_as_1_and_0_as_a_file_shop_wrote_them(database):
    _commit([_order('1', 'completed'), _order('2', 'refunded')], 'h1')
    second = _commit([_order('1', 'refunded'), _order('2', 'completed')], 'h2')
    assert _completed_numbers() == ['2']
    # A shop file's before-images say 1/0; a move to a server copies them as text.
    changes = list(ImportChange.select().where(ImportChange.batch == second.id,
                                               ImportChange.table == 'order'))
    assert len(changes) == 2
    for change in changes:
        before = json.loads(change.before)
        before['completed'] = int(before['completed'])
        ImportChange.update(before=json.dumps(before)).where(
            ImportChange.id == change.id).execute()
    assert sorted(json.loads(c.before)['completed'] for c in ImportChange.select().where(
        ImportChange.batch == second.id, ImportChange.table == 'order')) == [0, 1]
    batches.undo(second.id)
    assert _completed_numbers() == ['1']
    assert [(o.order_no, o.completed, o.status) for o in Order.select().order_by(Order.order_no)] \
        == [('1', True, 'completed'), ('2', False, 'refunded')]
    a = Customer.get(Customer.nick == 'tb_a')
    assert (a.order_count, a.total_spent) == (1, 100_00)


# Code point: '1' < 'B' < 'a' < 'b', 熊 (U+718A) < 鹿 (U+9E7F). A Chinese collation puts
# a before b before B, and 鹿 (lu) before 熊 (xiong).
_NICKS = ['b', '1314小鹿2010', 'B', 'a', '1314小熊2011']
_CODE_POINT = sorted(_NICKS)


@pytest.fixture
def zh_collated_url(pg_empty_url):
    """A shop database on the test server whose default collation is not code-point
    order (ICU Chinese, else a libc locale); skipped without ZHANGGUI_TEST_PG."""
    import psycopg2
    name = f'zhanggui_test_zh_{os.getpid()}'
    admin = psycopg2.connect(pg_empty_url)
    admin.autocommit = True
    created = False
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
        tries = [f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                 "LOCALE_PROVIDER icu ICU_LOCALE 'zh' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"]
        tries += [f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                  f"LC_COLLATE '{loc}' LC_CTYPE '{loc}'"
                  for loc in ('zh_CN.UTF-8', 'en_US.UTF-8')]
        for sql in tries:
            try:
                cur.execute(sql)
            except psycopg2.Error:
                continue
            created = True
            break
    if not created:
        admin.close()
        pytest.skip('this server has no collation other than code-point order')
    yield pg_empty_url.rsplit('/', 1)[0] + '/' + name
    from models.database import close_database
    close_database()
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
    admin.close()


def test_text_sorts_by_code_point_on_a_server_with_another_collation(zh_collated_url):
    from models.database import open_database
    from services.customer_profile import CustomerProfile
    from services.customers import create_customer
    open_database(zh_collated_url)
    ids = {create_customer(CustomerProfile(nick=n, city=n)): n for n in _NICKS}
    # The server's own order differs, else this test could not fail.
    server = [n for (n,) in db.execute_sql('SELECT nick FROM customer ORDER BY nick').fetchall()]
    assert server != _CODE_POINT
    for sort in ('nick', 'city'):
        up = member_query.page(member_query.MemberFilter(sort=sort, descending=False), 0, 50)
        assert [r.nick for r in up] == _CODE_POINT
        down = member_query.page(member_query.MemberFilter(sort=sort, descending=True), 0, 50)
        assert [r.nick for r in down] == _CODE_POINT[::-1]
        assert [ids[i] for i in member_query.ids(
            member_query.MemberFilter(sort=sort, descending=False))] == _CODE_POINT
        assert [ids[i] for i in analytics.sort_ids(list(ids), sort, False)] == _CODE_POINT
        assert [ids[i] for i in analytics.sort_ids(list(ids), sort, True)] == _CODE_POINT[::-1]


def test_a_bad_field_in_the_preferences_file_loses_only_itself():
    url = 'postgresql://shop:s3cret@192.168.1.10:5432/shop'
    path = ui_prefs.prefs_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_bytes() if path.exists() else None
    try:
        path.write_text(json.dumps({'language': 'xx', 'database': url}), encoding='utf-8')
        assert ui_prefs.load() == ui_prefs.UiPrefs(language='zh_CN', database=url)
        path.write_text(json.dumps({'language': 'en', 'database': 5}), encoding='utf-8')
        assert ui_prefs.load() == ui_prefs.UiPrefs(language='en', database='')
        path.write_text(json.dumps({'language': ['en'], 'database': url, 'later': 1}),
                        encoding='utf-8')
        assert ui_prefs.load() == ui_prefs.UiPrefs(language='zh_CN', database=url)
    finally:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(old)


@pytest.mark.skipif(os.name != 'posix', reason='file modes are POSIX')
def test_the_preferences_file_is_readable_by_its_owner_only():
    path = ui_prefs.prefs_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_bytes() if path.exists() else None
    try:
        path.write_text('{}', encoding='utf-8')
        os.chmod(path, 0o644)       # as an earlier release wrote it
        ui_prefs.save(ui_prefs.UiPrefs(language='en',
                                       database='postgresql://shop:s3cret@h/shop'))
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert ui_prefs.load().database == 'postgresql://shop:s3cret@h/shop'
    finally:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(old)
