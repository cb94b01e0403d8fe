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


def load_style() -> str:
    try:
        return resource_path('app.qss').read_text(encoding='utf-8')
    except OSError:
        return ''


def install_translators(app, locale: str) -> None:
    """Qt's own dialogs (file chooser, message-box buttons) in the UI language."""
    from PySide6.QtCore import QLibraryInfo, QTranslator
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for name in ('qtbase',):
        translator = QTranslator(app)
        if translator.load(f'{name}_{locale}', folder):
            app.installTranslator(translator)


def install_error_hook() -> None:
    """An exception that escapes a slot is shown as one sentence, never as a traceback;
    a bug still prints its traceback for the log."""
    import traceback
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox
    from services.errors import friendly

    def hook(kind, exc, tb) -> None:
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


def run_app(argv: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from services.shop_db import DatabaseError, open_shop

    args = _args(argv)
    QCoreApplication.setOrganizationName('Zhanggui')
    QCoreApplication.setApplicationName('Zhanggui')
    app = QApplication.instance() or QApplication([sys.argv[0]] + argv)
    app.setStyleSheet(load_style())
    install_translators(app, 'zh_CN')
    try:
        target = open_shop(args.db)
    except DatabaseError as e:
        QMessageBox.critical(None, QCoreApplication.translate('app', '掌柜会员通'), str(e))
        return 1
    from .main_window import MainWindow
    install_error_hook()
    window = MainWindow(db_label=target)
    window.show()
    # Expiry, R and lifecycle move with the calendar: once a day, after the first paint.
    QTimer.singleShot(1500, lambda: rescore_if_stale(window))
    if os.environ.get('ZHANGGUI_STARTUP_PROBE'):
        # For the benchmark: report when the first frame is up, then quit.
        def report():
            print(f'startup_seconds={time.perf_counter() - _T0:.3f}', flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    return app.exec()
