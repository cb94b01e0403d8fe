"""The 分析 page driven through its widgets, on the hand-computed shop of test_analytics_shop."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from test_analytics_shop import build

MARCH_END = date(2024, 3, 31)


@pytest.fixture
def shop(make_customer, tiers):
    return build(make_customer, tiers)


def make_page(qtbot, today=MARCH_END, period='this_month'):
    from ui.pages.analytics_page import AnalyticsPage
    page = AnalyticsPage(today=today)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(lambda: page.dashboard is not None and not page.busy, timeout=15000)
    if period != page.period.currentData():
        with qtbot.waitSignal(page.computed, timeout=15000):
            page.period.setCurrentIndex(page.period.findData(period))
    return page


def an_drill(kind, *key):
    from services.analytics import Drill
    return Drill(kind, key)


def card_value(page, key: str) -> str:
    return page.cards.cards[key].value.text()


def choose(qtbot, page, combo, data) -> None:
    with qtbot.waitSignal(page.computed, timeout=15000):
        combo.setCurrentIndex(combo.findData(data))


def wait_drill(qtbot, page) -> set[int]:
    qtbot.waitUntil(lambda: page.drill_dialog is not None
                    and page.drill_dialog.model is not None, timeout=15000)
    return set(page.drill_dialog.member_ids())


def test_cards_show_the_period_against_the_previous_one(qtbot, shop):
    page = make_page(qtbot)
    assert page.dashboard.period.label() == '2024-03-01 ~ 2024-03-31'
    assert card_value(page, 'buyers') == '3'
    assert card_value(page, 'new_buyers') == '2'
    assert card_value(page, 'repurchase_rate') == '33.3%'
    assert card_value(page, 'churn_rate') == '66.7%'
    assert card_value(page, 'revenue') == '¥410.00'
    assert page.cards.cards['revenue'].change.text() == '▲ 156.2%'
    assert page.cards.cards['churn_rate'].change.text() == '▲ 66.7 个百分点'
    assert '上期' in page.cards.cards['churn_rate'].toolTip()
    assert not any(chart.is_empty() for chart in page.charts)
    assert 'nan' not in page.status.text().lower()


def test_filters_change_the_numbers(qtbot, shop, tiers):
    from services.tags import create_tag, tag_customers
    tag = create_tag('老顾客')
    tag_customers([shop['C'], shop['G']], tag)
    page = make_page(qtbot)
    choose(qtbot, page, page.platform, 'pdd')
    assert card_value(page, 'buyers') == '1' and card_value(page, 'revenue') == '¥70.00'
    choose(qtbot, page, page.platform, '')
    page.reload_lookups()
    choose(qtbot, page, page.tag, tag)
    assert card_value(page, 'buyers') == '0' and card_value(page, 'churn_rate') == '100.0%'
    choose(qtbot, page, page.tag, None)
    choose(qtbot, page, page.tier, tiers['高级会员'])
    assert card_value(page, 'buyers') == '1'
    assert '等级：高级会员' in page.filter_text()


def test_period_picker(qtbot, shop):
    page = make_page(qtbot)
    with qtbot.waitSignal(page.computed, timeout=15000):
        page.period.setCurrentIndex(page.period.findData('last_month'))
    assert page.dashboard.period.label() == '2024-02-01 ~ 2024-02-29'
    assert card_value(page, 'buyers') == '3'                   # B C G
    with qtbot.waitSignal(page.computed, timeout=15000):
        page.period.setCurrentIndex(page.period.findData('custom'))
    assert page.start.isVisible() and page.end.isVisible()
    with qtbot.waitSignal(page.computed, timeout=15000):
        page.start.setDate(page.end.date().addDays(-1))
    assert page.dashboard.period.days == 2


def test_a_card_drills_down_to_its_customers(qtbot, shop):
    page = make_page(qtbot)
    qtbot.mouseClick(page.cards.cards['new_buyers'], Qt.LeftButton)
    assert wait_drill(qtbot, page) == {shop['A'], shop['F']}
    assert '2 位顾客' in page.drill_dialog.heading.text()
    page.drill_dialog.close()
    qtbot.mouseClick(page.cards.cards['churn_rate'], Qt.LeftButton)
    assert wait_drill(qtbot, page) == {shop['C'], shop['G']}


def test_charts_drill_down(qtbot, shop, tiers):
    page = make_page(qtbot)
    grid = page.heat.grid
    centre = grid.cell_rect(6, 21).center().toPoint()          # Sunday 21 o'clock
    qtbot.mouseClick(grid, Qt.LeftButton, pos=centre)
    assert wait_drill(qtbot, page) == {shop['B']}
    page.drill_dialog.close()
    flow = page.lifecycle.flow
    qtbot.mouseClick(flow, Qt.LeftButton, pos=flow.cell_rect(4, 3).center().toPoint())
    assert wait_drill(qtbot, page) == {shop['D'], shop['H']}
    page.drill_dialog.close()
    # A click on an empty cell opens nothing.
    page.drill_dialog = None
    qtbot.mouseClick(grid, Qt.LeftButton, pos=grid.cell_rect(0, 0).center().toPoint())
    assert page.drill_dialog is None


def test_chart_series_emit_their_drills(qtbot, shop, tiers):
    """Bars and slices are QGraphicsItems; their clicked signals are what a click sends."""
    from PySide6.QtCharts import QChartView
    page = make_page(qtbot)
    drills = []
    page.pyramid.drill.connect(lambda d, title: drills.append((d, title)))
    view = page.pyramid.stack.currentWidget()
    assert isinstance(view, QChartView)
    sets = {s.label(): s for s in view.chart().series()[0].barSets()}
    sets['会员数'].clicked.emit(1)                              # 高级会员
    assert drills[-1][0].kind == 'tier' and drills[-1][0].key == (tiers['高级会员'],)
    page.open_drill(*drills[-1])
    assert wait_drill(qtbot, page) == {shop['B'], shop['G']}
    page.drill_dialog.close()
    sets['本期活跃'].clicked.emit(2)                            # VIP会员
    assert drills[-1][0] == an_drill('tier_active', tiers['VIP会员'])
    page.open_drill(*drills[-1])
    assert wait_drill(qtbot, page) == {shop['A']}


def test_exports_write_files(qtbot, shop, tmp_path):
    import openpyxl
    page = make_page(qtbot)
    png = page.export_png(str(tmp_path / '看板.png'))
    assert png and (tmp_path / '看板.png').read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'
    xlsx = page.export_xlsx(str(tmp_path / '看板.xlsx'))
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True))
    assert ('概览', '购买顾客', '人数', '人', 3, 3, 0.0) in rows
    assert '已导出' in page.status.text()


def test_empty_shop_shows_an_empty_state(qtbot, database):
    page = make_page(qtbot, today=date(2025, 6, 30))
    assert page.body.currentWidget() is page.empty
    assert card_value(page, 'repurchase_rate') == '0.0%'
    assert page.cards.cards['revenue'].change.text() == '两期都没有'
    assert all(chart.is_empty() for chart in (page.trend, page.heat, page.top_products))


def test_a_quiet_period_keeps_the_dashboard(qtbot, shop):
    page = make_page(qtbot, today=date(2030, 1, 15))
    assert page.body.currentWidget() is not page.empty         # the shop has members
    assert card_value(page, 'buyers') == '0'
    assert '这两期都没有成交订单' in page.status.text()
    assert not page.pyramid.is_empty() and page.heat.is_empty()


def test_main_window_builds_the_page(qtbot, database):
    from ui.main_window import PAGES, MainWindow
    from ui.pages.analytics_page import AnalyticsPage
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow([p[0] for p in PAGES].index('analytics'))
    page = window.page('analytics')
    assert isinstance(page, AnalyticsPage)
    qtbot.waitUntil(lambda: page.dashboard is not None and not page.busy, timeout=15000)
    first = page.dashboard
    with qtbot.waitSignal(page.computed, timeout=15000):
        window.refresh_pages()                  # data changed elsewhere: recomputed
    assert page.dashboard is not first
    # Hidden, it waits until it is shown again.
    window.nav.setCurrentRow(0)
    window.refresh_pages()
    assert not page.busy
    with qtbot.waitSignal(page.computed, timeout=15000):
        window.nav.setCurrentRow([p[0] for p in PAGES].index('analytics'))
