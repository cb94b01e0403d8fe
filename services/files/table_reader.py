"""Any csv/xlsx/xls into one plain Table: headers, rows, spreadsheet row numbers.

Cells stay raw (str from CSV; str/int/float/datetime/None from sheets) so the
readers above can report a bad cell by row and column; `cells` cleans them.
"""
from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..tasks import Cancelled, check, gc_paused
from .safety import check_file

# Rows before the header row that a title block may take ("XX店铺订单报表 2024-01").
HEADER_SEARCH_ROWS = 30
PROGRESS_EVERY = 5000
# Excel keeps 15 digits: larger numbers stay float so the readers can refuse them as ids.
_EXACT = 10 ** 15


@dataclass
class Table:
    """A sheet as plain data. Cells: str (CSV, and text cells), int/float, datetime,
    or None/'' when empty; all-empty rows are left out but keep their numbers."""
    headers: list[str]
    rows: list[list]
    row_numbers: list[int]          # 1-based, as the spreadsheet shows them
    sheet: str = ''
    path: str = ''
    header_row: int = 1
    encoding: str = ''              # for CSV: 'utf-8', 'gb18030' or 'utf-16'
    raw_headers: list[str] = field(default_factory=list)   # as written, for messages

    def column(self, name: str) -> int | None:
        try:
            return self.headers.index(name)
        except ValueError:
            return None


def clean_header(h) -> str:
    """Header text compared by name: no spaces, BOM, quotes; full-width brackets made plain."""
    if h is None:
        return ''
    s = str(h) if not isinstance(h, float) or not h.is_integer() else str(int(h))
    s = s.replace('\ufeff', '').replace('\u3000', '').replace('\xa0', '')
    s = ''.join(s.split())
    s = s.strip('"\'“”‘’=')
    return s.replace('（', '(').replace('）', ')')


def read_table(path, kind: str | None = None, progress=None, cancelled=None) -> Table:
    """Read the first sheet that has a header row; UserError names the file on refusal."""
    kind = kind or check_file(path)
    name = Path(path).name
    with gc_paused():
        table = _read(path, kind, name, progress, cancelled)
    table.path = str(path)
    return table


def _read(path, kind, name, progress, cancelled) -> Table:
    if kind == 'csv':
        raw_rows, encoding, total = _csv_rows(path)
        try:
            table = _build(raw_rows, name, '', progress, cancelled, total, is_sheet=False)
        except _NotOneLinePerRecord:
            table = _build(raw_rows.records(), name, '', progress, cancelled, total, False)
        table.encoding = encoding
    elif kind in ('xlsx', 'xls'):
        table = _read_workbook(path, name, progress, cancelled)
    else:
        raise UserError(f'无法读取「{name}」：不支持的文件类型。')
    return table


# --- CSV -------------------------------------------------------------------

def _csv_rows(path):
    with open(path, 'rb') as f:
        data = f.read()
    text, encoding = _decode(data, Path(path).name)
    del data
    first = next((ln for ln in text[:65536].splitlines() if ln.strip()), '')
    delimiter = '\t' if first.count('\t') > first.count(',') else ','
    if delimiter == ',' and first.count(';') > first.count(',') + 1:
        delimiter = ';'
    total = text.count('\n') + 1
    if any(c in text for c in _ODD_BREAKS):
        return csv.reader(io.StringIO(text, newline=''), delimiter=delimiter), encoding, total
    return _Lines(text, delimiter), encoding, total


class _NotOneLinePerRecord(Exception):
    pass


class _Lines:
    """CSV read a chunk of lines at a time: plain lines split in C, lines with a quoted
    cell through csv. A quoted cell spanning lines makes the caller start over with
    `records()`, which reads record by record."""
    CHUNK = 5000

    def __init__(self, text: str, delimiter: str):
        self.text, self.delimiter = text, delimiter
        self.lines = text.splitlines()

    def head(self):
        return (self._split(ln) for ln in self.lines[:HEADER_SEARCH_ROWS])

    def _split(self, line: str) -> list[str]:
        d = self.delimiter
        if d + '"' not in line and not line.startswith('"'):
            return line.split(d)
        try:
            return next(csv.reader((line,), delimiter=d, strict=True))
        except csv.Error:
            raise _NotOneLinePerRecord() from None

    def records(self):
        return _records(self.text, self.delimiter)

    def data(self, start: int, width: int, progress, cancelled):
        lines, d, blank, dq = self.lines, self.delimiter, self.delimiter + ' \t', \
            self.delimiter + '"'
        total = len(lines)
        rows: list[list] = []
        numbers: list[int] = []
        for lo in range(start, total, self.CHUNK):
            check(cancelled)
            if progress is not None:
                progress(lo, total)
            chunk = lines[lo:lo + self.CHUNK]
            part = [ln.split(d) for ln in chunk]
            for i in [i for i, ln in enumerate(chunk) if dq in ln or ln[:1] == '"']:
                part[i] = self._split(chunk[i])
            nums = list(range(lo + 1, lo + 1 + len(chunk)))
            empty = [i for i, ln in enumerate(chunk) if not ln.strip(blank)]
            if empty:
                gone = set(empty)
                part = [r for i, r in enumerate(part) if i not in gone]
                nums = [n for i, n in enumerate(nums) if i not in gone]
            for i in [i for i, r in enumerate(part) if len(r) != width]:
                r = part[i]
                part[i] = r[:width] if len(r) > width else r + [None] * (width - len(r))
            rows += part
            numbers += nums
        if progress is not None:
            progress(total, total)
        return rows, numbers


# Characters str.splitlines() breaks on that csv does not; with any of them, csv reads all.
_ODD_BREAKS = '\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029'


def _records(text: str, delimiter: str):
    """CSV record by record; a line with no quoted cell is split directly.

    csv.reader takes over for a line with a quoted cell and pulls the following
    lines itself when that cell spans several lines.
    """
    lines = iter(text.splitlines())
    quote_after = delimiter + '"'
    for line in lines:
        # csv treats a quote specially only at the start of a cell: ="123" stays plain.
        if quote_after not in line and not line.startswith('"'):
            yield line.split(delimiter)
        else:
            more = (ln + '\n' for ln in lines)
            yield next(csv.reader(itertools.chain((line + '\n',), more), delimiter=delimiter))


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b'\xff\xfe', b'\xfe\xff')):
        try:
            return data.decode('utf-16'), 'utf-16'
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode('utf-8-sig'), 'utf-8'
        except UnicodeDecodeError:
            pass
        try:
            # GB18030 is a superset of GBK and GB2312, which is what Taobao writes.
            return data.decode('gb18030'), 'gb18030'
        except UnicodeDecodeError:
            pass
    raise UserError(f'无法读取「{name}」：文字编码无法识别（不是 UTF-8 也不是 GBK），'
                    '请用 Excel 另存为 xlsx 后再导入。')


# --- xlsx / xls ------------------------------------------------------------

def _read_workbook(path, name: str, progress, cancelled) -> Table:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except Exception as e:      # calamine raises its own error types for every broken file
        raise UserError(f'无法读取「{name}」：{_workbook_error(e)}') from None
    try:
        names = wb.sheet_names
        first_error = None
        for index, sheet_name in enumerate(names):
            check(cancelled)
            try:
                sheet = wb.get_sheet_by_index(index)
                rows = sheet.iter_rows()
                total = sheet.height
                return _build(_sheet_rows(rows), name, sheet_name, progress, cancelled, total,
                              is_sheet=True)
            except _NoHeader as e:
                first_error = first_error or e
            except (UserError, Cancelled):
                raise
            except Exception as e:
                raise UserError(f'无法读取「{name}」的工作表「{sheet_name}」：'
                                f'{_workbook_error(e)}') from None
        raise UserError(str(first_error) if first_error else f'无法读取「{name}」：文件里没有工作表。')
    finally:
        close = getattr(wb, 'close', None)
        if close:
            close()


def _sheet_rows(rows):
    """Sheet rows with empty cells as None and exact integral numbers as int."""
    for row in rows:
        yield [None if c == '' else
               (int(c) if c.__class__ is float and c.is_integer() and -_EXACT < c < _EXACT else c)
               for c in row]


def _workbook_error(e: Exception) -> str:
    msg = str(e).lower()
    if 'password' in msg or 'encrypt' in msg:
        return '文件设置了密码，请在 Excel 里去掉密码后再导入。'
    return '文件已损坏或格式不对，请用 Excel 打开后另存为 xlsx 再导入。'


# --- shared ----------------------------------------------------------------

_CSV_BROKEN = '引号没有配对、单元格过长或含有无法识别的字符'

class _NoHeader(UserError):
    pass


def _build(rows, name: str, sheet: str, progress, cancelled, total, is_sheet: bool) -> Table:
    plain = rows if isinstance(rows, _Lines) else None
    rows = plain.head() if plain else iter(rows)
    headers = raw = None
    rownum = 0
    try:
        for row in rows:
            rownum += 1
            if sum(1 for c in row if c is not None and str(c).strip()) >= 2:
                raw = ['' if c is None else str(c).strip() for c in row]
                headers = [clean_header(c) for c in row]
                break
            if rownum >= HEADER_SEARCH_ROWS:
                break
    except csv.Error:
        raise UserError(f'无法读取「{name}」：第{rownum}行附近的格式坏了（{_CSV_BROKEN}）。') from None
    if headers is None:
        where = f'工作表「{sheet}」' if sheet else '文件'
        raise _NoHeader(f'无法读取「{name}」：{where}里找不到表头（至少两列有标题的一行）。')
    header_row = rownum
    while headers and not headers[-1]:
        headers.pop()
        raw.pop()
    if plain:
        data, numbers = plain.data(rownum, len(headers), progress, cancelled)
    else:
        data, numbers = _data_rows(rows, rownum, len(headers), is_sheet, progress, cancelled,
                                   total, name)
    if not data:
        raise UserError(f'无法读取「{name}」：只有表头，没有数据行。')
    return Table(headers=headers, rows=data, row_numbers=numbers, sheet=sheet,
                 header_row=header_row, raw_headers=raw)


def _data_rows(rows, rownum, width, is_sheet, progress, cancelled, total, name):
    """Non-empty rows padded to the header width, with their spreadsheet row numbers."""
    data, numbers = [], []
    append, nappend = data.append, numbers.append
    try:
        for row in rows:
            rownum += 1
            if rownum % PROGRESS_EVERY == 0:
                check(cancelled)
                if progress is not None and total:
                    progress(min(rownum, total), total)
            if is_sheet:
                if not any(c is not None for c in row):
                    continue
            elif not any(row) or not ''.join(row).strip():
                continue
            if len(row) != width:
                row = row[:width] if len(row) > width else row + [None] * (width - len(row))
            append(row)
            nappend(rownum)
    except csv.Error:
        raise UserError(f'无法读取「{name}」：第{rownum}行附近的格式坏了（{_CSV_BROKEN}）。') from None
    if progress is not None and total:
        progress(total, total)
    return data, numbers
