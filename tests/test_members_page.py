"""The 会员 page driven like a shop owner would: search, filter, select, tag, edit, delete."""
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from models import Order, now
from services import customer_stats, customers, tags
from services.customer_profile import CustomerProfile
from ui.dialogs.customer_dialog import CustomerDialog
from ui.dialogs.tag_dialog import BatchTagDialog
from ui.pages.members_page import MembersPage


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))


@pytest.fixture
def shop(database):
    people = [('tb_xiaolu', '张伟', '13800001111'), ('tb_mao', '李娜', '13900002222'),
              ('pdd_8812', '王芳', '138****3333'), ('dy_lily', '张静', '')]
    ids = [customers.create_customer(CustomerProfile(nick=n, name=name, phone=ph))
           for n, name, ph in people]
    for i, cid in enumerate(ids):
        for j in range(i + 1):
            Order.create(platform='taobao', order_no=f'{cid}-{j}', customer=cid,
                         completed=True, amount=200_00, paid_at=now())
    customer_stats.refresh()
    return ids


@pytest.fixture
def page(qtbot, shop):
    p = MembersPage()
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    return p


def search(qtbot, page, text):
    page.filters.search.setText(text)
    qtbot.waitUntil(lambda: page.model.current_filter().text == text, timeout=2000)


def settle(qtbot, page):
    """Wait for a background change to land (the page re-enables itself)."""
    qtbot.waitUntil(page.isEnabled, timeout=5000)


def select_rows(page, rows):
    sel = page.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(page.model.index(r, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)


def test_lists_everyone_and_shows_the_first(page):
    assert page.model.rowCount() == 4
    assert page.detail.customer_id() is not None
    assert '4' in page.status.text()


def test_search_by_name_pinyin_and_phone(qtbot, page):
    search(qtbot, page, 'zw')
    names = {page.model.member_at(r).name for r in range(page.model.rowCount())}
    assert names == {'张伟'}
    search(qtbot, page, '张')
    assert page.model.rowCount() == 2
    search(qtbot, page, '3333')
    assert page.model.member_at(0).nick == 'pdd_8812'
    qtbot.keyClick(page, Qt.Key_Escape)
    assert page.model.rowCount() == 4


def test_filter_by_tier_and_spend(qtbot, page):
    # 200 yuan an order: 3+ orders reach 高级会员 (>= 3 orders); 2 orders (400 yuan) do not.
    f = page.filters
    f.tier.setCurrentIndex(f.tier.findText('高级会员'))
    assert {page.model.member_at(r).order_count for r in range(page.model.rowCount())} == {3, 4}
    f.reset()
    f.more.setChecked(True)
    f.min_spent.setValue(600)
    qtbot.waitUntil(lambda: page.model.current_filter().min_spent == 600_00, timeout=2000)
    assert page.model.rowCount() == 2


def test_batch_tag_selected_rows(qtbot, page, monkeypatch):
    select_rows(page, [0, 1])
    assert page.selected_count() == 2

    def fake_exec(dialog):
        dialog.tag.setCurrentText('晒单群')
        return True
    monkeypatch.setattr(BatchTagDialog, 'exec', fake_exec)
    page.tag_selected()
    settle(qtbot, page)
    tag = next(t for t in tags.list_tags(with_counts=True) if t.name == '晒单群')
    assert tag.count == 2
    page.filters.tag.setCurrentIndex(page.filters.tag.findText('晒单群'))
    assert page.model.rowCount() == 2


def test_select_all_tags_the_whole_result(qtbot, page, monkeypatch):
    page.table.selectAll()
    monkeypatch.setattr(BatchTagDialog, 'exec',
                        lambda d: d.tag.setCurrentText('全部') or True)
    page.tag_selected()
    settle(qtbot, page)
    assert next(t for t in tags.list_tags(True) if t.name == '全部').count == 4


def test_edit_shows_validation_and_saves(qtbot, page, shop):
    cid = shop[0]
    detail = customers.get_customer(cid)
    dialog = CustomerDialog(page, detail.profile, cid)
    qtbot.addWidget(dialog)
    dialog.phone.setText('abc')
    dialog.save()
    assert not dialog.error.isHidden() and '手机' in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert customers.get_customer(cid).profile.phone == '13800001111'
    dialog.phone.setText('13700009999')
    dialog.birth_kind.setCurrentIndex(dialog.birth_kind.findData('lunar'))
    dialog.birth_month.setValue(8)
    dialog.birth_day.setValue(30)
    dialog.birth_leap.setChecked(True)
    dialog.save()
    p = customers.get_customer(cid).profile
    assert (p.phone, p.birth_kind, p.birth_month, p.birth_day, p.birth_leap) == (
        '13700009999', 'lunar', 8, 30, True)


def test_new_customer_through_the_page(qtbot, page, monkeypatch):
    def fake_exec(dialog):
        dialog.nick.setText('new_buyer')
        dialog.name.setText('赵敏')
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(CustomerDialog, 'exec', fake_exec)
    page.new_customer()
    assert page.model.rowCount() == 5
    assert page.detail.title.text() == '赵敏'


def test_delete_goes_to_bin_and_restore_brings_back(qtbot, page, monkeypatch):
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    select_rows(page, [0])
    nick = page.model.member_at(0).nick
    page.delete_selected()
    settle(qtbot, page)
    assert page.model.rowCount() == 3
    page.bin_button.setChecked(True)
    assert page.model.rowCount() == 1 and page.model.member_at(0).nick == nick
    assert page.restore_button.isVisible() and not page.new_button.isVisible()
    select_rows(page, [0])
    page.restore_selected()
    settle(qtbot, page)
    assert page.model.rowCount() == 0
    page.bin_button.setChecked(False)
    assert page.model.rowCount() == 4


def test_sort_by_header_click(qtbot, page):
    header = page.table.horizontalHeader()
    col = [c[0] for c in __import__('ui.widgets.member_table_model',
                                    fromlist=['COLUMNS']).COLUMNS].index('total_spent')
    page.table.sortByColumn(col, Qt.AscendingOrder)
    spent = [page.model.member_at(r).total_spent for r in range(4)]
    assert spent == sorted(spent)
    assert header.sortIndicatorSection() == col


def test_column_widths_are_remembered(qtbot, shop):
    first = MembersPage()
    qtbot.addWidget(first)
    first.table.setColumnWidth(1, 222)
    first.save_state()
    second = MembersPage()
    qtbot.addWidget(second)
    assert second.table.columnWidth(1) == 222


def test_after_an_edit_nothing_stays_selected_but_the_customer_stays_shown(qtbot, page, shop):
    select_rows(page, [2])
    page.table.selectionModel().setCurrentIndex(page.model.index(2, 0),
                                                QItemSelectionModel.Rows | QItemSelectionModel.Select)
    shown = page.detail.customer_id()
    page.refresh()
    assert page.selected_ids() == []
    assert page.detail.customer_id() == shown
    assert page.edit_button.isEnabled() and not page.delete_button.isEnabled()


def test_a_large_selection_gives_the_same_ids_as_its_rows(qtbot, database):
    from datetime import datetime, timedelta
    from models import Customer
    from services.importing.sqlbulk import insert_rows
    base = datetime(2024, 1, 1)
    insert_rows(Customer, ('platform', 'nick', 'last_order_at'),
                [('taobao', f'n{i}', base + timedelta(hours=i % 97)) for i in range(1500)])
    p = MembersPage()
    qtbot.addWidget(p)
    sel = p.table.selectionModel()
    sel.select(QItemSelection(p.model.index(10, 0), p.model.index(1209, 0)),
               QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    assert p.selected_count() == 1200
    assert p.selected_ids() == [p.model.row_id(r) for r in range(10, 1210)]
    p.table.selectAll()
    assert sorted(p.selected_ids()) == sorted(i for (i,) in Customer.select(Customer.id).tuples())


def test_a_restored_sort_keeps_the_first_row_selected(qtbot, shop):
    first = MembersPage()
    qtbot.addWidget(first)
    col = [c[0] for c in __import__('ui.widgets.member_table_model',
                                    fromlist=['COLUMNS']).COLUMNS].index('total_spent')
    first.table.sortByColumn(col, Qt.AscendingOrder)
    first.save_state()
    second = MembersPage()
    qtbot.addWidget(second)
    assert second.table.horizontalHeader().sortIndicatorSection() == col
    rows = second.table.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [0]
    assert second.detail.customer_id() == second.model.member_at(0).id
