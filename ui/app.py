"""Start the GUI: application object, database, main window."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()


def _args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog='zhanggui')
    p.add_argument('--db', help='数据库文件路径或 postgresql:// 地址')
    return p.parse_known_args(argv)[0]


def resource_path(name: str) -> Path:
    # Frozen builds unpack resources beside the executable's modules.
    base = Path(getattr(sys, '_MEIPASS', Path(__file__).resolve().parent.parent))
    return base / 'resources' / name


def app_icon():
    """The application icon (resources/icons/app.svg; Qt's svg plugin draws each size)."""
    from PySide6.QtGui import QIcon
    return QIcon(str(resource_path('icons/app.svg')))


def load_style() -> str:
    try:
        return resource_path('app.qss').read_text(encoding='utf-8')
    except OSError:
        return ''


def install_language(app) -> None:
    from .i18n import install
    install(app)


def install_error_hook(on_corruption=None) -> None:
    """An exception that escapes a slot is shown as one sentence, never as a traceback;
    a bug still prints its traceback for the log. A damaged database file goes to
    `on_corruption(exc)`, which offers a backup."""
    import traceback
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox
    from services.db_health import is_corruption
    from services.errors import friendly

    def hook(kind, exc, tb) -> None:
        if on_corruption is not None and is_corruption(exc):
            on_corruption(exc)
            return
        message = friendly(exc)
        if message is None:
            traceback.print_exception(kind, exc, tb)
            message = QCoreApplication.translate('app', '刚才的操作没有完成：{0}。请重试；'
                                                        '如果一再出现，请把日志发给我们。').format(exc)
        QMessageBox.warning(QApplication.activeWindow(),
                            QCoreApplication.translate('app', '掌柜会员通'), message)
    sys.excepthook = hook


def rescore_if_stale(window) -> None:
    from services import customer_stats, scoring
    from .tasks import BackgroundTask
    if not scoring.is_stale() and not customer_stats.rebuild_pending():
        return
    task = BackgroundTask(lambda progress, cancelled: customer_stats.daily_upkeep(),
                          window, show_progress=False)
    task.finished.connect(lambda _: window.refresh_pages())
    task.start()
    window.rescore_task = task          # keep it alive while it runs


def _daily_backup(_progress, _cancelled):
    """The scheduled backup, in the worker; damage comes back as a result, not a failure,
    so the window can offer a backup."""
    from services.backups import daily_backup
    from services.db_health import CorruptDatabase
    try:
        return daily_backup()
    except CorruptDatabase as e:
        return e


_READING_TASK = None


def _reading_task_class():
    """A BackgroundTask with a pool of its own, for work that only reads the shop."""
    global _READING_TASK
    if _READING_TASK is None:
        from .tasks import BackgroundTask

        class ReadingTask(BackgroundTask):
            _pool = None                # BackgroundTask.pool() makes one for this class
        _READING_TASK = ReadingTask
    return _READING_TASK


def backup_if_due(window) -> None:
    """The automatic backup in the background when one is due (a folder listing when not).
    It only reads the shop (SQLite under WAL lets it read while the window writes), so it
    runs beside the one writer thread instead of holding it up for seconds."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox
    from services.db_health import CorruptDatabase
    running = getattr(window, 'backup_task', None)
    if running is not None and running.running:
        return

    def done(result) -> None:
        if isinstance(result, CorruptDatabase):
            offer_restore(window, result)

    def failed(message: str) -> None:
        if not getattr(window, 'backup_warned', False):   # once a session; retried hourly
            window.backup_warned = True
            QMessageBox.warning(window, QCoreApplication.translate('app', '掌柜会员通'),
                                QCoreApplication.translate('app', '自动备份没有完成：{0}')
                                .format(message))
    task = _reading_task_class()(_daily_backup, window, show_progress=False)
    task.finished.connect(done)
    task.failed.connect(failed)
    window.backup_task = task.start()


def offer_restore(window, exc) -> None:
    """The shop's file turned out damaged while the app runs: offer a backup, once at a time."""
    from services.backups import database_file
    from services.db_health import CorruptDatabase
    from .dialogs.restore_dialog import RestoreDialog
    path = getattr(exc, 'path', None) or database_file()
    if path is None or getattr(window, 'restore_dialog', None) is not None:
        return
    if not isinstance(exc, CorruptDatabase):
        exc = CorruptDatabase(path, '部分数据页无法读取')
    window.restore_dialog = RestoreDialog(path, str(exc), window)
    try:
        if window.restore_dialog.exec():
            window.refresh_pages()
    finally:
        window.restore_dialog = None


def open_or_recover(target: str) -> str | None:
    """Open the shop; returns what was opened, or None when the app should quit.

    A damaged file gets the restore dialog. A server that cannot be used offers to try
    again or to open this PC's own data file, so a dead server never locks the owner out."""
    import sqlite3
    from peewee import PeeweeException
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox
    from services.backup_restore import open_checked
    from services.db_health import CorruptDatabase
    from services.errors import UserError
    from services.shop_db import DatabaseError
    from .dialogs.restore_dialog import RestoreDialog
    from services.config import default_db_path
    from services.connection import is_server_url
    while True:
        try:
            open_checked(target)
        except CorruptDatabase as e:
            return target if RestoreDialog(e.path, str(e)).exec() else None
        except (DatabaseError, UserError, sqlite3.Error, PeeweeException) as e:
            if not is_server_url(target):
                QMessageBox.critical(None, QCoreApplication.translate('app', '掌柜会员通'), str(e))
                return None
            choice = _ask_server_down(str(e))
            if choice == 'local':
                target = str(default_db_path())
            elif choice != 'retry':
                return None
            continue
        return target


def _ask_server_down(message: str) -> str:
    """'retry', 'local' (this PC's data file, for this run) or 'quit'."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Warning,
                      QCoreApplication.translate('app', '掌柜会员通'), message)
    box.setInformativeText(QCoreApplication.translate(
        'app', '可以稍后重试，或者这次先打开这台电脑上的数据文件。注意：本机文件不是服务器上的店铺，'
        '在里面做的修改不会到服务器上（“设置 → 数据库连接”可以改回）。'))
    retry = box.addButton(QCoreApplication.translate('app', '重试'), QMessageBox.AcceptRole)
    local = box.addButton(QCoreApplication.translate('app', '打开本机数据文件'),
                          QMessageBox.ActionRole)
    box.addButton(QCoreApplication.translate('app', '退出'), QMessageBox.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return 'retry' if clicked is retry else 'local' if clicked is local else 'quit'


def _restart(window) -> None:
    """Start the app again as it was started, minus --db (the saved choice of shop then
    applies), and close this one."""
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication
    args, skip = [], False
    for a in sys.argv[1:]:
        if skip or a == '--db':
            skip = not skip and a == '--db'
            continue
        if not a.startswith('--db='):
            args.append(a)
    program = [] if getattr(sys, 'frozen', False) else [sys.argv[0]]
    QProcess.startDetached(sys.executable, program + args)
    window.close()
    QApplication.quit()


def run_app(argv: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from services.config import resolve_db_target

    from .single_instance import SingleInstance, ask_first_to_show, instance_key

    args = _args(argv)
    QCoreApplication.setOrganizationName('Zhanggui')
    QCoreApplication.setApplicationName('Zhanggui')
    app = QApplication.instance() or QApplication([sys.argv[0]] + argv)
    target = resolve_db_target(args.db)
    instance = SingleInstance(instance_key(target), app)
    if not instance.acquire():
        # This shop is open in another window: bring that one up instead.
        if not ask_first_to_show(instance.key):
            install_language(app)
            QMessageBox.information(None, QCoreApplication.translate('app', '掌柜会员通'),
                                    QCoreApplication.translate('app', '这个店铺已经在另一个窗口中打开了。'))
        return 0
    try:
        return _run_window(app, target, instance)
    finally:
        instance.release()


def _run_window(app, target: str, instance) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction, QKeySequence
    from .single_instance import show_window
    app.setWindowIcon(app_icon())
    app.setStyleSheet(load_style())
    install_language(app)               # the saved language, before any window or dialog
    window = None

    def to_front() -> None:
        # Another start asked for this shop: the restore dialog if it is up, else the window.
        from PySide6.QtWidgets import QApplication
        widget = QApplication.activeModalWidget() or window
        if widget is not None:
            show_window(widget)
    instance.activated.connect(to_front)
    target = open_or_recover(target)
    if target is None:
        return 1
    from .dialogs.password_dialog import ask_at_start
    if not ask_at_start():              # a shop password: 3 tries, then the app closes
        return 1
    from .main_window import MainWindow
    from services.connection import display_target
    window = MainWindow(db_label=display_target(target))   # a server without its password
    install_error_hook(lambda exc: offer_restore(window, exc))
    about = QAction(window)
    about.setShortcut(QKeySequence.HelpContents)
    about.triggered.connect(lambda: _show_about(window))
    window.addAction(about)
    window.restart_requested.connect(lambda _url: _restart(window))
    window.show()
    # Expiry, R and lifecycle move with the calendar: once a day, after the first paint;
    # then the day's backup, and a look every hour for an app left open for days.
    QTimer.singleShot(1500, lambda: rescore_if_stale(window))
    QTimer.singleShot(3000, lambda: backup_if_due(window))
    hourly = QTimer(window, interval=3600 * 1000)
    hourly.timeout.connect(lambda: backup_if_due(window))
    hourly.start()
    if os.environ.get('ZHANGGUI_STARTUP_PROBE'):
        # For the benchmark: report when the first frame is up, then quit.
        def report():
            print(f'startup_seconds={time.perf_counter() - _T0:.3f}', flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    return app.exec()


def _show_about(window) -> None:
    from .dialogs.about_dialog import AboutDialog
    AboutDialog(window).exec()
