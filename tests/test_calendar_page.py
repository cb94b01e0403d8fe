"""The 日历 page driven like a shop owner would: today's list, the month, festivals, settings."""
import csv
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QSettings
from PySide6.QtWidgets import QDialog

from models import ContactLog, OrderLine, Product, ReminderMark
from services import customer_stats, reminders, settings
from services.reminders.rules import ReminderRules
from ui.dialogs.festival_dialog import FestivalDialog
from ui.dialogs.product_cycle_dialog import ProductCycleDialog
from ui.dialogs.reminder_done_dialog import ReminderDoneDialog
from ui.dialogs.reminder_rules_dialog import ReminderRulesDialog
from ui.pages.calendar_page import CalendarPage
from ui.widgets.reminder_tree_model import ReminderTreeModel

TODAY = date(2026, 3, 5)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))


@pytest.fixture
def shop(make_customer, make_order):
    amy = make_customer('tb_amy', name='王芳', phone='13800001111', birth_kind='solar',
                        birth_month=3, birth_day=8)
    bob = make_customer('tb_bob', name='李强', birth_kind='lunar', birth_month=1, birth_day=20)
    mom = make_customer('pdd_mom', name='张静')
    milk = Product.create(title='婴儿奶粉 800g', price=228_00, cycle_days=10)
    o = make_order(mom, 456_00, paid_at=datetime(2026, 2, 18, 20, 0))
    OrderLine.create(order=o.id, product=milk.id, title=milk.title, quantity=2)
    customer_stats.refresh()
    return dict(amy=amy, bob=bob, mom=mom, milk=milk.id, order=o.id)


def wait(qtbot, *loaders):
    qtbot.waitUntil(lambda: not any(loader.busy for loader in loaders), timeout=5000)


@pytest.fixture
def page(qtbot, shop):
    p = CalendarPage(today=TODAY)
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    wait(qtbot, p.today_tab.loader)
    return p


def rows_of(model, kind):
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        if model.group_kind(parent) == kind:
            return [model.reminder(model.index(r, 0, parent))
                    for r in range(model.rowCount(parent))]
    return []


def select(view, predicate):
    model = view.model
    sel = view.tree.selectionModel()
    sel.clearSelection()
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            if predicate(model.reminder(index)):
                sel.select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)
                sel.setCurrentIndex(index, QItemSelectionModel.NoUpdate)


# --- the model ----------------------------------------------------------------------------

def test_tree_model_is_a_correct_qt_model(qtmodeltester, shop):
    model = ReminderTreeModel()
    model.set_reminders(reminders.due_today(TODAY), TODAY)
    assert model.rowCount() >= 3
    qtmodeltester.check(model)


# --- 今日 ---------------------------------------------------------------------------------

def test_today_lists_due_reminders_grouped_by_kind(page, shop):
    model = page.today_tab.list.model
    kinds = [model.group_kind(model.index(g, 0)) for g in range(model.rowCount())]
    assert kinds == ['birthday', 'repurchase', 'callback', 'festival']   # fixed kind order
    birthdays = rows_of(model, 'birthday')
    assert {r.nick for r in birthdays} == {'tb_amy', 'tb_bob'}   # 03-08 and 正月二十 = 03-08
    (callback,) = rows_of(model, 'callback')
    assert callback.date == date(2026, 3, 5) and callback.nick == 'pdd_mom'
    assert model.index(0, 0).data() == '生日（2）'
    heading = page.today_tab.heading.text()
    (milk,) = rows_of(model, 'repurchase')
    assert milk.date == date(2026, 3, 10) and milk.nick == 'pdd_mom'  # 2 cans x 10 days
    assert '待办 5 条' in heading and '生日 2' in heading


def test_overdue_and_future_states_read_plainly(page):
    model = page.today_tab.list.model
    parent = model.index(0, 0)
    assert model.index(0, 7, parent).data() == '还有 3 天'
    page.today_tab.today = date(2026, 3, 10)
    page.today_tab.reload()
    page.today_tab.list.set_reminders(page.today_tab.list.model.reminders(), date(2026, 3, 10))
    assert page.today_tab.list.model.index(0, 7, model.index(0, 0)).data() == '逾期 2 天'


def test_done_writes_a_contact_and_the_reminder_disappears(page, shop, monkeypatch):
    lst = page.today_tab.list
    select(lst, lambda r: r.nick == 'tb_amy')
    assert lst.done_button.isEnabled() and 'tb_amy' in lst.facts.text()

    def accept(dialog):
        dialog.channel.setCurrentIndex(dialog.channel.findData('wechat'))
        dialog.result.setCurrentText('已回复')
        dialog.note.setPlainText('送了生日券')
        return QDialog.Accepted
    monkeypatch.setattr(ReminderDoneDialog, 'exec', accept)
    lst.done_selected()
    assert 'tb_amy' not in {r.nick for r in lst.model.reminders()}
    log = ContactLog.get(ContactLog.customer == shop['amy'])
    assert (log.channel, log.result) == ('wechat', '已回复') and '送了生日券' in log.note
    assert '待办 4 条' in page.today_tab.heading.text()
    # A fresh computation agrees: nothing is reminded twice for the same occasion.
    assert 'tb_amy' not in {r.nick for r in reminders.due_today(TODAY)}


def test_skip_and_snooze(page, qtbot):
    lst = page.today_tab.list
    select(lst, lambda r: r.kind == 'callback')
    lst.skip_selected()
    assert rows_of(lst.model, 'callback') == []
    select(lst, lambda r: r.nick == 'tb_bob')
    lst.snooze_selected(date(2026, 3, 7))
    assert 'tb_bob' not in {r.nick for r in lst.model.reminders()}
    assert {m.state for m in ReminderMark.select()} == {'skipped', 'snoozed'}
    page.today_tab.today = date(2026, 3, 7)
    page.today_tab.reload()
    wait(qtbot, page.today_tab.loader)
    assert 'tb_bob' in {r.nick for r in page.today_tab.list.model.reminders()}


def test_the_snooze_and_export_menus(page, monkeypatch, tmp_path):
    lst = page.today_tab.list
    select(lst, lambda r: r.nick == 'tb_bob')
    week = [a for a in lst.snooze_button.menu().actions() if a.text() == '一周后'][0]
    week.trigger()
    (mark,) = ReminderMark.select()
    assert (mark.state, mark.until) == ('snoozed', date(2026, 3, 12))
    from ui.widgets import reminder_list
    chosen = []
    monkeypatch.setattr(reminder_list.QFileDialog, 'getSaveFileName',
                        lambda *args: (chosen.append(args[2]) or '', ''))
    lst._fill_export_menu()
    texts = [a.text() for a in lst.export_menu.actions()]
    assert texts[0] == '导出整个列表…' and '导出复购名单（1 条）…' in texts
    lst.export_menu.actions()[texts.index('导出复购名单（1 条）…')].trigger()
    assert chosen == ['今日提醒-复购.xlsx']


def test_snooze_to_a_chosen_day_is_limited(page, monkeypatch):
    from PySide6.QtCore import QDate as _QDate
    from ui.dialogs.reminder_snooze_dialog import ReminderSnoozeDialog
    lst = page.today_tab.list
    select(lst, lambda r: r.kind == 'callback')            # due 03-05: at most 04-04

    def choose(dialog):
        assert dialog.day.maximumDate() == _QDate(2026, 4, 4)
        dialog.day.setDate(_QDate(2026, 5, 1))               # clamped to the maximum
        return QDialog.Accepted
    monkeypatch.setattr(ReminderSnoozeDialog, 'exec', choose)
    lst.snooze_to_chosen_day()
    (mark,) = ReminderMark.select()
    assert mark.until == date(2026, 4, 4)


def test_selecting_a_kind_row_acts_on_all_its_reminders(page):
    lst = page.today_tab.list
    sel = lst.tree.selectionModel()
    sel.select(lst.model.index(0, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    assert {r.kind for r in lst.selected()} == {'birthday'} and len(lst.selected()) == 2
    lst.skip_selected()
    assert rows_of(lst.model, 'birthday') == []


def test_export_a_birthday_list(page, qtbot, tmp_path, monkeypatch):
    from ui.widgets import reminder_list
    told = []
    monkeypatch.setattr(reminder_list.QMessageBox, 'information',
                        lambda *args: told.append(args[2]))
    path = tmp_path / '生日名单.csv'
    task = page.today_tab.list.export('birthday', str(path))
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert '已导出 2 行' in told[0] and not task.running
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    assert sorted(r[3] for r in rows[1:]) == ['tb_amy', 'tb_bob']
    assert {r[0] for r in rows[1:]} == {'生日'}


# --- 月历 ---------------------------------------------------------------------------------------

def test_month_counts_and_day_list(page, qtbot):
    page.tabs.setCurrentWidget(page.month_tab)
    tab = page.month_tab
    wait(qtbot, tab.month_loader, tab.day_loader)
    lines = tab.calendar.badge_lines()
    assert '2026-03-08 生日 2 节日 1' in lines           # two birthdays and 3.8 女王节
    assert '2026-03-05 回访 1' in lines
    tab.calendar.setSelectedDate(QDate(2026, 3, 8))
    wait(qtbot, tab.day_loader)
    items = tab.list.model.reminders()
    assert {r.nick or r.name for r in items} == {'tb_amy', 'tb_bob', '3.8 女王节'}
    # Skip one in the day list: it stays there, marked, and the month count drops.
    select(tab.list, lambda r: r.nick == 'tb_amy')
    tab.list.skip_selected()
    assert [r.state for r in tab.list.model.reminders() if r.nick == 'tb_amy'] == ['skipped']
    wait(qtbot, tab.month_loader)
    assert '2026-03-08 生日 1 节日 1' in tab.calendar.badge_lines()
    # The 今日 tab learns of it when shown again.
    page.tabs.setCurrentWidget(page.today_tab)
    wait(qtbot, page.today_tab.loader)
    assert 'tb_amy' not in {r.nick for r in page.today_tab.list.model.reminders()}


def test_turning_the_month_loads_its_counts(page, qtbot):
    page.tabs.setCurrentWidget(page.month_tab)
    tab = page.month_tab
    wait(qtbot, tab.month_loader, tab.day_loader)
    tab.calendar.setCurrentPage(2026, 8)
    wait(qtbot, tab.month_loader)
    assert any(line.startswith('2026-08-19') and '节日' in line      # 七夕
               for line in tab.calendar.badge_lines())


def test_calendar_paints(page, qtbot):
    page.tabs.setCurrentWidget(page.month_tab)
    wait(qtbot, page.month_tab.month_loader, page.month_tab.day_loader)
    image = page.grab().toImage()
    assert image.width() > 0 and not image.isNull()


# --- 节日, products, settings -----------------------------------------------------------------

def test_add_a_festival(page, monkeypatch):
    page.tabs.setCurrentWidget(page.festival_tab)
    before = page.festival_tab.table.rowCount()

    def fill(dialog):
        dialog.name.setText('店庆')
        dialog.calendar.setCurrentIndex(dialog.calendar.findData('lunar'))
        dialog.month.setCurrentIndex(1)
        dialog.day.setCurrentIndex(1)
        dialog.lead.setValue(7)
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(FestivalDialog, 'exec', fill)
    page.festival_tab.add()
    table = page.festival_tab.table
    assert table.rowCount() == before + 1
    row = [table.item(table.rowCount() - 1, c).text() for c in range(3)]
    assert row == ['店庆', '农历二月初二', '2026-03-20']


def test_festival_dialog_shows_errors(qtbot, database):
    dialog = FestivalDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText('')
    dialog.save()
    assert dialog.result() != QDialog.Accepted and '名称' in dialog.error.text()


def test_product_cycles(qtbot, shop):
    dialog = ProductCycleDialog()
    qtbot.addWidget(dialog)
    row = next(i for i, p in enumerate(dialog._products) if p.id == shop['milk'])
    assert dialog.cycle_spin(row).value() == 10
    dialog.cycle_spin(row).setValue(15)
    dialog.search.setText('不存在的商品')
    assert dialog.table.isRowHidden(row)
    dialog.save()
    assert Product.get_by_id(shop['milk']).cycle_days == 15
    (r,) = reminders.reminders_between(date(2026, 1, 1), date(2026, 12, 31),
                                       kinds=('repurchase',))
    assert r.date == date(2026, 3, 20)


def test_rules_dialog_saves(qtbot, database):
    dialog = ReminderRulesDialog()
    qtbot.addWidget(dialog)
    assert dialog.callback.value() == 15 and dialog.winback.value() == 180
    dialog.birthday.setValue(3)
    dialog.amount.setValue(88.5)
    dialog.repeat.setChecked(True)
    dialog.repeat_orders.setValue(4)
    dialog.save()
    assert settings.load(ReminderRules) == ReminderRules(
        birthday_days=3, callback_min_amount=88_50, callback_repeat_orders=4)


def test_main_window_opens_the_calendar(qtbot, shop):
    from ui.main_window import PAGES, MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.nav.setCurrentRow([p[0] for p in PAGES].index('calendar'))
    assert isinstance(w.stack.currentWidget(), CalendarPage)
    wait(qtbot, w.stack.currentWidget().today_tab.loader)
