"""Any other sheet through a proposed, correctable, remembered column mapping."""
from datetime import datetime

import pytest

from services.errors import UserError
from services.files.mapping import mapping_key, parse_with_mapping, propose_mapping
from services.files.platforms import parse_orders
from services.files.table_reader import read_table

from order_samples import write_csv, write_xlsx

STORE_SHEET = [
    ['单号', '客户名称', '联系电话', '实付金额(元)', '优惠金额', '下单时间', '状态', '商品名称', '数量',
     '备注'],
    ['MD-0001', '王阿姨', '13800001111', 128, 10, datetime(2024, 3, 8, 10, 30), '已完成', '蜂蜜 500g',
     2, '老顾客'],
    ['MD-0002', '刘先生', '021-66668888', '56.5元', 0, '2024/3/9 15:00', '', '枸杞 250g', 1, ''],
    ['MD-0003', '王阿姨', '13800001111', '三十', 0, '2024-03-10', '已退款', '蜂蜜 500g', 1, ''],
]


def test_propose_orders_mapping():
    m = propose_mapping(STORE_SHEET[0], 'orders')
    assert m['order_no'] == '单号'
    assert m['nick'] == '客户名称'
    assert m['phone'] == '联系电话'
    assert m['amount'] == '实付金额(元)'            # not 优惠金额
    assert m['created_at'] == '下单时间'
    assert m['status'] == '状态'
    assert m['title'] == '商品名称' and m['item_count'] == '数量'
    assert '优惠金额' not in m.values()


def test_parse_with_proposed_mapping(tmp_path):
    table = read_table(write_xlsx(tmp_path / '门店流水.xlsx', STORE_SHEET))
    parsed = parse_orders(table)                     # 'auto' falls back to a proposed mapping
    assert parsed.platform == 'other' and parsed.kind == 'orders'
    assert [r.order_no for r in parsed.records] == ['MD-0001', 'MD-0002']
    assert [(p.row, p.column) for p in parsed.problems] == [(4, '实付金额(元)')]
    a, b = parsed.records
    assert (a.nick, a.amount, a.status, a.phone) == ('王阿姨', 12800, 'completed', '13800001111')
    assert a.created_at == datetime(2024, 3, 8, 10, 30)
    assert [(ln.title, ln.quantity, ln.amount) for ln in a.lines] == [('蜂蜜 500g', 2, 12800)]
    # no status written: the owner's own sale, completed
    assert (b.amount, b.status, b.phone) == (5650, 'completed', '021-66668888')


def test_owner_corrected_mapping_and_platform(tmp_path):
    table = read_table(write_xlsx(tmp_path / 'x.xlsx', STORE_SHEET))
    mapping = {'order_no': '单号', 'nick': '联系电话', 'amount': '实付金额(元)', 'status': '状态'}
    parsed = parse_with_mapping(table, mapping, 'orders', platform='store')
    assert {r.platform for r in parsed.records} == {'store'}
    assert parsed.records[0].nick == '13800001111'
    assert parsed.records[0].lines == []


def test_mapping_without_required_columns_is_refused(tmp_path):
    table = read_table(write_xlsx(tmp_path / '缺列.xlsx', STORE_SHEET))
    with pytest.raises(UserError, match='「缺列.xlsx」没有可用的列.*实付金额'):
        parse_with_mapping(table, {'order_no': '单号', 'nick': '客户名称'}, 'orders')


def test_mapping_key_is_stable():
    a = mapping_key(['订单号 ', '买家', '金额'])
    assert a == mapping_key(['订单号', ' 买家', '金额'])
    assert a == mapping_key(['金额', '订单号', '买家'])          # order of columns does not matter
    assert a != mapping_key(['订单号', '买家', '金额', '备注'])
    assert len(a) == 16


def test_members_through_a_mapping(tmp_path):
    sheet = [['旺旺名', '真实姓名', '手机号码', '性别', '生日', '微信号', '标签', '备注'],
             ['tb_小雨点', '王小雨', "'18612345678", '女', '1990-05-20', 'wx_rain', 'VIP,老客', '爱喝茶'],
             ['刘先生', '', '138****0000', '男', '农历八月十五', '', '', ''],
             ['', '无名', '', '', '', '', '', ''],
             ['赵六', '', '', '未知', '闰4-12', '', '', '']]
    table = read_table(write_csv(tmp_path / '老会员.csv', sheet, 'gbk'))
    m = propose_mapping(table.headers, 'members')
    assert m == {'nick': '旺旺名', 'name': '真实姓名', 'phone': '手机号码', 'gender': '性别',
                 'birthday': '生日', 'wechat': '微信号', 'tags': '标签', 'note': '备注'}
    parsed = parse_with_mapping(table, m, 'members', platform='taobao')
    assert parsed.kind == 'members'
    assert [r.nick for r in parsed.records] == ['tb_小雨点', '刘先生', '赵六']
    a = parsed.records[0]
    assert a.values['phone'] == '18612345678' and a.values['gender'] == 'F'
    assert (a.values['birth_kind'], a.values['birth_year'], a.values['birth_month'],
            a.values['birth_day']) == ('solar', 1990, 5, 20)
    assert a.tags == ['VIP', '老客'] and a.values['note'] == '爱喝茶'
    assert parsed.records[2].values['birth_leap'] is True
    assert [(p.row, p.column) for p in parsed.problems] == [(3, '生日'), (4, '旺旺名')]
