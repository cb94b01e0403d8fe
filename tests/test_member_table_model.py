"""The lazy member table model, without a database: pages come from a fake source."""
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from services.member_query import MemberFilter, MemberRow
from ui.widgets.member_table_model import COLUMNS, ROW_ID_ROLE, MemberTableModel


def _row(i: int) -> MemberRow:
    return MemberRow(id=i, nick=f'nick{i}', platform='taobao', name=f'顾客{i}', phone='138',
                     tier_id=1, tier_locked=i == 3, points=i, order_count=i % 4,
                     total_spent=i * 1234, first_order_at=None,
                     last_order_at=datetime(2024, 1, 2, 3, 4, 5), segment='', province='浙江',
                     city='杭州', created_at=None, deleted_at=None,
                     tags=[('VIP群', '#ff0000')] if i % 2 else [])


class FakeSource:
    def __init__(self, n: int):
        self.n = n
        self.calls = []

    def count(self, f: MemberFilter) -> int:
        return self.n if not f.text else 1

    def page(self, f, offset, limit):
        self.calls.append((f, offset, limit))
        ids = range(offset + 1, min(offset + limit, self.count(f)) + 1)
        rows = [_row(i) for i in ids]
        return rows[::-1] if f.descending and f.sort == 'id' else rows


@pytest.fixture
def model(qapp):
    m = MemberTableModel(FakeSource(1_000_000))
    m.set_tiers({1: 'VIP会员'})
    m.set_filter(MemberFilter())
    return m


def test_passes_qt_model_checks(qtmodeltester):
    m = MemberTableModel(FakeSource(250))
    m.set_filter(MemberFilter())
    qtmodeltester.check(m)


def test_million_rows_load_only_the_pages_shown(model):
    assert model.rowCount() == 1_000_000
    source = model._source
    assert source.calls == []          # counting does not fetch rows
    assert model.index(999_999, 1).data() == 'nick1000000'
    assert model.index(5, 1).data() == 'nick6'
    assert [c[1] for c in source.calls] == [999_900, 0]


def test_cache_is_bounded(model):
    for page in range(MemberTableModel.MAX_PAGES + 10):
        model.index(page * MemberTableModel.PAGE_SIZE, 0).data()
    assert len(model._pages) == MemberTableModel.MAX_PAGES


def test_displays_money_dates_tier_and_tags(model):
    col = {c[0]: i for i, c in enumerate(COLUMNS)}
    assert model.index(0, col['total_spent']).data() == '¥12.34'
    assert model.index(0, col['last_order_at']).data() == '2024-01-02'
    assert model.index(0, col['tier']).data() == 'VIP会员'
    assert model.index(2, col['tier']).data() == 'VIP会员 ✎'   # locked by hand
    assert model.index(0, col['tags']).data() == 'VIP群'
    assert model.index(0, col['region']).data() == '浙江 杭州'
    assert model.index(0, col['platform']).data() == '淘宝'
    assert model.index(0, 0).data(ROW_ID_ROLE) == 1
    assert model.index(0, col['points']).data(Qt.TextAlignmentRole) == int(
        Qt.AlignRight | Qt.AlignVCenter)


def test_sort_and_filter_go_to_the_source(model):
    model.sort([c[0] for c in COLUMNS].index('total_spent'), Qt.AscendingOrder)
    assert model.current_filter().sort == 'total_spent'
    assert model.current_filter().descending is False
    model.sort([c[0] for c in COLUMNS].index('tags'), Qt.AscendingOrder)   # not sortable
    assert model.current_filter().sort == 'total_spent'
    model.set_filter(model.current_filter().with_(text='x'))
    assert model.rowCount() == 1
    assert model.row_id(0) == 1
    assert model.row_id(1) is None
