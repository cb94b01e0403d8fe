"""Tags: naming rules and putting them on or off many customers at once."""
import pytest

from models import Customer, CustomerTag, Tag
from services.customers import delete_customers
from services.errors import UserError, ValidationError
from services.tags import (create_tag, delete_tag, get_or_create_tag, list_tags, rename_tag,
                           tag_customers, tags_for, untag_customers)


def tagged(tag_id):
    return {ct.customer_id for ct in CustomerTag.select().where(CustomerTag.tag == tag_id)}


def test_create_strips_name_and_group(database):
    t = create_tag('  回头客 ', color='#ff0000', group=' 行为 ')
    info = list_tags()[0]
    assert (info.id, info.name, info.color, info.group, info.auto) == (
        t, '回头客', '#ff0000', '行为', False)


@pytest.mark.parametrize('name', ['', '   '])
def test_empty_name_refused(database, name):
    with pytest.raises(ValidationError):
        create_tag(name)


def test_name_length_limit(database):
    assert create_tag('标' * 32)
    with pytest.raises(ValidationError):
        create_tag('标' * 33)


def test_duplicate_name_refused(database):
    create_tag('VIP')
    with pytest.raises(ValidationError):
        create_tag(' VIP ')
    assert Tag.select().count() == 1


def test_get_or_create_is_idempotent(database):
    t = get_or_create_tag(' 新客 ')
    assert get_or_create_tag('新客') == t
    assert Tag.select().count() == 1


def test_rename(database):
    a, b = create_tag('a'), create_tag('b', color='#111111', group='g')
    rename_tag(b, ' c ', color='#222222')
    assert [(t.name, t.color, t.group) for t in list_tags() if t.id == b] == [
        ('c', '#222222', 'g')]
    for bad in ('', ' a ', 'x' * 33):
        with pytest.raises(ValidationError):
            rename_tag(b, bad)
    assert Tag.get_by_id(b).name == 'c' and Tag.get_by_id(a).name == 'a'


def test_tag_many_counts_only_new_assignments(make_customer):
    a, b, c = make_customer('a'), make_customer('b'), make_customer('c')
    t = create_tag('VIP')
    assert tag_customers([a, b], t) == 2
    assert tag_customers([a, b], t) == 0                  # idempotent
    assert tag_customers([b, c, c, 9999], t) == 1         # duplicates, unknown ids ignored
    assert tagged(t) == {a, b, c}
    assert tag_customers([], t) == 0


def test_deleted_customers_not_tagged(make_customer):
    a, b = make_customer('a'), make_customer('b')
    delete_customers([b])
    t = create_tag('VIP')
    assert tag_customers([a, b], t) == 1
    assert tagged(t) == {a}


def test_tagging_beyond_one_chunk(make_customer):
    real = [make_customer(f'c{i}') for i in range(3)]
    t = create_tag('VIP')
    # Real ids sit after 5,000 unknown ones and one repeats across chunks.
    ids = list(range(100_000, 105_000)) + real + [real[0]]
    assert tag_customers(ids, t) == 3
    assert untag_customers(ids, t) == 3
    assert tagged(t) == set()


def test_unknown_tag_refused(make_customer):
    with pytest.raises(UserError):
        tag_customers([make_customer('a')], 42)


def test_untag_many(make_customer):
    a, b, c = make_customer('a'), make_customer('b'), make_customer('c')
    t, other = create_tag('VIP'), create_tag('other')
    tag_customers([a, b, c], t)
    tag_customers([a], other)
    assert untag_customers([a, b], t) == 2
    assert untag_customers([a, b], t) == 0
    assert tagged(t) == {c} and tagged(other) == {a}


def test_delete_tag_removes_assignments(make_customer):
    a = make_customer('a')
    t, other = create_tag('VIP'), create_tag('other')
    tag_customers([a], t)
    tag_customers([a], other)
    delete_tag(t)
    assert Tag.get_or_none(Tag.id == t) is None
    assert CustomerTag.select().where(CustomerTag.tag == t).count() == 0
    assert tagged(other) == {a} and Customer.get_or_none(Customer.id == a)


def test_list_tags_ordered_with_live_counts(make_customer):
    a, b = make_customer('a'), make_customer('b')
    z, y, x = create_tag('z'), create_tag('y', group='b'), create_tag('x', group='a')
    tag_customers([a, b], z)
    tag_customers([a], x)
    delete_customers([b])
    assert [(t.name, t.count) for t in list_tags(with_counts=True)] == [
        ('z', 1), ('x', 1), ('y', 0)]
    assert [t.count for t in list_tags()] == [0, 0, 0]


def test_tags_for(make_customer):
    a, b, c = make_customer('a'), make_customer('b'), make_customer('c')
    t1, t2 = create_tag('乙', color='#000002'), create_tag('甲', color='#000001')
    tag_customers([a], t1)
    tag_customers([a, b], t2)
    got = tags_for([a, b, c])
    assert got == {a: sorted([('乙', '#000002'), ('甲', '#000001')]), b: [('甲', '#000001')]}
    assert tags_for([]) == {}
