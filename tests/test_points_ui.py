"""The points dialog and the points tab of the customer detail, driven like the owner would."""
from datetime import datetime

import pytest

from models import PointsEntry
from services import customers, points, settings
from services.points import PointsRules
from ui.dialogs.points_dialog import ADJUST, BONUS, REDEEM, PointsDialog
from ui.widgets import points_tab
from ui.widgets.customer_detail import CustomerDetailPanel
from ui.widgets.points_tab import PointsTab, source_text


@pytest.fixture
def member(make_customer, make_order):
    """A customer with 100 points from an order and nothing else."""
    cid = make_customer('tb_xiaolu', name='张伟')
    make_order(cid, 100_50, order_no='TB100', paid_at=datetime(2024, 5, 1, 9, 30))
    points.sync_order_points([cid])
    points.store_balances([cid])
    return cid


def fill(dialog, mode, n, reason='', kind=None):
    dialog.mode.setCurrentIndex(dialog.mode.findData(mode))
    if kind is not None:
        combo = {REDEEM: dialog.redeem_kind, BONUS: dialog.bonus_kind}[mode]
        combo.setCurrentIndex(combo.findData(kind))
    dialog.points.setValue(n)
    dialog.reason.setCurrentText(reason)


def test_dialog_refuses_an_overdraw_inline(qtbot, member):
    dialog = PointsDialog(member, REDEEM)
    qtbot.addWidget(dialog)
    assert dialog.balance_label.text() == '100'
    fill(dialog, REDEEM, 150, '兑换礼品', 'gift')
    assert '-50' in dialog.after.text()
    dialog.save()
    assert '积分不足' in dialog.error.text()
    assert dialog.result() == 0 and dialog.new_balance is None
    assert points.balance(member) == 100
    fill(dialog, REDEEM, 100, '兑换礼品', 'gift')
    dialog.save()
    assert dialog.result() == 1 and dialog.new_balance == 0
    (e,) = PointsEntry.select().where(PointsEntry.kind == 'redeem')
    assert (e.points, e.reason, e.source) == (-100, '兑换礼品', 'gift')


def test_dialog_needs_a_reason_for_a_redemption(qtbot, member):
    dialog = PointsDialog(member, REDEEM)
    qtbot.addWidget(dialog)
    fill(dialog, REDEEM, 10, '')
    dialog.save()
    assert dialog.error.text() and dialog.result() == 0


def test_dialog_adjusts_down_and_not_below_zero(qtbot, member):
    dialog = PointsDialog(member, ADJUST)
    qtbot.addWidget(dialog)
    assert dialog.form.isRowVisible(dialog.direction)
    assert not dialog.form.isRowVisible(dialog.redeem_kind)
    fill(dialog, ADJUST, 101, '更正误操作')
    dialog.direction.setCurrentIndex(dialog.direction.findData(-1))
    dialog.save()
    assert '积分不足' in dialog.error.text()
    dialog.points.setValue(40)
    dialog.save()
    assert dialog.new_balance == 60


def test_dialog_bonus_takes_the_rule_default(qtbot, member):
    settings.save(PointsRules(survey_points=30))
    dialog = PointsDialog(member, BONUS)
    qtbot.addWidget(dialog)
    dialog.bonus_kind.setCurrentIndex(dialog.bonus_kind.findData('survey'))
    assert dialog.points.value() == 30
    assert dialog.form.isRowVisible(dialog.bonus_kind)
    dialog.save()
    assert dialog.new_balance == 130
    assert points.history(member)[0].reason == '问卷调研奖励'


def answer(monkeypatch, mode_values):
    """Make the tab's dialog fill itself in and press 保存 instead of waiting for a person."""
    def exec_(dialog):
        fill(dialog, *mode_values)
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(points_tab.PointsDialog, 'exec', exec_)


def test_tab_redeem_updates_balance_and_history(qtbot, monkeypatch, member):
    tab = PointsTab()
    qtbot.addWidget(tab)
    tab.set_customer(member)
    tab.show()
    assert tab.balance == 100 and '100' in tab.balance_label.text()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 5).text() == '淘宝订单'
    assert tab.table.item(0, 5).toolTip() == 'order:taobao:TB100'
    assert tab.table.item(0, 4).text() == '订单 TB100 消费 ¥100.50'
    answer(monkeypatch, (REDEEM, 30, '兑换5元无门槛券', 'coupon'))
    with qtbot.waitSignal(tab.changed) as signal:
        tab.redeem_button.click()
    assert signal.args == [member]
    assert tab.balance == 70 and '70' in tab.balance_label.text()
    row = [tab.table.item(0, c).text() for c in range(6)]
    assert row[1:] == ['兑换', '-30', '70', '兑换5元无门槛券', '优惠券']
    assert tab.table.rowCount() == 2


def test_tab_refused_dialog_changes_nothing(qtbot, monkeypatch, member):
    tab = PointsTab()
    qtbot.addWidget(tab)
    tab.set_customer(member)
    tab.show()
    answer(monkeypatch, (REDEEM, 500, '兑换礼品', 'gift'))
    with qtbot.assertNotEmitted(tab.changed):
        tab.redeem_button.click()
    assert tab.balance == 100 and tab.table.rowCount() == 1


def test_detail_shows_the_points_tab_and_follows_a_write(qtbot, monkeypatch, member):
    panel = CustomerDetailPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_detail(customers.get_customer(member))
    panel.tabs.setCurrentWidget(panel.points)
    assert isinstance(panel.points, PointsTab)
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.points)) == '积分'
    assert panel.points.customer_id() == member and panel.points.table.rowCount() == 1
    answer(monkeypatch, (BONUS, 20, '老客回馈', 'manual'))
    with qtbot.waitSignal(panel.points_changed):
        panel.points.bonus_button.click()
    assert panel.fields['points'].text() == '120'
    assert panel.points.table.item(0, 1).text() == '奖励'
    panel.show_detail(None)
    assert panel.points.customer_id() is None and panel.points.table.rowCount() == 0
    assert not panel.points.redeem_button.isEnabled()


def test_binned_customer_shows_history_without_buttons(qtbot, member):
    customers.delete_customers([member])
    panel = CustomerDetailPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.tabs.setCurrentWidget(panel.points)
    panel.show_detail(customers.get_customer(member))
    assert panel.points.table.rowCount() == 1
    assert not any(b.isEnabled() for b in (panel.points.redeem_button,
                                           panel.points.adjust_button,
                                           panel.points.bonus_button))


def test_hidden_tab_loads_when_shown(qtbot, member):
    tab = PointsTab()
    qtbot.addWidget(tab)
    tab.set_customer(member)
    assert tab.table.rowCount() == 0            # not shown yet: nothing read
    tab.show()
    assert tab.table.rowCount() == 1


@pytest.mark.parametrize('source,text', [
    ('order:pdd:240101-12345', '拼多多订单'), ('order:TB123', '订单 TB123'),
    ('coupon', '优惠券'), ('birthday:2024', '生日 2024'), ('signin:2024-06-01', '签到 2024-06-01'),
    ('expiry', '有效期'), ('import:abc', 'import:abc'),
])
def test_sources_read_as_words(qapp, source, text):
    assert source_text(source) == text
