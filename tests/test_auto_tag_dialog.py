"""The automatic-tag dialog and the tag manager's rule buttons, driven with qtbot."""
from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from models import CustomerTag, Tag
from services import auto_tags, tags
from services.customer_stats import refresh
from ui.dialogs.auto_tag_dialog import AutoTagDialog
from ui.dialogs.tag_manager import TagManagerDialog
from ui.labels import tag_rule_text


def members(tag_id):
    return {ct.customer_id for ct in CustomerTag.select().where(CustomerTag.tag == tag_id)}


def save_and_wait(qtbot, dialog):
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert dialog.result() == QDialog.Accepted


def shop(make_customer, make_order):
    big, small = make_customer('big'), make_customer('small')
    make_order(big, 2000_00, paid_at=datetime(2025, 11, 11, 20))
    make_order(small, 600_00, paid_at=datetime(2025, 6, 1))
    refresh(None)
    return big, small


def test_create_from_an_example(qtbot, make_customer, make_order):
    big, _ = shop(make_customer, make_order)
    d = AutoTagDialog()
    qtbot.addWidget(d)
    d.example_buttons[[n for n, _ in auto_tags.EXAMPLES].index('双11买家')].click()
    assert d.kind.currentData() == 'bought_in' and d.window_start.text() == '11-01'
    d.example_buttons[0].click()                              # 高消费
    assert d.name.text() == '高消费' and d.kind.currentData() == 'spent_at_least'
    assert d.rule() == {'kind': 'spent_at_least', 'value': 2000}
    save_and_wait(qtbot, d)
    tag = Tag.get(Tag.name == '高消费')
    assert d.tag_id == tag.id and tag.auto and members(tag.id) == {big}


def test_every_kind_round_trips(qtbot, database):
    d = AutoTagDialog()
    qtbot.addWidget(d)
    for rule in ({'kind': 'segment', 'value': '重要价值客户'}, {'kind': 'tier', 'value': 'VIP会员'},
                 {'kind': 'lifecycle', 'value': 'sleeping'}, {'kind': 'loyalty', 'value': 'price'},
                 {'kind': 'spent_at_least', 'value': 99.5}, {'kind': 'orders_at_least', 'value': 3},
                 {'kind': 'bought_in', 'value': ['06-01', '06-18']}):
        d.set_rule(rule)
        assert d.rule() == rule
        assert d.values.currentWidget() is d._editors[rule['kind']]
        assert auto_tags.validate_rule(rule) == rule


def test_invalid_input_shows_a_message_and_creates_nothing(qtbot, make_customer, make_order):
    shop(make_customer, make_order)
    d = AutoTagDialog()
    qtbot.addWidget(d)
    d.kind.setCurrentIndex(d.kind.findData('bought_in'))
    d.name.setText('大促')
    d.window_start.setText('13-45')
    d.window_end.setText('11-12')
    d.buttons.button(QDialogButtonBox.Ok).click()
    assert '13-45' in d.error.text() and d.result() != QDialog.Accepted
    d.window_start.setText('')
    d.save()
    assert 'MM-DD' in d.error.text()
    d.name.setText('')
    d.save()
    assert '标签名' in d.error.text()
    assert Tag.select().count() == 0 and d.isEnabled()


def test_a_duplicate_name_is_reported_inline(qtbot, database):
    tags.create_tag('高消费')
    d = AutoTagDialog()
    qtbot.addWidget(d)
    d.example_buttons[0].click()
    d.save()
    qtbot.waitUntil(lambda: d._task is None, timeout=10000)
    assert '高消费' in d.error.text() and d.result() != QDialog.Accepted
    assert d.buttons.isEnabled()
    assert Tag.select().where(Tag.auto == True).count() == 0  # noqa: E712


def test_editing_a_rule_reapplies_it(qtbot, make_customer, make_order):
    big, small = shop(make_customer, make_order)
    tag_id = auto_tags.create_rule('高消费', {'kind': 'spent_at_least', 'value': 2000})
    assert members(tag_id) == {big}
    d = AutoTagDialog(tag_id=tag_id, name='高消费')
    qtbot.addWidget(d)
    assert d.name.isReadOnly() and d.spent.value() == 2000
    d.spent.setValue(500)
    save_and_wait(qtbot, d)
    assert auto_tags.rule_of(tag_id) == {'kind': 'spent_at_least', 'value': 500}
    assert members(tag_id) == {big, small}


def test_tag_manager_shows_rules_and_opens_the_editor(qtbot, make_customer, make_order,
                                                       monkeypatch):
    shop(make_customer, make_order)
    auto = auto_tags.create_rule('高消费', {'kind': 'spent_at_least', 'value': 2000})
    tags.create_tag('老客')
    d = TagManagerDialog()
    qtbot.addWidget(d)
    rows = {d.table.item(r, 0).text(): r for r in range(d.table.rowCount())}
    assert d.table.item(rows['高消费'], 4).text() == '累计消费至少 ¥2,000'
    assert d.table.item(rows['老客'], 4).text() == ''
    opened = []

    def fake_exec(dialog):
        opened.append((dialog.tag_id, dialog.kind.currentData()))
        return QDialog.Rejected
    monkeypatch.setattr(AutoTagDialog, 'exec', fake_exec)
    d.table.selectRow(rows['老客'])
    assert not d.rule_button.isEnabled()
    d.table.selectRow(rows['高消费'])
    assert d.rule_button.isEnabled()
    d.open_current()                                       # what a double-click does
    assert opened == [(auto, 'spent_at_least')]
    d.add_auto_button.click()
    assert opened[-1] == (None, 'spent_at_least')


def test_rule_text():
    assert tag_rule_text({'kind': 'spent_at_least', 'value': 2000}) == '累计消费至少 ¥2,000'
    assert tag_rule_text({'kind': 'spent_at_least', 'value': 99.5}) == '累计消费至少 ¥99.50'
    assert tag_rule_text({'kind': 'lifecycle', 'value': 'sleeping'}) == '生命周期是 沉睡'
    assert tag_rule_text({'kind': 'bought_in', 'value': ['11-01', '11-12']}) == \
        '每年 11-01 到 11-12 购买过'
    assert tag_rule_text({'kind': 'orders_at_least', 'value': 3}) == '成交笔数至少 3 笔'
    assert tag_rule_text(None) == '' and tag_rule_text({'kind': 'bought_in', 'value': 1}) == ''
