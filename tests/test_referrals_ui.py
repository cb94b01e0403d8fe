"""The referral dialog and the 社群 tab of the customer detail, driven like the owner."""
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from models import Customer
from services import customers, groups, points, referrals
from services.groups import GroupFields
from ui.dialogs.referral_dialog import REFERRED, REFERRER, ReferralDialog
from ui.widgets.customer_detail import CustomerDetailPanel


@pytest.fixture
def people(make_customer):
    return {n: make_customer(n, name=name) for n, name in
            (('tb_xiaolu', '张伟'), ('tb_mao', '李娜'), ('pdd_8812', '王芳'))}


def pick(dialog, text):
    dialog.picker.search.setText(text)
    dialog.picker.search_now()
    assert dialog.picker.results.count() == 1
    dialog.picker.results.setCurrentRow(0)


def test_record_who_referred_a_customer_with_points(qtbot, people):
    dialog = ReferralDialog(people['tb_mao'], '李娜', REFERRER)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert not save.isEnabled()
    assert not dialog.form.isRowVisible(dialog.points)
    dialog.picker.search.setText('lina')                  # the customer is not offered
    dialog.picker.search_now()
    assert dialog.picker.results.count() == 0
    pick(dialog, 'zhangwei')
    dialog.reward.setCurrentIndex(dialog.reward.findData('points'))
    assert dialog.form.isRowVisible(dialog.points) and not dialog.form.isRowVisible(dialog.cash)
    dialog.points.setValue(300)
    dialog.save()
    assert dialog.result() == 1
    assert Customer.get_by_id(people['tb_mao']).referred_by_id == people['tb_xiaolu']
    assert points.balance(people['tb_xiaolu']) == 300


def test_a_loop_is_refused_inline(qtbot, people):
    referrals.record_referral(people['tb_xiaolu'], people['tb_mao'])
    dialog = ReferralDialog(people['tb_xiaolu'], '张伟', REFERRER)
    qtbot.addWidget(dialog)
    pick(dialog, 'tb_mao')
    dialog.save()
    assert '直接或间接' in dialog.error.text() and dialog.result() == 0
    assert Customer.get_by_id(people['tb_xiaolu']).referred_by_id is None


def test_record_whom_a_customer_referred_with_cash(qtbot, people):
    dialog = ReferralDialog(people['tb_xiaolu'], '张伟', REFERRED)
    qtbot.addWidget(dialog)
    pick(dialog, '王芳')
    dialog.reward.setCurrentIndex(dialog.reward.findData('cash'))
    dialog.cash.setValue(8.8)
    dialog.note.setText('微信红包')
    dialog.save()
    (r,) = referrals.referrals_of(people['tb_xiaolu']).referred
    assert (r.referred_nick, r.reward, r.cash, r.note) == ('pdd_8812', 'cash', 8_80, '微信红包')


def test_the_detail_tab_shows_groups_and_referrals(qtbot, people, monkeypatch):
    a, b, c = people['tb_xiaolu'], people['tb_mao'], people['pdd_8812']
    vip = groups.create_group(GroupFields('VIP一群', 'VIP群'))
    groups.add_members(vip, [a], joined_at=date(2024, 5, 1))
    groups.set_role(vip, [a], groups.ADMIN)
    referrals.record_referral(b, a, at=date(2024, 4, 1), reward='cash', cash=10_00,
                              note='红包')
    referrals.record_referral(a, c, at=date(2024, 6, 1), reward='points', points=200)
    panel = CustomerDetailPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_detail(customers.get_customer(a))
    panel.tabs.setCurrentWidget(panel.social)
    tab = panel.social
    assert [tab.groups.item(0, i).text() for i in range(4)] == [
        'VIP一群（微信）', 'VIP群', '管理员', '2024-05-01']
    assert tab.referrer.text() == '推荐人：tb_mao（淘宝 · 李娜）\n2024-04-01 · 奖励：现金 ¥10.00（红包）'
    assert not tab.set_referrer_button.isEnabled() and tab.clear_referrer_button.isEnabled()
    assert [tab.referred.item(0, i).text() for i in range(3)] == [
        'pdd_8812（淘宝 · 王芳）', '2024-06-01', '积分 200']
    # Deleting the referral takes the reward back and tells the page points moved.
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    tab.referred.selectRow(0)
    with qtbot.waitSignal(panel.points_changed) as signal:
        tab.delete_referred_button.click()
    assert signal.args == [a]
    assert tab.referred.rowCount() == 0 and points.balance(a) == 0
    assert Customer.get_by_id(c).referred_by_id is None


def test_spent_points_can_be_kept_when_deleting(qtbot, people, monkeypatch):
    a, b = people['tb_xiaolu'], people['tb_mao']
    referrals.record_referral(a, b, reward='points', points=100)
    points.redeem(a, 80, '兑换礼品', 'gift')
    panel = CustomerDetailPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_detail(customers.get_customer(b))
    panel.tabs.setCurrentWidget(panel.social)
    asked = []

    def answer(parent, title, text, *a, **k):
        asked.append(text)
        return QMessageBox.Yes
    monkeypatch.setattr(QMessageBox, 'question', answer)
    panel.social.clear_referrer_button.click()
    assert '已被使用' in asked[1] and '保留奖励的积分' in asked[1]
    assert Customer.get_by_id(b).referred_by_id is None and points.balance(a) == 20
    assert panel.social.referrer.text() == '推荐人：无'
    assert panel.social.set_referrer_button.isEnabled()


def test_a_binned_customer_shows_records_without_buttons(qtbot, people):
    a, b = people['tb_xiaolu'], people['tb_mao']
    referrals.record_referral(a, b)
    customers.delete_customers([b])
    panel = CustomerDetailPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_detail(customers.get_customer(b))
    panel.tabs.setCurrentWidget(panel.social)
    assert 'tb_xiaolu' in panel.social.referrer.text()
    assert not panel.social.clear_referrer_button.isEnabled()
    assert not panel.social.add_referred_button.isEnabled()
