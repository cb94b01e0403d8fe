"""The import engine on parsed records: batches, idempotency, status updates, undo."""
from datetime import datetime

import pytest

from models import Customer, CustomerTag, ImportBatch, Order, OrderLine, Product, Tag
from services import customers
from services.errors import UserError
from services.importing import batches
from services.importing.records import LineRecord, MemberRecord, OrderRecord, ParsedFile
from services.tasks import Cancelled


def order(no, nick='tb_a', status='completed', amount=100_00, paid=datetime(2024, 5, 1, 10),
          lines=None, platform='taobao'):
    return OrderRecord(platform=platform, order_no=no, nick=nick, status=status,
                       status_text={'completed': '交易成功', 'closed': '交易关闭'}.get(status, status),
                       amount=amount, created_at=paid, paid_at=paid, receiver='张伟',
                       phone='13800001234', province='浙江省', city='杭州市', address='文三路1号',
                       lines=lines if lines is not None else [LineRecord('奶粉', 2, 50_00, 100_00, code='NF1')])


def parsed(records, kind='orders', path='/x/订单.csv'):
    return ParsedFile(path=path, kind=kind, platform='' if kind == 'members' else 'taobao',
                      headers=[], rows_read=len(records), records=records)


def test_first_import_adds_orders_customers_lines_products(database):
    info = batches.commit(parsed([order('1'), order('2', nick='tb_b'), order('3')]), 'h1')
    assert (info.added, info.updated, info.skipped, info.customers_added) == (3, 0, 0, 2)
    a = Customer.get(Customer.nick == 'tb_a')
    assert (a.order_count, a.total_spent, a.name, a.phone, a.batch_id) == (2, 200_00, '张伟',
                                                                            '13800001234', info.id)
    assert OrderLine.select().count() == 3 and Product.select().count() == 1
    assert customers.get_customer(a.id).orders[0].items == '奶粉 ×2'


def test_same_file_twice_adds_nothing(database):
    batches.commit(parsed([order('1'), order('2')]), 'h1')
    again = batches.commit(parsed([order('1'), order('2')]), 'h1')
    assert (again.added, again.updated, again.skipped) == (0, 0, 2)
    assert Order.select().count() == 2 and Customer.select().count() == 1
    assert batches.earlier_import('h1').id == again.id


def test_status_change_updates_and_only_completed_count(database):
    batches.commit(parsed([order('1'), order('2')]), 'h1')
    info = batches.commit(parsed([order('2', status='refunded'), order('3', status='closed')]), 'h2')
    assert (info.added, info.updated) == (1, 1)
    a = Customer.get(Customer.nick == 'tb_a')
    assert (a.order_count, a.total_spent) == (1, 100_00)
    assert Order.get(Order.order_no == '2').status == 'refunded'


def test_undo_restores_updates_and_removes_additions(database):
    first = batches.commit(parsed([order('1'), order('2')]), 'h1')
    second = batches.commit(parsed([order('2', status='refunded'), order('9', nick='tb_new')]), 'h2')
    with pytest.raises(UserError, match=str(second.id)):
        batches.undo(first.id)            # the second batch changed the first one's order
    batches.undo(second.id)
    assert Order.get(Order.order_no == '2').status == 'completed'
    assert not Customer.select().where(Customer.nick == 'tb_new').exists()
    assert Customer.get(Customer.nick == 'tb_a').order_count == 2
    with pytest.raises(UserError):
        batches.undo(second.id)
    batches.undo(first.id)
    assert Order.select().count() == 0 and Customer.select().count() == 0
    assert [b.undone_at is not None for b in batches.list_batches()] == [True, True]


def test_undo_keeps_a_customer_who_has_other_orders(database, make_order):
    first = batches.commit(parsed([order('1')]), 'h1')
    cid = Customer.get(Customer.nick == 'tb_a').id
    make_order(cid, order_no='hand-entered')
    batches.undo(first.id)
    assert Customer.get_by_id(cid).order_count == 1


def test_cancel_writes_nothing(database):
    with pytest.raises(Cancelled):
        batches.commit(parsed([order(str(i)) for i in range(10)]), 'h', cancelled=lambda: True)
    assert Order.select().count() == 0 and ImportBatch.select().count() == 0


def test_new_orders_of_a_merged_buyer_go_to_the_survivor(database):
    batches.commit(parsed([order('1', nick='old_nick'), order('2', nick='main')]), 'h1')
    old = Customer.get(Customer.nick == 'old_nick').id
    main = Customer.get(Customer.nick == 'main').id
    customers.merge_customers([old], main)
    batches.commit(parsed([order('3', nick='old_nick')]), 'h2')
    assert Order.get(Order.order_no == '3').customer_id == main
    assert Customer.get_by_id(main).order_count == 3


def test_new_lines_for_an_existing_order_can_be_undone(database):
    batches.commit(parsed([order('1', lines=[])]), 'h1')
    info = batches.commit(parsed([order('1', lines=[LineRecord('面膜', 1, 30_00, 30_00)])]), 'h2')
    assert info.updated == 1 and [ln.title for ln in OrderLine.select()] == ['面膜']
    batches.undo(info.id)
    assert OrderLine.select().count() == 0


def member(nick, row=2, tags=None, tier='', **values):
    return MemberRecord(platform='taobao', nick=nick, values=values, tags=tags, row=row,
                        tier=tier)


def test_member_sheet_updates_only_its_columns_and_undoes(database, make_customer):
    cid = make_customer('tb_a', name='张伟', phone='13800001234', note='老客')
    info = batches.commit(parsed([member('tb_a', name='张伟伟', tags=['VIP群']),
                                  member('tb_new', row=3, name='李娜', phone='13900000000')],
                                 kind='members'), 'm1')
    assert (info.added, info.updated) == (1, 1)
    p = customers.get_customer(cid).profile
    assert (p.name, p.phone, p.note) == ('张伟伟', '13800001234', '老客')
    assert [t[1] for t in customers.get_customer(cid).tags] == ['VIP群']
    batches.undo(info.id)
    assert customers.get_customer(cid).profile.name == '张伟'
    assert CustomerTag.select().count() == 0
    assert not Customer.select().where(Customer.nick == 'tb_new').exists()


def test_member_sheet_unchanged_rows_are_skipped_and_bad_rows_reported(database, make_customer):
    make_customer('tb_a', name='张伟')
    info = batches.commit(parsed([member('tb_a', name='张伟'),
                                  member('tb_b', row=3, phone='abc'),
                                  member('tb_a', row=4, name='重复')], kind='members'), 'm2')
    assert (info.added, info.updated) == (0, 0)
    assert len(info.problems) == 2
    assert '第3行' in info.problems[0] and '手机' in info.problems[0]
    assert '第4行' in info.problems[1]


def test_new_buyers_stats_written_at_insert_match_a_refresh(database):
    from services import customer_stats
    records = [order('1', amount=300_00), order('2', status='closed', amount=999_00),
               order('3', amount=250_00, paid=datetime(2023, 1, 1)),
               order('4', nick='tb_c', status='paid'), order('5', nick='tb_d', paid=None)]
    batches.commit(parsed(records), 'h')
    cols = ('nick', 'order_count', 'total_spent', 'first_order_at', 'last_order_at', 'tier')
    before = sorted(Customer.select(*[getattr(Customer, c) for c in cols]).tuples())
    customer_stats.refresh()
    after = sorted(Customer.select(*[getattr(Customer, c) for c in cols]).tuples())
    assert before == after
    a = Customer.get(Customer.nick == 'tb_a')
    assert (a.order_count, a.total_spent, a.tier.name) == (2, 550_00, '高级会员')


def test_lines_without_codes_match_stored_coded_lines(database):
    batches.commit(parsed([order('1')]), 'h1')                     # line coded NF1
    codeless = [LineRecord('奶粉', 2, 50_00, 100_00)]
    again = batches.commit(parsed([order('1', lines=codeless)]), 'h2')
    assert (again.updated, again.skipped) == (0, 1)


def test_undoing_new_lines_puts_the_old_ones_back_with_their_product(database):
    batches.commit(parsed([order('1')]), 'h1')
    product = Product.get(Product.code == 'NF1').id
    info = batches.commit(parsed([order('1', lines=[LineRecord('面膜', 1, 30_00, 30_00)])]), 'h2')
    batches.undo(info.id)
    assert [(ln.title, ln.product_id) for ln in OrderLine.select()] == [('奶粉', product)]


def test_a_sale_without_payment_time_still_dates_the_buyer(database):
    from services import customer_stats
    records = [order('1', paid=None), order('2', paid=None)]
    records[0].created_at = datetime(2024, 3, 1, 9)
    records[1].created_at = datetime(2024, 4, 1, 9)
    batches.commit(parsed(records), 'h')
    a = Customer.get(Customer.nick == 'tb_a')
    assert (a.first_order_at, a.last_order_at) == (datetime(2024, 3, 1, 9), datetime(2024, 4, 1, 9))
    customer_stats.refresh()
    assert Customer.get_by_id(a.id).last_order_at == datetime(2024, 4, 1, 9)


def test_undo_of_an_order_batch_is_not_blocked_by_a_member_batch_on_equal_ids(
        database, make_customer):
    first = batches.commit(parsed([order('1')]), 'h1')
    second = batches.commit(parsed([order('1', status='refunded')]), 'h2')   # changes order 1
    cid = Customer.get(Customer.nick == 'tb_a').id
    assert cid == 1                                                       # same number as order 1
    batches.commit(parsed([member('tb_a', name='新名字')], kind='members'), 'm')  # changes customer 1
    batches.undo(second.id)                                               # not blocked by the member batch
    assert Order.get(Order.order_no == '1').status == 'completed'
    assert first.id < second.id


def test_member_rows_for_merged_or_binned_buyers_are_reported_not_applied(database, make_customer):
    a, b, c = make_customer('tb_a'), make_customer('tb_b'), make_customer('tb_c')
    customers.merge_customers([b], a)
    customers.delete_customers([c])
    info = batches.commit(parsed([member('tb_b', name='复活'), member('tb_c', row=3, name='复活'),
                                  member('tb_a', row=4, name='留下')], kind='members'), 'm')
    assert (info.added, info.updated) == (0, 1)
    assert ['已合并' in info.problems[0], '回收站' in info.problems[1]] == [True, True]
    assert customers.get_customer(b).profile.name == ''
    assert customers.get_customer(c).deleted_at is not None


def test_undo_refuses_to_overwrite_a_later_hand_edit(database, make_customer):
    from models import Customer as C
    cid = make_customer('tb_a', name='张伟')
    info = batches.commit(parsed([member('tb_a', name='张伟伟')], kind='members'), 'm')
    C.update(updated_at=datetime(2999, 1, 1)).where(C.id == cid).execute()   # edited later
    with pytest.raises(UserError, match='又被修改过'):
        batches.undo(info.id)
    assert customers.get_customer(cid).profile.name == '张伟伟'


def test_tmall_and_taobao_names_of_one_order_and_buyer_stay_one(database):
    batches.commit(parsed([order('1'), order('2')]), 'h1')                  # read as taobao
    again = batches.commit(parsed([order('1', platform='tmall', status='refunded'),
                                   order('3', platform='tmall')]), 'h2')  # read as tmall
    assert (again.added, again.updated, again.customers_added) == (1, 1, 0)
    assert Order.select().count() == 3 and Customer.select().count() == 1
    assert Order.get(Order.order_no == '1').status == 'refunded'
    assert Customer.get().order_count == 2


def test_undo_takes_away_the_products_and_tags_the_batch_brought(database, make_customer):
    kept = Product.create(title='老商品', code='OLD')
    info = batches.commit(parsed([order('1', lines=[LineRecord('新商品', 1, 10_00, 10_00, code='NEW'),
                                                     LineRecord('老商品', 1, 5_00, 5_00, code='OLD')])]),
                          'h')
    assert Product.select().count() == 2
    batches.undo(info.id)
    assert [p.code for p in Product.select()] == [kept.code]
    make_customer('tb_a')
    members = batches.commit(parsed([member('tb_a', tags=['新标签'])], kind='members'), 'm')
    assert Tag.select().count() == 1
    batches.undo(members.id)
    assert Tag.select().count() == 0


def test_a_tier_changed_in_the_sheet_becomes_a_manual_override_and_undoes(database, make_customer):
    cid = make_customer('tb_a')
    same = batches.commit(parsed([member('tb_a', tier='普通会员')], kind='members'), 'm0')
    assert (same.updated, same.skipped) == (0, 1)                    # unchanged: nothing
    info = batches.commit(parsed([member('tb_a', tier='VIP会员')], kind='members'), 'm1')
    c = Customer.get_by_id(cid)
    assert (info.updated, c.tier.name, c.tier_locked) == (1, 'VIP会员', True)
    bad = batches.commit(parsed([member('tb_a', tier='钻石会员')], kind='members'), 'm2')
    assert '钻石会员' in bad.problems[0]
    batches.undo(info.id)
    c = Customer.get_by_id(cid)
    assert (c.tier.name, c.tier_locked) == ('普通会员', False)
    from services import tiers
    moves = [(m.from_name, m.to_name, m.upgrade, m.reason, m.note)
             for m in tiers.changes(customer_id=cid)]
    assert moves == [('VIP会员', '普通会员', 'down', 'import', '撤销导入'),
                     ('普通会员', 'VIP会员', 'up', 'import', '')]


def test_a_binned_buyer_who_orders_again_comes_back_and_undo_bins_them_again(database):
    batches.commit(parsed([order('1')]), 'h1')
    a = Customer.get(Customer.nick == 'tb_a').id
    customers.delete_customers([a])
    info = batches.commit(parsed([order('2')]), 'h2')
    assert Customer.get_by_id(a).deleted_at is None and Customer.get_by_id(a).order_count == 2
    batches.undo(info.id)
    assert Customer.get_by_id(a).deleted_at is not None
    assert Customer.get_by_id(a).order_count == 1


def test_new_buyers_get_points_scores_and_auto_tags(database):
    """An import settles the buyers it adds as a refresh would: nothing is left for later."""
    from services import auto_tags, customer_stats
    auto_tags.create_rule('双11买家', {'kind': 'bought_in', 'value': ['11-01', '11-12']})
    records = [order('1', amount=300_50, paid=datetime(2024, 11, 11, 20)),
               order('2', amount=99_00, paid=datetime(2025, 3, 1, 9)),
               order('3', nick='tb_b', status='refunded', amount=50_00)]
    batches.commit(parsed(records), 'h')
    a, b = Customer.get(Customer.nick == 'tb_a'), Customer.get(Customer.nick == 'tb_b')
    assert (a.points, a.promo_orders, b.points) == (399, 1, 0)
    assert a.rfm and a.segment and a.lifecycle and b.rfm == ''
    assert [t.tag.name for t in CustomerTag.select().where(CustomerTag.customer == a.id)] == [
        '双11买家']
    cols = ('points', 'promo_orders', 'rfm', 'segment', 'lifecycle', 'loyalty', 'clv', 'tier')
    before = [tuple(getattr(c, x) for x in cols) for c in Customer.select().order_by(Customer.id)]
    customer_stats.refresh(None)
    after = [tuple(getattr(c, x) for x in cols) for c in Customer.select().order_by(Customer.id)]
    assert before == after


def test_undo_is_refused_when_the_batch_points_were_redeemed(database):
    from services import points
    info = batches.commit(parsed([order('1', amount=600_00)]), 'h')
    a = Customer.get(Customer.nick == 'tb_a')
    assert a.points == 600
    points.redeem(a.id, 600, '兑换礼品', 'gift')
    with pytest.raises(UserError, match='积分变成负数'):
        batches.undo(info.id)
    assert Order.select().count() == 1 and Customer.get_by_id(a.id).points == 0


def test_undo_removes_a_buyer_whose_points_only_expired(database):
    from datetime import date
    from services import customer_stats, points, settings
    info = batches.commit(parsed([order('1', amount=300_00, paid=datetime(2023, 5, 1))]), 'h')
    settings.save(points.PointsRules(expiry_days=365))
    customer_stats.daily_upkeep(date(2025, 1, 1))
    assert Customer.get(Customer.nick == 'tb_a').points == 0
    batches.undo(info.id)
    assert Customer.select().count() == 0 and Order.select().count() == 0


# The drop-and-rebuild of indexes is SQLite's bulk trick (read from sqlite_master).
@pytest.mark.sqlite_only
def test_a_big_first_import_rebuilds_the_indexes_it_dropped(database, monkeypatch):
    """Above the threshold the secondary indexes are dropped and rebuilt: same schema
    after, same rows, and a failure rolls the drop back."""
    from models import Customer, db
    from services.importing import sqlbulk

    def indexes():
        return sorted(db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                     "AND tbl_name = 'customer'").fetchall())
    before = indexes()
    monkeypatch.setattr(sqlbulk, 'REBUILD_INDEXES_FROM', 2)
    with db.atomic():
        sqlbulk.insert_rows(Customer, ('platform', 'nick'), [('taobao', 'a'), ('taobao', 'b')])
    assert indexes() == before and Customer.select().count() == 2
    with pytest.raises(Exception):
        with db.atomic():
            sqlbulk.insert_rows(Customer, ('platform', 'nick'),
                                [('taobao', f'n{i}') for i in range(5)] + [('taobao', 'n0')])
    assert indexes() == before and Customer.select().count() == 2


def test_bulk_rows_keep_every_character_and_type(database):
    """Tabs, line breaks, backslashes and NULLs go in as written (PostgreSQL takes the
    rows through COPY's text format, SQLite through executemany)."""
    from models import db
    from services.importing import sqlbulk
    awkward = 'a\tb\nc\\N\r\\d 备注'
    with db.atomic():
        sqlbulk.insert_rows(Customer, ('platform', 'nick', 'note', 'tier_locked', 'last_order_at'),
                            [('taobao', '\\N', awkward, True, datetime(2024, 5, 1, 10, 0, 0, 5)),
                             ('taobao', 'plain', '', False, None)])
    odd, plain = Customer.select().order_by(Customer.id)
    assert (odd.nick, odd.note, odd.tier_locked, odd.last_order_at) == (
        '\\N', awkward, True, datetime(2024, 5, 1, 10, 0, 0, 5))
    assert (plain.note, plain.tier_locked, plain.last_order_at) == ('', False, None)
    with db.atomic():
        sqlbulk.update_rows(Customer, ('note', 'tier_locked'), [(awkward[::-1], False, odd.id)])
    assert Customer.get_by_id(odd.id).note == awkward[::-1]
    table = sqlbulk.load_keys([('taobao', '\\N'), ('pdd', 'a\tb')])
    assert sorted(sqlbulk.query(f'SELECT platform, k FROM {table}')) == [
        ('pdd', 'a\tb'), ('taobao', '\\N')]


def test_a_bulk_row_that_breaks_a_rule_rolls_back_as_a_database_error(database):
    """The command line and the app turn these errors into one sentence."""
    import sqlite3

    import peewee

    from models import db
    from models.dialect import postgres
    from services.importing import sqlbulk
    with pytest.raises((peewee.IntegrityError, sqlite3.IntegrityError)) as e:
        with db.atomic():
            sqlbulk.insert_rows(Customer, ('platform', 'nick'),
                                [('taobao', 'a'), ('taobao', 'b'), ('taobao', 'a')])
    assert isinstance(e.value, peewee.IntegrityError) or not postgres()
    assert Customer.select().count() == 0
