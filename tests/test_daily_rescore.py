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
