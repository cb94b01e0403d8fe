"""The app's version, in one place: the About dialog, `main.py --version` and build.spec
read it (keep pyproject.toml's version equal; a test checks)."""
from __future__ import annotations

from dataclasses import dataclass

__version__ = '0.1.0'
APP_NAME = '掌柜会员通'


@dataclass(frozen=True)
class AboutInfo:
    version: str
    database: str                  # file path, or the server URL without its password
    schema_version: int
    data_folder: str               # the folder of the shop's file (server: the app's own)
    backup_folder: str             # '' for a server database


def about_info() -> AboutInfo:
    """What the About dialog shows, for the open shop."""
    from models import db
    from models.database import display_target, opened_target, schema_version

    from .backups import backup_folder, database_file
    from .config import data_dir
    path = database_file()
    if path is not None:
        return AboutInfo(__version__, str(path), schema_version(db.obj), str(path.parent),
                         str(backup_folder(path)))
    database = display_target(opened_target()) or str(getattr(db.obj, 'database', ''))
    return AboutInfo(__version__, database, schema_version(db.obj), str(data_dir()), '')
