"""A shop on a PostgreSQL server is backed up on the server: the app says so in one
sentence, and the automatic backup skips it quietly instead of holding up imports."""
import pytest

from models.dialect import postgres
from services import backups
from services.backup_restore import restore
from services.errors import UserError

from order_samples import taobao_matrix, write_csv


@pytest.fixture
def server_shop(database):
    if not postgres():
        pytest.skip('about a shop on a PostgreSQL server (run with ZHANGGUI_TEST_PG)')
    return database


def test_backup_and_restore_say_the_server_does_it(server_shop, tmp_path):
    assert backups.database_file() is None
    src = tmp_path / 'shop-20240101-090000.db'
    for call in (backups.take_backup, lambda: restore(src), backups.latest_backups,
                 backups.load_policy):
        with pytest.raises(UserError) as e:
            call()
        assert str(e.value) == backups.ON_SERVER
    assert 'pg_dump' in backups.ON_SERVER and backups.ON_SERVER.count('。') == 1
    assert list(tmp_path.iterdir()) == []


def test_the_automatic_backup_skips_a_server_shop_and_imports_go_ahead(
        server_shop, make_customer, tmp_path):
    from services.importing.service import import_file
    make_customer('a')
    assert backups.daily_backup() is None and backups.before_bulk_change() is None
    info = import_file(str(write_csv(tmp_path / '订单报表.csv', taobao_matrix())))
    assert info.added > 0 and [p.name for p in tmp_path.iterdir()] == ['订单报表.csv']


def test_the_settings_page_points_to_the_server_backup(qtbot, server_shop):
    from ui.widgets.backup_editor import BackupEditor
    editor = BackupEditor()
    qtbot.addWidget(editor)
    assert 'pg_dump' in editor.location.text() and not hasattr(editor, 'backup_button')
