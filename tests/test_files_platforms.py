"""Platform exports into OrderRecords: Taobao CSV/xlsx, 宝贝报表, PDD, Douyin."""
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from services.errors import UserError
from services.files.platforms import (detect_kind, join_lines, parse_lines, parse_orders,
                                      read_orders)
from services.files.table_reader import read_table
from services.tasks import Cancelled

from order_samples import (DOUYIN_HEADERS, PDD_HEADERS, TAOBAO_HEADERS, douyin_matrix,
                           pdd_matrix, taobao_matrix, taobao_typed, write_csv, write_xlsx)


def _by_no(parsed):
    return {r.order_no: r for r in parsed.records}


def check_taobao(parsed, file_name):
    assert parsed.kind == 'orders' and parsed.platform == 'taobao'
    assert parsed.rows_read == 5 and parsed.problems == []
    o = _by_no(parsed)
    assert list(o) == [f'193012345678901234{i}' for i in range(5, 10)]
    a = o['1930123456789012345']
    assert (a.nick, a.amount, a.status, a.status_text) == ('tb_小雨点', 59800, 'completed', '交易成功')
    assert a.created_at == datetime(2024, 1, 2, 3, 4, 5)
    assert a.paid_at == datetime(2024, 1, 2, 3, 4)
    assert (a.receiver, a.phone, a.province, a.city) == ('王小雨', '18612345678', '浙江省', '杭州市')
    assert a.address.startswith('浙江省 杭州市 西湖区 文三路')
    assert (a.item_count, a.buyer_note, a.seller_note, a.row) == (2, '周末送到', '老客户，送小样', 2)
    assert a.lines == []
    b = o['1930123456789012346']
    assert (b.status, b.amount, b.paid_at, b.phone) == ('unpaid', 1250, None, '138****1234')
    assert (b.province, b.city) == ('北京', '北京市')
    assert b.created_at == datetime(2024, 1, 3, 10, 0)
    assert o['1930123456789012347'].amount == 123450
    assert o['1930123456789012347'].status == 'paid'
    assert o['1930123456789012348'].status == 'shipped'
    assert o['1930123456789012348'].phone == '+8613900002222'
    assert o['1930123456789012349'].status == 'closed'


@pytest.mark.parametrize('encoding', ['gbk', 'utf-8-sig'])
def test_taobao_csv(tmp_path, encoding):
    path = write_csv(tmp_path / 'ExportOrderList201.csv', taobao_matrix(), encoding)
    table = read_table(path)
    assert detect_kind(table.headers) == 'taobao'
    check_taobao(parse_orders(table), path.name)


def test_taobao_xlsx_with_typed_cells(tmp_path):
    path = write_xlsx(tmp_path / '订单报表.xlsx', taobao_typed())
    check_taobao(parse_orders(read_table(path)), path.name)


def test_taobao_xlsx_with_15_digit_numeric_order_numbers(tmp_path):
    path = write_xlsx(tmp_path / '订单报表.xlsx', taobao_typed(order_numbers_as_text=False))
    parsed = parse_orders(read_table(path))
    assert parsed.problems == []
    assert parsed.records[0].order_no == '823456789012345'
    assert all(len(r.order_no) == 15 and r.order_no.isdigit() for r in parsed.records)


def test_order_numbers_excel_has_rounded_are_reported_not_guessed(tmp_path):
    m = taobao_typed()
    m[1][0] = 1.930123456789012e18           # what Excel keeps of a 19-digit number
    m[2][0] = '1.93012345678901E+18'         # the same, opened and saved as CSV
    parsed = parse_orders(read_table(write_xlsx(tmp_path / 'rounded.xlsx', m)))
    assert len(parsed.records) == 3
    rows = {(p.row, p.column) for p in parsed.problems}
    assert rows == {(2, '订单编号'), (3, '订单编号')}
    assert '没有导入' in parsed.problems[0].message
    assert str(parsed.problems[0]).startswith('rounded.xlsx 第2行「订单编号」列：')


def test_bad_cells_are_problems_with_row_and_column(tmp_path):
    m = taobao_matrix()
    m[1][8] = '五百元'                       # amount unreadable: row skipped
    m[2][1] = ''                            # no buyer: row skipped
    m[3][17] = '昨天下午'                   # bad date: reported, row kept
    m[4][16] = '打电话给前台'               # bad phone: reported, row kept
    parsed = parse_orders(read_table(write_csv(tmp_path / 'bad.csv', m)))
    assert [r.order_no for r in parsed.records] == ['1930123456789012347', '1930123456789012348',
                                                    '1930123456789012349']
    found = [(p.row, p.column) for p in parsed.problems]
    assert found == [(2, '买家实际支付金额'), (3, '买家会员名'), (4, '订单创建时间'), (5, '联系手机')]
    kept = _by_no(parsed)['1930123456789012347']
    assert kept.created_at is None and kept.amount == 123450
    assert _by_no(parsed)['1930123456789012348'].phone == ''


def test_duplicate_order_numbers_last_row_wins(tmp_path):
    m = taobao_matrix()
    again = list(m[1])
    again[10] = '交易关闭'
    m.append(again)
    parsed = parse_orders(read_table(write_csv(tmp_path / 'dup.csv', m)))
    o = _by_no(parsed)
    assert len(o) == 5 and o['1930123456789012345'].status == 'closed'
    assert o['1930123456789012345'].row == 7
    assert any('重复' in n and '1930123456789012345' in n for n in parsed.notes)


def test_tmall_shop_type_column(tmp_path):
    m = taobao_matrix()
    m[0] = m[0] + ['店铺类型']
    for row in m[1:]:
        row.append('天猫')
    parsed = parse_orders(read_table(write_csv(tmp_path / 'tmall.csv', m)))
    assert parsed.platform == 'tmall' and {r.platform for r in parsed.records} == {'tmall'}


def test_unknown_status_words_are_kept_but_not_counted(tmp_path):
    m = taobao_matrix()
    m[1][10] = '神秘状态'
    parsed = parse_orders(read_table(write_csv(tmp_path / 'odd.csv', m)))
    assert _by_no(parsed)['1930123456789012345'].status == 'paid'
    assert any('神秘状态' in n for n in parsed.notes)


def test_taobao_lines_join(tmp_path):
    orders = parse_orders(read_table(write_csv(tmp_path / 'ExportOrderList.csv',
                                               taobao_matrix())))
    lines_path = write_csv(tmp_path / 'ExportOrderDetailList.csv', [
        ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注',
         '订单状态', '商家编码'],
        ['="1930123456789012345"', '加厚羊毛衫 秋冬款', '199.00', '2', '', '颜色分类：燕麦色；尺码：L',
         '', '', '交易成功', 'YMS-001'],
        ['="1930123456789012345"', '羊毛袜 三双装', '200.00', '1', 'W-3', '', '', '', '交易成功', ''],
        ['="1930123456789012347"', '加厚羊毛衫 秋冬款', '411.50', '3', '', '颜色分类：黑色', '', '',
         '买家已付款，等待卖家发货', 'YMS-001'],
        ['="1999999999999999999"', '不在订单报表里的宝贝', '1.00', '1', '', '', '', '', '交易成功', ''],
    ], 'gbk')
    table = read_table(lines_path)
    assert detect_kind(table.headers) == 'taobao_lines'
    lines = parse_lines(table)
    assert lines.kind == 'lines' and len(lines.records) == 3
    join_lines(orders, lines)
    o = _by_no(orders)
    first = o['1930123456789012345'].lines
    assert [(ln.title, ln.quantity, ln.price, ln.amount, ln.code) for ln in first] == [
        ('加厚羊毛衫 秋冬款', 2, 19900, 39800, 'YMS-001'), ('羊毛袜 三双装', 1, 20000, 20000, 'W-3')]
    assert first[0].sku == '颜色分类：燕麦色；尺码：L'
    assert o['1930123456789012347'].lines[0].amount == 123450
    assert o['1930123456789012346'].lines == []
    assert any('2 个订单' in n and '1 个订单不在' in n for n in orders.notes)


def test_pdd_xlsx(tmp_path):
    table = read_table(write_xlsx(tmp_path / 'pdd_orders.xlsx', pdd_matrix()))
    assert detect_kind(table.headers) == 'pdd'
    parsed = parse_orders(table)
    assert parsed.platform == 'pdd' and parsed.problems == []
    assert any('收货人/手机' in n for n in parsed.notes)
    o = _by_no(parsed)
    a = o['240520-123456789012345']
    assert (a.nick, a.amount, a.status, a.phone) == ('陈美丽/138****5678', 4990, 'completed',
                                                     '138****5678')
    assert (a.province, a.city, a.address) == ('江苏省', '苏州市', '江苏省 苏州市 工业园区 星湖街 328号')
    assert a.paid_at == datetime(2024, 5, 20, 20, 13, 14)
    assert [(ln.title, ln.quantity, ln.amount, ln.sku, ln.code) for ln in a.lines] == [
        ('儿童保温杯 316不锈钢', 1, 5990, '粉色 500ml', 'BWB-500')]
    assert o['240520-123456789012346'].status == 'paid'
    assert o['240520-123456789012346'].item_count == 2
    assert o['240520-123456789012346'].buyer_note == '加急'
    assert o['240520-123456789012347'].status == 'shipped'
    assert o['240520-123456789012348'].status == 'closed'
    assert o['240520-123456789012349'].status == 'refunded'      # 售后状态 says 退款成功


def test_douyin_csv_groups_sub_orders(tmp_path):
    table = read_table(write_csv(tmp_path / '抖店订单.csv', douyin_matrix(), 'utf-8-sig'))
    assert detect_kind(table.headers) == 'douyin'
    parsed = parse_orders(table)
    assert parsed.platform == 'douyin' and parsed.problems == [] and parsed.rows_read == 6
    o = _by_no(parsed)
    assert list(o) == ['4912345678901234567', '4912345678901234570', '4912345678901234572',
                       '4912345678901234574']
    a = o['4912345678901234567']
    assert (a.nick, a.status, a.amount, a.item_count) == ('林小姐/186****6666', 'completed', 8970, 3)
    assert [(ln.title, ln.quantity, ln.price, ln.amount) for ln in a.lines] == [
        ('云南小粒咖啡豆 500g', 2, 3990, 7980), ('手冲滤纸 100张', 1, 990, 990)]
    assert a.created_at == datetime(2024, 6, 18, 0, 1, 2)
    assert a.address == '上海市 上海市 浦东新区 张江镇 碧波路 690号'
    assert o['4912345678901234570'].status == 'paid'
    assert o['4912345678901234572'].status == 'refunded'
    partly = o['4912345678901234574']                      # one part refunded, one kept
    assert (partly.status, partly.amount) == ('completed', 990)


def test_forced_platform_that_does_not_fit(tmp_path):
    table = read_table(write_csv(tmp_path / 'o.csv', taobao_matrix()))
    with pytest.raises(UserError, match='拼多多.*订单号'):
        parse_orders(table, platform='pdd')


def test_detect_kind():
    assert detect_kind(TAOBAO_HEADERS) == 'taobao'
    assert detect_kind(PDD_HEADERS) == 'pdd'
    assert detect_kind(DOUYIN_HEADERS) == 'douyin'
    assert detect_kind(['会员编号', '买家会员名', '平台', '姓名', '手机', '订单数', '累计消费']) == 'members'
    assert detect_kind(['买家会员名', '手机']) == 'members'
    assert detect_kind(['买家会员名', '订单编号', '金额']) == 'generic'
    assert detect_kind(['客户', '电话', '消费金额']) == 'generic'


def test_member_sheet_is_not_read_as_orders(tmp_path):
    path = write_csv(tmp_path / 'members.csv', [['买家会员名', '手机'], ['张三', '138']], 'utf-8')
    with pytest.raises(UserError, match='会员表'):
        parse_orders(read_table(path))


def test_no_usable_columns(tmp_path):
    path = write_csv(tmp_path / '随便.csv', [['甲', '乙', '丙'], ['1', '2', '3']], 'utf-8')
    with pytest.raises(UserError, match='「随便.csv」没有可用的列'):
        parse_orders(read_table(path))


FIXTURES = Path(__file__).parent / 'fixtures'


def check_libreoffice(parsed):
    """LibreOffice evaluates ="..." to text, turns money and ISO dates into values."""
    assert parsed.problems == []
    o = _by_no(parsed)
    assert len(o) == 5
    a = o['1930123456789012345']
    assert (a.nick, a.amount, a.status, a.phone, a.item_count) == (
        'tb_小雨点', 59800, 'completed', '18612345678', 2)
    assert a.created_at == datetime(2024, 1, 2, 3, 4, 5)
    assert o['1930123456789012346'].amount == 1250
    assert o['1930123456789012347'].amount == 123450


def test_file_saved_by_libreoffice():
    # Made once with: soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx
    # from the UTF-8 form of taobao_matrix() (see test_libreoffice_live).
    check_libreoffice(parse_orders(read_table(FIXTURES / 'taobao_libreoffice.xlsx')))


@pytest.mark.skipif(not shutil.which('soffice'), reason='LibreOffice is not installed')
def test_libreoffice_live(tmp_path):
    src = write_csv(tmp_path / 'taobao_libreoffice.csv', taobao_matrix(), 'utf-8')
    out = tmp_path / 'out'
    subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{tmp_path}/lo',
                    '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', str(out),
                    str(src)], check=True, timeout=180, capture_output=True)
    check_libreoffice(parse_orders(read_table(out / 'taobao_libreoffice.xlsx')))


def test_read_orders_in_one_go_with_progress_and_cancel(tmp_path):
    m = taobao_matrix()
    base = m[1]
    for i in range(12000):
        row = list(base)
        row[0] = f'="{2000000000000000000 + i}"'
        m.append(row)
    path = write_csv(tmp_path / 'big.csv', m)
    seen = []
    parsed = read_orders(path, progress=lambda done, total: seen.append((done, total)))
    assert len(parsed.records) == 12005 and parsed.problems == []
    assert seen[-1][0] == seen[-1][1]
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))     # never goes backwards
    with pytest.raises(Cancelled):
        read_orders(path, cancelled=lambda: True)
    calls = []
    with pytest.raises(Cancelled):                    # cancel while normalising, not reading
        parse_orders(read_table(path), cancelled=lambda: calls.append(1) or len(calls) > 3)


def test_forced_generic_reads_a_platform_file_through_a_mapping(tmp_path):
    table = read_table(write_csv(tmp_path / 'o.csv', taobao_matrix()))
    parsed = parse_orders(table, platform='generic')
    assert parsed.platform == 'other' and len(parsed.records) == 5
    assert parsed.records[0].amount == 59800 and parsed.records[0].nick == 'tb_小雨点'


def test_douyin_sub_order_listed_twice(tmp_path):
    m = douyin_matrix()
    again = list(m[1])
    again[4] = '3'                                    # the later row says 3 bags
    m.append(again)
    parsed = parse_orders(read_table(write_csv(tmp_path / 'dy.csv', m, 'utf-8-sig')))
    a = _by_no(parsed)['4912345678901234567']
    assert sorted((ln.title, ln.quantity) for ln in a.lines) == [
        ('云南小粒咖啡豆 500g', 3), ('手冲滤纸 100张', 1)]
    assert any('重复' in n for n in parsed.notes)


def test_old_xls_whose_formula_ids_read_as_zero():
    # LibreOffice's .xls of the Taobao CSV: ="..." became formulas the xls reader sees as 0.
    parsed = parse_orders(read_table(FIXTURES / 'taobao_libreoffice.xls'))
    assert parsed.records == []                      # never five orders merged into one
    assert [p.row for p in parsed.problems] == [2, 3, 4, 5, 6]
    assert all('xlsx' in p.message and p.column == '订单编号' for p in parsed.problems)


@pytest.mark.skipif(not shutil.which('soffice'), reason='LibreOffice is not installed')
def test_xls_saved_by_libreoffice_live(tmp_path):
    m = pdd_matrix()
    src = write_csv(tmp_path / 'pdd.csv', [[_csv_text(c) for c in r] for r in m], 'utf-8')
    out = tmp_path / 'out'
    subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{tmp_path}/lo',
                    '--infilter=CSV:44,34,76,1', '--convert-to', 'xls', '--outdir', str(out),
                    str(src)], check=True, timeout=180, capture_output=True)
    path = out / 'pdd.xls'
    assert path.read_bytes()[:4] == b'\xd0\xcf\x11\xe0'
    parsed = parse_orders(read_table(path))
    assert parsed.platform == 'pdd' and parsed.problems == [] and len(parsed.records) == 5
    a = _by_no(parsed)['240520-123456789012345']
    assert (a.amount, a.status, a.phone) == (4990, 'completed', '138****5678')


def _csv_text(v) -> str:
    if isinstance(v, datetime):
        return v.strftime('%Y-%m-%d %H:%M:%S')
    return '' if v is None else str(v)
