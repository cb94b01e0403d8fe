"""Platform order exports recognised by their headers, and read into OrderRecords.

Headers are compared after `table_reader.clean_header` (no spaces, plain
brackets), so `收货地址 ` and `用户实付金额（元）` match. Each field lists the
headers it may come from, best first; the first non-blank cell wins per row.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..importing.records import ParsedFile
from .order_rows import FIELD_LABELS, Plan, build
from .statuses import status_for
from ..tasks import gc_paused
from .table_reader import clean_header, read_table

KINDS = ('taobao', 'taobao_lines', 'pdd', 'douyin', 'members', 'generic')
PLATFORM_NAMES = {'taobao': '淘宝', 'tmall': '天猫', 'pdd': '拼多多', 'douyin': '抖店'}

# Taobao/Tmall 订单报表 (卖家中心 > 已卖出的宝贝 > 批量导出).
TAOBAO = {
    'order_no': ('订单编号',),
    'nick': ('买家会员名', '买家昵称'),
    # What the buyer paid; 总金额 / 应付 stand in where a version lacks the column.
    'amount': ('买家实际支付金额', '总金额', '买家应付货款'),
    'status': ('订单状态',),
    'created_at': ('订单创建时间',),
    'paid_at': ('订单付款时间',),
    'receiver': ('收货人姓名',),
    'phone': ('联系手机', '联系电话'),
    'address': ('收货地址',),
    'item_count': ('宝贝总数量',),
    'buyer_note': ('买家留言',),
    'seller_note': ('订单备注', '商家备注', '卖家备注'),
}
# Taobao 宝贝报表: one row per item of an order.
TAOBAO_LINES = {
    'order_no': ('订单编号',),
    'title': ('标题', '宝贝标题'),
    'price': ('价格', '单价'),
    'quantity': ('购买数量', '数量'),
    'code': ('商家编码', '外部系统编号'),
    'sku': ('商品属性', '套餐信息'),
}
# Pinduoduo 商家后台 order export: one row per order, one product each.
PDD = {
    'order_no': ('订单号',),
    # PDD does not export the buyer's account; a user id or nick is used when a
    # version has one, else 收货人/手机 (see order_rows._receiver_key).
    'nick': ('用户ID', '买家ID', '用户昵称', '买家昵称'),
    'amount': ('用户实付金额(元)', '用户实付金额', '实收金额(元)', '商家实收金额(元)'),
    'status': ('订单状态',),
    'aftersale': ('售后状态',),
    'created_at': ('订单成交时间', '拼单成功时间', '支付时间'),
    'paid_at': ('支付时间', '订单成交时间'),
    'receiver': ('收货人',),
    'phone': ('手机', '收货人手机号', '手机号'),
    'address': ('收货地址',),
    'province': ('省',), 'city': ('市',), 'district': ('区',), 'street': ('街道',),
    'detail': ('详细地址',),
    'item_count': ('商品数量(件)', '商品数量'),
    'buyer_note': ('买家留言',),
    'seller_note': ('商家备忘', '商家备注'),
    'title': ('商品', '商品名称'),
    'sku': ('商品规格',),
    'code': ('商家编码-SKU维度', '商家编码-商品维度', '样式ID', '商品id'),
    'line_amount': ('商品总价(元)',),     # the line's quantity is item_count (one product)
}
# Douyin 抖店 order export: one row per sub-order, grouped by 主订单编号.
DOUYIN = {
    'order_no': ('主订单编号',),
    'sub_order_no': ('子订单编号',),
    'nick': ('用户昵称', '买家昵称', '用户ID', '买家ID'),
    'amount': ('订单应付金额', '订单实付金额', '实付金额', '应付金额'),
    'status': ('订单状态',),
    'aftersale': ('售后状态',),
    'created_at': ('订单提交时间', '下单时间'),
    'paid_at': ('支付完成时间', '支付时间'),
    'receiver': ('收件人', '收货人'),
    'phone': ('收件人手机号', '收件人电话', '手机号'),
    'province': ('省',), 'city': ('市',), 'district': ('区',), 'street': ('街道',),
    'detail': ('详细地址',),
    'item_count': ('商品数量',),
    'buyer_note': ('买家留言',),
    'seller_note': ('商家备注',),
    'title': ('选购商品', '商品名称'),
    'sku': ('商品规格',),
    'code': ('商家编码', '商品ID'),
    'price': ('商品单价', '商品金额'),      # per unit; the line's quantity is item_count
}
SPECS = {'taobao': TAOBAO, 'tmall': TAOBAO, 'taobao_lines': TAOBAO_LINES, 'pdd': PDD,
         'douyin': DOUYIN}
REQUIRED = ('order_no', 'nick', 'amount')
# A sheet with 买家会员名 and none of these is a member sheet.
ORDER_MARKERS = frozenset(('订单编号', '订单号', '主订单编号', '子订单编号', '订单状态',
                           '买家实际支付金额', '买家应付货款', '订单创建时间', '订单付款时间',
                           '用户实付金额(元)', '订单应付金额', '标题', '购买数量'))
# Some Taobao versions say which kind of shop sold; 天猫 shops are platform 'tmall'.
SHOP_TYPE_HEADERS = ('店铺类型', '商城类型', '是否天猫', '平台类型')


def detect_kind(headers) -> str:
    """What a sheet is, from its headers: one of KINDS."""
    h = {clean_header(x) for x in headers}
    if '主订单编号' in h and ('子订单编号' in h or '选购商品' in h or '订单应付金额' in h):
        return 'douyin'
    if '订单号' in h and h & {'用户实付金额(元)', '商品数量(件)', '商家实收金额(元)',
                             '商家备忘', '拼单成功时间'}:
        return 'pdd'
    if '订单编号' in h and h & {'买家会员名', '买家昵称'} and h & {
            '买家实际支付金额', '买家应付货款', '总金额', '订单状态'}:
        return 'taobao'
    if '订单编号' in h and '标题' in h and '购买数量' in h:
        return 'taobao_lines'
    if '买家会员名' in h and not h & ORDER_MARKERS:
        return 'members'
    return 'generic'


def columns_for(headers: list[str], spec: dict) -> dict[str, list[int]]:
    """field -> indexes of the headers present, in the spec's order of preference."""
    where: dict[str, int] = {}
    for i, h in enumerate(headers):
        where.setdefault(h, i)
    return {f: [where[n] for n in names if n in where] for f, names in spec.items()
            if any(n in where for n in names)}


def parse_orders(table, platform: str = 'auto', file_label: str = '', cancelled=None,
                 progress=None) -> ParsedFile:
    """Orders from a platform export: ParsedFile(kind='orders').

    platform: 'auto' detects from the headers; 'taobao', 'tmall', 'pdd', 'douyin'
    force one; 'generic' (or 'store'/'other') reads through a proposed mapping.
    A Taobao 宝贝报表 gives kind 'lines' (records with order_no and lines only;
    see join_lines). A file whose headers fit nothing usable is refused with a
    UserError naming the file.
    """
    label = file_label or Path(table.path).name
    kind = detect_kind(table.headers) if platform in ('auto', '', None) else platform
    if kind == 'members':
        raise UserError(f'「{label}」是会员表，不是订单表，请按会员表导入。')
    if kind in ('generic', 'store', 'other'):
        from .mapping import parse_with_mapping, propose_mapping
        mapping = propose_mapping(table.headers, 'orders')
        return parse_with_mapping(table, mapping, 'orders',
                                  'other' if kind == 'generic' else kind, label,
                                  cancelled, progress)
    if kind not in SPECS:
        raise UserError(f'「{label}」：不认识的平台“{kind}”。')
    spec = SPECS[kind]
    cols = columns_for(table.headers, spec)
    required = ('order_no', 'title') if kind == 'taobao_lines' else REQUIRED
    if kind in ('pdd', 'douyin'):
        required = ('order_no', 'amount', 'receiver') if 'nick' not in cols else REQUIRED
    missing = [f for f in required if f not in cols]
    if missing:
        names = '、'.join(spec.get(f, (FIELD_LABELS[f],))[0] for f in missing)
        what = PLATFORM_NAMES.get(kind, '淘宝宝贝报表' if kind == 'taobao_lines' else kind)
        raise UserError(f'「{label}」不像{what}导出的订单表：缺少“{names}”列。')
    real = 'taobao' if kind == 'taobao_lines' else kind
    notes = []
    if kind == 'taobao' and platform in ('auto', '', None) and _is_tmall(table):
        real = 'tmall'
    if kind in ('pdd', 'douyin') and 'nick' not in cols:
        notes.append('文件里没有买家账号，按“收货人/手机”区分买家。')
    plan = Plan(platform=real, columns=cols, status_of=status_for(real),
                group_lines=kind == 'douyin', nick_from_receiver=kind in ('pdd', 'douyin'),
                lines_only=kind == 'taobao_lines', notes=notes)
    return build(table, plan, label, cancelled, progress)


def read_orders(path, platform: str = 'auto', file_label: str = '', cancelled=None,
                progress=None) -> ParsedFile:
    """check_file + read_table + parse_orders in one go, for the import engine.

    The cyclic GC stays paused across both steps and the Table is dropped before
    it resumes, so the collector never walks 100,000 rows it has no business with.
    """
    def first_half(done, total):
        progress(done, 2 * total)

    def second_half(done, total):
        progress(total + done, 2 * total)
    with gc_paused():
        table = read_table(path, None, first_half if progress else None, cancelled)
        parsed = parse_orders(table, platform, file_label, cancelled,
                              second_half if progress else None)
        del table
    return parsed


def parse_lines(table, file_label: str = '', cancelled=None, progress=None) -> ParsedFile:
    """A Taobao 宝贝报表: records carry order_no and lines only (kind 'lines')."""
    return parse_orders(table, 'taobao_lines', file_label, cancelled, progress)


def _is_tmall(table) -> bool:
    for name in SHOP_TYPE_HEADERS:
        i = table.column(name)
        if i is None:
            continue
        for row in table.rows[:50]:
            v = str(row[i] or '').strip().lower()
            if v:
                return '天猫' in v or v in ('b', 'tmall', '是', 'b店', '商城')
    return False


def join_lines(orders: ParsedFile, lines: ParsedFile) -> ParsedFile:
    """Attach 宝贝报表 lines to the orders with the same order number, in place."""
    by_no = {r.order_no: r for r in orders.records}
    joined = missing = 0
    for rec in lines.records:
        order = by_no.get(rec.order_no)
        if order is None:
            missing += 1
            continue
        order.lines = list(rec.lines)
        joined += 1
    note = f'已从「{Path(lines.path).name}」补上 {joined} 个订单的商品明细'
    if missing:
        note += f'；{missing} 个订单不在订单报表里，其明细没有用上'
    orders.notes.append(note + '。')
    orders.problems.extend(lines.problems)
    return orders
