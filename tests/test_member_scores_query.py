"""Lifecycle, loyalty and CLV in the member list: filters and sorts in SQL, shown in Chinese."""
import pytest
from PySide6.QtCore import Qt

from models import Customer
from services import member_query
from services.demo import build_demo_shop
from services.member_query import MemberFilter, count, ids, page
from ui.labels import lifecycle_name, loyalty_name
from ui.widgets.filter_bar import FilterBar
from ui.widgets.member_table_model import COLUMNS, MemberTableModel


@pytest.fixture(scope='module')
def demo_db(tmp_path_factory):
    from models.database import open_database
    database = open_database(tmp_path_factory.mktemp('scores') / 'shop.db')
    build_demo_shop(customers=300)
    yield database
    database.close()


@pytest.fixture
def demo(demo_db):
    from models import db
    db.initialize(demo_db)          # other tests may have pointed the models elsewhere
    member_query.clear_cache()
    yield
    member_query.clear_cache()


def live(**where):
    q = Customer.select(Customer.id).where(Customer.deleted_at.is_null())
    for key, value in where.items():
        q = q.where(getattr(Customer, key) == value)
    return {c.id for c in q}


@pytest.mark.parametrize('code', ['new', 'active', 'sleeping', 'lost'])
def test_filter_by_lifecycle(demo, code):
    f = MemberFilter(lifecycle=code)
    assert set(ids(f)) == live(lifecycle=code) and count(f) == len(live(lifecycle=code))
    assert live(lifecycle=code), 'the demo shop has every stage'


@pytest.mark.parametrize('code', ['price', 'inertia', 'high'])
def test_filter_by_loyalty(demo, code):
    assert set(ids(MemberFilter(loyalty=code))) == live(loyalty=code)


def test_filters_combine_with_min_clv_and_text(demo):
    f = MemberFilter(lifecycle='active', min_clv=500_00)
    expected = {c.id for c in Customer.select().where(
        Customer.deleted_at.is_null(), Customer.lifecycle == 'active', Customer.clv >= 500_00)}
    assert set(ids(f)) == expected and 0 < len(expected) < len(live(lifecycle='active'))
    one = Customer.get_by_id(next(iter(expected)))
    assert one.id in ids(f.with_(text=one.nick))


@pytest.mark.parametrize('key', ['clv', 'rfm', 'lifecycle', 'loyalty'])
@pytest.mark.parametrize('descending', [False, True])
def test_sorts(demo, key, descending):
    f = MemberFilter(sort=key, descending=descending)
    rows = page(f, 0, 1000)
    values = [getattr(r, key) for r in rows]
    assert values == sorted(values, reverse=descending)
    assert len(rows) == count(f)


def test_rows_carry_scores_and_the_table_shows_them_in_chinese(demo, qtbot):
    model = MemberTableModel(member_query)
    model.set_filter(MemberFilter(lifecycle='sleeping', loyalty='inertia', sort='clv'))
    assert model.rowCount() > 0
    col = {c[0]: i for i, c in enumerate(COLUMNS)}
    row = model.member_at(0)
    assert row.rfm and len(row.rfm) == 3
    assert model.index(0, col['lifecycle']).data() == lifecycle_name('sleeping') == '沉睡'
    assert model.index(0, col['loyalty']).data() == loyalty_name('inertia') == '惰性忠诚'
    assert model.index(0, col['clv']).data().startswith('¥')
    assert model.index(0, col['rfm']).data() == row.rfm
    model.sort(col['clv'], Qt.DescendingOrder)
    assert model.current_filter().sort == 'clv' and model.current_filter().descending


def test_filter_bar_emits_score_filters(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.lifecycle.setCurrentIndex(bar.lifecycle.findData('lost'))
    bar.loyalty.setCurrentIndex(bar.loyalty.findData('price'))
    bar.segment.setCurrentIndex(bar.segment.findData('重要价值客户'))
    bar.min_clv.setValue(300)
    assert bar.lifecycle.currentText() == '流失' and bar.loyalty.currentText() == '价格忠诚'
    values = bar.values()
    assert (values['lifecycle'], values['loyalty'], values['segment'], values['min_clv']) == \
        ('lost', 'price', '重要价值客户', 300_00)
    MemberFilter().with_(**values)              # every key is a filter field
    with qtbot.waitSignal(bar.changed) as sig:
        bar.reset()
    assert (sig.args[0]['lifecycle'], sig.args[0]['loyalty'], sig.args[0]['min_clv']) == \
        ('', '', None)
