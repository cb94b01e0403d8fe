"""Shared fixtures: a fresh database per test, and factories for customers and orders."""
from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Set before anything reads them: Qt picks the platform when the app starts, and
# services.config must never resolve to the owner's real data folder.
os.environ['QT_QPA_PLATFORM'] = 'offscreen'
_HOME = tempfile.mkdtemp(prefix='zhanggui-tests-')
os.environ['ZHANGGUI_HOME'] = _HOME


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_HOME, ignore_errors=True)
    if PG_URL and _pg_template_ready:
        from models.database import close_database
        close_database()
        admin = _pg_admin()
        with admin.cursor() as cur:
            for name in (_PG_SHOP, _PG_TEMPLATE):
                cur.execute(f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
        admin.close()


# ZHANGGUI_TEST_PG=postgresql://user:password@host/any runs every test that uses the
# `database` fixture against that PostgreSQL server instead (bash tests/run_postgres.sh
# starts a throwaway server and runs the suite that way).
PG_URL = os.environ.get('ZHANGGUI_TEST_PG', '')


def pytest_configure(config):
    config.addinivalue_line(
        'markers', 'sqlite_only: tests SQLite files themselves (backups, migrations of '
        'frozen shop files); not run against PostgreSQL')


def pytest_collection_modifyitems(config, items):
    if not PG_URL:
        return
    # The PostgreSQL pass is the service suite: tests that use a shop database.
    keep, drop = [], []
    for item in items:
        names = getattr(item, 'fixturenames', ())
        wanted = (('database' in names or 'pg_empty_url' in names)
                  and item.get_closest_marker('sqlite_only') is None)
        (keep if wanted else drop).append(item)
    items[:] = keep
    config.hook.pytest_deselected(items=drop)


@pytest.fixture
def database(tmp_path):
    from models.database import close_database, open_database
    db = open_database(pg_fresh_url() if PG_URL else tmp_path / 'shop.db')
    yield db
    close_database()


# Per process, so two test runs can share one server.
_PG_TEMPLATE = f'zhanggui_test_template_{os.getpid()}'
_PG_SHOP = f'zhanggui_test_shop_{os.getpid()}'


def _pg_admin():
    import psycopg2
    from psycopg2.extensions import parse_dsn
    dsn = parse_dsn(PG_URL)
    dsn['dbname'] = 'postgres'
    conn = psycopg2.connect(**dsn)
    conn.autocommit = True
    return conn


def _pg_url(name: str) -> str:
    return PG_URL.rsplit('/', 1)[0] + '/' + name


_pg_template_ready = False


def pg_fresh_url() -> str:
    """A new empty shop on the test server, copied from a template built once (~50 ms)."""
    global _pg_template_ready
    from models.database import close_database, open_database
    admin = _pg_admin()   # not `with admin`: psycopg2 would open a transaction
    with admin.cursor() as cur:
        if not _pg_template_ready:
            cur.execute(f'DROP DATABASE IF EXISTS {_PG_SHOP} WITH (FORCE)')
            cur.execute(f'DROP DATABASE IF EXISTS {_PG_TEMPLATE} WITH (FORCE)')
            # As README's server setup says: UTF-8, code-point order like SQLite's.
            cur.execute(f"CREATE DATABASE {_PG_TEMPLATE} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
                        "LC_CTYPE 'C.UTF-8' TEMPLATE template0")
            open_database(_pg_url(_PG_TEMPLATE))
            close_database()
            _pg_template_ready = True
        cur.execute(f'DROP DATABASE IF EXISTS {_PG_SHOP} WITH (FORCE)')
        cur.execute(f'CREATE DATABASE {_PG_SHOP} TEMPLATE {_PG_TEMPLATE}')
    admin.close()
    return _pg_url(_PG_SHOP)


@pytest.fixture
def tiers(database):
    """Seeded tier ids by name (普通会员 ... 至尊VIP会员)."""
    from models import Tier
    return {t.name: t.id for t in Tier.select()}


@pytest.fixture
def make_customer(database):
    """make_customer(nick, **profile_fields) -> id, through the real service."""
    from services.customer_profile import CustomerProfile
    from services.customers import create_customer

    def make(nick: str = 'buyer', **fields) -> int:
        return create_customer(CustomerProfile(nick=nick, **fields))
    return make


@pytest.fixture
def make_order(database):
    """make_order(customer_id, amount_fen, ...) -> Order; order numbers are unique."""
    from models import COMPLETED, Order
    numbers = itertools.count(1)

    def make(customer_id: int, amount: int = 100_00, *, completed: bool = True,
             paid_at: datetime | None = datetime(2024, 1, 1, 10, 0),
             platform: str = 'taobao', order_no: str | None = None,
             status: str | None = None) -> Order:
        return Order.create(
            platform=platform, order_no=order_no or f'TB{next(numbers):06d}',
            customer=customer_id, completed=completed, amount=amount, paid_at=paid_at,
            status=status or (COMPLETED if completed else 'paid'))
    return make


@pytest.fixture
def pg_empty_url():
    """An empty database on the test server (no tables), as an owner creates for a shop;
    skipped without ZHANGGUI_TEST_PG."""
    if not PG_URL:
        pytest.skip('needs a PostgreSQL server (ZHANGGUI_TEST_PG)')
    name = f'zhanggui_test_empty_{os.getpid()}'
    admin = _pg_admin()
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
        cur.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
                    "LC_CTYPE 'C.UTF-8' TEMPLATE template0")
    yield _pg_url(name)
    from models.database import close_database
    close_database()
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
    admin.close()
