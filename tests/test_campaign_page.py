"""The 营销 page driven as an owner would: an audience, a template, a campaign, its sheet,
the mark and the results."""
import csv
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from services import campaigns, customer_stats
from ui.dialogs.audience_dialog import AudienceDialog
from ui.dialogs.campaign_dialog import CampaignDialog
from ui.dialogs.campaign_winback_dialog import WinbackDialog
from ui.pages.campaigns_page import CampaignsPage
from ui.widgets.shop_profile_editor import ShopProfileEditor

TODAY = date(2026, 5, 20)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))


@pytest.fixture
def shop(make_customer, make_order, tiers):
    campaigns.save_profile(campaigns.ShopProfile('小鹿母婴', '小鹿母婴'))
    ids = {}
    for i, (nick, name, phone, last) in enumerate([
            ('tb_amy', '王芳', '13800001111', datetime(2025, 6, 1)),
            ('tb_bob', '李强', '13800002222', datetime(2025, 7, 1)),
            ('pdd_cat', '张静', '138****3333', datetime(2025, 8, 1)),
            ('tb_dan', '', '', datetime(2026, 5, 1))]):
        ids[nick] = make_customer(nick, name=name, phone=phone,
                                  platform='pdd' if nick.startswith('pdd') else 'taobao')
        make_order(ids[nick], 100_00, paid_at=last)
    customer_stats.refresh()
    return ids


def wait(qtbot, *runners):
    qtbot.waitUntil(lambda: not any(r.busy for r in runners), timeout=5000)


@pytest.fixture
def page(qtbot, shop):
    p = CampaignsPage(today=TODAY)
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    wait(qtbot, p.audiences_tab.runner)
    return p


def test_create_an_audience_with_a_live_count(qtbot, page):
    dialog = AudienceDialog(parent=page, today=TODAY)
    qtbot.addWidget(dialog)
    wait(qtbot, dialog.runner)
    assert dialog.count_label.text() == '符合条件的顾客：4 人'
    dialog.name.setText('半年没买')
    dialog.use_asleep.setChecked(True)
    dialog.asleep.setValue(180)
    dialog.count()                                  # what the debounce timer would call
    wait(qtbot, dialog.runner)
    assert dialog.count_label.text() == '符合条件的顾客：3 人'     # amy, bob, cat
    dialog.bar.platform.setCurrentIndex(dialog.bar.platform.findData('pdd'))
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    a = campaigns.get_audience(dialog.saved_id)
    assert (a.name, a.asleep_days, a.filter.platform) == ('半年没买', 180, 'pdd')
    page.audiences_tab.reload()
    wait(qtbot, page.audiences_tab.runner)
    tab = page.audiences_tab
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == '半年没买'
    assert tab.table.item(0, 2).text() == '1'                        # cat alone
    assert '拼多多' in tab.table.item(0, 1).text() and '沉睡 180 天以上' in tab.table.item(0, 1).text()
    # Editing shows the stored conditions again.
    again = AudienceDialog(a, page, TODAY)
    qtbot.addWidget(again)
    assert again.bar.platform.currentData() == 'pdd' and again.asleep.value() == 180
    wait(qtbot, again.runner)


def test_template_editor_preview_and_counter(qtbot, page, shop):
    page.tabs.setCurrentWidget(page.templates_tab)
    tab = page.templates_tab
    tab.add_starters()
    assert tab.list.count() == 4
    tab.new_template()
    tab.editor.name.setText('回购提醒')
    tab.editor.body.setPlainText('')
    tab.editor.insert('姓名')
    tab.editor.body.insertPlainText('，您的积分快过期了')
    tab.preview.search.setText('王芳')
    tab.preview.find_buyers()
    assert tab.preview.buyer.currentData() == shop['tb_amy']
    assert tab.preview.text.text() == '【小鹿母婴】王芳，您的积分快过期了，拒收请回复R'
    n = len(tab.preview.text.text())
    assert tab.preview.counter.text() == f'共 {n} 字，按 1 条短信计费'
    tab.editor.body.insertPlainText('好' * (71 - n) + '🎉')
    assert tab.preview.counter.text() == '共 73 字，按 2 条短信计费'
    assert tab.save()
    assert tab.list.count() == 5 and tab.list.currentItem().text().startswith('回购提醒')
    # An unknown placeholder is refused with a sentence, nothing saved.
    tab.editor.body.setPlainText('{昵称}你好')
    assert not tab.save() and '昵称' in tab.message.text()
    assert [t.name for t in campaigns.list_templates()].count('回购提醒') == 1
    # A chat template drops the signature and opt-out switches.
    tab.editor.channel.setCurrentIndex(tab.editor.channel.findData('wechat'))
    assert not tab.editor.signature.isChecked() and not tab.editor.signature.isEnabled()


def _create_winback(qtbot, page):
    dialog = WinbackDialog(page, today=TODAY)
    qtbot.addWidget(dialog)
    names = [dialog.festivals.item(i).text() for i in range(dialog.festivals.count())]
    row = next(i for i, n in enumerate(names) if n.startswith('618'))
    dialog.festivals.setCurrentRow(row)
    dialog.accept()
    assert dialog.result() != QDialog.Accepted and '优惠券' in dialog.error.text()
    dialog.coupon.setText('满199减30元券')
    dialog.control.setValue(0)
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    wizard = CampaignDialog(new=dialog.new, parent=page, today=TODAY)
    qtbot.addWidget(wizard)
    wait(qtbot, wizard.runner)
    assert wizard.name.text() == '618唤醒' and wizard.stages.rowCount() == 2
    assert wizard.audience_size.text() == '现有 3 人'      # amy, bob, cat asleep 180+ days
    wizard.accept()
    wait(qtbot, wizard.runner)
    assert wizard.result() == QDialog.Accepted
    return wizard.campaign_id


def test_winback_campaign_export_mark_and_results(qtbot, page, shop, tmp_path, make_order):
    cid = _create_winback(qtbot, page)
    page.tabs.setCurrentWidget(page.campaigns_tab)
    tab = page.campaigns_tab
    tab.reload(cid)
    detail = tab.detail
    wait(qtbot, tab.runner, detail.results_runner)
    assert tab.table.item(0, 0).text() == '618唤醒' and tab.table.item(0, 2).text() == '3 / 0'
    assert detail.stages.rowCount() == 2
    assert detail.stages.item(0, 1).text() == '2026-06-11'
    # The offer stage's SMS sheet: two phones, the masked PDD buyer in the second file.
    detail.stages.selectRow(1)
    out = tmp_path / 'sms.csv'
    detail.export(str(out), 'sms')
    wait(qtbot, detail.runner)
    with open(out, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    assert [r[0] for r in rows[1:]] == ['13800001111', '13800002222']
    assert '满199减30元券' in rows[1][1] and rows[1][1].startswith('【小鹿母婴】王芳')
    assert (tmp_path / 'sms-无法发送.csv').exists()
    assert '1 人没有可用手机号' in detail.status.text()
    detail.mark_current(confirm=False)
    wait(qtbot, detail.runner, tab.runner)
    assert '已记录 2 位顾客' in detail.status.text()
    assert detail.stages.item(1, 5).text().endswith('已发 2 人')
    assert detail.unmark_button.isEnabled() and not detail.mark_button.isEnabled()
    assert tab.table.item(0, 3).text() == '进行中'
    # Bob comes back during 618: the offer stage shows one buyer of three.
    make_order(shop['tb_bob'], 258_00, paid_at=datetime(2026, 6, 18, 9, 0))
    detail.load_results()
    wait(qtbot, detail.results_runner)
    res = detail.results
    assert [res.item(r, 0).text() for r in range(res.rowCount())] == ['想念问候', '优惠召回',
                                                                      '整个活动']
    assert [res.item(1, c).text() for c in (2, 3, 4, 5)] == ['3', '1', '33.3%', '¥258.00']
    assert res.item(1, 6).text() == '—'               # no control group
    assert res.item(1, 1).text().endswith('（统计中）')


def test_campaign_with_control_group_shows_uplift(qtbot, page, shop, make_order):
    aid = campaigns.save_audience(campaigns.AudienceInfo(name='全部'))
    tid = campaigns.save_template(campaigns.TemplateInfo(name='问候', body='{姓名}你好'))
    page.campaigns_tab.reload()
    dialog = CampaignDialog(parent=page, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.audience.setCurrentIndex(dialog.audience.findData(aid))
    wait(qtbot, dialog.runner)
    dialog.name.setText('春季回访')
    dialog.control.setValue(50)
    dialog.stages.cellWidget(0, 2).setCurrentIndex(dialog.stages.cellWidget(0, 2).findData(tid))
    dialog.add_stage()
    assert dialog.stages.rowCount() == 2
    dialog.remove_stage()
    dialog.accept()
    wait(qtbot, dialog.runner)
    assert dialog.result() == QDialog.Accepted
    c = campaigns.get_campaign(dialog.campaign_id)
    assert (c.targets, c.control, len(c.stages)) == (2, 2, 1)
    stage_day = c.stages[0].date
    target = campaigns.target_ids(c.id)[0]
    make_order(target, 99_00, paid_at=datetime.combine(stage_day + timedelta(days=1),
                                                        datetime.min.time()))
    tab = page.campaigns_tab
    tab.reload(c.id)
    wait(qtbot, tab.runner, tab.detail.results_runner)
    res = tab.detail.results
    assert res.rowCount() == 1
    assert [res.item(0, col).text() for col in (3, 4, 7, 8, 9)] == [
        '1', '50.0%', '0', '0.0%', '+50.0 个百分点']


def test_shop_profile_editor_on_the_settings_page(qtbot, database):
    from ui.pages.settings_page import SettingsPage
    settings_page = SettingsPage()
    qtbot.addWidget(settings_page)
    editor = settings_page.findChild(ShopProfileEditor)
    assert editor is not None and editor.opt_out.text() == '拒收请回复R'
    editor.shop_name.setText('小鹿母婴')
    editor.signature.setText('【小鹿母婴】')
    assert '【小鹿母婴】亲' in editor.sample.text()
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert editor.signature.text() == '小鹿母婴'
    assert campaigns.load_profile().signature_text() == '【小鹿母婴】'
    editor.signature.setText('鹿')
    assert not editor.save() and '签名' in editor.message.text()


def test_page_is_registered_in_the_main_window(qtbot, database):
    from ui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    assert isinstance(window.page('campaigns'), CampaignsPage)   # builds on an empty shop


def test_unmark_puts_the_stage_back(qtbot, page, shop):
    from models.campaign import CampaignSend
    cid = _create_winback(qtbot, page)
    tab = page.campaigns_tab
    page.tabs.setCurrentWidget(tab)
    tab.reload(cid)
    wait(qtbot, tab.runner, tab.detail.results_runner)
    detail = tab.detail
    detail.mark_current(confirm=False)
    wait(qtbot, detail.runner, tab.runner)
    assert CampaignSend.select().count() == 2
    detail.unmark_current()
    wait(qtbot, detail.runner, tab.runner)
    assert CampaignSend.select().count() == 0
    assert detail.stages.item(0, 5).text() == '未发送' and detail.mark_button.isEnabled()
    assert tab.table.item(0, 3).text() == '未发送'


def test_edit_and_delete_run_off_the_ui_thread(qtbot, page, shop, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    aid = campaigns.save_audience(campaigns.AudienceInfo(name='全部'))
    tid = campaigns.save_template(campaigns.TemplateInfo(name='问候', body='{姓名}你好'))
    cid = campaigns.create_campaign(campaigns.NewCampaign(
        '春季回访', [campaigns.StageInfo(name='问候', date=TODAY, template_id=tid)],
        audience_id=aid))
    tab = page.campaigns_tab
    tab.reload(cid)
    wait(qtbot, tab.runner)
    opened = []
    monkeypatch.setattr(CampaignDialog, 'exec', lambda self: opened.append(self.info) or 0)
    tab.edit_current()
    wait(qtbot, tab.runner)
    assert [i.id for i in opened] == [cid]
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    tab.delete_current()
    wait(qtbot, tab.runner)
    assert campaigns.list_campaigns() == []


def test_double_clicking_a_result_lists_who_came_back(qtbot, page, shop, make_order):
    aid = campaigns.save_audience(campaigns.AudienceInfo(name='全部'))
    tid = campaigns.save_template(campaigns.TemplateInfo(name='问候', body='{姓名}你好'))
    cid = campaigns.create_campaign(campaigns.NewCampaign(
        '春季回访', [campaigns.StageInfo(name='问候', date=TODAY, template_id=tid)],
        audience_id=aid))
    make_order(shop['tb_amy'], 88_00, paid_at=datetime.combine(TODAY + timedelta(days=2),
                                                               datetime.min.time()))
    make_order(shop['tb_bob'], 66_00, paid_at=datetime.combine(TODAY - timedelta(days=1),
                                                               datetime.min.time()))
    tab = page.campaigns_tab
    tab.reload(cid)
    wait(qtbot, tab.runner, tab.detail.results_runner)
    tab.detail.show_returned(0)
    wait(qtbot, tab.detail.results_runner)
    table = tab.detail.returned_dialog.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == 'tb_amy'
    assert table.item(0, 2).text() == '活动组' and table.item(0, 5).text() == '¥88.00'
    tab.detail.returned_dialog.close()
