"""The SMS platform's opt-out report into the do-not-contact list.

Platforms export the numbers that replied R / TD / 退订 as a sheet or CSV, often
with the reply text and time. The phone column is found by its header (手机号,
号码, 电话, mobile ...) or else by its content (the column holding the most mobile
numbers); a file without a header row (numbers only) is read too. Numbers lose
spaces, dashes and +86 / 0086; a masked number (138****1234) cannot be matched to
anyone and is reported, as is anything that is not an 11-digit mobile. When the
file has a reply column, only replies that say no (R, TD, T, N, 退订, 拒收, 取消 ...)
count; other replies are reported as skipped.

One transaction: the whole file goes in or nothing does. Importing it again adds
nothing (numbers already on the list are counted as such).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from models import db, now
from models.consent import REPORT, SMS, OptOut

from ..chunking import chunks
from ..errors import UserError
from ..files import cells
from ..files.safety import check_file
from ..files.table_reader import Table, read_table
from ..importing.sqlbulk import insert_rows
from ..privacy import full_mobile, is_masked
from ..tasks import IsCancelled, Progress, check
from .optouts import _check_channel, count_opted_out

_PHONE_HEADERS = ('手机号码', '手机号', '手机', '电话号码', '电话', '号码', '用户号码', '回复号码',
                  '接收号码', '发送号码', 'mobile', 'phone', 'tel')
_REPLY_HEADERS = ('回复内容', '上行内容', '回复', '内容', 'reply', 'content', 'message')
_TIME_HEADERS = ('回复时间', '上行时间', '时间', '日期', 'time', 'date')
_NO_WORDS = frozenset(('r', 'td', 't', 'n', 'q', 'tdn', 'stop', 'unsubscribe', '0000', '00000',
                       '退', '退订', '拒收', '取消', '不要', '退订短信', '取消订阅'))
_NO_PHRASES = re.compile(r'退订|拒收|取消订阅|不要再发|别再发|别发|不要发|勿扰|^\s*(?:td|r)\b',
                         re.IGNORECASE)
_TRIM = '\'"“”‘’ 。.！!，,'
MAX_LISTED = 200          # rows listed per kind of problem; the count is always complete


@dataclass
class ReportResult:
    path: str
    rows: int = 0                   # data rows read
    added: int = 0                  # numbers new on the list
    already: int = 0                # on the list before, or repeated in the file
    buyers: int = 0                 # live buyers opted out by this import
    not_opt_out: int = 0            # replies that do not say no
    masked: list = field(default_factory=list)       # (row, text): cannot be matched
    invalid: list = field(default_factory=list)      # (row, text): not a mobile number
    masked_count: int = 0
    invalid_count: int = 0
    phone_column: str = ''


def is_opt_out_reply(text: str) -> bool:
    s = (text or '').strip().strip(_TRIM).lower()
    return s in _NO_WORDS or bool(_NO_PHRASES.search(s))


def _header_index(headers: list[str], names) -> int | None:
    lowered = [h.lower() for h in headers]
    for name in names:
        for i, h in enumerate(lowered):
            if h == name.lower():
                return i
    for name in names:
        for i, h in enumerate(lowered):
            if name.lower() in h:
                return i
    return None


def _phoneish(v) -> bool:
    s = cells.unwrap(v)
    return bool(full_mobile(s)) or (is_masked(s) and 7 <= len(s) <= 20)


def _phone_column(table: Table) -> int | None:
    i = _header_index(table.headers, _PHONE_HEADERS)
    if i is not None and any(_phoneish(r[i]) for r in table.rows[:200]):
        return i
    best, best_n = None, 0
    for col in range(len(table.headers)):
        n = sum(1 for r in table.rows[:500] if _phoneish(r[col]))
        if n > best_n:
            best, best_n = col, n
    return best


def _table(path) -> Table:
    """The file as a table; a numbers-only file (no header row) becomes one column."""
    kind = check_file(path)
    try:
        table = read_table(path, kind)
    except UserError:
        if kind != 'csv':
            raise
        return _plain_lines(path)
    # A file without a header: its first row is data.
    if any(full_mobile(cells.unwrap(h)) for h in table.raw_headers):
        width = len(table.headers)
        first = list(table.raw_headers) + [''] * (width - len(table.raw_headers))
        table.rows.insert(0, first[:width])
        table.row_numbers.insert(0, table.header_row)
        table.headers = [f'第{i + 1}列' for i in range(width)]
    return table


def _plain_lines(path) -> Table:
    data = Path(path).read_bytes()
    for encoding in ('utf-8-sig', 'gb18030'):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UserError(f'无法读取「{Path(path).name}」：文字编码无法识别。')
    rows, numbers = [], []
    for n, line in enumerate(text.splitlines(), 1):
        first = re.split(r'[,\t;]', line.strip(), maxsplit=1)[0].strip()
        if first:
            rows.append([first])
            numbers.append(n)
    if not rows:
        raise UserError(f'「{Path(path).name}」里没有号码。')
    return Table(headers=['号码'], rows=rows, row_numbers=numbers, path=str(path))


def _when(v) -> datetime | None:
    try:
        return cells.when(v)
    except ValueError:
        return None


def import_report(path, channel: str = SMS, progress: Progress | None = None,
                  cancelled: IsCancelled | None = None) -> ReportResult:
    """Add every number of the report that said no to the `channel` list."""
    _check_channel(channel)
    name = Path(path).name
    table = _table(path)
    col = _phone_column(table)
    if col is None:
        raise UserError(f'「{name}」里找不到手机号所在的列。')
    reply_col = _header_index([h if i != col else '' for i, h in enumerate(table.headers)],
                              _REPLY_HEADERS)
    time_col = _header_index([h if i not in (col, reply_col) else ''
                              for i, h in enumerate(table.headers)], _TIME_HEADERS)
    result = ReportResult(str(path), phone_column=table.headers[col] or f'第{col + 1}列')
    wanted: dict[str, tuple[str, datetime | None]] = {}
    for i, (row, number) in enumerate(zip(table.rows, table.row_numbers)):
        if i % 5000 == 0:
            check(cancelled)
            if progress:
                progress(i, len(table.rows))
        raw = cells.unwrap(row[col])
        if not raw or raw in cells.NULLS:
            continue
        result.rows += 1
        reply = cells.text(row[reply_col]) if reply_col is not None else ''
        if reply_col is not None and not is_opt_out_reply(reply):
            result.not_opt_out += 1
            continue
        digits = full_mobile(raw)
        if not digits:
            kind = 'masked' if is_masked(raw) else 'invalid'
            setattr(result, f'{kind}_count', getattr(result, f'{kind}_count') + 1)
            listed = getattr(result, kind)
            if len(listed) < MAX_LISTED:
                listed.append((number, raw))
            continue
        if digits in wanted:
            result.already += 1
            continue
        reason = f'回复：{reply}'[:200] if reply else '短信平台退订报告'
        wanted[digits] = (reason, _when(row[time_col]) if time_col is not None else None)
    check(cancelled)
    with db.atomic():
        before = count_opted_out(channel)
        have = set()
        for chunk in chunks(list(wanted)):
            have.update(p for (p,) in OptOut.select(OptOut.phone).where(
                OptOut.channel == channel, OptOut.phone.in_(chunk)).tuples())
        new = [(channel, p, r, REPORT, at, now()) for p, (r, at) in wanted.items()
               if p not in have]
        for chunk in chunks(new):
            insert_rows(OptOut, ('channel', 'phone', 'reason', 'source', 'replied_at',
                                 'created_at'), chunk)
        result.added, result.already = len(new), result.already + len(have)
        result.buyers = count_opted_out(channel) - before
    if progress:
        progress(len(table.rows), len(table.rows))
    return result
