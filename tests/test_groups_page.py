"""The 社群 page, its dialogs, the 加入群… action and the group filter, driven like the owner."""
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from models.group import GroupMember
from services import groups
from services.customer_profile import CustomerProfile
from services.customers import create_customer, delete_customers
from services.groups import GroupFields
from ui.dialogs.group_add_dialog import GroupAddDialog
from ui.dialogs.group_dialog import GroupDialog
from ui.dialogs.group_import_dialog import GroupImportDialog
from ui.dialogs.group_join_dialog import GroupJoinDialog
from ui.dialogs.group_kinds_dialog import GroupKindsDialog
from ui.dialogs.group_member_dialog import GroupMemberDialog
from ui.pages.groups_page import GroupsPage
from ui.widgets.group_member_model import GroupMemberModel


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))


@pytest.fixture
def shop(database):
    ids = {nick: create_customer(CustomerProfile(nick=nick, name=name, phone=phone))
           for nick, name, phone in (('tb_xiaolu', '张伟', '13800001111'),
                                     ('tb_mao', '李娜', '139****2222'),
                                     ('pdd_8812', '王芳', ''))}
    vip = groups.create_group(GroupFields('VIP一群', 'VIP群'))
    qq = groups.create_group(GroupFields('晒单QQ群', '晒单群', 'qq'))
    groups.add_members(vip, [ids['tb_xiaolu'], ids['tb_mao']], joined_at=date(2024, 5, 1))
    groups.set_role(vip, [ids['tb_mao']], groups.OWNER)
    return ids, vip, qq


@pytest.fixture
def page(qtbot, shop):
    p = GroupsPage()
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    return p


def roster_nicks(page):
    m = page.roster.proxy
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def select_members(page, nicks):
    sel = page.roster.table.selectionModel()
    sel.clearSelection()
    m = page.roster.proxy
    for r in range(m.rowCount()):
        if m.index(r, 0).data() in nicks:
            sel.select(m.index(r, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)


def test_the_page_lists_groups_and_the_roster(page, shop):
    table = page.list.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [['VIP一群', 'VIP群', '微信', '2'], ['晒单QQ群', '晒单群', 'QQ', '0']]
    assert page.roster.title.text() == 'VIP一群'
    assert '群主 tb_mao' in page.roster.info.text()
    assert roster_nicks(page) == ['tb_mao', 'tb_xiaolu']        # 群主 first
    m = page.roster.proxy
    assert [m.index(0, c).data() for c in range(6)] == [
        'tb_mao', '淘宝', '李娜', '139****2222', '群主', '2024-05-01']
    page.roster.search.setText('张伟')
    assert roster_nicks(page) == ['tb_xiaolu']
    page.list.table.selectRow(1)
    assert page.roster.title.text() == '晒单QQ群' and roster_nicks(page) == []
    assert not page.roster.export_button.isEnabled()


def test_new_edit_and_delete_a_group(qtbot, page, monkeypatch, shop):
    def create(dialog):
        dialog.name.setText('宝妈福利群')
        dialog.kind.setCurrentIndex(dialog.kind.findData('福利群'))
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(GroupDialog, 'exec', create)
    page.new_group()
    assert page.list.current().name == '宝妈福利群'          # the new group is selected
    gid = page.list.current().id

    def rename(dialog):
        dialog.name.setText('VIP一群')                         # taken: refused inline
        dialog.save()
        assert '已有名为' in dialog.error.text()
        dialog.name.setText('宝妈福利1群')
        dialog.app.setCurrentIndex(dialog.app.findData('qq'))
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(GroupDialog, 'exec', rename)
    page.edit_group()
    g = groups.get_group(gid)
    assert (g.name, g.kind, g.app) == ('宝妈福利1群', '福利群', 'qq')
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    page.delete_group()
    assert [g.name for g in groups.list_groups()] == ['VIP一群', '晒单QQ群']
    assert page.list.table.rowCount() == 2


def test_roles_and_removal_from_the_roster(page, monkeypatch, shop):
    ids, vip, _ = shop
    select_members(page, {'tb_xiaolu'})
    assert page.roster.admin_button.isEnabled() and page.roster.edit_button.isEnabled()
    page.roster.admin_button.click()
    assert {m.nick: m.role for m in groups.list_members(vip)} == {
        'tb_xiaolu': 'admin', 'tb_mao': 'owner'}
    assert page.roster.selected_ids() == [ids['tb_xiaolu']]   # selection kept after reload
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    select_members(page, {'tb_xiaolu', 'tb_mao'})
    page.roster.remove_button.click()
    assert groups.list_members(vip) == [] and roster_nicks(page) == []
    assert page.list.table.item(0, 3).text() == '0'


def test_edit_one_member(qtbot, page, shop):
    ids, vip, _ = shop
    line = next(m for m in groups.list_members(vip) if m.nick == 'tb_xiaolu')
    dialog = GroupMemberDialog(vip, line, page)
    qtbot.addWidget(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData('owner'))
    dialog.note.setText('爱晒单')
    dialog.save()
    assert dialog.result() == 1
    roles = {m.nick: (m.role, m.note) for m in groups.list_members(vip)}
    assert roles == {'tb_xiaolu': ('owner', '爱晒单'), 'tb_mao': ('member', '')}


def test_add_members_by_searching(qtbot, page, shop):
    ids, _, qq = shop
    dialog = GroupAddDialog(qq, '晒单QQ群', page)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.picker.search.setText('wangfang')                # pinyin of 王芳
    dialog.picker.search_now()
    assert dialog.picker.results.count() == 1 and ok.isEnabled()   # a lone match is picked
    dialog.save()
    assert dialog.added == 1
    assert [m.nick for m in groups.list_members(qq)] == ['pdd_8812']
    again = GroupAddDialog(qq, '晒单QQ群', page)
    qtbot.addWidget(again)
    again.picker.search.setText('pdd_8812')
    again.picker.search_now()
    again.save()
    assert again.added == 0 and GroupMember.select().count() == 3


def test_kinds_dialog(qtbot, database, monkeypatch):
    dialog = GroupKindsDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 5
    monkeypatch.setattr(QInputDialog, 'getText', lambda *a, **k: ('宝妈群', True))
    dialog.add()
    assert groups.list_kinds()[-1] == '宝妈群' and dialog.current() == '宝妈群'
    dialog.up_button.click()
    assert groups.list_kinds()[-2] == '宝妈群'
    monkeypatch.setattr(QInputDialog, 'getText', lambda *a, **k: ('VIP群', True))
    warned = []
    monkeypatch.setattr(QMessageBox, 'warning', lambda *a, **k: warned.append(a[2]))
    dialog.rename()
    assert warned == ['已有群类型“VIP群”。'] and '宝妈群' in groups.list_kinds()
    dialog.delete_button.click()
    assert '宝妈群' not in groups.list_kinds() and dialog.changed


def test_import_dialog_reports_problems(qtbot, page, shop, tmp_path):
    from services.files.writers import write_table
    ids, vip, qq = shop
    path = tmp_path / 'roster.csv'
    write_table(path, ['买家会员名', '平台', '角色'],
                [['pdd_8812', '淘宝', '管理员'], ['nobody', '淘宝', '']], ['text'] * 3)
    dialog = GroupImportDialog(str(path), qq, page)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.start()
    assert '新入群 1' in dialog.summary.text() and '1 行有问题' in dialog.summary.text()
    assert dialog.problems.count() == 1 and '第3行' in dialog.problems.item(0).text()
    assert [(m.nick, m.role) for m in groups.list_members(qq)] == [('pdd_8812', 'admin')]


def test_export_the_roster(qtbot, page, shop, tmp_path, monkeypatch):
    from python_calamine import CalamineWorkbook
    done = []
    monkeypatch.setattr(QMessageBox, 'information', lambda *a, **k: done.append(a[2]))
    path = tmp_path / 'vip.xlsx'
    task = page.run_export(str(path), [page.roster.group().id])
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert not task.running and '已导出 2 行' in done[0]
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert [r[1] for r in rows[1:]] == ['tb_mao', 'tb_xiaolu']
    # Masked unless the owner asked for full numbers: no whole mobile number in the file.
    import re
    assert not any(re.search(r'1\d{10}', str(cell)) for r in rows for cell in r)
    assert any('****' in str(cell) for r in rows[1:] for cell in r)


def test_the_page_follows_changes_made_elsewhere(page, shop):
    ids, vip, _ = shop
    delete_customers([ids['tb_xiaolu']])
    page.hide()
    page.show()
    assert page.list.table.item(0, 3).text() == '1' and roster_nicks(page) == ['tb_mao']


def test_member_model(qtmodeltester, shop):
    _, vip, _ = shop
    model = GroupMemberModel()
    model.set_rows(groups.list_members(vip))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.line(5) is None


# --- from the 会员 page -----------------------------------------------------------------

@pytest.fixture
def members(qtbot, shop):
    from ui.pages.members_page import MembersPage
    p = MembersPage()
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    return p


def test_join_group_from_the_member_table(qtbot, members, shop, monkeypatch):
    ids, vip, qq = shop
    button = members.findChild(type(members.new_button), 'joinGroupButton')
    sel = members.table.selectionModel()
    sel.clearSelection()
    assert not button.isEnabled()
    members.table.selectAll()
    assert button.isEnabled()

    def choose(dialog):
        assert dialog.group.count() == 2
        dialog.group.setCurrentIndex(dialog.group.findData(vip))
        return True
    monkeypatch.setattr(GroupJoinDialog, 'exec', choose)
    button.click()
    qtbot.waitUntil(members.isEnabled, timeout=5000)
    assert {m.nick for m in groups.list_members(vip)} == {'tb_xiaolu', 'tb_mao', 'pdd_8812'}
    assert '1 位顾客加入了“VIP一群”（已在群里的 2 位不变）' in members.status.text()
    members.bin_button.setChecked(True)
    assert not button.isVisible()


def test_the_group_filter_of_the_member_table(qtbot, members, shop):
    ids, vip, qq = shop
    combo = members.filters.group
    assert [combo.itemText(i) for i in range(combo.count())] == ['全部社群', 'VIP一群', '晒单QQ群']
    combo.setCurrentIndex(combo.findData(vip))
    assert members.model.current_filter().group_id == vip
    assert members.model.rowCount() == 2
    groups.delete_group(vip)
    members.filters.reload_groups()                     # as when the list drops down
    assert members.model.current_filter().group_id is None
    assert members.model.rowCount() == 3


def test_the_main_window_has_the_page_after_campaigns(qtbot, database):
    from ui.main_window import PAGES, MainWindow
    keys = [p[0] for p in PAGES]
    assert keys.index('groups') == keys.index('campaigns') + 1
    w = MainWindow()
    qtbot.addWidget(w)
    w.nav.setCurrentRow(keys.index('groups'))
    assert isinstance(w.stack.currentWidget(), GroupsPage)
