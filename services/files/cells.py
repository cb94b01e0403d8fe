"""Cell normalisers shared by every reader.

Each takes a raw cell (str from CSV; str/int/float/datetime/None from a sheet)
and returns a clean value, None for a blank cell, or raises ValueError whose
text is a short Chinese reason the caller turns into a Problem.
The common shapes take a fast path first: 100,000 rows x a dozen cells must stay
well under a second, so the general (regex, Decimal) path is for odd cells only.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..phones import looks_like_phone

# Values exporters use for "nothing here".
NULLS = frozenset(('', '-', '--', 'null', 'NULL', 'None', 'nan', '#N/A', '#NULL!', '无'))
# Excel keeps 15 significant digits; a bigger number in a cell has lost its tail.
EXACT_LIMIT = 10 ** 15
# First characters of wrapped values: ="123", '138..., "x", `x.
_SPECIAL_FIRST = frozenset('="\'`')

_MONEY = re.compile(r'(-?)(\d+)(?:\.(\d{1,2}))?')
_MONEY_JUNK = re.compile(r'[\s,，元¥￥]|RMB|CNY|人民币')
_INT = re.compile(r'(-?\d+)(?:\.0*)?')
_DATE = re.compile(
    r'(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?'
    r'(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*秒?)?')
_SCI = re.compile(r'\d(?:\.\d+)?[eE]\+\d+')
_EXCEL_EPOCH = datetime(1899, 12, 30)
_fromiso = datetime.fromisoformat


def unwrap(value) -> str:
    """Text of a cell without the tricks exporters use to keep Excel off it.

    `="1930..."` (a formula that yields text), a leading `'` or tab, and stray
    quotes or spaces around the value.
    """
    if value is None:
        return ''
    if value.__class__ is not str:
        return _number_text(value)
    s = value.strip()
    if not s or s[0] not in _SPECIAL_FIRST:
        return s
    c = s[0]
    if c == '=' and s[1:2] == '"' and s.endswith('"'):
        s = s[2:-1].strip()
    elif c == "'" or c == '`':
        s = s[1:].strip()
    elif c == '"' and s.endswith('"') and len(s) > 1:
        s = s[1:-1].strip()
    return s


def blank(value) -> bool:
    if value is None:
        return True
    if value.__class__ is str:
        return unwrap(value) in NULLS
    return False


def text(value) -> str:
    """Plain text: names, notes, addresses. Never raises."""
    s = unwrap(value)
    return '' if s in NULLS else s


# --- whole columns ----------------------------------------------------------

class _Bad(str):
    """A conversion error kept in place of a value while a column is mapped."""


def convert_column(conv, col: list) -> tuple[list, dict[int, str]]:
    """conv over a whole column: (values, {position: reason}), None where bad.

    A column with few distinct values (quantities, statuses, masked phones) is
    converted once per distinct value.
    """
    if len(set(col[:200])) < 50 and len(distinct := set(col)) * 4 < len(col):
        table = {}
        for v in distinct:
            try:
                table[v] = conv(v)
            except ValueError as e:
                table[v] = _Bad(str(e))
        out = [table[v] for v in col]
        if not any(type(x) is _Bad for x in table.values()):
            return out, {}
        errors = {k: str(x) for k, x in enumerate(out) if type(x) is _Bad}
        for k in errors:
            out[k] = None
        return out, errors
    try:
        return list(map(conv, col)), {}
    except ValueError:
        pass
    out, errors = [], {}
    for k, v in enumerate(col):
        try:
            out.append(conv(v))
        except ValueError as e:
            out.append(None)
            errors[k] = str(e)
    return out, errors


def text_column(col: list) -> list[str]:
    """text() over a column; plain strings take a C-speed path, only odd cells pay more."""
    if len(set(col[:200])) < 20 and len(distinct := set(col)) * 4 < len(col):
        table = {v: text(v) for v in distinct}          # statuses, provinces, yes/no
        return [table[v] for v in col]
    try:
        out = list(map(str.strip, col))
    except TypeError:           # None or numbers from a sheet
        out = [v.strip() if v.__class__ is str else text(v) for v in col]
    if NULLS.isdisjoint(out) and _SPECIAL_FIRST.isdisjoint({s[:1] for s in out}):
        return out
    special = _SPECIAL_FIRST
    for k in [k for k, s in enumerate(out) if s and (s[0] in special or s in NULLS)]:
        out[k] = text(out[k])
    return out


# --- single cells -----------------------------------------------------------

def ident(value) -> str | None:
    """An id or order number, exactly as text; a number Excel has rounded is refused."""
    if value.__class__ is str:
        s = value.strip()
        if s[:2] == '="' and s[-1:] == '"':
            s = s[2:-1].strip()
        if s.isdecimal() and s.isascii():
            return s            # the common case: plain digits
        s = unwrap(s)
        if s in NULLS:
            return None
        if _SCI.fullmatch(s):
            raise ValueError('编号被表格软件改成了科学计数法（如 1.93E+18），原号码已丢失，'
                             '请用原始导出文件')
        return s
    if value is None:
        return None
    if value.__class__ is float:
        if value != value or not value.is_integer():
            raise ValueError('编号不是整数，可能被表格软件改过了')
        if abs(value) >= EXACT_LIMIT:
            raise ValueError('编号超过15位，已被表格软件当成数字改掉了末尾几位，'
                             '请把这一列设为文本后重新导出')
        return str(int(value))
    return _number_text(value)


def money(value) -> int | None:
    """Yuan in any common spelling to integer fen, exactly (no float arithmetic)."""
    cls = value.__class__
    if cls is str:
        # Fast path for '598.00' and '598.00元', which is nearly every cell.
        s = value[:-1] if value[-1:] == '元' else value
        whole, dot, frac = s.partition('.')
        if whole.isdecimal() and whole.isascii() and (
                not dot or len(frac) <= 2 and frac.isdecimal() and frac.isascii()):
            return int(whole) * 100 + (int(frac) * (10 if len(frac) == 1 else 1) if frac else 0)
        return _money_text(value)
    if value is None:
        return None
    if cls is int:
        return value * 100
    if cls is float:
        if value != value or value in (float('inf'), float('-inf')):
            raise ValueError('金额不是数字')
        return _fen(Decimal(repr(value)))
    raise ValueError('金额不是数字')


def _money_text(value: str) -> int | None:
    s = unwrap(value)
    if s in NULLS:
        return None
    m = _MONEY.fullmatch(s)
    if m is None:
        s = _MONEY_JUNK.sub('', s)
        if not s:
            return None
        m = _MONEY.fullmatch(s)
    if m is not None:
        sign, whole, frac = m.groups()
        fen = int(whole) * 100 + (int(frac.ljust(2, '0')) if frac else 0)
        return -fen if sign else fen
    try:
        return _fen(Decimal(s))
    except InvalidOperation:
        raise ValueError(f'金额看不懂：{_short(value)}') from None


def _fen(d: Decimal) -> int:
    if not d.is_finite():
        raise ValueError('金额不是数字')
    return int((d * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def integer(value) -> int | None:
    """A count such as 购买数量; '2', 2.0, '2件' are 2; 2.5 is refused."""
    cls = value.__class__
    if cls is str and value.isdecimal() and value.isascii():
        return int(value)
    if value is None:
        return None
    if cls is int:
        return value
    if cls is float:
        if value != value or not value.is_integer():
            raise ValueError(f'应为整数：{_short(value)}')
        return int(value)
    s = unwrap(value)
    if s in NULLS:
        return None
    m = _INT.fullmatch(s) or _INT.fullmatch(s.rstrip('件个份套盒瓶袋只双'))
    if m is None:
        raise ValueError(f'应为整数：{_short(value)}')
    return int(m.group(1))


def when(value) -> datetime | None:
    """A date or date-time in the shapes exports use, to a naive local datetime."""
    cls = value.__class__
    if cls is str:
        s = value.strip()
        n = len(s)
        if (n == 19 or n == 10) and s[4] == '-':
            try:
                return _fromiso(s)
            except ValueError:
                pass
        if s[:1] in _SPECIAL_FIRST:
            s = unwrap(s)
        if s in NULLS:
            return None
        return _slash_date(s) or _date_text(s, value)
    if value is None:
        return None
    if cls is datetime:
        return value
    if cls is date:
        return datetime(value.year, value.month, value.day)
    if cls is float or cls is int:
        # An unformatted date cell in a sheet is an Excel serial day number.
        if 1 <= value < 2958466:
            return (_EXCEL_EPOCH + timedelta(days=value)).replace(microsecond=0)
        raise ValueError(f'日期看不懂：{_short(value)}')
    if cls is time or cls is timedelta:
        raise ValueError('只有时间，没有日期')
    raise ValueError(f'日期看不懂：{_short(value)}')


def _slash_date(s: str) -> datetime | None:
    """'2024/1/2 3:04' (Excel's own way of showing a date) without a regex."""
    day, _, clock = s.partition(' ')
    parts = day.split('/')
    if len(parts) != 3:
        return None
    try:
        y, mo, d = map(int, parts)
        if not clock:
            return datetime(y, mo, d)
        hms = clock.strip().split(':')
        if len(hms) == 2:
            return datetime(y, mo, d, int(hms[0]), int(hms[1]))
        if len(hms) == 3:
            return datetime(y, mo, d, int(hms[0]), int(hms[1]), int(hms[2]))
    except ValueError:
        return None
    return None


def _date_text(s: str, value) -> datetime:
    m = _DATE.fullmatch(s)
    if m is None:
        raise ValueError(f'日期看不懂：{_short(value)}')
    y, mo, d, hh, mm, ss = m.groups()
    try:
        return datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        raise ValueError(f'没有这一天：{_short(value)}') from None


def phone(value) -> str | None:
    """A phone number as text, masks (138****1234), + and leading zeros kept."""
    if value.__class__ is str:
        s = value.strip()
        if s[:1] == "'":                    # Taobao's '186... : the common case, inline
            s = s[1:].lstrip()
        if s.isdecimal() and s.isascii():
            return s
        if s[:1] in _SPECIAL_FIRST:
            s = unwrap(s)
        if s in NULLS:
            return None
        if ' ' in s or '\u3000' in s:
            s = s.replace(' ', '').replace('\u3000', '')
    elif value is None:
        return None
    else:
        s = _number_text(value)
    if not looks_like_phone(s):
        raise ValueError(f'不像电话号码：{_short(value)}')
    return s


def _number_text(value) -> str:
    if value.__class__ is float:
        if value.is_integer() and abs(value) < EXACT_LIMIT:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime('%Y-%m-%d %H:%M:%S')
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _short(value) -> str:
    s = str(value).strip()
    return s if len(s) <= 20 else s[:20] + '…'
