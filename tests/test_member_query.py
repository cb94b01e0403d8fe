"""The member list: text search, filters, sorting and paging, all in SQL."""
from datetime import date, datetime

import pytest

from models import Customer, OrderLine
from services.customer_stats import refresh
from services.customers import delete_customers, set_tier_override
from services.member_query import SORT_FIELDS, MemberFilter, count, ids, page
from services.tags import create_tag, tag_customers


def found(**filter_fields) -> set[int]:
    f = MemberFilter(**filter_fields)
    result = ids(f)
    assert count(f) == len(result)
    return set(result)


# Text search

@pytest.fixture
def people(make_customer):
    return {
        'zhang': make_customer('tb_zw', name='张伟', phone='13812345678', wechat='WX_Boss'),
        'zeng': make_customer('pdd_zeng', platform='pdd', name='曾伟', phone='138****1234'),
        'li': make_customer('LiMing88', name='李明', phone='139-0000-1111'),
        'none': make_customer('小店老顾客'),
    }


@pytest.mark.parametrize('text,who', [
    ('张伟', {'zhang'}),
    ('张', {'zhang'}),
    ('伟', {'zhang', 'zeng'}),
    ('zhangwei', {'zhang'}),
    ('zw', {'zhang', 'zeng'}),             # 曾 read as a surname gives zw too
    (' ZW ', {'zhang', 'zeng'}),
    ('zengwei', {'zeng'}),
    ('zeng', {'zeng'}),
    ('liming', {'li'}),
    ('lm', {'li'}),
    ('liming88', {'li'}),                  # nick, case folded
    ('tb_', {'zhang'}),
    ('老顾客', {'none'}),
    ('wx_boss', {'zhang'}),
    ('1234567', {'zhang'}),                # phone digits
    ('138****1234', {'zeng'}),             # masked phone as typed
    ('1234', {'zhang', 'zeng'}),
    ('13900001111', {'li'}),               # stored with dashes, searched as digits
    ('139-0000', {'li'}),
    ('wangfang', set()),
])
def test_text_search(people, text, who):
    assert found(text=text) == {people[k] for k in who}


def test_blank_text_matches_everyone(people):
    assert found(text='   ') == set(people.values())


def test_search_follows_edits(people):
    from services.customer_profile import CustomerProfile
    from services.customers import update_customer
    update_customer(people['li'], CustomerProfile(nick='LiMing88', name='王芳'))
    assert found(text='wangfang') == {people['li']}
    assert found(text='liming') == {people['li']}          # the nick still says so
    assert found(text='lm') == set()


# Filters

@pytest.fixture
def shop(make_customer, make_order, tiers):
    """Four buyers with known spend, order counts and last purchases."""
    c = {
        'a': make_customer('a', birth_kind='solar', birth_month=3, birth_day=8),
        'b': make_customer('b', platform='pdd'),
        'c': make_customer('c'),
        'd': make_customer('d', platform='douyin'),
        'idle': make_customer('idle'),
    }
    make_order(c['a'], 100_00, paid_at=datetime(2024, 3, 1, 0, 0, 0))
    make_order(c['b'], 100_00, paid_at=datetime(2024, 2, 1))
    make_order(c['b'], 100_00, paid_at=datetime(2024, 3, 31, 23, 59, 59))
    make_order(c['c'], 150_00, paid_at=datetime(2024, 2, 29, 23, 59, 59))
    make_order(c['c'], 150_00, paid_at=datetime(2024, 1, 1))
    make_order(c['c'], 1_00, completed=False, paid_at=datetime(2024, 3, 15))
    for _ in range(3):
        make_order(c['d'], 200_00, paid_at=datetime(2024, 4, 1, 0, 0, 0))
    refresh(None)
    return c


def pick(shop, *names):
    return {shop[n] for n in names}


def test_platform_filter(shop):
    assert found(platform='pdd') == pick(shop, 'b')
    assert found(platform='taobao') == pick(shop, 'a', 'c', 'idle')


def test_tier_filter(shop, tiers):
    # d: 600 yuan and 3 orders; everyone else below both thresholds.
    assert found(tier_id=tiers['高级会员']) == pick(shop, 'd')
    assert found(tier_id=tiers['普通会员']) == pick(shop, 'a', 'b', 'c', 'idle')
    assert found(tier_id=tiers['VIP会员']) == set()


def test_tag_filter(shop):
    t, empty = create_tag('VIP'), create_tag('empty')
    tag_customers([shop['a'], shop['c']], t)
    assert found(tag_id=t) == pick(shop, 'a', 'c')
    assert found(tag_id=empty) == set()


def test_spend_range_inclusive(shop):
    assert found(min_spent=200_00, max_spent=300_00) == pick(shop, 'b', 'c')
    assert found(min_spent=200_01) == pick(shop, 'c', 'd')
    assert found(max_spent=100_00) == pick(shop, 'a', 'idle')
    assert found(min_spent=0, max_spent=0) == pick(shop, 'idle')


def test_order_count_range_inclusive(shop):
    assert found(min_orders=2, max_orders=2) == pick(shop, 'b', 'c')
    assert found(min_orders=1, max_orders=2) == pick(shop, 'a', 'b', 'c')
    assert found(min_orders=3) == pick(shop, 'd')
    assert found(max_orders=0) == pick(shop, 'idle')


def test_last_purchase_range_inclusive_both_ends(shop):
    # a bought at 00:00:00 on the first day, b at 23:59:59 on the last;
    # c one second before, d at midnight after; idle never bought.
    march = dict(last_from=date(2024, 3, 1), last_to=date(2024, 3, 31))
    assert found(**march) == pick(shop, 'a', 'b')
    assert found(last_from=date(2024, 3, 1)) == pick(shop, 'a', 'b', 'd')
    assert found(last_to=date(2024, 2, 29)) == pick(shop, 'c')
    assert found(last_from=date(2024, 3, 31), last_to=date(2024, 3, 31)) == pick(shop, 'b')


def test_segment_birth_month_and_product(shop, make_order):
    Customer.update(segment='重要价值客户').where(Customer.id == shop['d']).execute()
    assert found(segment='重要价值客户') == pick(shop, 'd')
    assert found(birth_month=3) == pick(shop, 'a')
    order = make_order(shop['b'], 10_00)
    OrderLine.create(order=order, title='婴儿奶粉 3段')
    assert found(product=' 奶粉 ') == pick(shop, 'b')
    assert found(product='尿不湿') == set()


def test_text_and_product_searches_take_the_query_literally(make_customer, make_order):
    # GLOB (SQLite) and strpos (PostgreSQL) alike: * ? [ % _ are plain characters.
    star, pct, plain = make_customer('a*b[1]'), make_customer('100%_off'), make_customer('axb1')
    assert found(text='a*b') == {star}
    assert found(text='B[1]') == {star}
    assert found(text='%_') == {pct}
    assert found(text='?') == set()
    OrderLine.create(order=make_order(plain, 10_00), title='Milk POWDER Élan 50%')
    OrderLine.create(order=make_order(pct, 10_00), title='Milk 500ml')
    assert found(product='powder') == {plain}
    assert found(product='0%') == {plain}
    assert found(product='_') == set()
    assert found(product='MILK') == {plain, pct}
    assert found(product='élan') == set()       # as SQLite's LIKE: only ASCII letters fold


def test_filters_combine(shop):
    assert found(platform='taobao', min_orders=1, last_to=date(2024, 3, 1)) == pick(
        shop, 'a', 'c')


def test_recycle_bin_filter(shop):
    delete_customers([shop['b'], shop['idle']])
    assert found() == pick(shop, 'a', 'c', 'd')
    assert found(deleted=True) == pick(shop, 'b', 'idle')
    assert found(deleted=True, platform='pdd') == pick(shop, 'b')


# Sorting and paging

@pytest.fixture
def sortable(make_customer, tiers):
    """Customers whose sortable columns have ties and blanks, so the id tiebreak shows."""
    rows = [
        # nick, name, platform, city, phone, tier, points, orders, spent, first, last, created, segment
        ('m', '王', 'pdd', '杭州', '13800000002', '普通会员', 5, 2, 300, 1, 5, 3, 'x'),
        ('b', '李', 'taobao', '', '', 'VIP会员', 0, 0, 0, None, None, 1, ''),
        ('k', '王', 'taobao', '北京', '13900000001', '高级会员', 5, 2, 300, 2, 5, 2, 'x'),
        ('a', '', 'pdd', '杭州', '13800000002', '普通会员', 9, 1, 100, 1, 1, 3, 'y'),
        ('z', '张', 'douyin', '', '13700000009', 'VIP会员', 0, 0, 0, None, None, 1, ''),
        ('c', '李', 'taobao', '上海', '', '至尊VIP会员', 1, 7, 900, 3, 9, 2, 'x'),
    ]
    ids_ = []
    for (nick, name, platform, city, phone, tier, points, orders, spent, first, last,
         created, segment) in rows:
        cid = make_customer(nick, name=name, platform=platform, city=city, phone=phone)
        day = lambda n: None if n is None else datetime(2024, 1, n, 12)  # noqa: E731
        Customer.update(tier=tiers[tier], points=points, order_count=orders, total_spent=spent,
                        first_order_at=day(first), last_order_at=day(last),
                        created_at=day(created), segment=segment).where(
                            Customer.id == cid).execute()
        ids_.append(cid)
    return ids_


def expected_order(key: str, descending: bool) -> list[int]:
    """SQLite order: NULL before everything ascending, text by code point, then id."""
    field = SORT_FIELDS[key]
    rows = list(Customer.select(Customer.id, field).where(Customer.deleted_at.is_null())
                .tuples())
    rows.sort(key=lambda r: ((r[1] is not None, r[1]), r[0]), reverse=descending)
    return [r[0] for r in rows]


@pytest.mark.parametrize('descending', [False, True])
@pytest.mark.parametrize('key', sorted(SORT_FIELDS))
def test_sort_by_each_field(sortable, key, descending):
    f = MemberFilter(sort=key, descending=descending)
    want = expected_order(key, descending)
    assert ids(f) == want
    assert [r.id for r in page(f, 0, 100)] == want


def test_sort_has_real_ties(sortable):
    # Without ties the tiebreak above proves nothing.
    values = [v for (v,) in Customer.select(Customer.total_spent).tuples()]
    assert len(set(values)) < len(values)


def test_unknown_sort_key_sorts_by_id(sortable):
    assert ids(MemberFilter(sort='no-such-column', descending=False)) == sorted(sortable)
    assert ids(MemberFilter(sort='no-such-column')) == sorted(sortable, reverse=True)


def test_tier_sort_follows_rank(make_customer, tiers):
    from services import tiers as tier_service
    rules = tier_service.list_tiers()
    rules.append(tier_service.TierInfo(None, '银卡', 0, 300_00, 2, 99))   # between 普通 and 高级
    tier_service.save_tiers(rules)
    silver = {t.name: t.id for t in tier_service.list_tiers()}['银卡']
    assert silver > tiers['至尊VIP会员']              # added last, ranked second
    low, mid, top = make_customer('low'), make_customer('mid'), make_customer('top')
    set_tier_override(mid, silver)
    set_tier_override(top, tiers['高级会员'])
    assert ids(MemberFilter(sort='tier', descending=False)) == [low, mid, top]
    assert ids(MemberFilter(sort='tier', descending=True)) == [top, mid, low]


@pytest.mark.parametrize('size', [1, 2, 4, 6, 50])
@pytest.mark.parametrize('key', ['platform', 'total_spent', 'last_order_at', 'name'])
def test_pages_are_consecutive_and_cover_ids(sortable, key, size):
    for descending in (False, True):
        f = MemberFilter(sort=key, descending=descending)
        everyone = ids(f)
        assert count(f) == len(everyone) == len(sortable)
        walked = []
        for offset in range(0, len(everyone), size):
            rows = page(f, offset, size)
            assert len(rows) == min(size, len(everyone) - offset)
            walked += [r.id for r in rows]
        assert walked == everyone                 # in order, no gap, no overlap
        assert page(f, len(everyone), size) == []


def test_paging_a_filtered_list(sortable):
    f = MemberFilter(platform='taobao', sort='points', descending=True)
    everyone = ids(f)
    assert len(everyone) == count(f) == 3
    assert [r.id for r in page(f, 0, 2) + page(f, 2, 2)] == everyone


def test_page_rows_carry_tags_and_plain_values(make_customer, tiers):
    a = make_customer('a', name='张伟', phone='138****1234', city='杭州')
    t = create_tag('回头客', color='#ff0000')
    tag_customers([a], t)
    set_tier_override(a, tiers['VIP会员'])
    (row,) = page(MemberFilter(), 0, 10)
    assert (row.id, row.nick, row.name, row.phone, row.city) == (
        a, 'a', '张伟', '138****1234', '杭州')
    assert row.tier_id == tiers['VIP会员'] and row.tier_locked is True
    assert row.tags == [('回头客', '#ff0000')]
    assert row.deleted_at is None


def test_another_connections_commit_shows_at_once(make_customer):
    # Another PC (or process) writes: SQLite's cache must notice, PostgreSQL has none.
    from models import db
    make_customer('alice')
    b, c = make_customer('bob'), make_customer('carol')
    live, text = MemberFilter(), MemberFilter(text='o')
    assert (count(live), set(ids(text))) == (3, {b, c})
    other = type(db.obj)(db.obj.database, **db.obj.connect_params)
    with other.atomic():
        other.execute_sql('UPDATE customer SET deleted_at = updated_at WHERE id = ?', (b,))
    other.close()
    assert (count(live), set(ids(text)), [r.id for r in page(text, 0, 10)]) == (2, {c}, [c])
