"""The 隐私与退订 settings tab, the password at start and before unmasking, the customer
detail's 显示号码, the opt-out dialog, and masked phones in the lists."""
import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from services import consent, customers, privacy, settings
from services.consent.caps import ContactCaps
from services.member_query import MemberFilter, MemberRow
from ui.dialogs import password_dialog
from ui.dialogs.export_dialog import ExportOptionsDialog
from ui.dialogs.optout_dialog import OptOutDialog
from ui.widgets.customer_detail import CustomerDetailPanel
from ui.widgets.member_table_model import COLUMNS, MemberTableModel
from ui.widgets.privacy_editor import PrivacyEditor


@pytest.fixture(autouse=True)
def locked():
    password_dialog.lock()
    yield
    password_dialog.lock()


@pytest.fixture
def typed(monkeypatch):
    """The password dialog 'shown': types each of `attempts` and presses OK until it closes;
    records how often it was shown."""
    state = {'attempts': [], 'shown': 0}

    def fake_exec(dialog):
        state['shown'] += 1
        for text in state['attempts']:
            dialog.password.setText(text)
            dialog.check()
            if dialog.result() != 0 or dialog.tries_left <= 0:
                break
        return dialog.result()
    monkeypatch.setattr(password_dialog.PasswordDialog, 'exec', fake_exec)
    return state


# --- password at start ------------------------------------------------------------------------

def test_start_asks_only_when_a_password_is_set(qapp, database, typed):
    assert password_dialog.ask_at_start() and typed['shown'] == 0
    privacy.set_password('1234')
    typed['attempts'] = ['0000', '1234']
    assert password_dialog.ask_at_start()
    typed['attempts'] = ['0000', '1111', '2222', '1234']     # three wrong: closed
    assert not password_dialog.ask_at_start()


def test_wrong_tries_say_how_many_are_left(database, qtbot):
    privacy.set_password('1234')
    dialog = password_dialog.PasswordDialog('请输入密码')
    qtbot.addWidget(dialog)
    dialog.password.setText('bad')
    dialog.check()
    assert dialog.error.text() == '密码不对，还可以再试 2 次。' and dialog.password.text() == ''
    dialog.password.setText('1234')
    dialog.check()
    assert dialog.result() == QDialog.Accepted


# --- the settings tab -------------------------------------------------------------------------

@pytest.fixture
def editor(qtbot, database):
    w = PrivacyEditor()
    qtbot.addWidget(w)
    return w


def test_settings_tab_saves_the_cap(editor):
    assert (editor.max_messages.value(), editor.days.value()) == (2, 30)
    assert editor.max_messages.specialValueText() == '不限'
    editor.max_messages.setValue(3)
    editor.days.setValue(14)
    editor.count_log.setChecked(False)
    assert editor.save()
    assert settings.load(ContactCaps) == ContactCaps(3, 14, False)
    assert editor.message.text() == '已保存。'


def test_settings_tab_sets_changes_and_removes_the_password(editor, typed):
    assert editor.password_state.text().startswith('未设置密码')
    assert not editor.remove_password_button.isEnabled()
    editor.new_password.setText('1234')
    editor.repeat_password.setText('1235')
    assert not editor.change_password()
    assert editor.password_message.text() == '两次输入的新密码不一样。'
    editor.repeat_password.setText('1234')
    assert editor.change_password() and privacy.check_password('1234')
    assert editor.password_state.text().startswith('已设置密码')
    assert editor.set_password_button.text() == '修改密码' and editor.old_password.text() == ''
    editor.old_password.setText('9999')
    editor.new_password.setText('5678')
    editor.repeat_password.setText('5678')
    assert not editor.change_password() and editor.password_message.text() == '原密码不对。'
    # Unmasking exports by default is guarded by the password.
    editor.mask_exports.setChecked(False)
    typed['attempts'] = ['x', 'y', 'z']
    assert not editor.save() and privacy.load_settings().mask_exports
    typed['attempts'] = ['1234']
    assert editor.save() and not privacy.load_settings().mask_exports
    editor.old_password.setText('1234')
    assert editor.remove_password() and not privacy.has_password()


def test_the_settings_page_has_the_tab(qtbot, database):
    from ui.pages.settings_page import SettingsPage
    page = SettingsPage()
    qtbot.addWidget(page)
    names = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert '隐私与退订' in names


# --- customer detail: 显示号码 ---------------------------------------------------------------

@pytest.fixture
def panel(qtbot, make_customer):
    cid = make_customer('tb_amy', name='王芳', phone='13800001111', phone2='13900002222',
                        address='浙江省杭州市西湖区文三路 18 号')
    p = CustomerDetailPanel()
    qtbot.addWidget(p)
    p.show_detail(customers.get_customer(cid))
    return p


def test_customer_detail_shows_the_full_number_only_after_the_click(panel, qtbot):
    assert panel.fields['phone'].text() == '138****1111 / 139****2222'
    assert panel.fields['address'].text() == '浙江省杭州市西湖区***'
    qtbot.mouseClick(panel.consent.show_button, Qt.LeftButton)
    assert panel.fields['phone'].text() == '13800001111 / 13900002222'
    assert panel.fields['address'].text() == '浙江省杭州市西湖区文三路 18 号'
    assert panel.consent.show_button.text() == '隐藏号码'
    qtbot.mouseClick(panel.consent.show_button, Qt.LeftButton)
    assert panel.fields['phone'].text() == '138****1111 / 139****2222'


def test_customer_detail_unmask_asks_the_password(panel, qtbot, typed):
    privacy.set_password('1234')
    typed['attempts'] = ['0000', '1111', '2222']
    qtbot.mouseClick(panel.consent.show_button, Qt.LeftButton)
    assert panel.fields['phone'].text() == '138****1111 / 139****2222' and typed['shown'] == 1
    typed['attempts'] = ['1234']
    qtbot.mouseClick(panel.consent.show_button, Qt.LeftButton)
    assert panel.fields['phone'].text() == '13800001111 / 13900002222' and typed['shown'] == 2


def test_customer_detail_shows_opt_outs_and_messages(panel):
    cid = panel.customer_id()
    assert panel.consent.state.text() == '近 30 天营销消息 0 条，上限 2 条'
    consent.add_optout(cid, 'sms')
    panel.show_detail(customers.get_customer(cid))
    assert panel.consent.state.text().startswith('已退订：短信 · ')


# --- the opt-out dialog --------------------------------------------------------------------------

def test_optout_dialog_for_a_customer_ticks_channels(qtbot, make_customer):
    cid = make_customer('tb_amy', name='王芳', phone='13800001111')
    dialog = OptOutDialog(None, cid, '王芳')
    qtbot.addWidget(dialog)
    changed = []
    dialog.changed.connect(lambda: changed.append(1))
    dialog.reason.setText('电话里说不要再发')
    dialog.boxes['sms'].setChecked(True)
    assert consent.channels_of(cid) == ['sms'] and changed
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == '电话里说不要再发'
    dialog.boxes['sms'].setChecked(False)
    assert consent.channels_of(cid) == [] and dialog.table.rowCount() == 0


def test_optout_dialog_adds_removes_and_imports(qtbot, make_customer, tmp_path):
    make_customer('tb_bob', phone='13800002222')
    dialog = OptOutDialog()
    qtbot.addWidget(dialog)
    assert not dialog.add_phone('138****2222')
    assert '打码' in dialog.message.text()
    assert dialog.add_phone('138 0000 2222')
    assert dialog.table.item(0, 2).text() == '138****2222'     # the list shows it masked
    dialog.search.setText('99999')
    assert dialog.table.rowCount() == 0
    dialog.search.setText('')
    dialog.table.selectRow(0)
    dialog.remove_selected(confirm=False)
    assert consent.entry_counts() == {}
    report = tmp_path / 'r.csv'
    with open(report, 'w', encoding='utf-8-sig', newline='') as f:
        csv.writer(f).writerows([['手机号', '回复'], ['13800002222', 'TD'], ['138****1', 'R']])
    task = dialog.import_report(str(report))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert not task.running
    assert '新加入 1 个' in dialog.message.text() and '打码' in dialog.message.text()
    assert dialog.table.rowCount() == 1


# --- export options ------------------------------------------------------------------------------

def test_export_options_default_masked_and_full_needs_the_password(qtbot, database, typed):
    dialog = ExportOptionsDialog('导出', '/tmp/x.xlsx', note='短信平台需要完整号码')
    qtbot.addWidget(dialog)
    assert not dialog.full_phones.isChecked() and dialog.note.text() == '短信平台需要完整号码'
    privacy.set_password('1234')
    dialog.full_phones.setChecked(True)
    typed['attempts'] = ['a', 'b', 'c']
    dialog.accept()
    assert dialog.result() != QDialog.Accepted
    typed['attempts'] = ['1234']
    dialog.accept()
    assert dialog.result() == QDialog.Accepted and dialog.full()
    privacy.save_settings(privacy.PrivacySettings(mask_exports=False))
    again = ExportOptionsDialog('导出', '/tmp/x.xlsx')
    qtbot.addWidget(again)
    assert again.full_phones.isChecked()


# --- masked lists --------------------------------------------------------------------------------

def test_member_list_shows_phones_masked(qapp):
    class Source:
        def count(self, f):
            return 1

        def page(self, f, offset, limit):
            return [MemberRow(id=1, nick='tb_amy', platform='taobao', name='王芳',
                              phone='13800001111', tier_id=None, tier_locked=False, points=0,
                              order_count=0, total_spent=0, first_order_at=None,
                              last_order_at=None, segment='', province='', city='',
                              created_at=None, deleted_at=None)]
    m = MemberTableModel(Source())
    m.set_filter(MemberFilter(text='13800001111'))        # found by the full number
    col = [c[0] for c in COLUMNS].index('phone')
    assert m.data(m.index(0, col)) == '138****1111'


def test_reminder_list_masks_phones_and_flags_opt_outs(qtbot, make_customer):
    from services import reminders
    from ui.widgets.reminder_list import ReminderList, facts_html
    from ui.widgets.reminder_tree_model import COLUMNS
    cid = make_customer('tb_amy', name='王芳', phone='13800001111', birth_kind='solar',
                        birth_month=3, birth_day=8)
    consent.add_optout(cid, 'sms')
    found = reminders.due_today(date(2026, 3, 5), kinds=('birthday',))
    lst = ReminderList('今日提醒')
    qtbot.addWidget(lst)
    lst.set_reminders(found, date(2026, 3, 5))
    group = lst.model.index(0, 0)
    row = [lst.model.data(lst.model.index(0, c, group)) for c in range(len(COLUMNS))]
    assert '138****1111' in row and '13800001111' not in ' '.join(map(str, row))
    assert any('[已退订短信]' in str(v) for v in row)
    html = facts_html(found[0])
    assert '138****1111' in html and '已退订短信' in html


def test_editing_a_customer_needs_the_password_too(qtbot, make_customer, typed, monkeypatch):
    """The edit form shows the full number: it must not get round 显示号码."""
    from ui.dialogs.customer_dialog import CustomerDialog
    from ui.pages.members_page import MembersPage
    cid = make_customer('tb_amy', phone='13800001111')
    privacy.set_password('1234')
    page = MembersPage()
    qtbot.addWidget(page)
    opened = []
    monkeypatch.setattr(CustomerDialog, 'exec', lambda self: opened.append(
        self.phone.text()) or 0)
    typed['attempts'] = ['0000', '1111', '2222']
    page.edit_customer(cid)
    assert opened == [] and typed['shown'] == 1
    typed['attempts'] = ['1234']
    page.edit_customer(cid)
    assert opened == ['13800001111']
