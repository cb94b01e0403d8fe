"""Version in one place, the About dialog, and the application icon."""
import re
import struct
import tomllib
from pathlib import Path

from services.version import __version__, about_info

ROOT = Path(__file__).resolve().parent.parent


def test_one_version_everywhere(capsys):
    from services.cli import run_cli
    pyproject = tomllib.loads((ROOT / 'pyproject.toml').read_text(encoding='utf-8'))
    assert pyproject['project']['version'] == __version__
    assert re.fullmatch(r'\d+\.\d+\.\d+', __version__)
    assert run_cli(['--version']) == 0
    assert capsys.readouterr().out.strip() == f'掌柜会员通 {__version__}'


def test_about_info_names_the_shop(database):
    from models.database import is_server_url, opened_target
    from models.migrations import LATEST_VERSION
    info = about_info()
    if is_server_url(opened_target()):
        # The server's address, never its password; no backup folder of the app's own.
        assert info.database.startswith('postgresql://') and info.database.endswith(
            '/' + database.database)
        assert ':' + database.connect_params['password'] + '@' not in info.database
        assert (info.schema_version, info.backup_folder) == (LATEST_VERSION, '')
        return
    path = Path(database.database).resolve()
    assert (info.version, info.database, info.schema_version) == (
        __version__, str(path), LATEST_VERSION)
    assert info.data_folder == str(path.parent)
    assert info.backup_folder == str(path.parent / 'backups')


def test_the_about_dialog_shows_version_database_and_schema(qtbot, database):
    from PySide6.QtWidgets import QLabel
    from ui.dialogs.about_dialog import AboutDialog
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    info = about_info()
    for value in (__version__, info.database, str(info.schema_version), info.data_folder):
        assert value in texts
    assert '掌柜会员通' in ' '.join(texts)


def test_the_settings_backup_section_opens_the_about_dialog(qtbot, database, monkeypatch):
    from ui.dialogs.about_dialog import AboutDialog
    from ui.widgets.backup_editor import BackupEditor
    shown = []
    monkeypatch.setattr(AboutDialog, 'exec', lambda self: shown.append(self.version.text()))
    editor = BackupEditor()
    qtbot.addWidget(editor)
    editor.about_button.click()
    assert shown == [__version__]


def test_the_icon_renders_and_the_windows_icon_has_the_usual_sizes(qapp):
    from ui.app import app_icon
    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(32, 32).toImage()
    assert image.width() == 32
    # The coin's square hole shows the red tile; the corners are transparent.
    assert image.pixelColor(16, 16).red() > 150 and image.pixelColor(0, 0).alpha() == 0
    ico = (ROOT / 'resources' / 'icons' / 'app.ico').read_bytes()
    reserved, kind, count = struct.unpack('<HHH', ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    assert "icon=str(root / 'resources' / 'icons' / 'app.ico')" in (ROOT / 'build.spec').read_text()
