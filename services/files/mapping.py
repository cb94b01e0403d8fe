"""Any other sheet through a column mapping: propose one from the headers, then read.

The engine shows the proposal, the owner corrects it, and the engine remembers
it under `mapping_key(headers)` for the next file with the same headers.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import UserError
from ..importing.records import MemberRecord, ParsedFile, Problem
from ..tasks import check
from . import cells
from .member_sheet import parse_birthday, parse_gender, parse_tags
from .order_rows import FIELD_LABELS, Plan, build
from .statuses import status_for
from .table_reader import clean_header

# field -> header words, most telling first. Exact matches win over "contains".
ORDER_SYNONYMS = {
    'order_no': ('订单编号', '订单号', '主订单编号', '订单ID', '单号', '交易号', '交易编号',
                 '订单'),
    'nick': ('买家会员名', '买家昵称', '会员名', '旺旺', '旺旺名', '买家旺旺', '买家账号', '买家ID',
             '用户昵称', '用户名', '昵称', '客户名称', '客户', '买家', '会员', '顾客'),
    'amount': ('实付金额', '买家实际支付金额', '实付', '付款金额', '支付金额', '实收金额',
               '成交金额', '订单金额', '总金额', '应付金额', '金额', '合计', '总价'),
    'status': ('订单状态', '交易状态', '状态'),
    'aftersale': ('售后状态', '退款状态'),
    'created_at': ('下单时间', '订单创建时间', '创建时间', '订单时间', '成交时间', '日期', '时间'),
    'paid_at': ('付款时间', '支付时间', '订单付款时间', '支付完成时间'),
    'receiver': ('收货人', '收货人姓名', '收件人', '姓名', '联系人'),
    'phone': ('手机', '手机号', '手机号码', '联系手机', '联系电话', '电话', '收货人手机',
              '收件人手机号', '电话号码'),
    'address': ('收货地址', '地址', '详细地址', '收件地址'),
    'province': ('省', '省份'),
    'city': ('市', '城市'),
    'item_count': ('商品数量', '宝贝总数量', '件数', '数量', '购买数量'),
    'buyer_note': ('买家留言', '留言'),
    'seller_note': ('卖家备注', '商家备注', '订单备注', '备注'),
    'title': ('商品名称', '商品', '宝贝标题', '标题', '品名', '产品'),
    'sku': ('商品规格', '规格', 'SKU', '商品属性'),
    'code': ('商家编码', '商品编码', '货号', '编码'),
    'price': ('单价', '价格', '商品单价'),
}
MEMBER_SYNONYMS = {
    'nick': ('买家会员名', '会员名', '旺旺', '旺旺名', '买家昵称', '买家账号', '昵称', '用户名',
             '客户名称', '会员'),
    'name': ('姓名', '真实姓名', '收货人', '客户姓名', '名字'),
    'phone': ('手机', '手机号', '手机号码', '联系电话', '电话', '联系手机'),
    'phone2': ('备用电话', '电话2', '手机2', '其他电话'),
    'wechat': ('微信', '微信号'),
    'gender': ('性别',),
    'birthday': ('生日', '出生日期', '生日日期'),
    'province': ('省', '省份'),
    'city': ('市', '城市'),
    'address': ('地址', '收货地址', '详细地址'),
    'source': ('来源', '渠道'),
    'note': ('备注', '说明'),
    'tags': ('标签',),
}
SYNONYMS = {'orders': ORDER_SYNONYMS, 'members': MEMBER_SYNONYMS}
MEMBER_LABELS = {'nick': '买家会员名', 'name': '姓名', 'phone': '手机', 'phone2': '备用电话',
                 'wechat': '微信', 'gender': '性别', 'birthday': '生日', 'province': '省',
                 'city': '市', 'address': '地址', 'source': '来源', 'note': '备注',
                 'tags': '标签'}
# Words too general to match inside a longer header, and headers no field should guess.
_EXACT_ONLY = frozenset(('时间', '日期', '订单', '客户', '买家', '会员', '金额', '状态', '编码',
                         '备注', '留言', '数量'))
_NOT_THIS = re.compile(r'优惠|折扣|邮费|运费|退款|佣金|服务费|积分|红包')
PLATFORMS = ('taobao', 'tmall', 'pdd', 'douyin', 'store', 'other')


def mapping_key(headers) -> str:
    """Same key for the same set of headers, whatever their spacing or order."""
    names = sorted({clean_header(h) for h in headers} - {''})
    return hashlib.sha1('\x1f'.join(names).encode('utf-8')).hexdigest()[:16]


def propose_mapping(headers, target: str = 'orders') -> dict[str, str]:
    """field -> header (cleaned, as in Table.headers) for the columns that look right."""
    synonyms = SYNONYMS[target]
    clean = [clean_header(h) for h in headers]
    taken: set[str] = set()
    out: dict[str, str] = {}
    for exact in (True, False):
        for f, words in synonyms.items():
            if f in out:
                continue
            for w in words:
                if not exact and (len(w) < 2 or w in _EXACT_ONLY):
                    continue
                hit = next((h for h in clean if h and h not in taken and
                            (h.lower() == w.lower() if exact else
                             w.lower() in h.lower() and not _NOT_THIS.search(h))), None)
                if hit:
                    out[f] = hit
                    taken.add(hit)
                    break
    return out


def parse_with_mapping(table, mapping: dict[str, str], target: str = 'orders',
                       platform: str = 'other', file_label: str = '', cancelled=None,
                       progress=None) -> ParsedFile:
    """Read a table with the owner's mapping (field -> header) as orders or members.

    Orders need order_no, nick and amount mapped; members need nick. Members come
    out as MemberRecord.values keyed by CustomerProfile field (birthday spread into
    birth_kind/year/month/day/leap), only for the non-blank cells.
    """
    label = file_label or Path(table.path).name
    where = {}
    for i, h in enumerate(table.headers):
        where.setdefault(h, i)
    cols = {f: [where[clean_header(h)]] for f, h in mapping.items()
            if h and clean_header(h) in where}
    platform = platform if platform in PLATFORMS else 'other'
    if target == 'members':
        if 'nick' not in cols:
            raise UserError(f'「{label}」没有可用的列：找不到“买家会员名”，请在列对应里指定哪一列是买家。')
        return _members(table, cols, platform, label, cancelled)
    missing = [FIELD_LABELS[f] for f in ('order_no', 'nick', 'amount') if f not in cols]
    if missing:
        raise UserError(f'「{label}」没有可用的列：找不到{"、".join(missing)}，'
                        '请在列对应里指定。')
    plan = Plan(platform=platform, columns=cols, status_of=status_for(platform))
    return build(table, plan, label, cancelled, progress)


def _members(table, cols, platform, label, cancelled) -> ParsedFile:
    headers = table.raw_headers or table.headers
    records, problems = [], []
    for n, (row, rownum) in enumerate(zip(table.rows, table.row_numbers)):
        if n % 5000 == 0:
            check(cancelled)
        values, tags, bad = {}, None, False
        for f, (i,) in cols.items():
            try:
                v = _member_value(f, row[i])
            except ValueError as e:
                problems.append(Problem(label, rownum, headers[i], str(e)))
                bad = f == 'nick'
                continue
            # A blank cell in someone else's sheet means "not known here": it fills
            # nothing in and clears nothing the shop already has.
            if f == 'tags':
                tags = v or None
            elif f == 'birthday':
                values.update(v or {})
            elif v:
                values[f] = v
        nick = values.pop('nick', '')
        if bad:
            continue
        if not nick:
            problems.append(Problem(label, rownum, headers[cols['nick'][0]],
                                    '买家会员名是空的，这一行没有导入'))
            continue
        records.append(MemberRecord(platform=platform, nick=nick, values=values, tags=tags,
                                    row=rownum))
    return ParsedFile(path=table.path, kind='members', platform=platform,
                      headers=list(headers), rows_read=len(table.rows), records=records,
                      problems=problems)


def _member_value(f: str, raw):
    if f in ('phone', 'phone2'):
        return cells.phone(raw) or ''
    if f == 'wechat':
        return cells.ident(raw) or ''
    # One reading of genders, birthdays and tag lists for every sheet: the member sheet's.
    if f == 'gender':
        return parse_gender(cells.text(raw))
    if f == 'birthday':
        return None if cells.blank(raw) else parse_birthday(raw, '')
    if f == 'tags':
        return parse_tags(cells.text(raw))
    return cells.text(raw)


