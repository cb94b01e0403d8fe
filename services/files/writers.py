"""Safe, streaming sheet writers (xlsx and CSV) behind every export. No DB, no Qt.

Rows arrive as an iterator of sequences in header order and are written as they
come, so memory stays flat for any row count. Each column has a kind:

    text      always a string cell (ids, phones, order numbers, names)
    int       whole number
    money     integer fen in; yuan out (a number shown as 0.00 in xlsx, '12.34' in CSV)
    date      date (a datetime is cut to its date)
    datetime  date and time to the second
    float     any number

Formula injection (a cell starting with = + - @, tab, CR or LF):
- xlsx: every text value is written as an explicit string cell, which Excel and
  LibreOffice show but never evaluate, so the value is stored exactly, without a
  prefix. Text columns also carry the "text" number format and Excel's
  quote-prefix flag, so editing such a cell later keeps it text.
- CSV has no cell types, so such a value gets a leading apostrophe, as OWASP
  recommends (`=1+1` -> `'=1+1`). That includes phones such as `+86 138...`; the
  member-sheet reader strips it again (`unneutralise`), so values round-trip
  unchanged. Numbers written by int/money/float columns (e.g. -12.34) are left
  alone: a number is not a formula.

Files are written to a temp file in the target folder and renamed into place at
the end; a crash or Cancel never leaves a half file under the real name.

xlsx goes through rustpy-xlsxwriter (Rust): ~1.4 s for 100,000 rows x 20 columns
where xlsxwriter needs ~10 s and openpyxl ~19 s (bench/bench_writers.py).
"""
from __future__ import annotations

import csv
import os
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path

from ..errors import UserError
from ..tasks import IsCancelled, Progress, check

KINDS = ('text', 'int', 'money', 'date', 'datetime', 'float')
DANGEROUS = frozenset('=+-@\t\r\n')
GUARD = "'"
_FIRST_LOOK = DANGEROUS | {GUARD}
XLSX_CELL_LIMIT = 32767        # Excel refuses longer text in a cell
_SAMPLE_ROWS = 200             # rows looked at to size the columns
_CHECK_EVERY = 1000            # rows between progress reports and cancel checks
_FIXED_WIDTH = {'money': 12, 'date': 12, 'datetime': 20, 'float': 12, 'int': 8}
_MIN_WIDTH, _MAX_WIDTH = 6, 50


# --- injection guard ---------------------------------------------------------------

def _needs_guard(s: str) -> bool:
    # Apostrophes already at the front count too ("'=x" -> "''=x"), so that
    # unneutralise(neutralise(s)) == s for every string.
    return s.lstrip(GUARD)[:1] in DANGEROUS


def neutralise(value):
    """A CSV cell value a spreadsheet will not evaluate; non-strings pass through."""
    if value.__class__ is str and value and _needs_guard(value):
        return GUARD + value
    return value


def unneutralise(value):
    """Undo `neutralise` on a value read back from one of our CSV files."""
    if value.__class__ is str and value[:1] == GUARD and _needs_guard(value):
        return value[1:]
    return value


# --- cell conversion ---------------------------------------------------------------

def plain_text(v) -> str:
    """Any cell value as the text a person would type for it."""
    if v is None:
        return ''
    cls = v.__class__
    if cls is str:
        return v
    if cls is float:
        return str(int(v)) if v.is_integer() else repr(v)
    if cls is datetime:
        return v.strftime('%Y-%m-%d %H:%M:%S')
    if cls is date:
        return v.isoformat()
    return str(v)


def yuan_text(fen: int) -> str:
    """Integer fen as '12.34' with integer arithmetic (no float rounding)."""
    sign = '-' if fen < 0 else ''
    whole, cents = divmod(abs(int(fen)), 100)
    return f'{sign}{whole}.{cents:02d}'


def _x_text(v):
    if v is None:
        return None
    if v.__class__ is not str:
        v = plain_text(v)
    return v if len(v) <= XLSX_CELL_LIMIT else v[:XLSX_CELL_LIMIT]


def _x_int(v):
    return None if v is None or v == '' else int(v)


def _x_money(v):
    return None if v is None or v == '' else int(v) / 100


def _x_date(v):
    if v.__class__ is datetime:
        return v.date()
    return v if isinstance(v, date) else _x_text(v)


def _x_datetime(v):
    if v.__class__ is datetime:
        return v.replace(microsecond=0) if v.microsecond else v
    if isinstance(v, date):
        return datetime(v.year, v.month, v.day)
    return _x_text(v)


def _x_float(v):
    return None if v is None or v == '' else float(v)


def _c_text(v) -> str:
    if v is None:
        return ''
    s = v if v.__class__ is str else plain_text(v)
    return GUARD + s if s and s.lstrip(GUARD)[:1] in DANGEROUS else s


def _c_int(v) -> str:
    return '' if v is None or v == '' else str(int(v))


def _c_money(v) -> str:
    return '' if v is None or v == '' else yuan_text(v)


def _c_date(v) -> str:
    if isinstance(v, date):
        return v.strftime('%Y-%m-%d')
    return _c_text(v)


def _c_datetime(v) -> str:
    if v.__class__ is datetime:
        return v.strftime('%Y-%m-%d %H:%M:%S')
    if isinstance(v, date):
        return v.strftime('%Y-%m-%d 00:00:00')
    return _c_text(v)


def _c_float(v) -> str:
    return '' if v is None or v == '' else plain_text(float(v))


_XLSX = {'text': _x_text, 'int': _x_int, 'money': _x_money, 'date': _x_date,
         'datetime': _x_datetime, 'float': _x_float}
_CSV = {'text': _c_text, 'int': _c_int, 'money': _c_money, 'date': _c_date,
        'datetime': _c_datetime, 'float': _c_float}


# --- shared plumbing ---------------------------------------------------------------

def _check_columns(headers: Sequence[str], kinds: Sequence[str]) -> None:
    if len(headers) != len(kinds):
        raise ValueError('one kind per header')
    if len(set(headers)) != len(headers):
        raise ValueError(f'duplicate headers: {headers}')
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValueError(f'unknown column kinds: {bad}')


def _watched(rows: Iterable[Sequence], progress: Progress | None,
             cancelled: IsCancelled | None, total: int) -> Iterator[Sequence]:
    done = 0
    for row in rows:
        done += 1
        if done % _CHECK_EVERY == 0:
            check(cancelled)
            if progress:
                progress(done, total)
        yield row
    check(cancelled)
    if progress:
        progress(done, total or done)


@contextmanager
def atomic_path(path: str | os.PathLike, mode: int | None = None):
    """A temp path beside `path`; renamed onto it only if the block succeeds. `mode`:
    the file's permissions (default: the old file's, else a plain save's)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path('.')
    if not folder.is_dir():
        raise UserError(f'保存位置不存在：{folder}')
    try:
        fd, tmp = tempfile.mkstemp(prefix=f'.{path.stem}.', suffix='.part' + path.suffix,
                                   dir=folder)
    except OSError as e:
        raise UserError(f'无法在这个文件夹里保存文件：{folder}（{e.strerror}）') from e
    os.close(fd)
    try:
        yield tmp
        # mkstemp makes the file owner-only (0600); give it what a plain save would.
        try:
            if mode is None:
                mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
            os.chmod(tmp, mode)
        except OSError:
            pass
        try:
            os.replace(tmp, path)
        except PermissionError as e:
            # Windows refuses to replace a file that Excel has open.
            raise UserError(f'无法覆盖“{path.name}”，它可能正被 Excel 等软件打开，'
                            '请关闭后再试') from e
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def display_width(s: str) -> int:
    """Columns a string takes in a sheet: CJK and full-width characters count double."""
    if s.isascii():
        return max(map(len, s.split('\n'))) if '\n' in s else len(s)
    widest = 0
    for line in s.split('\n'):
        w = sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in line)
        widest = max(widest, w)
    return widest


def column_widths(headers: Sequence[str], kinds: Sequence[str],
                  sample: Sequence[Sequence]) -> list[int]:
    """Widths from the header and the first rows; +2 leaves room for the filter arrow."""
    widths = []
    for i, (header, kind) in enumerate(zip(headers, kinds)):
        w = display_width(header) + 2
        if kind in ('text', 'int'):
            for row in sample:
                w = max(w, display_width(plain_text(row[i])) + 1)
        else:
            w = max(w, _FIXED_WIDTH[kind])
        widths.append(min(max(w, _MIN_WIDTH), _MAX_WIDTH))
    return widths


# --- writers -----------------------------------------------------------------------

def write_xlsx(path, headers: Sequence[str], rows: Iterable[Sequence],
               column_kinds: Sequence[str], *, sheet_name: str = 'Sheet1',
               progress: Progress | None = None, cancelled: IsCancelled | None = None,
               total: int = 0) -> int:
    """Write one sheet: bold frozen header, filters, widths, typed cells. Returns data rows.

    `total` (if known) is passed to `progress(done, total)`; Cancel raises
    services.tasks.Cancelled and leaves no file behind.
    """
    import rustpy_xlsxwriter as rx   # lazy: only exports need it

    headers, kinds = list(headers), list(column_kinds)
    _check_columns(headers, kinds)
    rows = iter(rows)
    sample = list(islice(rows, _SAMPLE_ROWS))
    widths = column_widths(headers, kinds, sample)
    # Text cells are mostly short strings already: check those inline, convert the rest.
    texts = [(h, i) for i, (h, k) in enumerate(zip(headers, kinds)) if k == 'text']
    others = [(h, i, _XLSX[k]) for i, (h, k) in enumerate(zip(headers, kinds)) if k != 'text']
    count = 0

    def records():
        nonlocal count
        for row in _watched(chain(sample, rows), progress, cancelled, total):
            count += 1
            record = dict(zip(headers, row))
            for h, i in texts:
                v = row[i]
                if v.__class__ is not str or len(v) > XLSX_CELL_LIMIT:
                    record[h] = _x_text(v)
            for h, i, convert in others:
                record[h] = convert(row[i])
            yield record
        if count == 0:
            # With no rows the library would drop the header too: one blank row keeps it.
            yield dict.fromkeys(headers)

    with atomic_path(path) as tmp:
        rx.write_worksheet(records(), tmp, sheet_name=sheet_name, freeze_row=1,
                           bold_headers=True, autofilter=True, column_widths=widths,
                           column_formats=_xlsx_formats(rx, headers, kinds))
    return count


def _xlsx_formats(rx, headers: Sequence[str], kinds: Sequence[str]) -> dict:
    # Every column gets an explicit format: without one the library guesses from the
    # values it has seen, and has been seen to put a date format on plain numbers.
    made = {
        'text': lambda: rx.Format().set_num_format('@').set_quote_prefix(),
        'int': lambda: rx.Format().set_num_format('0'),
        'money': lambda: rx.Format().set_num_format('0.00'),
        'date': lambda: rx.Format().set_num_format('yyyy-mm-dd'),
        'datetime': lambda: rx.Format().set_num_format('yyyy-mm-dd hh:mm:ss'),
        'float': lambda: rx.Format().set_num_format('General'),
    }
    return {h: made[k]() for h, k in zip(headers, kinds)}


def write_csv(path, headers: Sequence[str], rows: Iterable[Sequence],
              column_kinds: Sequence[str], *, progress: Progress | None = None,
              cancelled: IsCancelled | None = None, total: int = 0) -> int:
    """UTF-8 with BOM (Excel on Windows then reads Chinese right) and CRLF line ends
    (RFC 4180, what Excel writes). Returns data rows."""
    headers, kinds = list(headers), list(column_kinds)
    _check_columns(headers, kinds)
    texts = [i for i, k in enumerate(kinds) if k == 'text']
    others = [(i, _CSV[k]) for i, k in enumerate(kinds) if k != 'text']
    count = 0
    with atomic_path(path) as tmp:
        with open(tmp, 'w', encoding='utf-8-sig', newline='') as f:
            out = csv.writer(f, lineterminator='\r\n')
            out.writerow([_c_text(h) for h in headers])
            for row in _watched(rows, progress, cancelled, total):
                cells = list(row)
                for i in texts:
                    v = cells[i]
                    # Cheap first look: most cells start with neither a guard nor a danger.
                    if v.__class__ is not str or v[:1] in _FIRST_LOOK:
                        cells[i] = _c_text(v)
                for i, convert in others:
                    cells[i] = convert(cells[i])
                out.writerow(cells)
                count += 1
    return count


def write_table(path, headers: Sequence[str], rows: Iterable[Sequence],
                column_kinds: Sequence[str], **options) -> int:
    """xlsx or CSV by the file's extension; anything else is refused."""
    suffix = Path(path).suffix.lower()
    if suffix == '.xlsx':
        return write_xlsx(path, headers, rows, column_kinds, **options)
    options.pop('sheet_name', None)
    if suffix == '.csv':
        return write_csv(path, headers, rows, column_kinds, **options)
    raise UserError(f'只能导出为 .xlsx 或 .csv 文件，不支持“{suffix or Path(path).name}”')

