"""Real-looking platform exports, written by the tests into tmp_path.

Headers and quirks follow what the platforms really write: Taobao's trailing
spaces in some headers, ="..." order numbers, '138... phones, money with 元,
two date styles; PDD's (元)/(件) headers; Douyin's one row per sub-order.
"""
from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

TAOBAO_HEADERS = [
    '订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '买家支付积分',
    '总金额', '返点积分', '买家实际支付金额', '买家实际支付积分', '订单状态', '买家留言',
    '收货人姓名', '收货地址 ', '运送方式', '联系电话 ', '联系手机', '订单创建时间',
    '订单付款时间 ', '宝贝标题 ', '宝贝种类 ', '物流单号 ', '物流公司', '订单备注', '宝贝总数量',
    '店铺Id', '店铺名称', '订单关闭原因', '卖家服务费', '买家服务费', '发票抬头', '是否手机订单']

# (order no, nick, paid, status, note, receiver, address, phone, created, paid at, count, memo)
TAOBAO_ROWS = [
    ('1930123456789012345', 'tb_小雨点', '598.00元', '交易成功', '周末送到',
     '王小雨', '浙江省 杭州市 西湖区 文三路 478号 华星时代广场(310012)', "'18612345678",
     '2024-01-02 03:04:05', '2024/1/2 3:04', '2', '老客户，送小样'),
    ('1930123456789012346', '李四的店铺123', '12.50', '等待买家付款', '',
     '李四', '北京 北京市 朝阳区 建国路 88号(100022)', '138****1234',
     '2024/1/3 10:00', '', '1', ''),
    ('1930123456789012347', 'tb_张三', '1,234.50元', '买家已付款，等待卖家发货', '发顺丰，谢谢',
     '张三', '广东省 深圳市 南山区 科技园 (518000)', "'13900001111",
     '2024-02-10 21:30:00', '2024-02-10 21:31:15', '3', ''),
    ('1930123456789012348', '赵六', '88.00', '卖家已发货，等待买家确认', '',
     '赵六', '四川省 成都市 武侯区 人民南路四段 1号', '+86 139 0000 2222',
     '2024/2/11 8:05', '2024/2/11 8:06', '1', ''),
    ('1930123456789012349', 'tb_小雨点', '45.00', '交易关闭', '',
     '王小雨', '浙江省 杭州市 西湖区 文三路 478号 华星时代广场(310012)', "'18612345678",
     '2024-03-01 12:00:00', '', '1', '买家不想要了'),
]


def taobao_matrix(rows=TAOBAO_ROWS) -> list[list[str]]:
    """The Taobao 订单报表 as it sits in the CSV: all text."""
    out = [list(TAOBAO_HEADERS)]
    for (no, nick, paid, status, note, receiver, address, phone, created, paid_at, count,
         memo) in rows:
        out.append([f'="{no}"', nick, 'bu***@163.com', paid, '0.00', '0', paid, '0', paid, '0',
                    status, note, receiver, address, '快递', '', phone, created, paid_at,
                    '加厚羊毛衫 秋冬款', '1', f'="YT{no[-6:]}"', '圆通速递', memo, count,
                    '123456789', '掌柜小店', '', '0.00', '0.00', '', '手机订单'])
    return out


def write_csv(path: Path, matrix, encoding: str = 'gbk', delimiter: str = ',') -> Path:
    """As the platforms write: ="..." cells bare, only cells with a separator quoted."""
    with open(path, 'w', encoding=encoding, newline='') as f:
        w = csv.writer(f, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
        for row in matrix:
            if any(c.startswith('="') for c in row):
                f.write(delimiter.join(_bare(c, delimiter) for c in row) + '\r\n')
            else:
                w.writerow(row)
    return path


def _bare(cell: str, delimiter: str) -> str:
    if delimiter in cell or '\n' in cell or cell.startswith('"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_xlsx(path: Path, matrix, sheet: str = 'Sheet1', title: str | None = None) -> Path:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
    for row in matrix:
        ws.append(list(row))
    wb.save(path)
    return path


def taobao_typed(order_numbers_as_text: bool = True) -> list[list]:
    """The same report as 千牛 saves it as xlsx: numbers as numbers, dates as dates.

    19-digit order numbers only survive as text; with `order_numbers_as_text`
    False they are 15-digit numbers, the longest Excel keeps exactly.
    """
    from services.files import cells
    m = taobao_matrix()
    out = [m[0]]
    for k, row in enumerate(m[1:]):
        r = list(row)
        no = cells.ident(r[0])
        r[0] = no if order_numbers_as_text else int('8' + no[-14:])
        for i in (3, 6, 8):
            r[i] = cells.money(r[i]) / 100
        r[16] = int(r[16].lstrip("'")) if r[16].startswith("'") else r[16]
        r[17] = cells.when(r[17])
        r[18] = cells.when(r[18]) if r[18] else None
        r[24] = int(r[24])
        out.append(r)
    return out


PDD_HEADERS = ['商品', '订单号', '订单状态', '商品总价(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)',
               '邮费(元)', '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)', '身份证姓名',
               '收货人', '手机', '是否审核中', '省', '市', '区', '街道', '支付时间', '拼单成功时间',
               '订单确认时间', '承诺发货时间', '发货时间', '确认收货时间', '商品id', '商品规格',
               '商家编码-SKU维度', '商家编码-商品维度', '快递单号', '快递公司', '商家备忘',
               '售后状态', '买家留言']


def pdd_matrix() -> list[list]:
    t = datetime(2024, 5, 20, 20, 13, 14)
    rows = [
        ('儿童保温杯 316不锈钢', '240520-123456789012345', '已签收', 59.9, 49.9, 1, '陈美丽',
         '138****5678', '江苏省', '苏州市', '工业园区', '星湖街 328号', '粉色 500ml', '无售后或售后取消', ''),
        ('儿童保温杯 316不锈钢', '240520-123456789012346', '待发货', 119.8, 109.8, 2, '周杰',
         '139****0001', '河南省', '郑州市', '金水区', '花园路 1号', '蓝色 500ml', '无售后或售后取消', '加急'),
        ('儿童保温杯 316不锈钢', '240520-123456789012347', '已发货，待签收', 59.9, 59.9, 1, '吴芳',
         '137****2222', '湖北省', '武汉市', '洪山区', '珞喻路 1037号', '粉色 500ml', '', ''),
        ('儿童保温杯 316不锈钢', '240520-123456789012348', '已取消', 59.9, 59.9, 1, '吴芳',
         '137****2222', '湖北省', '武汉市', '洪山区', '珞喻路 1037号', '粉色 500ml', '', ''),
        ('儿童保温杯 316不锈钢', '240520-123456789012349', '已签收', 59.9, 54.9, 1, '陈美丽',
         '138****5678', '江苏省', '苏州市', '工业园区', '星湖街 328号', '粉色 500ml', '退款成功', ''),
    ]
    out = [PDD_HEADERS]
    for (title, no, status, total, paid, qty, name, phone, prov, city, dist, street, sku,
         after, note) in rows:
        out.append([title, no, status, total, 5.0, 5.0, 0, paid, paid, qty, '', name, phone, '否',
                    prov, city, dist, street, t, t, t, t, None, None, 612345678901, sku,
                    'BWB-500', 'BWB', '', '', '', after, note])
    return out


DOUYIN_HEADERS = ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商家编码',
                  '商品单价', '订单应付金额', '运费', '支付方式', '收件人', '收件人手机号', '省', '市',
                  '区', '街道', '详细地址', '买家留言', '订单提交时间', '支付完成时间', '订单完成时间',
                  '达人ID', '达人昵称', '订单状态', '售后状态', '取消原因', '商家备注']


def douyin_matrix() -> list[list[str]]:
    """Douyin writes ids with a tab in front so Excel keeps them as text."""
    rows = [
        ('4912345678901234567', '4912345678901234568', '云南小粒咖啡豆 500g', '中度烘焙', '2',
         '39.90', '79.80', '林小姐', '186****6666', '上海市', '上海市', '浦东新区', '张江镇',
         '碧波路 690号', '已完成', '-'),
        ('4912345678901234567', '4912345678901234569', '手冲滤纸 100张', '默认', '1',
         '9.90', '9.90', '林小姐', '186****6666', '上海市', '上海市', '浦东新区', '张江镇',
         '碧波路 690号', '已完成', '-'),
        ('4912345678901234570', '4912345678901234571', '云南小粒咖啡豆 500g', '深度烘焙', '1',
         '39.90', '39.90', '黄先生', '135****7777', '福建省', '厦门市', '思明区', '鹭江街道',
         '鹭江道 8号', '待发货', '-'),
        ('4912345678901234572', '4912345678901234573', '云南小粒咖啡豆 500g', '中度烘焙', '1',
         '39.90', '39.90', '黄先生', '135****7777', '福建省', '厦门市', '思明区', '鹭江街道',
         '鹭江道 8号', '已关闭', '退款成功'),
        ('4912345678901234574', '4912345678901234575', '云南小粒咖啡豆 500g', '中度烘焙', '1',
         '39.90', '39.90', '林小姐', '186****6666', '上海市', '上海市', '浦东新区', '张江镇',
         '碧波路 690号', '已完成', '退款成功'),
        ('4912345678901234574', '4912345678901234576', '手冲滤纸 100张', '默认', '1',
         '9.90', '9.90', '林小姐', '186****6666', '上海市', '上海市', '浦东新区', '张江镇',
         '碧波路 690号', '已完成', '-'),
    ]
    out = [DOUYIN_HEADERS]
    for (main, sub, title, sku, qty, price, paid, name, phone, prov, city, dist, street, detail,
         status, after) in rows:
        out.append(['\t' + main, '\t' + sub, title, sku, qty, '\t3601234567', 'KFD-500', price,
                    paid, '0.00', '微信', name, phone, prov, city, dist, street, detail, '-',
                    '2024/06/18 00:01:02', '2024/06/18 00:01:30', '-', '\t' + '7012345', '咖啡达人小美',
                    status, after, '-', '-'])
    return out
