"""The 设置 page: tier rules with a live count, scoring rules saved and applied."""
import pytest
from PySide6.QtCore import QSettings

from models import Customer, Tier
from services import settings
from services.demo import build_demo_shop
from services.scoring import LifecycleRules, RfmRules
from ui.pages.settings_page import SettingsPage
from ui.widgets.tier_editor import NAME, ORDERS, SPENT


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))


@pytest.fixture
def page(qtbot, database):
    build_demo_shop(customers=300)
    p = SettingsPage()
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    return p


def tier_row(page, name):
    t = page.tier_editor.table
    return next(r for r in range(t.rowCount()) if t.item(r, NAME).text() == name)


def wait_tier_preview(qtbot, page):
    qtbot.waitUntil(lambda: all(page.tier_editor.preview_counts().values()), timeout=5000)
    return {k: int(v) for k, v in page.tier_editor.preview_counts().items()}


def live_count(**where):
    q = Customer.select().where(Customer.deleted_at.is_null())
    for key, value in where.items():
        q = q.where(getattr(Customer, key) == value)
    return q.count()


def test_tier_preview_follows_the_edit(qtbot, page):
    before = wait_tier_preview(qtbot, page)
    assert sum(before.values()) == live_count()
    editor = page.tier_editor
    row = tier_row(page, '高级会员')
    editor.set_cell(row, SPENT, 1)          # 1 yuan or 1 order: nearly everyone moves up
    editor.set_cell(row, ORDERS, 1)
    qtbot.waitUntil(lambda: editor.preview_counts()['普通会员'] not in ('', str(before['普通会员'])),
                    timeout=5000)
    after = wait_tier_preview(qtbot, page)
    assert after['普通会员'] < before['普通会员']
    assert sum(after.values()) == live_count()
    # Nothing was written by the preview.
    assert Tier.get(Tier.name == '高级会员').min_spent == 500_00


def test_invalid_tier_shows_a_message_and_saves_nothing(qtbot, page):
    editor = page.tier_editor
    names = [t.name for t in Tier.select().order_by(Tier.rank)]
    editor.set_cell(tier_row(page, 'VIP会员'), NAME, '高级会员')     # duplicate name
    assert editor.save() is False
    assert '重复' in editor.message.text() and editor.message.isVisible()
    assert [t.name for t in Tier.select().order_by(Tier.rank)] == names


def test_saving_tiers_reassigns_and_reports(qtbot, page):
    editor = page.tier_editor
    editor.set_cell(tier_row(page, '高级会员'), SPENT, 1)
    editor.set_cell(tier_row(page, '高级会员'), ORDERS, 1)
    with qtbot.waitSignal(page.changed, timeout=10000):
        assert editor.save()
    assert Tier.get(Tier.name == '高级会员').min_spent == 100
    assert '已保存' in editor.message.text()
    assert live_count(tier=Tier.get(Tier.name == '普通会员').id) < 20


def test_add_and_remove_a_tier_row(qtbot, page):
    editor = page.tier_editor
    n = editor.table.rowCount()
    editor.add_row()
    assert editor.table.rowCount() == n + 1
    editor.table.setCurrentCell(n, NAME)
    editor.remove_selected()
    assert editor.table.rowCount() == n


def test_rule_preview_shows_now_and_after(qtbot, page):
    qtbot.waitUntil(lambda: page.preview.counts('重要价值客户') is not None, timeout=5000)
    now, after = page.preview.counts('重要价值客户')
    assert now == after == str(live_count(segment='重要价值客户'))
    page.rfm.high_from.setValue(5)
    qtbot.waitUntil(lambda: page.preview.counts('重要价值客户') not in (None, (now, after)),
                    timeout=5000)
    assert int(page.preview.counts('重要价值客户')[1]) < int(now)
    assert '将变动' in page.preview.moved.text()


def test_invalid_rules_show_a_message_and_save_nothing(qtbot, page):
    page.lifecycle.active_days.setValue(200)         # not below 沉睡 (180)
    assert page.save_rules() is False
    assert '沉睡' in page.message.text()
    assert settings.load(LifecycleRules).active_days == 90


def test_promo_windows_parse_and_bad_lines_are_named(qtbot, page):
    page.loyalty.windows.setPlainText('6-1 6-20\n11-01 到 11-12')
    assert page.loyalty.loyalty_rules().promo_windows == [['06-01', '06-20'], ['11-01', '11-12']]
    page.loyalty.windows.setPlainText('双十一')
    assert page.save_rules() is False
    assert '双十一' in page.message.text()


def test_saving_rules_recomputes_segments(qtbot, page):
    before = live_count(segment='重要价值客户')
    page.rfm.high_from.setValue(5)
    page.lifecycle.active_days.setValue(120)
    with qtbot.waitSignal(page.changed, timeout=15000):
        assert page.save_rules()
    qtbot.waitUntil(page.isEnabled, timeout=5000)
    assert settings.load(RfmRules).high_from == 5
    assert settings.load(LifecycleRules).active_days == 120
    assert live_count(segment='重要价值客户') < before
    qtbot.waitUntil(lambda: '将变动 0 人' in page.preview.moved.text(), timeout=5000)


def test_points_rules_save_and_load(qtbot, page):
    from services.points.rules import PointsRules
    editor = page.points
    assert editor is not None
    editor.per_yuan.setValue(2)
    editor.expiry.setValue(365)
    editor.use_since.setChecked(True)
    assert editor.save()
    stored = settings.load(PointsRules)
    assert (stored.per_yuan, stored.expiry_days) == (2, 365) and stored.since() is not None
    editor.per_yuan.setValue(1.25)          # edited, not saved: 撤销修改 brings back 2
    assert editor.rules().per_yuan == 1.25
    editor.load()
    assert editor.per_yuan.value() == 2 and editor.expiry.value() == 365
