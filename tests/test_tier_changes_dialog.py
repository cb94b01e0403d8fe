"""The 等级变动 dialog: who moved between tiers, filtered by period and direction."""
from datetime import datetime

from PySide6.QtCore import Qt

from models import TierChange
from services import tiers as tier_service
from services.customer_stats import refresh
from ui.dialogs.tier_changes_dialog import TierChangesDialog, period_range


def rows(d):
    return [[d.table.item(r, c).text() for c in range(d.table.columnCount())]
            for r in range(d.table.rowCount())]


def choose(d, period):
    d.period.setCurrentIndex(d.period.findData(period))


def test_a_move_up_and_down_this_month(qtbot, make_customer, make_order):
    a = make_customer('a', name='张三')
    order = make_order(a, 2000_00)
    refresh([a])
    d = TierChangesDialog()
    qtbot.addWidget(d)
    assert d.period.currentData() == 'this_month'
    assert [r[1:7] for r in rows(d)] == [['a', '张三', '普通会员', 'VIP会员', '↑ 升级', '规则']]
    assert '1' in d.count.text()
    order.completed = False
    order.status = 'refunded'
    order.save()
    refresh([a])
    d.reload()
    assert [r[5] for r in rows(d)] == ['↓ 降级', '↑ 升级']
    d.upgrades_only.setChecked(True)
    assert [r[3:6] for r in rows(d)] == [['普通会员', 'VIP会员', '↑ 升级']]
    choose(d, 'last_month')
    assert rows(d) == []
    choose(d, 'all')
    assert len(rows(d)) == 1


def test_double_click_names_the_customer(qtbot, make_customer, make_order):
    a = make_customer('a')
    make_order(a, 2000_00)
    refresh([a])
    assert tier_service.changes()[0].customer_id == a
    d = TierChangesDialog()
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.customer_chosen) as chosen:
        d.show()
        qtbot.waitExposed(d)
        rect = d.table.visualRect(d.table.model().index(0, 1))
        qtbot.mouseClick(d.table.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(d.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert chosen.args == [a]


def test_a_manual_override_shows_its_reason_and_note(qtbot, make_customer, make_order, tiers):
    a = make_customer('a')
    make_order(a, 10_00)
    refresh([a])
    tier_service.set_override(a, tiers['至尊VIP会员'], note='老朋友')
    d = TierChangesDialog()
    qtbot.addWidget(d)
    assert [r[3:] for r in rows(d)] == [['普通会员', '至尊VIP会员', '↑ 升级', '手动', '老朋友']]


def test_last_month_excludes_this_months_moves(qtbot, make_customer):
    a = make_customer('a')
    since, until = period_range('last_month', datetime.now())
    TierChange.create(customer=a, from_name='普通会员', to_name='高级会员', upgrade='up',
                      at=since.replace(day=15), reason='import')
    TierChange.create(customer=a, from_name='高级会员', to_name='普通会员', upgrade='down',
                      at=until, reason='rule')
    d = TierChangesDialog()
    qtbot.addWidget(d)
    choose(d, 'last_month')
    assert [(r[5], r[6]) for r in rows(d)] == [('↑ 升级', '导入')]
    choose(d, 'this_month')
    assert [(r[5], r[6]) for r in rows(d)] == [('↓ 降级', '规则')]


def test_period_range():
    jan = datetime(2025, 1, 20, 15, 30)
    assert period_range('this_month', jan) == (datetime(2025, 1, 1), None)
    assert period_range('last_month', jan) == (datetime(2024, 12, 1), datetime(2025, 1, 1))
    assert period_range('last_7_days', jan) == (datetime(2025, 1, 14), None)
    assert period_range('last_30_days', jan) == (datetime(2024, 12, 22), None)
    assert period_range('all', jan) == (None, None)


def test_members_page_opens_it(qtbot, make_customer, make_order):
    from ui.pages.members_page import MembersPage
    a = make_customer('a')
    make_order(a, 2000_00)
    refresh([a])
    page = MembersPage()
    qtbot.addWidget(page)
    page.tier_changes_button.click()
    dialog = page.findChild(TierChangesDialog)
    assert dialog is not None and dialog.table.rowCount() == 1
    dialog.customer_chosen.emit(a)
    assert page.detail.customer_id() == a
    dialog.close()
