"""The app rescores once a day in the background after the window is up."""
from datetime import date, timedelta

from services import scoring, settings


def test_a_stale_shop_is_rescored_in_the_background(qtbot, make_customer, make_order):
    from ui.app import rescore_if_stale
    from ui.main_window import MainWindow
    a = make_customer('a')
    make_order(a, 100_00)
    state = settings.get(scoring.refresh.STATE_KEY)
    assert state is None                   # never scored in this shop
    window = MainWindow()
    qtbot.addWidget(window)
    rescore_if_stale(window)
    qtbot.waitUntil(lambda: not scoring.is_stale(), timeout=5000)
    assert settings.get(scoring.refresh.STATE_KEY)['as_of'] == date.today().isoformat()
    assert scoring.is_stale(date.today() + timedelta(days=1))


def test_the_daily_upkeep_expires_points(make_customer, make_order):
    from datetime import datetime
    from models import Customer
    from services import customer_stats, points
    a = make_customer('a')
    make_order(a, 100_00, paid_at=datetime(2024, 1, 1, 10))
    customer_stats.refresh([a])
    assert Customer.get_by_id(a).points == 100
    settings.save(points.PointsRules(expiry_days=365))
    customer_stats.daily_upkeep(date(2025, 6, 1))
    assert Customer.get_by_id(a).points == 0
    assert [h.kind for h in points.history(a)] == ['expire', 'earn']


def test_an_error_escaping_a_slot_is_one_sentence(qtbot, monkeypatch):
    import sys
    from peewee import OperationalError
    from PySide6.QtWidgets import QMessageBox
    from services.errors import BUSY, UserError
    from ui.app import install_error_hook
    shown = []
    monkeypatch.setattr(QMessageBox, 'warning', lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, 'excepthook', sys.excepthook)      # restored after the test
    install_error_hook()
    for exc in (OperationalError('database is locked'), UserError('积分不足')):
        sys.excepthook(type(exc), exc, None)
    assert shown == [BUSY, '积分不足']


def test_a_background_task_says_busy_or_damaged_in_one_sentence(qtbot):
    from peewee import DatabaseError, OperationalError
    from services.errors import BUSY, DAMAGED
    from ui.tasks import BackgroundTask
    for exc, said in ((OperationalError('database is locked'), BUSY),
                      (DatabaseError('database disk image is malformed'), DAMAGED),
                      (KeyError('x'), "KeyError: 'x'")):
        def fail(_p, _c, exc=exc):
            raise exc
        task = BackgroundTask(fail, show_progress=False)
        with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
            task.start()
        assert blocker.args == [said]
