"""Compare xlsx writers on a member-sheet-shaped table (the choice behind files/writers.py).

    python bench/bench_writers.py [--rows 100000]

Each writer gets the same rows (20 columns: text ids/phones/nicks, ints, money,
dates, datetimes, long notes) and writes one sheet with a bold header. The
time includes turning a row into whatever the library wants (dicts, typed
calls); building the rows themselves is timed once, apart. Writers not
installed are skipped (only rustpy-xlsxwriter and openpyxl are in
requirements.txt; `pip install xlsxwriter pyexcelerate` to compare them too).
Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HEADERS = ['会员编号', '买家会员名', '平台', '姓名', '手机', '微信', '性别', '生日', '生日类型',
           '地区', '地址', '会员等级', '积分', '订单数', '累计消费', '首次购买', '最近购买',
           'RFM分群', '标签', '备注']
KINDS = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text',
         'text', 'text', 'int', 'int', 'money', 'datetime', 'datetime', 'text', 'text', 'text']


def make_rows(n: int) -> list[list]:
    rnd = random.Random(7)
    start = datetime(2021, 1, 1)
    rows = []
    for i in range(n):
        first = start + timedelta(minutes=rnd.randrange(1_500_000))
        rows.append([
            str(i + 1), f'tb_买家{i:06d}', '淘宝', rnd.choice(['张伟', '王芳', '李娜', '']),
            f'13{rnd.randrange(10**9):09d}', f'wx{i}', rnd.choice(['男', '女', '']),
            f'{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}', '公历', '浙江省 杭州市',
            '西湖区文三路 100 号 3 幢 1201 室', 'VIP会员', rnd.randrange(5000),
            rnd.randrange(1, 40), rnd.randrange(100, 10**7) / 100, first,
            first + timedelta(days=rnd.randrange(400)), '重要价值客户', '回头客,敏感肌',
            '喜欢小样' if i % 3 else ''])
    return rows


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def w_xlsxwriter(path, rows, constant_memory=False):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {'constant_memory': constant_memory,
                                    'strings_to_formulas': False, 'strings_to_numbers': False,
                                    'strings_to_urls': False})
    ws = wb.add_worksheet()
    bold = wb.add_format({'bold': True})
    money = wb.add_format({'num_format': '0.00'})
    stamp = wb.add_format({'num_format': 'yyyy-mm-dd hh:mm:ss'})
    ws.write_row(0, 0, HEADERS, bold)
    ws.set_column(14, 14, 12, money)
    ws.set_column(15, 16, 19, stamp)
    ws.freeze_panes(1, 0)
    write_row = ws.write_row
    for r, row in enumerate(rows, 1):
        write_row(r, 0, row)       # column formats fill in for unformatted cells
    ws.autofilter(0, 0, len(rows), len(HEADERS) - 1)
    wb.close()


def w_xlsxwriter_cm(path, rows):
    w_xlsxwriter(path, rows, constant_memory=True)


def w_xlsxwriter_typed(path, rows):
    """Per-cell typed calls (write_string/number/datetime): the fully explicit way."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {'constant_memory': True})
    ws = wb.add_worksheet()
    bold = wb.add_format({'bold': True})
    money = wb.add_format({'num_format': '0.00'})
    stamp = wb.add_format({'num_format': 'yyyy-mm-dd hh:mm:ss'})
    ws.write_row(0, 0, HEADERS, bold)
    ws.freeze_panes(1, 0)
    calls = []
    for kind in KINDS:
        if kind == 'text':
            calls.append((ws.write_string, None))
        elif kind == 'money':
            calls.append((ws.write_number, money))
        elif kind == 'datetime':
            calls.append((ws.write_datetime, stamp))
        else:
            calls.append((ws.write_number, None))
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            call, fmt = calls[c]
            call(r, c, value, fmt)
    ws.autofilter(0, 0, len(rows), len(HEADERS) - 1)
    wb.close()


def w_openpyxl(path, rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.freeze_panes = 'A2'
    header = []
    for h in HEADERS:
        cell = WriteOnlyCell(ws, h)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.auto_filter.ref = f'A1:T{len(rows) + 1}'
    wb.save(path)


def w_rustpy(path, rows):
    import rustpy_xlsxwriter as rx
    fmts = {h: rx.Format().set_num_format('0.00') for h, k in zip(HEADERS, KINDS) if k == 'money'}
    fmts.update({h: rx.Format().set_num_format('yyyy-mm-dd hh:mm:ss')
                 for h, k in zip(HEADERS, KINDS) if k == 'datetime'})
    rx.write_worksheet((dict(zip(HEADERS, row)) for row in rows), path, freeze_row=1,
                       bold_headers=True, autofilter=True, column_formats=fmts)


def w_ours(path, rows):
    """The app's own writer: rustpy-xlsxwriter plus conversion, widths and formats."""
    from services.files.writers import write_xlsx
    kinds = ['float' if k == 'money' else k for k in KINDS]    # these rows hold yuan
    write_xlsx(path, HEADERS, rows, kinds)


def w_pyexcelerate(path, rows):
    from pyexcelerate import Workbook
    wb = Workbook()
    # Note: pyexcelerate turns any str starting with '=' into a formula.
    wb.new_sheet('Sheet1', data=[HEADERS] + rows)
    wb.save(path)


WRITERS = [
    ('xlsxwriter 3.3.1, write_row', w_xlsxwriter),
    ('xlsxwriter 3.3.1, constant_memory, write_row', w_xlsxwriter_cm),
    ('xlsxwriter 3.3.1, constant_memory, typed per cell', w_xlsxwriter_typed),
    ('openpyxl 3.1.5 write_only', w_openpyxl),
    ('rustpy-xlsxwriter 0.8.0', w_rustpy),
    ('pyexcelerate 0.13.0', w_pyexcelerate),
    ('services.files.writers.write_xlsx (rustpy + typing, widths, formats)', w_ours),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--rows', type=int, default=100_000)
    parser.add_argument('--only', default='', help='substring of a writer name')
    args = parser.parse_args()
    t = time.perf_counter()
    rows = make_rows(args.rows)
    print(f'built {args.rows:,} rows x {len(HEADERS)} in {time.perf_counter() - t:.2f} s; '
          f'peak {peak_mb():.0f} MB so far\n')
    print('| writer | seconds | file MB |')
    print('| --- | ---: | ---: |')
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn in WRITERS:
            if args.only and args.only not in name:
                continue
            path = os.path.join(tmp, 'out.xlsx')
            t = time.perf_counter()
            try:
                fn(path, rows)
            except ImportError as e:
                print(f'| {name} | not installed ({e.name}) | |')
                continue
            took = time.perf_counter() - t
            print(f'| {name} | {took:.2f} | {os.path.getsize(path) / 2**20:.1f} |', flush=True)
            os.remove(path)


if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
