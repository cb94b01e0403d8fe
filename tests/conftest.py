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


@pytest.fixture
def database(tmp_path):
    from models.database import close_database, open_database
    db = open_database(tmp_path / 'shop.db')
    yield db
    close_database()


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
