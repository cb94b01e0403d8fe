"""The 数据与备份 section and the damaged-shop dialog, driven through their widgets."""
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from models import Customer
from models.database import close_database, open_database
from services import backups, settings
from services.backups import BackupPolicy

import db_damage


def customers_in(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute('SELECT count(*) FROM customer').fetchone()[0]


@pytest.fixture
def editor(qtbot, database, make_customer):
    from ui.widgets.backup_editor import BackupEditor
    make_customer('a')
    make_customer('b')
    widget = BackupEditor()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.sqlite_only   # backups of the SQLite file (a server shop has none)
def test_backup_now_adds_to_the_list(qtbot, editor):
    assert editor.list.rowCount() == 0 and not editor.restore_button.isEnabled()
    editor.backup_button.click()
    qtbot.waitUntil(lambda: editor.list.rowCount() == 1, timeout=5000)
    (only,) = editor.list.backups()
    assert only.kind == 'manual' and customers_in(only.path) == 2
    assert editor.list.item(0, 1).text() == '手动'
    assert editor.restore_button.isEnabled()                 # the newest is selected
    assert only.path in editor.message.text()


@pytest.mark.sqlite_only   # backups of the SQLite file (a server shop has none)
def test_policy_is_validated_and_saved(editor, tmp_path):
    editor.folder.setText('相对路径')
    assert not editor.save()
    assert '完整路径' in editor.message.text()
    assert settings.load(BackupPolicy) == BackupPolicy()
    editor.folder.setText(str(tmp_path / '备份'))
    editor.keep_daily.setValue(3)
    editor.enabled.setChecked(False)
    assert editor.save()
    assert settings.load(BackupPolicy) == BackupPolicy(
        enabled=False, keep_daily=3, folder=str(tmp_path / '备份'))


@pytest.mark.sqlite_only   # backups of the SQLite file (a server shop has none)
def test_restore_selected_asks_then_restores_in_the_background(qtbot, editor, monkeypatch):
    first = backups.take_backup()
    Customer.create(platform='pdd', nick='后来的')
    editor.refresh()
    asked = []
    monkeypatch.setattr(QMessageBox, 'question',
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    editor.restore_button.click()
    assert len(asked) == 1 and Customer.select().count() == 3          # declined: no change
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    with qtbot.waitSignal(editor.restored, timeout=10000):
        editor.restore_button.click()
    assert Customer.select().count() == 2
    kinds = [b.kind for b in editor.list.backups()]
    assert 'before-restore' in kinds and str(first) in [b.path for b in editor.list.backups()]
    assert '2 位顾客' in editor.message.text()


def test_the_settings_page_has_the_backup_section(qtbot, database):
    from ui.pages.settings_page import SettingsPage
    page = SettingsPage()
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert '数据与备份' in titles
    with qtbot.waitSignal(page.changed, timeout=1000):
        page.backup.restored.emit()                          # a restore reloads the pages


@pytest.fixture
def damaged_shop(tmp_path):
    path = tmp_path / 'shop.db'
    open_database(path)
    for nick in ('a', 'b', 'c'):
        Customer.create(platform='taobao', nick=nick)
    good = backups.take_backup(path)
    Customer.create(platform='taobao', nick='d')
    close_database()
    db_damage.truncate_to_half(path)
    yield path, good
    close_database()


def when_dialog_shows(qtbot, act):
    """Run act(dialog) once the modal restore dialog is up (exec blocks the test)."""
    from ui.dialogs.restore_dialog import RestoreDialog

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RestoreDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_a_damaged_shop_opens_on_the_restore_dialog(qtbot, damaged_shop):
    from ui.app import open_or_recover
    path, good = damaged_shop
    seen = {}

    def act(dialog):
        seen['text'] = dialog.intro.text()
        seen['selected'] = dialog.list.selected().path
        dialog.restore_button.click()
    when_dialog_shows(qtbot, act)
    assert open_or_recover(str(path)) == str(path)
    assert '已损坏' in seen['text'] and seen['selected'] == str(good)
    assert Customer.select().count() == 3                  # open, on the backup
    assert list(path.parent.glob('shop.db.damaged-*'))


def test_quitting_the_restore_dialog_quits_the_app(qtbot, damaged_shop):
    from ui.app import open_or_recover
    path, _ = damaged_shop
    when_dialog_shows(qtbot, lambda dialog: dialog.quit_button.click())
    assert open_or_recover(str(path)) is None
    assert not list(path.parent.glob('shop.db.damaged-*'))   # nothing was touched


def test_a_backup_that_fails_its_check_keeps_the_dialog_open(qtbot, damaged_shop, monkeypatch):
    from ui.app import open_or_recover
    path, good = damaged_shop
    bad = path.parent / '坏的.db'
    bad.write_bytes(b'junk' * 100)
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, 'getOpenFileName', lambda *a, **k: (str(bad), ''))
    steps = []

    def act(dialog):
        if not steps:
            steps.append('other')
            dialog.other_button.click()
            qtbot.waitUntil(lambda: '不是数据库文件' in dialog.status.text(), timeout=5000)
            dialog.restore_button.click()                 # then the good one
    when_dialog_shows(qtbot, act)
    assert open_or_recover(str(path)) == str(path)
    assert Customer.select().count() == 3 and Path(good).exists()


@pytest.mark.sqlite_only   # backups of the SQLite file (a server shop has none)
def test_the_app_takes_the_days_backup_in_the_background(qtbot, database, make_customer):
    from ui.app import backup_if_due
    from ui.main_window import MainWindow
    make_customer('a')
    window = MainWindow()
    qtbot.addWidget(window)
    backup_if_due(window)
    qtbot.waitUntil(lambda: not window.backup_task.running, timeout=10000)
    (auto,) = backups.latest_backups()
    assert auto.kind == 'auto' and customers_in(auto.path) == 1
    backup_if_due(window)                                    # not due again today
    qtbot.waitUntil(lambda: not window.backup_task.running, timeout=10000)
    assert len(backups.latest_backups()) == 1


@pytest.mark.sqlite_only   # backups of the SQLite file (a server shop has none)
def test_damage_found_by_the_scheduled_backup_offers_a_restore(qtbot, database, monkeypatch):
    import ui.app
    from services.db_health import CorruptDatabase
    from ui.main_window import MainWindow
    offered = []
    monkeypatch.setattr(ui.app, 'offer_restore', lambda window, exc: offered.append(exc))
    monkeypatch.setattr(backups, 'quick_check', lambda conn: 'Page 7: btreeInitPage() error')
    window = MainWindow()
    qtbot.addWidget(window)
    ui.app.backup_if_due(window)
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    assert isinstance(offered[0], CorruptDatabase) and 'Page 7' in str(offered[0])
    assert backups.latest_backups() == []


def test_a_damaged_page_met_by_a_slot_goes_to_the_restore_offer(monkeypatch):
    import sys
    from peewee import DatabaseError, OperationalError
    from ui.app import install_error_hook
    monkeypatch.setattr(sys, 'excepthook', sys.excepthook)
    monkeypatch.setattr(QMessageBox, 'warning', lambda *a: pytest.fail('not a plain warning'))
    offered = []
    install_error_hook(offered.append)
    damaged = DatabaseError('database disk image is malformed')
    sys.excepthook(DatabaseError, damaged, None)
    assert offered == [damaged]
    shown = []
    monkeypatch.setattr(QMessageBox, 'warning', lambda parent, title, text: shown.append(text))
    sys.excepthook(OperationalError, OperationalError('database is locked'), None)
    assert offered == [damaged] and len(shown) == 1
