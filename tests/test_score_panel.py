"""The 评分 panel: why a customer scores as they do, their tier history, a hand-set tier."""
import pytest

from models import Customer, Tier
from services import customer_stats, scoring, tiers
from services.demo import build_demo_shop
from ui.widgets.score_panel import ScorePanel


@pytest.fixture
def shop(database):
    build_demo_shop(customers=300)
    c = (Customer.select().where(Customer.order_count >= 3, Customer.tier_locked == False)  # noqa: E712
         .order_by(Customer.id).first())
    return c


@pytest.fixture
def panel(qtbot, shop):
    p = ScorePanel()
    qtbot.addWidget(p)
    p.resize(380, 700)
    p.show()
    p.set_customer(shop.id, shop.tier_id, bool(shop.tier_locked))
    return p


def test_explanation_lines_appear(panel, shop):
    texts = '\n'.join(panel.line_texts())
    for label, value, why in scoring.explain(shop.id).lines:
        assert label in texts and value in texts and why in texts
    assert 'RFM分群' in texts and '生命周期' in texts and 'CLV' in texts


def test_why_text_wraps_instead_of_clipping(qtbot, panel):
    from PySide6.QtWidgets import QLabel
    whys = [w for w in panel.lines.findChildren(QLabel) if w.wordWrap()]
    assert whys

    def fits():
        return all(w.width() <= panel.width() and w.heightForWidth(w.width()) <= w.height() + 2
                   for w in whys)
    qtbot.waitUntil(fits, timeout=2000)     # layouts settle on the event loop


def test_loads_only_when_shown(qtbot, shop):
    p = ScorePanel()
    qtbot.addWidget(p)
    p.set_customer(shop.id, shop.tier_id, False)
    assert p.line_texts() == []
    p.show()
    assert p.line_texts()


def test_override_shows_and_survives_a_refresh(qtbot, panel, shop):
    top = Tier.select().order_by(Tier.rank.desc()).first()
    assert shop.tier_id != top.id
    panel.note.setText('老朋友')
    with qtbot.waitSignal(panel.changed):
        panel.select_tier(top.id)
        panel.apply_override()
    assert '手动指定' in panel.tier_label.text() and top.name in panel.tier_label.text()
    assert panel.history.rowCount() >= 1
    assert top.name in panel.history.item(0, 1).text() and panel.history.item(0, 3).text() == '老朋友'
    customer_stats.refresh()                # every rule recompute keeps the pin
    tiers.assign(None)
    c = Customer.get_by_id(shop.id)
    assert c.tier_id == top.id and c.tier_locked
    panel.set_customer(c.id, c.tier_id, c.tier_locked)
    assert '手动指定' in panel.tier_label.text()
    panel.select_tier(None)
    panel.apply_override()
    c = Customer.get_by_id(shop.id)
    assert not c.tier_locked and c.tier_id == shop.tier_id
    assert '自动' in panel.tier_label.text()


def test_no_customer_disables_the_controls(panel):
    panel.set_customer(None)
    assert not panel.apply_button.isEnabled() and panel.line_texts() == []
