"""Time the readers on 100,000 Taobao 订单报表 rows, as CSV (GBK) and as xlsx.

    PYTHONPATH=. .venv/bin/python bench/bench_readers.py [ROWS]

Two layouts: the full 30-column report as 卖家中心 exports it, and a narrow one with
only the 12 columns the reader uses (cost follows the number of cells). Files go to
bench/out/ (git-ignored) and are reused when present. Prints the bare read
(file -> Table) and read + normalise (-> OrderRecords), wall clock and CPU time.
Targets for the reader part: CSV under 1 s, xlsx under 2.5 s.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.files.platforms import parse_orders, read_orders  # noqa: E402
from services.files.safety import check_file  # noqa: E402
from services.files.table_reader import read_table  # noqa: E402

OUT = ROOT / 'bench' / 'out'
REPEAT = 5
HEADERS = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费',
           '买家支付积分', '总金额', '返点积分', '买家实际支付金额', '买家实际支付积分',
           '订单状态', '买家留言', '收货人姓名', '收货地址 ', '运送方式', '联系电话 ',
           '联系手机', '订单创建时间', '订单付款时间 ', '宝贝标题 ', '宝贝种类 ', '物流单号 ',
           '物流公司', '订单备注', '宝贝总数量', '店铺Id', '店铺名称', '订单关闭原因',
           '卖家服务费', '买家服务费']
STATES = ['交易成功'] * 7 + ['交易关闭', '等待买家付款', '买家已付款，等待卖家发货',
                              '卖家已发货，等待买家确认']
PLACES = ['浙江省 杭州市 西湖区', '广东省 深圳市 南山区', '北京 北京市 朝阳区',
          '四川省 成都市 武侯区', '江苏省 苏州市 工业园区']
NAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'


def rows(n: int):
    rnd = random.Random(7)
    t0 = datetime(2023, 1, 1)
    for i in range(n):
        created = t0 + timedelta(seconds=rnd.randrange(0, 365 * 86400))
        paid = created + timedelta(minutes=rnd.randrange(1, 90))
        price = rnd.randrange(990, 99900)
        name = rnd.choice(NAMES) + rnd.choice(NAMES)
        state = rnd.choice(STATES)
        yield [f'="{3000000000000000000 + i * 7919}"', f'tb_{rnd.randrange(30000):05d}{name}',
               '**', f'{price / 100:.2f}', '0.00', '0', f'{price / 100:.2f}', '0',
               f'{price / 100:.2f}元' if i % 3 else f'{price / 100:.2f}', '0', state,
               '麻烦快点发货,谢谢' if i % 97 == 0 else '', name,
               f'{rnd.choice(PLACES)} 文三路{i % 500}号(310000)', '快递',
               '', f"'138{i % 100000000:08d}" if i % 2 else '138****1234',
               created.strftime('%Y-%m-%d %H:%M:%S'),
               '' if state == '等待买家付款' else
               f'{paid.year}/{paid.month}/{paid.day} {paid.hour}:{paid.minute:02d}' if i % 2
               else paid.strftime('%Y-%m-%d %H:%M:%S'),
               '加厚羊毛衫 秋冬款', '1', f'YT{i}', '圆通速递', '', str(rnd.randrange(1, 4)),
               '123456', '掌柜小店', '', '0', '0']


# The columns the Taobao reader uses: a "narrow" export to show how cost follows columns.
NARROW = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '买家留言', '收货人姓名',
          '收货地址 ', '联系手机', '订单创建时间', '订单付款时间 ', '宝贝总数量', '订单备注']


def _field(v: str) -> str:
    # As Taobao writes it: ="..." ids bare, only cells with a comma or newline quoted.
    if ',' in v or '\n' in v or v.startswith('"'):
        return '"' + v.replace('"', '""') + '"'
    return v


def layout(headers: list[str], n: int):
    pick = [HEADERS.index(h) for h in headers]
    for r in rows(n):
        yield [r[i] for i in pick]


def make_csv(path: Path, headers: list[str], n: int):
    with open(path, 'w', encoding='gb18030', newline='') as f:
        f.write(','.join(headers) + '\r\n')
        for r in layout(headers, n):
            f.write(','.join(map(_field, r)) + '\r\n')


def make_xlsx(path: Path, headers: list[str], n: int):
    """Typed cells as 千牛 saves them: order numbers as text, money/dates as values."""
    from services.files import cells
    conv = {'订单编号': cells.ident, '联系手机': cells.phone, '订单创建时间': cells.when,
            '订单付款时间 ': cells.when, '宝贝总数量': int,
            **{h: (lambda v: cells.money(v) / 100) for h in ('买家应付货款', '总金额',
                                                         '买家实际支付金额')}}
    convs = [conv.get(h) for h in headers]

    def typed(r):
        return [f(v) if f and v != '' else v for f, v in zip(convs, r)]
    try:
        import xlsxwriter
    except ImportError:
        xlsxwriter = None
    if xlsxwriter is not None:
        wb = xlsxwriter.Workbook(str(path))   # shared strings, as Excel and 千牛 write
        ws = wb.add_worksheet('订单报表')
        fmt = wb.add_format({'num_format': 'yyyy-mm-dd hh:mm:ss'})
        ws.write_row(0, 0, headers)
        for i, r in enumerate(layout(headers, n), start=1):
            for j, v in enumerate(typed(r)):
                if isinstance(v, datetime):
                    ws.write_datetime(i, j, v, fmt)
                elif isinstance(v, str):
                    if v:
                        ws.write_string(i, j, v)
                elif v is not None:
                    ws.write_number(i, j, v)
        wb.close()
        return
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet('订单报表')
    ws.append(headers)
    for r in layout(headers, n):
        ws.append(typed(r))
    wb.save(path)


def timed(label: str, fn, repeat: int = 1):
    """Best of `repeat` runs, wall clock and CPU: the box is shared, CPU time is the
    code's own cost when other jobs compete for the two cores."""
    best = cpu = None
    result = None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        took, used = time.perf_counter() - t, time.process_time() - c
        best = took if best is None else min(best, took)
        cpu = used if cpu is None else min(cpu, used)
    print(f'  {label:<34} {best:6.2f} s wall {cpu:6.2f} s cpu')
    return result


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    OUT.mkdir(parents=True, exist_ok=True)
    files = []
    for name, headers in (('taobao', HEADERS), ('taobao_narrow', NARROW)):
        for ext, make in (('csv', make_csv), ('xlsx', make_xlsx)):
            path = OUT / f'{name}_{n}.{ext}'
            if not path.exists():
                timed(f'generate {path.name} (once)', lambda: make(path, headers, n))
            files.append((path, len(headers)))
    for path, width in files:
        size = path.stat().st_size / 1e6
        print(f'{path.name}: {n} rows x {width} columns, {size:.1f} MB (best of {REPEAT})')
        kind = timed('check_file', lambda: check_file(path), REPEAT)
        table = timed('read_table (bare read)', lambda: read_table(path, kind), REPEAT)
        timed('parse_orders (normalise)', lambda: parse_orders(table), REPEAT)
        del table
        parsed = timed('TOTAL read_orders (all of it)', lambda: read_orders(path), REPEAT)
        print(f'  -> {len(parsed.records)} orders, {len(parsed.problems)} problems')


if __name__ == '__main__':
    main()
