"""services.exporting: members and orders out, and the member sheet back in unchanged."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import pytest

from member_samples import CUSTOM_FIELDS, SAMPLES, expected_values, make_shop
from models import Customer, CustomerTag, OrderLine
from services import exporting
from services.customers import profile_of
from services.errors import UserError
from services.files.member_sheet import MEMBER_HEADERS, parse_member_rows, sheet_headers
from services.files.table_reader import read_table
from services.importing import batches
from services.member_query import MemberFilter
from services.tasks import Cancelled

SOFFICE = shutil.which('soffice') or shutil.which('libreoffice')


def read_back(path):
    table = read_table(path)
    parsed = parse_member_rows(table.raw_headers, table.rows, table.row_numbers, Path(path).name)
    return table, parsed


def shop_state():
    """Everything an import could touch, to compare before and after."""
    people = {c.id: asdict(profile_of(c)) for c in Customer.select().order_by(Customer.id)}
    tags = sorted(CustomerTag.select(CustomerTag.customer, CustomerTag.tag).tuples())
    return people, tags


def assert_round_trip(path, ids):
    table, parsed = read_back(path)
    assert table.raw_headers == sheet_headers(CUSTOM_FIELDS)
    assert parsed.problems == []
    assert [r.nick for r in parsed.records] == [p.nick for p, _ in SAMPLES]   # deleted left out
    for record, (profile, tags), cid in zip(parsed.records, SAMPLES, ids):
        stored = profile_of(Customer.get_by_id(cid))
        assert record.values == expected_values(stored) == expected_values(profile.cleaned())
        assert record.tags == sorted(tags)            # the rule-made tag is not in the sheet
    before = shop_state()
    info = batches.commit(parsed, 'same-file')
    assert (info.added, info.updated, info.skipped) == (0, 0, len(SAMPLES))
    assert shop_state() == before
    return table


@pytest.mark.parametrize('suffix', ['.xlsx', '.csv'])
def test_member_sheet_round_trip(database, tmp_path, suffix):
    ids = make_shop()
    path = tmp_path / f'会员{suffix}'
    assert exporting.export_members(path) == len(SAMPLES)
    table = assert_round_trip(path, ids)
    first = dict(zip(table.raw_headers, table.rows[0]))
    if suffix == '.xlsx':
        assert first['会员编号'] == str(ids[0])          # ids are text
        assert first['订单数'] == 2 and first['累计消费'] == 124.45
        assert first['首次购买'] == datetime(2024, 1, 2, 3, 4, 5)
        with zipfile.ZipFile(path) as z:
            xml = z.read('xl/worksheets/sheet1.xml').decode()
        assert '<f>' not in xml and 'state="frozen"' in xml and '<autoFilter' in xml
    else:
        assert first['会员编号'] == str(ids[0])
        assert (first['订单数'], first['累计消费']) == ('2', '124.45')
        assert first['首次购买'] == '2024-01-02 03:04:05'
        assert first['买家会员名'] == "'" + SAMPLES[0][0].nick        # guarded in the file
        assert path.read_bytes().startswith(b'\xef\xbb\xbf')


@pytest.mark.skipif(SOFFICE is None, reason='LibreOffice (soffice) is not installed; '
                    'tests/fixtures/member_sheet_libreoffice.xlsx covers a re-saved sheet')
def test_member_sheet_survives_libreoffice_resave(database, tmp_path):
    ids = make_shop()
    exported = tmp_path / 'members.xlsx'
    exporting.export_members(exported)
    out = tmp_path / 'resaved'
    proc = subprocess.run(
        [SOFFICE, f'-env:UserInstallation={(tmp_path / "lo-profile").as_uri()}', '--headless',
         '--convert-to', 'xlsx', '--outdir', str(out), str(exported)],
        capture_output=True, text=True, timeout=240)
    resaved = out / 'members.xlsx'
    assert resaved.exists(), proc.stdout + proc.stderr
    assert_round_trip(resaved, ids)
    # The computed columns come back with the same types too.
    original, again = read_table(exported), read_table(resaved)
    assert again.rows == original.rows


def test_filtered_export_has_exactly_the_filter_rows_in_order(database, tmp_path, monkeypatch):
    make_shop()
    monkeypatch.setattr(exporting, 'CHUNK', 2)          # several chunks, order kept across
    f = MemberFilter(sort='nick', descending=True)
    path = tmp_path / 'by_nick.csv'
    assert exporting.export_members(path, f) == len(SAMPLES)
    _, parsed = read_back(path)
    assert [r.nick for r in parsed.records] == sorted((p.nick for p, _ in SAMPLES),
                                                      reverse=True)
    path = tmp_path / 'pdd.xlsx'
    assert exporting.export_members(path, MemberFilter(platform='pdd')) == 1
    _, parsed = read_back(path)
    assert [r.nick for r in parsed.records] == ['拼多多用户😀']


def test_empty_shop_exports_headers_only(database, tmp_path):
    path = tmp_path / 'none.xlsx'
    assert exporting.export_members(path) == 0
    import python_calamine as pc
    rows = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0] == MEMBER_HEADERS


def test_orders_export(database, tmp_path, make_customer, make_order):
    cid = make_customer('=buyer', name='张三')
    done = make_order(cid, 123456, order_no='1930123456789012345',
                      paid_at=datetime(2024, 2, 29, 8, 9, 10))
    done.receiver, done.phone, done.address = '李四', '05718888666', '杭州市 文三路'
    done.created_at = datetime(2024, 2, 29, 8, 0, 0)
    done.save()
    OrderLine.create(order=done, title='面霜', sku='50ml', quantity=2, price=500, amount=1000)
    OrderLine.create(order=done, title='小样', quantity=1)
    make_order(cid, 5, completed=False, order_no='0000042', status='closed', paid_at=None)
    path = tmp_path / 'orders.xlsx'
    assert exporting.export_orders(path) == 2
    table = read_table(path)
    assert table.raw_headers == exporting.ORDER_HEADERS
    first, second = (dict(zip(table.raw_headers, r)) for r in table.rows)
    assert first['订单号'] == '1930123456789012345' and second['订单号'] == '0000042'
    assert (first['平台'], first['买家会员名'], first['姓名']) == ('淘宝', '=buyer', '张三')
    assert (first['订单状态'], first['是否成交'], second['订单状态'], second['是否成交']) == (
        '交易成功', '是', '交易关闭', '否')
    assert first['实付金额'] == 1234.56 and second['实付金额'] == 0.05
    assert first['付款时间'] == datetime(2024, 2, 29, 8, 9, 10) and second['付款时间'] is None
    assert first['下单时间'] == datetime(2024, 2, 29, 8, 0, 0)
    assert (first['手机'], first['收货人']) == ('05718888666', '李四')
    assert first['商品明细'] == '面霜（50ml） ×2；小样'
    path = tmp_path / 'orders.csv'
    exporting.export_orders(path)
    table = read_table(path)
    first = dict(zip(table.raw_headers, table.rows[0]))
    assert (first['订单号'], first['实付金额'], first['买家会员名']) == (
        '1930123456789012345', '1234.56', "'=buyer")
    assert first['付款时间'] == '2024-02-29 08:09:10'


def test_bad_suffix_and_cancel(database, tmp_path):
    make_shop()
    with pytest.raises(UserError, match='xlsx'):
        exporting.export_members(tmp_path / 'members.txt')
    with pytest.raises(UserError):
        exporting.export_orders(tmp_path / 'orders')
    for suffix in ('.xlsx', '.csv'):
        with pytest.raises(Cancelled):
            exporting.export_members(tmp_path / f'm{suffix}', cancelled=lambda: True)
    assert [n for n in os.listdir(tmp_path) if not n.startswith('shop.db')] == []


def test_progress_reaches_the_total(database, tmp_path):
    make_shop()
    seen = []
    exporting.export_members(tmp_path / 'm.xlsx', progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(SAMPLES), len(SAMPLES))


def test_date_cells_are_dates(database, tmp_path, make_customer, make_order):
    cid = make_customer('a')
    make_order(cid, paid_at=datetime(2023, 12, 31, 0, 0, 0))
    from services import customer_stats
    customer_stats.refresh([cid])
    path = tmp_path / 'd.xlsx'
    exporting.export_members(path)
    row = dict(zip(MEMBER_HEADERS, read_table(path).rows[0]))
    assert row['首次购买'] in (datetime(2023, 12, 31), date(2023, 12, 31))
