"""Masked phones and addresses in exports (and never over the real ones on import), and the
app password kept only as a salted scrypt hash."""
import csv
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from models import Customer, Order, Setting
from services import exporting, privacy, reminders
from services.campaigns import sending, store
from services.campaigns.profile import ShopProfile, save_profile
from services.campaigns.template_store import TemplateInfo, save_template
from services.customers import profile_of
from services.errors import ValidationError
from services.files.table_reader import read_table
from services.importing import service

# An 11-digit mainland mobile not inside a longer run of digits.
MOBILE = re.compile(r'(?<!\d)1[3-9]\d{9}(?!\d)')


def cells(path):
    path = Path(path)
    if path.suffix == '.csv':
        with open(path, encoding='utf-8-sig', newline='') as f:
            return [c for row in csv.reader(f) for c in row]
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return [str(c) for row in sheet for c in row]


def full_numbers(path) -> list[str]:
    return [c for c in cells(path) if MOBILE.search(c)]


# --- the masking rule -----------------------------------------------------------------------

@pytest.mark.parametrize('text, masked', [
    ('13812345678', '138****5678'), ('+86 138-1234-5678', '138****5678'),
    ('008613812345678', '138****5678'), ('0571-88886666', '057****6666'),
    ('138****1234', '138****1234'), ('95588', '***88'), ('', ''),
    ('13812345678#', '138****5678'), ('138 1234 5678 x2', '138****6782')])
def test_mask_phone(text, masked):
    assert privacy.mask_phone(text) == masked
    assert not MOBILE.search(privacy.mask_phone(text))


@pytest.mark.parametrize('text, masked', [
    ('浙江省杭州市西湖区文三路 100 号', '浙江省杭州市西湖区***'),
    ('浙江省 杭州市 西湖区 文三路100号', '浙江省杭州市西湖区***'),
    ('内蒙古自治区呼和浩特市新城区中山路', '内蒙古自治区呼和浩特市新城区***'),
    ('北京市朝阳区建国路88号', '北京市朝阳区***'),
    ('南京路 1 号 13812345678', '南京路***'),
    ('1号楼', '*号楼***'), ('', '')])
def test_mask_address(text, masked):
    assert privacy.mask_address(text) == masked
    assert privacy.mask_address(masked) == masked                 # masking twice changes nothing


def test_a_masked_value_keeps_the_stored_one():
    assert privacy.keeps_stored('13812345678', '138****5678')
    assert not privacy.keeps_stored('', '138****5678')            # nothing real to keep
    assert not privacy.keeps_stored('13812345678', '13900000000')  # a real edit
    assert not privacy.keeps_stored('138****5678', '139****0000')  # masked over masked
    assert privacy.keeps_stored('杭州市西湖区文三路1号', '杭州市西湖区***', 'address')
    assert not privacy.keeps_stored('杭州市', 'A座#1201', 'address')   # '#' is an address


# --- password -------------------------------------------------------------------------------

def test_password_hash_is_salted_scrypt_and_checks():
    a, b = privacy.hash_password('芝麻开门123'), privacy.hash_password('芝麻开门123')
    assert a['algo'] == 'scrypt' and a['salt'] != b['salt'] and a['hash'] != b['hash']
    assert '芝麻开门123' not in json.dumps(a, ensure_ascii=False)
    assert privacy.verify_password(a, '芝麻开门123') and privacy.verify_password(b, '芝麻开门123')
    assert not privacy.verify_password(a, '芝麻开门124') and not privacy.verify_password(a, '')
    assert not privacy.verify_password({'algo': 'md5', 'hash': 'x'}, '芝麻开门123')
    assert not privacy.verify_password(None, '芝麻开门123')
    fixed = privacy.hash_password('abcd', salt=bytes(16))
    assert fixed == privacy.hash_password('abcd', salt=bytes(16))   # deterministic per salt


def test_set_change_and_remove_need_the_old_password(database):
    assert not privacy.has_password() and privacy.check_password('anything')
    with pytest.raises(ValidationError, match='长度'):
        privacy.set_password('123')
    privacy.set_password('1234')
    stored = Setting.get(Setting.key == privacy.PASSWORD_KEY).value
    assert '1234' not in stored.replace(json.loads(stored)['hash'], '').replace(
        json.loads(stored)['salt'], '')
    assert privacy.has_password() and privacy.check_password('1234')
    assert not privacy.check_password('12345')
    with pytest.raises(ValidationError, match='原密码'):
        privacy.set_password('5678', old='wrong')
    privacy.set_password('5678', old='1234')
    assert privacy.check_password('5678') and not privacy.check_password('1234')
    with pytest.raises(ValidationError, match='原密码'):
        privacy.remove_password('1234')
    privacy.remove_password('5678')
    assert not privacy.has_password()


# --- masked exports -------------------------------------------------------------------------

@pytest.fixture
def shop(make_customer, make_order):
    save_profile(ShopProfile('小鹿母婴', '小鹿母婴'))
    ids = [
        make_customer('tb_amy', name='王芳', phone='13800001111', phone2='13900001111',
                      province='浙江省', city='杭州市', address='浙江省杭州市西湖区文三路 18 号 13700001111',
                      birth_kind='solar', birth_month=3, birth_day=8, wechat='13800001111',
                      note='备用 139 1111 2222，晚上打'),
        make_customer('tb_bob', name='李强', phone='+86 139 0000 2222', birth_kind='solar',
                      birth_month=3, birth_day=8),
        make_customer('tb_cat', name='张静', phone='0571-88886666', phone2='138-0000-3333'),
        make_customer('pdd_dan', platform='pdd', phone='138****4444'),
    ]
    o = make_order(ids[0], 500_00, paid_at=datetime(2026, 2, 18, 10, 0))
    o.receiver, o.phone, o.address = '王芳', '13800001111', '浙江省杭州市西湖区文三路 18 号'
    o.save()
    return ids


def test_masked_member_export_has_no_full_number(shop, tmp_path):
    for suffix in ('.xlsx', '.csv'):
        path = tmp_path / f'm{suffix}'
        assert exporting.export_members(path, masked=True) == 4
        assert full_numbers(path) == []
        assert '浙江省杭州市西湖区***' in cells(path) and '138****1111' in cells(path)
    full = tmp_path / 'full.xlsx'
    exporting.export_members(full)
    assert '13800001111' in cells(full)


def test_masked_order_and_reminder_exports_have_no_full_number(shop, tmp_path):
    path = tmp_path / 'orders.csv'
    assert exporting.export_orders(path, masked=True) == 1
    assert full_numbers(path) == [] and '138****1111' in cells(path)
    found = reminders.due_today(date(2026, 3, 5))
    assert {r.kind for r in found} >= {'birthday', 'callback'}
    path = tmp_path / 'reminders.xlsx'
    assert reminders.export_reminders(path, found, masked=True) == len(found)
    assert full_numbers(path) == [] and '139****2222' in cells(path)


def test_sms_sheet_keeps_full_numbers_while_its_second_file_is_masked(shop, tmp_path):
    tid = save_template(TemplateInfo(name='t', body='{姓名}你好', signature=False,
                                     opt_out=False))
    cid = store.create_campaign(store.NewCampaign(
        'x', [store.StageInfo(name='s', date=date(2026, 3, 1), template_id=tid)]))
    stage = store.get_campaign(cid).stages[0].id
    r = sending.export_stage(stage, tmp_path / 'sms.xlsx', masked=True)
    sheet = CalamineWorkbook.from_path(str(tmp_path / 'sms.xlsx')).get_sheet_by_index(0)
    phones = [row[0] for row in sheet.to_python()[1:]]
    assert phones == ['13800001111', '13900002222', '13800003333']   # what the platform needs
    assert r.skipped == 1 and full_numbers(r.skipped_path) == []


def test_a_masked_member_sheet_imported_back_changes_nothing_but_the_edits(shop, tmp_path):
    before = {c.id: (c.phone, c.phone2, c.address, c.wechat, c.note) for c in Customer.select()}
    path = tmp_path / 'm.csv'
    exporting.export_members(path, masked=True)
    info = service.import_file(str(path))
    assert (info.added, info.updated) == (0, 0)
    assert {c.id: (c.phone, c.phone2, c.address, c.wechat, c.note)
            for c in Customer.select()} == before
    # An edited name goes in; the masked phone beside it still means "as it is".
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    name = rows[0].index('姓名')
    phone = rows[0].index('手机')
    rows[1][name] = '王芳芳'
    rows[2][phone] = '13911112222'                      # a real new number is taken
    with open(path, 'w', encoding='utf-8-sig', newline='') as f:
        csv.writer(f).writerows(rows)
    info = service.import_file(str(path))
    assert info.updated == 2
    amy = profile_of(Customer.get(Customer.nick == rows[1][1]))
    assert (amy.name, amy.phone, amy.address) == ('王芳芳', '13800001111',
                                                   '浙江省杭州市西湖区文三路 18 号 13700001111')
    assert Customer.get(Customer.nick == rows[2][1]).phone == '13911112222'
    assert Order.select().count() == 1
    assert read_table(path).headers[-1] == '退订'


def test_a_forgotten_password_is_reset_from_the_command_line(tmp_path, capsys):
    from models.database import close_database, open_database
    from services.cli import run_cli
    db = tmp_path / 'shop.db'
    open_database(db)
    privacy.set_password('1234')
    close_database()
    assert run_cli(['--db', str(db), 'reset-password']) == 0
    assert '已取消' in capsys.readouterr().out
    assert not privacy.has_password()
    close_database()
