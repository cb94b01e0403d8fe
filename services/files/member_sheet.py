"""The member sheet: the columns the app writes, and reading them back. No DB, no Qt.

Formats (what `member_row` writes and `parse_member_rows` reads back unchanged):
- 会员编号: the customer id as text. Ignored on import (buyers match on 平台 + 买家会员名).
- 平台: 淘宝/天猫/拼多多/抖音/门店/其他 (codes such as `taobao` are accepted too).
- 性别: 男/女 or empty.
- 生日 + 生日类型 (公历/农历, empty when there is no birthday): `YYYY-MM-DD`, or `MM-DD`
  when the year is unknown; a lunar leap month is `闰MM-DD` / `YYYY-闰MM-DD`. On read,
  `/`, `.` and 年月日 separators, date cells and a 农历 prefix are accepted too.
- 地区: province and city joined by one space; a city without a province is written
  with a leading space (`' 杭州市'`) so it does not read back as a province.
- 累计消费 in yuan; 首次购买/最近购买 as date-times.
- 标签: the hand-set tags, comma-separated (`,`, `，` and `、` all split on read).
  Rule-made (auto) tags are left out: the importer treats 标签 as the hand-set tags.
- 客户质量 (优质/一般/劣质 or empty), 质量原因, 买家信用 (3心, 2钻, 1冠, 1金冠 ... or
  empty): the owner's quality mark and the platform credit level (services.quality_marks).
  A sheet with only some of these columns changes only those; an empty 客户质量 clears
  the mark.
- 退订: the channels the buyer opted out of (短信、电话、微信/旺旺), computed from the
  do-not-contact list (services.consent); an import never changes opt-outs.
- Then one text column per custom field; a field named like a standard column is
  written as `名称（自定义）`.
Computed columns (会员编号, 会员等级, 积分, 订单数, 累计消费, 首次/最近购买, RFM分群) are
ignored on import.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..care.codes import credit_name, parse_credit, parse_quality, quality_name
from ..customer_profile import CustomerProfile
from ..importing.records import MemberRecord, ParsedFile, Problem
from .writers import plain_text, unneutralise

MEMBER_HEADERS = ['会员编号', '买家会员名', '平台', '姓名', '手机', '微信', '性别', '生日',
                  '生日类型', '地区', '地址', '会员等级', '积分', '订单数', '累计消费',
                  '首次购买', '最近购买', 'RFM分群', '标签', '备注', '客户质量', '质量原因',
                  '买家信用', '退订']
MEMBER_KINDS = ['text'] * 12 + ['int', 'int', 'money', 'datetime', 'datetime',
                                'text', 'text', 'text', 'text', 'text', 'text', 'text']
COMPUTED = ('会员编号', '会员等级', '积分', '订单数', '累计消费', '首次购买', '最近购买',
            'RFM分群', '退订')
CUSTOM_SUFFIX = '（自定义）'

PLATFORM_NAMES = {'taobao': '淘宝', 'tmall': '天猫', 'pdd': '拼多多', 'douyin': '抖音',
                  'store': '门店', 'other': '其他'}
_PLATFORM_READ = {**{v: k for k, v in PLATFORM_NAMES.items()},
                  **{k: k for k in PLATFORM_NAMES},
                  '淘宝网': 'taobao', '天猫商城': 'tmall', 'tmall商城': 'tmall',
                  '抖店': 'douyin', '抖音小店': 'douyin', '抖音电商': 'douyin',
                  '实体店': 'store', '线下': 'store', '线下门店': 'store', '其它': 'other'}
GENDER_NAMES = {'': '', 'M': '男', 'F': '女'}
_GENDER_READ = {'': '', '男': 'M', '女': 'F', 'm': 'M', 'f': 'F', '男性': 'M', '女性': 'F',
                'male': 'M', 'female': 'F',
                '先生': 'M', '女士': 'F', '未知': '', '保密': '', '不详': ''}
_SOLAR, _LUNAR = '公历', '农历'
_KIND_READ = {'': None, '公历': 'solar', '阳历': 'solar', '新历': 'solar',
              '农历': 'lunar', '阴历': 'lunar', '旧历': 'lunar'}
_TAG_SPLIT = re.compile(r'[,，、;；]')
_BIRTHDAY = re.compile(
    r'(?:(\d{4})\s*[-/.年]\s*)?(闰)?\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?'
    r'(?:\s+0{1,2}:00(?::00)?)?')     # '1990-05-06 00:00:00' from a date cell turned text
_EXCEL_EPOCH = datetime(1899, 12, 30)

# Sheet column -> the CustomerProfile fields it fills.
_TEXT_COLUMNS = {'买家会员名': 'nick', '姓名': 'name', '手机': 'phone', '微信': 'wechat',
                 '地址': 'address', '备注': 'note'}


@dataclass
class MemberSheetRow:
    """What one sheet row is made from; exporting fills it from SQL rows."""
    id: int
    profile: CustomerProfile
    tier: str = ''
    points: int = 0
    order_count: int = 0
    total_spent: int = 0                   # fen
    first_order_at: datetime | None = None
    last_order_at: datetime | None = None
    segment: str = ''
    tags: Sequence[str] = ()               # hand-set tag names
    quality: str = ''                      # quality mark code: good, normal, bad
    quality_reason: str = ''
    credit: str = ''                       # credit code, e.g. 'diamond2'
    opt_outs: str = ''                     # channels opted out of, e.g. '短信、电话'


def custom_header(name: str) -> str:
    return name + CUSTOM_SUFFIX if name in MEMBER_HEADERS else name


def sheet_headers(custom_fields: Sequence[str] = ()) -> list[str]:
    return MEMBER_HEADERS + [custom_header(n) for n in custom_fields]


def sheet_kinds(custom_fields: Sequence[str] = ()) -> list[str]:
    return MEMBER_KINDS + ['text'] * len(custom_fields)


# --- writing -----------------------------------------------------------------------

def birthday_cells(p: CustomerProfile) -> tuple[str, str]:
    """(生日, 生日类型) for a profile; ('', '') without a birthday."""
    if not p.birth_kind or not p.birth_month or not p.birth_day:
        return '', ''
    lunar = p.birth_kind == 'lunar'
    text = f'{"闰" if lunar and p.birth_leap else ""}{p.birth_month:02d}-{p.birth_day:02d}'
    if p.birth_year:
        text = f'{p.birth_year:04d}-{text}'
    return text, _LUNAR if lunar else _SOLAR


def region_cell(province: str, city: str) -> str:
    if province:
        return f'{province} {city}' if city else province
    return f' {city}' if city else ''


def member_row(m: MemberSheetRow, custom_fields: Sequence[str] = ()) -> list:
    """One row in `sheet_headers(custom_fields)` order, for services.files.writers."""
    p = m.profile
    birthday, kind = birthday_cells(p)
    row = [str(m.id), p.nick, PLATFORM_NAMES.get(p.platform, p.platform), p.name, p.phone,
           p.wechat, GENDER_NAMES.get(p.gender, p.gender), birthday, kind,
           region_cell(p.province, p.city), p.address, m.tier, m.points, m.order_count,
           m.total_spent, m.first_order_at, m.last_order_at, m.segment,
           ','.join(m.tags), p.note, quality_name(m.quality), m.quality_reason,
           credit_name(m.credit), m.opt_outs]
    if custom_fields:
        extra = p.extra or {}
        row += [plain_text(extra.get(name)) for name in custom_fields]
    return row


# --- reading -----------------------------------------------------------------------

class _Bad(ValueError):
    """A cell that cannot be read; the text is the owner's reason."""

    def __init__(self, message: str, column: str = ''):
        super().__init__(message)
        self.column = column


def _text(v, csv_quoted: bool) -> str:
    if v is None:
        return ''
    if v.__class__ is str:
        return (unneutralise(v) if csv_quoted else v).strip()
    if v.__class__ is datetime and not (v.hour or v.minute or v.second):
        return v.strftime('%Y-%m-%d')
    return plain_text(v).strip()   # a phone retyped as a number comes back as digits


def parse_platform(s: str, default: str) -> str:
    if not s:
        return default
    code = _PLATFORM_READ.get(s) or _PLATFORM_READ.get(s.lower())
    if code is None:
        raise _Bad(f'未知平台“{s}”，应为{"/".join(PLATFORM_NAMES.values())}')
    return code


def parse_gender(s: str) -> str:
    g = _GENDER_READ.get(s, _GENDER_READ.get(s.lower()))
    if g is None:
        raise _Bad(f'性别只能是男、女或留空，这里是“{s}”')
    return g


def parse_birthday(cell, kind_text: str, csv_quoted: bool = False) -> dict:
    """The five birth_* profile fields from a 生日 cell and its 生日类型 text."""
    kind = _KIND_READ.get(kind_text, '?')
    if kind == '?':
        raise _Bad(f'生日类型只能是公历或农历，这里是“{kind_text}”', '生日类型')
    year = leap = None
    if isinstance(cell, (datetime, date)):
        year, month, day = cell.year, cell.month, cell.day
    elif cell.__class__ in (int, float) and 1 <= cell < 2958466:
        d = _EXCEL_EPOCH + timedelta(days=int(cell))     # a date cell shown as its serial
        year, month, day = d.year, d.month, d.day
    else:
        s = _text(cell, csv_quoted)
        if not s:
            return {'birth_kind': '', 'birth_year': None, 'birth_month': None,
                    'birth_day': None, 'birth_leap': False}
        for prefix, named in (('农历', 'lunar'), ('阴历', 'lunar'), ('公历', 'solar'),
                              ('阳历', 'solar')):
            if s.startswith(prefix):
                s, kind = s[len(prefix):].strip(), kind or named
        m = _BIRTHDAY.fullmatch(s)
        if m is None:
            raise _Bad(f'生日看不懂：“{s}”，应写成 1990-05-06 或 05-06（农历闰月写 闰04-05）')
        y, leap, mo, d = m.groups()
        year, month, day = (int(y) if y else None), int(mo), int(d)
    if kind is None:
        kind = 'lunar' if leap else 'solar'
    if year is not None and not 1900 <= year <= date.today().year:
        raise _Bad(f'出生年份不合理：{year}')
    if kind == 'lunar':
        if not 1 <= month <= 12 or not 1 <= day <= 30:
            raise _Bad('农历生日：月为1-12，日为1-30')
    else:
        if leap:
            raise _Bad('“闰”月只用于农历生日，请把生日类型写成农历', '生日类型')
        try:
            date(year or 2000, month, day)     # without a year, Feb 29 is allowed
        except ValueError:
            raise _Bad(f'公历没有这一天：{month}月{day}日') from None
    return {'birth_kind': kind, 'birth_year': year, 'birth_month': month,
            'birth_day': day, 'birth_leap': bool(leap) and kind == 'lunar'}


def parse_region(cell, csv_quoted: bool = False) -> tuple[str, str]:
    """(province, city) from 'province city'; ' city' (leading space) is a city alone."""
    raw = unneutralise(cell) if cell.__class__ is str and csv_quoted else cell
    raw = raw if raw.__class__ is str else _text(raw, False)
    s = raw.strip()
    if not s:
        return '', ''
    if raw[0] == ' ':
        return '', s
    parts = s.split(None, 1)
    return parts[0], parts[1] if len(parts) > 1 else ''


def parse_tags(s: str) -> list[str]:
    seen: dict[str, None] = {}
    for t in _TAG_SPLIT.split(s):
        t = t.strip()
        if t:
            seen.setdefault(t, None)
    return list(seen)


def _key(h) -> str:
    """A header as compared: no spaces or BOM, full-width brackets made plain (readers
    may hand over headers cleaned that way)."""
    s = '' if h is None else str(h)
    s = ''.join(s.replace('\ufeff', '').split())
    return s.replace('（', '(').replace('）', ')')


_STD_KEYS = {_key(h): h for h in MEMBER_HEADERS}
_SUFFIX_KEY = _key(CUSTOM_SUFFIX)


def _custom_name(h: str) -> str:
    """The field a non-standard header stands for ('备注（自定义）' -> '备注')."""
    k = _key(h)
    if k.endswith(_SUFFIX_KEY) and k[:-len(_SUFFIX_KEY)] in _STD_KEYS:
        return _STD_KEYS[k[:-len(_SUFFIX_KEY)]]
    return h


def _columns(headers: Sequence, custom_fields: Sequence[str] | None,
             notes: list[str]) -> tuple[dict, dict]:
    """Standard column -> index, custom field name -> index, from the header row."""
    std: dict[str, int] = {}
    custom: dict[str, int] = {}
    known = None
    if custom_fields is not None:
        known = {_key(n): n for n in custom_fields}
        known.update({_key(custom_header(n)): n for n in custom_fields})
    ignored = []
    for i, raw in enumerate(headers):
        h = '' if raw is None else str(raw).replace('\ufeff', '').strip()
        if not h:
            continue
        if _key(h) in _STD_KEYS:
            name = _STD_KEYS[_key(h)]
            if name in std:
                notes.append(f'「{name}」列出现了不止一次，只读第一列')
            else:
                std[name] = i
            continue
        name = _custom_name(h) if known is None else known.get(_key(h))
        if name is None:
            ignored.append(h)
        elif name not in custom:
            custom[name] = i
    if ignored:
        notes.append(f'这些列不是会员资料或自定义字段，已忽略：{"、".join(ignored)}')
    present = [h for h in COMPUTED if h in std and h != '会员等级']
    if present:
        notes.append(f'{"、".join(present)} 由软件计算，导入时不会修改')
    if '会员等级' in std:
        notes.append('会员等级一般按消费自动计算；表里改过的等级会作为手动指定的等级导入')
    return std, custom


def parse_member_rows(headers: Sequence, rows: Iterable[Sequence], row_numbers: Iterable[int],
                      file_label: str, *, custom_fields: Sequence[str] | None = None,
                      csv_quoted: bool | None = None,
                      default_platform: str = 'taobao') -> ParsedFile:
    """Member records from a sheet's header and rows; only present columns are set.

    `custom_fields`: names of the owner's custom fields; None takes every column that
    is not a standard one as a custom field. `csv_quoted`: whether cells may carry
    the CSV injection guard (default: when `file_label` ends in .csv). A row with any
    bad cell becomes a Problem and no record.
    """
    if csv_quoted is None:
        csv_quoted = str(file_label).lower().endswith('.csv')
    notes: list[str] = []
    headers = list(headers)
    std, custom = _columns(headers, custom_fields, notes)
    parsed = ParsedFile(path=str(file_label), kind='members', platform='',
                        headers=[str(h) if h is not None else '' for h in headers],
                        rows_read=0, records=[], notes=notes)
    if '买家会员名' not in std:
        parsed.problems.append(Problem(file_label, 1, '买家会员名',
                                       '表格缺少「买家会员名」列，无法知道是哪位顾客'))
        return parsed
    if '生日类型' in std and '生日' not in std:
        notes.append('只有「生日类型」没有「生日」列，生日不会修改')
    texts = [(col, field, std[col]) for col, field in _TEXT_COLUMNS.items() if col in std]
    width = len(headers)
    for row, number in zip(rows, row_numbers):
        row = list(row)
        if len(row) < width:
            row += [None] * (width - len(row))
        if all(v is None or (v.__class__ is str and not v.strip()) for v in row):
            continue
        parsed.rows_read += 1
        record = _record(row, number, std, custom, texts, file_label, csv_quoted,
                         default_platform, parsed.problems)
        if record is not None:
            parsed.records.append(record)
    return parsed


def _record(row: list, number: int, std: dict, custom: dict, texts: list, file_label: str,
            csv_quoted: bool, default_platform: str,
            problems: list[Problem]) -> MemberRecord | None:
    values: dict = {}
    bad = False

    def problem(column: str, message: str) -> None:
        nonlocal bad
        bad = True
        problems.append(Problem(file_label, number, column, message))

    for column, field, i in texts:
        values[field] = _text(row[i], csv_quoted)
    if not values['nick']:
        problem('买家会员名', '买家会员名为空')
    platform = default_platform
    for column, read in (('平台', lambda s: parse_platform(s, default_platform)),
                         ('性别', parse_gender)):
        if column in std:
            try:
                result = read(_text(row[std[column]], csv_quoted))
            except _Bad as e:
                problem(column, str(e))
                continue
            if column == '平台':
                platform = values['platform'] = result
            else:
                values['gender'] = result
    if '生日' in std:
        kind = _text(row[std['生日类型']], csv_quoted) if '生日类型' in std else ''
        try:
            values.update(parse_birthday(row[std['生日']], kind, csv_quoted))
        except _Bad as e:
            problem(e.column or '生日', str(e))
    if '地区' in std:
        values['province'], values['city'] = parse_region(row[std['地区']], csv_quoted)
    if custom:
        values['extra'] = {name: _text(row[i], csv_quoted) for name, i in custom.items()}
    tags = parse_tags(_text(row[std['标签']], csv_quoted)) if '标签' in std else None
    tier = _text(row[std['会员等级']], csv_quoted) if '会员等级' in std else ''
    marks = None
    for column, key, read in _MARK_COLUMNS:
        if column in std:
            marks = {} if marks is None else marks
            try:
                marks[key] = read(_text(row[std[column]], csv_quoted))
            except ValueError as e:
                problem(column, str(e))
    if bad:
        return None
    return MemberRecord(platform=platform, nick=values['nick'], values=values, tags=tags,
                        row=number, tier=tier, marks=marks)


# Sheet column, the mark's key, its reader (ValueError for a bad cell).
_MARK_COLUMNS = (('客户质量', 'quality', parse_quality), ('质量原因', 'reason', str.strip),
                 ('买家信用', 'credit', parse_credit))
