"""Rows of a table into OrderRecords, given which column holds which field.

Shared by the platform readers (fixed headers) and the mapping step (the owner's
choice). A bad required cell (order number, buyer, amount) skips the row with a
Problem; any other bad cell is reported and left empty.

Work goes column by column: one normaliser over a whole column costs a fraction
of calling through per-cell layers, which matters at 100,000 rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Callable

from ..importing.records import LineRecord, OrderRecord, ParsedFile, Problem
from ..tasks import check
from . import cells
from .statuses import CLOSED, COMPLETED, PAID, REFUNDED, merge_states
from ..tasks import gc_paused

FIELD_LABELS = {
    'order_no': '订单号', 'nick': '买家', 'amount': '实付金额', 'status': '订单状态',
    'aftersale': '售后状态', 'created_at': '下单时间', 'paid_at': '付款时间',
    'receiver': '收货人', 'phone': '手机', 'address': '收货地址', 'province': '省',
    'city': '市', 'district': '区', 'street': '街道', 'detail': '详细地址',
    'item_count': '商品数量', 'buyer_note': '买家留言', 'seller_note': '卖家备注',
    'sub_order_no': '子订单号', 'title': '商品名称', 'sku': '商品规格', 'code': '商家编码',
    'price': '单价', 'quantity': '购买数量', 'line_amount': '商品金额',
}
CONVERTERS = {
    'order_no': cells.ident, 'sub_order_no': cells.ident, 'code': cells.ident,
    'amount': cells.money, 'price': cells.money, 'line_amount': cells.money,
    'created_at': cells.when, 'paid_at': cells.when, 'phone': cells.phone,
    'item_count': cells.integer, 'quantity': cells.integer,
}
REQUIRED = ('order_no', 'nick', 'amount')
PLATFORM_EXPORTS = frozenset(('taobao', 'tmall', 'pdd', 'douyin'))
_SKIP = '，这一行没有导入'


@dataclass
class Plan:
    """Where each field is read from: field -> column indexes, first non-blank wins."""
    platform: str
    columns: dict[str, list[int]]
    status_of: Callable[[str, str], tuple[str, bool]]   # (text, aftersale) -> (state, known)
    group_lines: bool = False          # one row per sub-order (Douyin): rows merge by order_no
    nick_from_receiver: bool = False   # no buyer id in the file: receiver + phone stand in
    lines_only: bool = False           # 宝贝报表: records carry lines and nothing else
    notes: list[str] = field(default_factory=list)


def build(table, plan: Plan, file_label: str = '', cancelled=None, progress=None) -> ParsedFile:
    with gc_paused():
        return _Build(table, plan, file_label or Path(table.path).name,
                      cancelled, progress).run()


class _Build:
    def __init__(self, table, plan, label, cancelled, progress):
        self.table, self.plan, self.label = table, plan, label
        self.cancelled, self.progress = cancelled, progress
        self.headers = table.raw_headers or table.headers
        self.n = len(table.rows)
        self.problems: list[tuple[int, int, Problem]] = []
        self.skip: set[int] = set()
        self.unknown_states: set[str] = set()
        self.blank_states = 0
        self.done, self.steps = 0, len(plan.columns) + 1

    # --- columns ----------------------------------------------------------
    def raw(self, name):
        """The field's cells, blanks filled from the next candidate column; None if absent."""
        idx = self.plan.columns.get(name)
        if not idx:
            return None, None
        check(self.cancelled)
        self.done += 1
        if self.progress is not None:          # progress in rows' worth of columns read
            self.progress(min(self.n * self.done // self.steps, self.n), self.n)
        rows = self.table.rows
        first = idx[0]
        col = list(map(itemgetter(first), rows))
        source = None
        nulls = cells.NULLS
        for other in idx[1:]:
            if nulls.isdisjoint(col) and None not in col:
                break
            empty = [k for k, v in enumerate(col) if v is None or v in nulls
                     or v.__class__ is str and v.strip() in nulls]
            if not empty:
                break
            source = source or {}
            for k in empty:
                v = rows[k][other]
                if v is not None and v != '':
                    col[k] = v
                    source[k] = other
        return col, (first, source)

    def texts(self, name) -> list[str] | None:
        col, _ = self.raw(name)
        return None if col is None else cells.text_column(col)

    def values(self, name, required=False) -> list | None:
        """The field normalised; bad cells become None and a Problem (or skip the row)."""
        col, where = self.raw(name)
        if col is None:
            return None
        if name in CONVERTERS:
            out, errors = cells.convert_column(CONVERTERS[name], col)
        else:
            out, errors = cells.text_column(col), {}
        for k, message in errors.items():
            self._problem(k, where, message + (_SKIP if required else ''))
            if required:
                self.skip.add(k)
        if required and (None in out or '' in out):
            for k, v in enumerate(out):
                if (v is None or v == '') and k not in errors:
                    self._problem(k, where, f'{FIELD_LABELS[name]}是空的{_SKIP}')
                    self.skip.add(k)
        return out

    def _problem(self, k, where, message, index=None):
        if index is None:
            first, source = where
            index = source.get(k, first) if source else first
        column = self.headers[index] if 0 <= index < len(self.headers) else ''
        rownum = self.table.row_numbers[k]
        self.problems.append((rownum, index, Problem(self.label, rownum, column, message)))

    # --- records ----------------------------------------------------------
    def run(self) -> ParsedFile:
        n = self.n
        order_no = self._order_numbers()
        if self.plan.lines_only:
            records = self._line_shells(order_no, self._lines([None] * n, [None] * n))
            return self._result(records, 'lines', [])
        receiver = self.texts('receiver') or [''] * n
        phone = self.values('phone') or [None] * n
        nick = self._nicks(receiver, phone)
        amount = self.values('amount', required=True)
        count = self.values('item_count') or [None] * n
        lines = self._lines(amount, count) if 'title' in self.plan.columns else None
        status = self.texts('status') or [''] * n
        after = self.texts('aftersale') or [''] * n
        decided = {p: self.plan.status_of(*p) for p in set(zip(status, after))}
        states = [decided[p][0] for p in zip(status, after)]
        self.unknown_states = {p[0] for p, (_, known) in decided.items() if not known}
        if 'status' in self.plan.columns and self.plan.platform in PLATFORM_EXPORTS:
            # An owner's own sheet with no status is a sale made; a blank cell in a
            # platform's status column is not a finished sale.
            blank = [k for k, (s, a) in enumerate(zip(status, after))
                     if not s.strip() and states[k] == COMPLETED]
            for k in blank:
                states[k] = PAID
            self.blank_states = len(blank)
        created = self.values('created_at') or [None] * n
        paid = self.values('paid_at') or [None] * n
        address, province, city = self._addresses()
        bnote = self.texts('buyer_note') or [''] * n
        snote = self.texts('seller_note') or [''] * n
        phone = [p or '' for p in phone]
        count = [c or 0 for c in count]
        line_lists = ([[ln] if ln else [] for ln in lines] if lines
                      else [[] for _ in range(n)])
        # map() over columns: the per-row loop runs in C, only __init__ is Python.
        records = list(map(OrderRecord, repeat(self.plan.platform, n), order_no, nick, states,
                           status, amount, created, paid, receiver, phone, address, province,
                           city, count, bnote, snote, line_lists, self.table.row_numbers))
        skip = self.skip
        keep = range(n) if not skip else [k for k in range(n) if k not in skip]
        if skip:
            records = [records[k] for k in keep]
        if self.plan.group_lines:
            sub = self.texts('sub_order_no') or [''] * n
            records, dups = _group(records, [sub[k] for k in keep])
        else:
            records, dups = _last_wins(records)
        return self._result(records, 'orders', dups)

    def _order_numbers(self) -> list:
        out = self.values('order_no', required=True)
        if '0' in out:
            # An old .xls keeps ="..." cells as formulas whose text result some readers
            # cannot see: every order number then reads as 0 and would merge into one.
            idx = self.plan.columns['order_no'][0]
            for k in [k for k, v in enumerate(out) if v == '0']:
                self._problem(k, None, f'订单号读出来是 0（多半是公式没有保存结果，请用 Excel 打开后'
                                       f'另存为 xlsx 再导入）{_SKIP}', index=idx)
                self.skip.add(k)
        return out

    def _nicks(self, receiver, phone) -> list[str]:
        if not (self.plan.nick_from_receiver and 'nick' not in self.plan.columns):
            return self.values('nick', required=True)
        out = []
        for k, (r, p) in enumerate(zip(receiver, phone)):
            key = _receiver_key(r, p or '')
            if not key and k not in self.skip:
                idx = self.plan.columns.get('receiver', [-1])[0]
                self._problem(k, None, f'没有收货人，认不出是哪位买家{_SKIP}', index=idx)
                self.skip.add(k)
            out.append(key)
        return out

    def _addresses(self):
        n = self.n
        address = self.texts('address')
        province = self.texts('province')
        city = self.texts('city')
        if address is None:
            parts = [p for p in (province, city, self.texts('district'), self.texts('street'),
                                 self.texts('detail')) if p is not None]
            address = [' '.join(x for x in xs if x) for xs in zip(*parts)] if parts else [''] * n
        if province is None:
            # Taobao writes "浙江省 杭州市 西湖区 ..." / "北京 北京市 朝阳区 ...".
            heads = [a.split(None, 2) for a in address]
            ok = [len(p) >= 2 and (p[0].endswith(_PROVINCE_ENDS) or
                                   len(p) >= 3 and p[1].endswith(_CITY_ENDS)) for p in heads]
            province = [p[0] if good else '' for p, good in zip(heads, ok)]
            city = city or [p[1] if good else '' for p, good in zip(heads, ok)]
        return address, province, city or [''] * n

    def _lines(self, paid, count) -> list[LineRecord | None]:
        """One line per row; without a line amount the row's own paid amount stands in,
        without a line quantity the row's item count."""
        n = self.n
        title = self.texts('title')
        qty = self.values('quantity') or count
        price = self.values('price') or [None] * n
        amount = self.values('line_amount') or [None] * n
        sku = self.texts('sku') or [''] * n
        code = self.values('code') or [None] * n
        out = []
        for k in range(n):
            if not title[k]:
                out.append(None)
                continue
            q = 1 if qty[k] is None else qty[k]
            p, a = price[k], amount[k]
            if a is None:
                a = p * q if p is not None else (paid[k] or 0)
            if p is None:
                p = round(a / q) if q else a
            out.append(LineRecord(title[k], q, p, a, sku[k], code[k] or ''))
        return out

    def _line_shells(self, order_no, lines) -> list[OrderRecord]:
        by_no: dict[str, OrderRecord] = {}
        numbers = self.table.row_numbers
        for k in range(self.n):
            if k in self.skip or not lines or lines[k] is None:
                continue
            rec = by_no.get(order_no[k])
            if rec is None:
                rec = by_no[order_no[k]] = OrderRecord(self.plan.platform, order_no[k], '', '',
                                                       '', 0, row=numbers[k])
            rec.lines.append(lines[k])
        return list(by_no.values())

    def _result(self, records, kind, dups) -> ParsedFile:
        notes = list(self.plan.notes)
        if dups:
            shown = '、'.join(dups[:3]) + ('等' if len(dups) > 3 else '')
            notes.append(f'有 {len(dups)} 行的订单号与前面的行重复（{shown}），以文件中最后一行为准。')
        if self.blank_states:
            notes.append(f'有 {self.blank_states} 行订单状态为空，按“已付款”导入，不计入消费。')
        if self.unknown_states:
            shown = '、'.join(sorted(self.unknown_states)[:5])
            notes.append(f'不认识的订单状态：{shown}；这些订单按“已付款”导入，不计入消费。')
        self.problems.sort(key=lambda p: (p[0], p[1]))
        if self.progress is not None:
            self.progress(self.n, self.n)
        return ParsedFile(path=self.table.path, kind=kind, platform=self.plan.platform,
                          headers=list(self.headers), rows_read=self.n, records=records,
                          problems=[p for _, _, p in self.problems], notes=notes)


def _last_wins(records):
    by_no: dict[str, OrderRecord] = {}
    dups = []
    for rec in records:
        if rec.order_no in by_no:
            dups.append(rec.order_no)
            del by_no[rec.order_no]          # re-insert: the order sits where its last row is
        by_no[rec.order_no] = rec
    return list(by_no.values()), dups


def _group(records, sub_nos):
    """Douyin: rows are sub-orders; an order is their sum, its state the most advanced.

    Closed or refunded sub-orders do not add to the amount while another part lives.
    """
    groups: dict[str, dict] = {}
    dups = []
    for rec, sub_no in zip(records, sub_nos):
        subs = groups.setdefault(rec.order_no, {})
        key = sub_no or f'#{rec.row}'
        if key in subs:
            dups.append(f'{rec.order_no}/{key}')
            del subs[key]
        subs[key] = rec
    out = []
    for subs in groups.values():
        parts = list(subs.values())
        head = parts[0]
        live = [r for r in parts if r.status not in (CLOSED, REFUNDED)] or parts
        out.append(OrderRecord(
            head.platform, head.order_no, head.nick, merge_states([r.status for r in parts]),
            '/'.join(dict.fromkeys(r.status_text for r in parts if r.status_text)),
            sum(r.amount for r in live), head.created_at, head.paid_at, head.receiver,
            head.phone, head.address, head.province, head.city,
            sum(r.item_count or sum(ln.quantity for ln in r.lines) for r in parts),
            head.buyer_note, head.seller_note, [ln for r in parts for ln in r.lines], head.row))
    return out, dups


def _receiver_key(receiver: str, phone: str) -> str:
    """A stable buyer key for exports without a buyer id: 收货人/手机.

    A masked phone alone must never identify a buyer, so the receiver is required.
    """
    if not receiver:
        return ''
    return f'{receiver}/{phone}' if phone else receiver


_PROVINCE_ENDS = ('省', '市', '自治区', '特别行政区')
# "北京 北京市 朝阳区", "广西 南宁市 ...": short province names before a city.
_CITY_ENDS = ('市', '州', '盟', '地区')
