"""The demo shop: realistic, consistent with every data invariant, deterministic."""
import hashlib
import json
import re
from datetime import date, datetime, timedelta

import pytest

from models import (ContactLog, CustomField, Customer, CustomerSearch, CustomerTag,
                    Order, OrderLine, PointsEntry, Product, Tag, Tier, db)
from models.database import close_database, open_database
from services.demo import build_demo_shop
from services.tasks import Cancelled
from services.errors import UserError

NOW = datetime(2024, 11, 20, 15, 30)


def scalar(sql: str, *params):
    return db.execute_sql(sql, params).fetchone()[0]


@pytest.fixture(scope='module')
def demo_shop(tmp_path_factory):
    """The full-size demo, built once for the read-only checks of this module."""
    database = open_database(tmp_path_factory.mktemp('demo') / 't.db')
    counts = build_demo_shop(now=NOW)
    yield database, counts
    database.close()


@pytest.fixture
def demo(demo_shop):
    database, counts = demo_shop
    db.initialize(database)        # other tests may have pointed the models elsewhere
    return counts


@pytest.fixture
def empty(database):
    """An empty shop: a file, or a database on the test server (ZHANGGUI_TEST_PG)."""
    return database


def test_counts_match_the_tables(demo):
    assert demo['customers'] == Customer.select().count() == 3000
    assert Customer.select().where(Customer.deleted_at.is_null()).count() == 3000 - demo['deleted']
    assert demo['orders'] == Order.select().count()
    assert demo['completed'] == Order.select().where(Order.completed == True).count()  # noqa: E712
    assert demo['lines'] == OrderLine.select().count()
    assert demo['points'] == PointsEntry.select().count()
    assert demo['tags'] == CustomerTag.select().count()
    assert demo['contacts'] == ContactLog.select().count() > 0
    assert demo['products'] == Product.select().count() == 25
    assert CustomerSearch.select().count() == 3000
    assert {f.name for f in CustomField.select()} == {'肤质', '宝宝生日'}
    from models.group import ChatGroup, GroupMember, Referral
    assert demo['groups'] == ChatGroup.select().count() == 5
    assert demo['group_members'] == GroupMember.select().count() > 300
    assert demo['referrals'] == Referral.select().count() > 10
    # Every tag is used, and on a plausible share of customers.
    for tag in Tag.select():
        n = CustomerTag.select().where(CustomerTag.tag == tag.id).count()
        assert 0 < n < 1500, tag.name


def test_orders_are_unique_per_platform_and_number(demo):
    assert scalar('SELECT COUNT(*) FROM (SELECT 1 FROM "order" '
                  'GROUP BY platform, order_no HAVING COUNT(*) > 1)') == 0
    assert scalar('SELECT COUNT(*) FROM customer GROUP BY platform, nick ORDER BY 1 DESC') == 1


def test_money_is_consistent_between_orders_and_lines(demo):
    assert scalar('SELECT COUNT(*) FROM order_line WHERE amount != quantity * price '
                  'OR quantity < 1 OR price <= 0') == 0
    assert scalar('''SELECT COUNT(*) FROM "order" o JOIN
                       (SELECT order_id, SUM(amount) s, SUM(quantity) q FROM order_line
                        GROUP BY order_id) l ON l.order_id = o.id
                     WHERE o.amount != l.s OR o.item_count != l.q''') == 0
    assert scalar('SELECT COUNT(*) FROM "order" WHERE id NOT IN '
                  '(SELECT order_id FROM order_line)') == 0
    assert scalar("SELECT typeof(amount) FROM \"order\" GROUP BY 1") == 'integer'


def test_statuses_are_consistent(demo):
    rows = dict(((s, t, c), n) for s, t, c, n in db.execute_sql(
        'SELECT status, status_text, completed, COUNT(*) FROM "order" GROUP BY 1, 2, 3'))
    assert set(rows) == {('completed', '交易成功', 1), ('closed', '交易关闭', 0),
                         ('refunded', '退款成功', 0), ('shipped', '卖家已发货，等待买家确认', 0),
                         ('paid', '买家已付款，等待卖家发货', 0)}
    assert rows[('completed', '交易成功', 1)] > 0.85 * demo['orders']
    # Unshipped and unconfirmed orders are recent ones only.
    oldest_open = scalar("SELECT MIN(paid_at) FROM \"order\" WHERE status IN ('paid', 'shipped')")
    assert datetime.fromisoformat(oldest_open) > NOW - timedelta(days=11)
    assert scalar("SELECT COUNT(*) FROM \"order\" WHERE status = 'closed' "
                  "AND paid_at IS NOT NULL") == 0


def test_derived_columns_equal_sql_aggregates(demo):
    mismatches = scalar('''
        SELECT COUNT(*) FROM customer c LEFT JOIN
          (SELECT customer_id, COUNT(*) n, SUM(amount) s, MIN(paid_at) f, MAX(paid_at) l
           FROM "order" WHERE completed GROUP BY customer_id) o ON o.customer_id = c.id
        LEFT JOIN (SELECT customer_id, SUM(points) p FROM points_entry GROUP BY customer_id) p
          ON p.customer_id = c.id
        WHERE c.order_count != COALESCE(o.n, 0) OR c.total_spent != COALESCE(o.s, 0)
           OR c.first_order_at IS NOT o.f OR c.last_order_at IS NOT o.l
           OR c.points != COALESCE(p.p, 0) OR c.tier_id IS NULL''')
    assert mismatches == 0


def test_long_tail_of_repeat_buyers(demo):
    counts = dict(db.execute_sql('SELECT order_count, COUNT(*) FROM customer '
                                 'WHERE order_count > 0 GROUP BY 1').fetchall())
    buyers = sum(counts.values())
    assert counts[1] > 0.45 * buyers                    # many buy once
    assert sum(n for k, n in counts.items() if k >= 2) > 0.25 * buyers
    assert max(counts) >= 15                            # a few loyal ones
    tiers = dict(db.execute_sql('SELECT t.name, COUNT(c.id) FROM tier t LEFT JOIN customer c '
                                'ON c.tier_id = t.id GROUP BY t.id').fetchall())
    assert all(tiers[name] > 0 for name in ('普通会员', '高级会员', 'VIP会员', '至尊VIP会员'))


def test_order_timing_is_realistic(demo):
    first, last = db.execute_sql('SELECT MIN(paid_at), MAX(paid_at) FROM "order"').fetchone()
    assert datetime.fromisoformat(first) >= NOW - timedelta(days=731)
    assert NOW - timedelta(days=3) < datetime.fromisoformat(last) <= NOW
    by_hour = dict(db.execute_sql("SELECT CAST(strftime('%H', paid_at) AS INT), COUNT(*) "
                                  'FROM "order" WHERE paid_at IS NOT NULL GROUP BY 1').fetchall())
    assert sum(by_hour.get(h, 0) for h in range(19, 24)) > 3 * sum(by_hour.get(h, 0)
                                                                    for h in range(0, 7))
    per_day = demo['orders'] / 731
    assert scalar("SELECT COUNT(*) FROM \"order\" WHERE date(paid_at) = '2023-11-11'") > 4 * per_day


def test_points_ledger(demo):
    # Every completed order earned once, a point per whole yuan, linked to its order.
    assert scalar('''SELECT COUNT(*) FROM "order" o LEFT JOIN points_entry p
                     ON p.order_id = o.id AND p.kind = 'earn'
                     WHERE o.completed AND (p.id IS NULL OR p.points != o.amount / 100
                        OR p.source != 'order:' || o.platform || ':' || o.order_no
                        OR p.reason NOT LIKE '订单 ' || o.order_no || ' 消费 ¥%'
                        OR p.created_at != o.paid_at)''') == 0
    assert scalar("SELECT COUNT(*) FROM points_entry WHERE kind = 'earn' AND order_id IN "
                  "(SELECT id FROM \"order\" WHERE completed)") == demo['completed']
    # Some refunds came after the points: earned, then taken back, net nothing.
    assert scalar('''SELECT COUNT(*) FROM "order" o WHERE NOT o.completed AND EXISTS
                     (SELECT 1 FROM points_entry p WHERE p.order_id = o.id)''') > 10
    assert scalar('''SELECT COUNT(*) FROM "order" o WHERE NOT o.completed AND
                     (o.status != 'refunded' OR (SELECT SUM(points) FROM points_entry p
                      WHERE p.order_id = o.id) != 0)
                     AND EXISTS (SELECT 1 FROM points_entry p WHERE p.order_id = o.id)''') == 0
    kinds = {k for (k,) in db.execute_sql('SELECT DISTINCT kind FROM points_entry')}
    assert kinds == {'earn', 'redeem', 'bonus', 'reverse'}
    assert scalar("SELECT COUNT(*) FROM points_entry WHERE (kind IN ('redeem', 'reverse')) "
                  "!= (points < 0) OR reason = '' OR source = ''") == 0
    assert scalar("SELECT COUNT(*) FROM points_entry WHERE (order_id IS NULL) "
                  "!= (kind IN ('redeem', 'bonus'))") == 0
    # No balance ever dips below zero, in ledger order.
    assert scalar('''SELECT COUNT(*) FROM (SELECT SUM(points) OVER (PARTITION BY customer_id
                     ORDER BY created_at, id) balance FROM points_entry) WHERE balance < 0''') == 0


def test_points_agree_with_the_rules(demo):
    from services.points import sync_order_points
    everyone = [i for (i,) in db.execute_sql('SELECT id FROM customer')]
    with db.atomic() as txn:
        assert sync_order_points(everyone) == 0        # nothing the rules would add
        txn.rollback()


def test_demo_follows_the_owners_points_rules(empty):
    from services import settings
    from services.points import PointsRules
    since = NOW - timedelta(days=365)
    settings.save(PointsRules(per_yuan=2, earn_since=since.date().isoformat(),
                              expiry_days=180, survey_points=0))
    counts = build_demo_shop(customers=200, now=NOW)
    assert counts['points'] == PointsEntry.select().count()
    assert scalar('''SELECT COUNT(*) FROM points_entry p JOIN "order" o ON o.id = p.order_id
                     WHERE p.kind = 'earn' AND (p.points != o.amount / 50
                        OR o.paid_at < ?)''', since.replace(hour=0, minute=0).isoformat(' ')) == 0
    assert scalar("SELECT COUNT(*) FROM points_entry WHERE kind = 'earn'") > 0
    assert scalar("SELECT COUNT(*) FROM points_entry WHERE kind = 'expire'") > 0
    assert scalar("SELECT COUNT(*) FROM points_entry WHERE source = 'survey'") == 0
    assert scalar('''SELECT COUNT(*) FROM customer c WHERE points !=
                     (SELECT COALESCE(SUM(points), 0) FROM points_entry p
                      WHERE p.customer_id = c.id)''') == 0


def test_history_happens_between_joining_and_now(demo):
    now = NOW.isoformat(' ')
    for sql in ('SELECT COUNT(*) FROM points_entry p JOIN customer c ON c.id = p.customer_id '
                'WHERE p.created_at < c.created_at OR p.created_at > ?',
                'SELECT COUNT(*) FROM contact_log x JOIN customer c ON c.id = x.customer_id '
                'WHERE x.at < c.created_at OR x.at > ?',
                'SELECT COUNT(*) FROM customer_tag t JOIN customer c ON c.id = t.customer_id '
                'WHERE t.added_at < c.created_at OR t.added_at > ?',
                'SELECT COUNT(*) FROM "order" o JOIN customer c ON c.id = o.customer_id '
                'WHERE o.created_at < c.created_at OR o.created_at > o.paid_at '
                'OR o.created_at > ?'):
        assert scalar(sql, now) == 0, sql


def test_people_look_real(demo):
    rows = list(Customer.select().tuples())
    assert scalar("SELECT COUNT(*) FROM customer WHERE name LIKE '欧阳%' OR name LIKE '司马%' "
                  "OR name LIKE '上官%' OR name LIKE '诸葛%' OR name LIKE '慕容%'") > 0
    assert scalar("SELECT COUNT(*) FROM customer WHERE name LIKE '王%'") > 100
    platforms = dict(db.execute_sql('SELECT platform, COUNT(*) FROM customer GROUP BY 1'))
    assert set(platforms) == {'taobao', 'tmall', 'pdd', 'douyin', 'store'}
    assert platforms['taobao'] > platforms['pdd'] > platforms['store']
    assert scalar("SELECT COUNT(*) FROM customer WHERE nick LIKE 'tb\\_%' ESCAPE '\\'") > 0
    assert scalar("SELECT COUNT(*) FROM customer WHERE nick LIKE 'pdd用户%'") > 0
    assert scalar("SELECT COUNT(*) FROM customer WHERE wechat != ''") > 300
    assert scalar("SELECT COUNT(*) FROM customer WHERE province = '' OR address = ''") == 0
    assert len(rows) == 3000


def test_masked_phones_only_on_pdd_and_douyin(demo):
    masked, full = re.compile(r'^1\d\d\*{4}\d{4}$'), re.compile(r'^1\d{10}$')
    for table in ('customer', '"order"'):
        for platform, phone in db.execute_sql(f'SELECT platform, phone FROM {table}'):
            pattern = masked if platform in ('pdd', 'douyin') else full
            assert pattern.match(phone), (table, platform, phone)


def test_birthdays_solar_and_lunar(demo):
    kinds = dict(db.execute_sql("SELECT birth_kind, COUNT(*) FROM customer GROUP BY 1"))
    with_birthday = kinds['solar'] + kinds['lunar']
    assert 0.5 < with_birthday / 3000 < 0.7
    assert 0.15 < kinds['lunar'] / with_birthday < 0.35
    assert kinds['lunar'] == demo['lunar']
    assert scalar("SELECT COUNT(*) FROM customer WHERE birth_leap AND birth_kind = 'lunar'") > 0
    assert scalar("SELECT COUNT(*) FROM customer WHERE birth_leap AND birth_kind != 'lunar'") == 0
    assert scalar("SELECT COUNT(*) FROM customer WHERE birth_kind = 'lunar' "
                  "AND birth_day = 30") > 0
    for y, m, d in db.execute_sql("SELECT birth_year, birth_month, birth_day FROM customer "
                                  "WHERE birth_kind = 'solar'"):
        date(y or 2000, m, d)                           # raises for an impossible date


def test_custom_fields_and_manual_tiers(demo):
    fields = {f.name for f in CustomField.select()}
    extras = [json.loads(e) for (e,) in db.execute_sql("SELECT extra FROM customer "
                                                      "WHERE extra != ''")]
    assert len(extras) > 300
    assert all(set(e) <= fields for e in extras)
    assert {'肤质', '宝宝生日'} <= {k for e in extras for k in e}
    vip = Tier.get(Tier.name == 'VIP会员').id
    locked = list(Customer.select().where(Customer.tier_locked == True))  # noqa: E712
    assert locked and all(c.tier_id == vip for c in locked)


def test_search_text_for_every_customer(demo):
    assert scalar('SELECT COUNT(*) FROM customer c LEFT JOIN customer_search s '
                  'ON s.customer_id = c.id WHERE s.text IS NULL '
                  'OR instr(s.text, lower(c.nick)) = 0') == 0


def fingerprint() -> str:
    h = hashlib.sha256()
    for sql in ('SELECT platform, nick, name, phone, birth_kind, birth_month, extra, points '
                'FROM customer ORDER BY id',
                'SELECT order_no, amount, status, paid_at FROM "order" ORDER BY id'):
        h.update(repr(db.execute_sql(sql).fetchall()).encode())
    return h.hexdigest()


def test_deterministic_for_a_seed(tmp_path):
    prints = []
    for name, seed in (('a', 7), ('b', 7), ('c', 8)):
        open_database(tmp_path / f'{name}.db')
        build_demo_shop(seed=seed, customers=150, now=NOW)
        prints.append(fingerprint())
        close_database()
    assert prints[0] == prints[1] != prints[2]


def test_progress_is_reported_to_the_end(empty):
    calls = []
    build_demo_shop(customers=120, progress=lambda done, total: calls.append((done, total)),
                    now=NOW)
    assert len(calls) > 3 and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_cancel_leaves_nothing(empty):
    calls = []
    with pytest.raises(Cancelled):
        build_demo_shop(customers=1200, progress=lambda done, total: calls.append(done),
                        cancelled=lambda: len(calls) >= 3, now=NOW)
    for model in (Customer, CustomerSearch, Order, OrderLine, PointsEntry, Tag, CustomField,
                  Product, ContactLog):
        assert model.select().count() == 0, model.__name__


def test_refuses_a_shop_with_customers(empty):
    Customer.create(platform='taobao', nick='老顾客')
    with pytest.raises(UserError):
        build_demo_shop(customers=10, now=NOW)
    assert Customer.select().count() == 1 and Order.select().count() == 0


def test_a_small_demo_shop_is_consistent(empty):
    """The derived columns match the orders and the ledger, on either kind of database."""
    counts = build_demo_shop(seed=3, customers=150, now=NOW)
    assert counts['customers'] == Customer.select().count() == CustomerSearch.select().count()
    assert counts['orders'] == Order.select().count() > counts['customers']
    assert counts['lines'] == OrderLine.select().count()
    assert counts['points'] == PointsEntry.select().count()
    bought: dict[int, tuple] = {}
    for cid, amount, paid in (Order.select(Order.customer, Order.amount, Order.paid_at)
                              .where(Order.completed == True).tuples()):  # noqa: E712
        n, spent, first, last = bought.get(cid, (0, 0, paid, paid))
        bought[cid] = (n + 1, spent + amount, min(first, paid), max(last, paid))
    balance: dict[int, int] = {}
    for cid, points in PointsEntry.select(PointsEntry.customer, PointsEntry.points).tuples():
        balance[cid] = balance.get(cid, 0) + points
    for c in Customer.select():
        assert (c.order_count, c.total_spent, c.first_order_at, c.last_order_at) == \
            bought.get(c.id, (0, 0, None, None)), c.nick
        assert c.points == balance.get(c.id, 0) and c.tier_id is not None, c.nick
