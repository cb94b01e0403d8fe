"""Sheets for SMS platforms and for 旺旺/WeChat: phones as text, unusable phones apart,
formula-looking values neutralised, nothing written when something is missing."""
import csv
from pathlib import Path
from datetime import date

import openpyxl
import pytest

from services.campaigns import sending, store
from services.campaigns.profile import ShopProfile, save_profile
from services.campaigns.template_store import TemplateInfo, save_template
from services.errors import UserError

DAY = date(2026, 3, 1)


@pytest.fixture
def shop(make_customer):
    save_profile(ShopProfile('小鹿母婴', '小鹿母婴'))
    return dict(
        ok=make_customer('tb_ok', name='王芳', phone='13800001111'),
        second=make_customer('tb_second', name='李强', phone='0571-88886666',
                             phone2='+86 139 0000 2222'),
        masked=make_customer('pdd_masked', platform='pdd', name='张静', phone='138****3333'),
        none=make_customer('tb_none', name='=HYPERLINK("http://x")', wechat='wx_none'),
        twin=make_customer('tb_twin', name='赵敏', phone='138-0000-1111'),
        formula=make_customer('-formula', name='@SUM(A1)', phone='13800004444'),
    )


def sms_template(**kw):
    values = dict(name='召回', body='{姓名}，{店铺名}送您{优惠券}', signature=True, opt_out=True)
    values.update(kw)
    return save_template(TemplateInfo(**values))


def campaign(template_id, coupon='满199减30元券', control=0):
    cid = store.create_campaign(store.NewCampaign(
        '召回', [store.StageInfo(name='优惠', date=DAY, template_id=template_id, offer=True)],
        coupon=coupon, control_percent=control, seed=5))
    return store.get_campaign(cid).stages[0].id


def read_csv(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


def test_sms_csv_lists_unusable_phones_in_a_second_file(shop, tmp_path):
    stage = campaign(sms_template())
    out = tmp_path / 'sms.csv'
    r = sending.export_stage(stage, out)
    rows = read_csv(out)
    assert rows[0] == ['手机号', '内容', '字数', '条数']
    body = '【小鹿母婴】王芳，小鹿母婴送您满199减30元券，拒收请回复R'
    assert rows[1] == ['13800001111', body, str(len(body)), '1']
    assert [row[0] for row in rows[1:]] == ['13800001111', '13900002222', '13800004444']
    # The message starts with 【, so a formula-looking name inside it needs no guard.
    assert rows[3][1].startswith('【小鹿母婴】@SUM(A1)')
    assert (r.written, r.skipped, r.parts) == (3, 3, 3)
    skipped = read_csv(r.skipped_path)
    assert r.skipped_path == str(tmp_path / 'sms-无法发送.csv')
    assert skipped[0] == ['平台', '买家会员名', '姓名', '手机号', '未能发送的原因', '内容']
    reasons = {row[1]: (row[3], row[4]) for row in skipped[1:]}
    assert reasons['pdd_masked'] == ('138****3333', '手机号已打码（平台隐藏了中间位）')
    assert reasons['tb_none'][1] == '没有手机号'
    assert reasons['tb_twin'][1].startswith('手机号与另一位顾客相同')
    # A formula-looking name is neutralised in its own cell.
    none_row = next(row for row in skipped[1:] if row[1] == 'tb_none')
    assert none_row[2] == "'=HYPERLINK(\"http://x\")"


def test_a_re_export_that_skips_nobody_removes_the_old_skipped_list(shop, tmp_path):
    from models import Customer
    stage = campaign(sms_template())
    out = tmp_path / 'sms.csv'
    first = sending.export_stage(stage, out)
    assert Path(first.skipped_path).exists()
    gone = [c.id for c in Customer.select().where(Customer.nick.in_(
        ['pdd_masked', 'tb_none', 'tb_twin']))]
    from services import customers
    customers.delete_customers(gone)               # the unreachable buyers leave the shop
    again = sending.export_stage(stage, out)
    assert again.skipped == 0 and again.skipped_path is None
    assert not Path(first.skipped_path).exists()


def test_sms_xlsx_keeps_phones_as_text(shop, tmp_path):
    stage = campaign(sms_template())
    out = tmp_path / 'sms.xlsx'
    r = sending.export_stage(stage, out)
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == ['手机号', '内容', '字数', '条数']
    assert ws['A2'].value == '13800001111' and ws['A2'].data_type == 's'
    assert ws['C2'].value == len(ws['B2'].value) and ws['D2'].value == 1
    other = openpyxl.load_workbook(r.skipped_path).active
    names = [row[2].value for row in other.iter_rows(min_row=2)]
    assert '=HYPERLINK("http://x")' in names                      # a string cell, not a formula
    cell = next(row[2] for row in other.iter_rows(min_row=2) if row[1].value == 'tb_none')
    assert cell.data_type == 's'


def test_control_group_is_not_exported(shop, tmp_path):
    stage = campaign(sms_template(), control=50)
    r = sending.export_stage(stage, tmp_path / 'sms.csv')
    assert r.written + r.skipped == 3


def test_chat_sheet_has_every_buyer_without_signature_or_opt_out(shop, tmp_path):
    stage = campaign(sms_template())
    out = tmp_path / 'ww.csv'
    r = sending.export_stage(stage, out, kind=sending.CHAT)
    rows = read_csv(out)
    assert rows[0] == ['平台', '买家会员名', '姓名', '微信', '内容']
    assert r.written == 6 and r.skipped_path is None
    by_nick = {row[1]: row for row in rows[1:]}
    assert by_nick['tb_ok'] == ['淘宝', 'tb_ok', '王芳', '', '王芳，小鹿母婴送您满199减30元券']
    assert by_nick['tb_none'][3] == 'wx_none'
    assert "'-formula" in by_nick


def test_nothing_is_written_without_the_coupon_or_the_signature(shop, tmp_path, database):
    from models.campaign import Campaign
    tmp_path = tmp_path / 'out'
    tmp_path.mkdir()
    stage = campaign(sms_template())
    Campaign.update(coupon='').execute()
    with pytest.raises(UserError, match='优惠券'):
        sending.export_stage(stage, tmp_path / 'a.csv')
    Campaign.update(coupon='满199减30元券').execute()
    save_profile(ShopProfile('小鹿母婴', ''))
    with pytest.raises(UserError, match='签名'):
        sending.export_stage(stage, tmp_path / 'a.csv')
    assert list(tmp_path.iterdir()) == []


def test_every_buyer_with_a_phone_gets_no_second_file(make_customer, tmp_path, database):
    tmp_path = tmp_path / 'out'
    tmp_path.mkdir()
    make_customer('tb_a', phone='13800001111')
    tid = save_template(TemplateInfo(name='t', body='你好', signature=False, opt_out=False))
    cid = store.create_campaign(store.NewCampaign(
        'x', [store.StageInfo(name='s', date=DAY, template_id=tid)]))
    r = sending.export_stage(store.get_campaign(cid).stages[0].id, tmp_path / 'a.xlsx')
    assert (r.written, r.skipped, r.skipped_path) == (1, 0, None)
    assert [p.name for p in tmp_path.iterdir()] == ['a.xlsx']
