"""Any csv/xlsx into a Table: encodings, delimiters, title rows, blank rows, row numbers."""
from datetime import datetime

import pytest

from services.files.table_reader import clean_header, read_table
from services.tasks import Cancelled

from order_samples import taobao_matrix, write_csv, write_xlsx


@pytest.mark.parametrize('encoding', ['gbk', 'gb18030', 'utf-8-sig', 'utf-8', 'utf-16'])
def test_encodings(tmp_path, encoding):
    m = taobao_matrix()
    path = write_csv(tmp_path / 'o.csv', m, encoding=encoding)
    t = read_table(path)
    assert t.headers[:3] == ['订单编号', '买家会员名', '买家支付宝账号']
    assert '收货地址' in t.headers and '订单付款时间' in t.headers     # trailing spaces gone
    assert t.raw_headers[13] == '收货地址'
    assert t.rows[0][1] == 'tb_小雨点' and t.rows[0][0] == '="1930123456789012345"'
    assert t.row_numbers == [2, 3, 4, 5, 6]
    assert t.encoding == {'gbk': 'gb18030', 'utf-8-sig': 'utf-8'}.get(encoding, encoding)


def test_rare_characters_only_gb18030_has(tmp_path):
    # 𠮷 is outside GBK; a GB18030 file must still read.
    path = tmp_path / 'rare.csv'
    path.write_bytes('买家会员名,姓名\n𠮷野家,张𠮷\n'.encode('gb18030'))
    t = read_table(path)
    assert t.rows == [['𠮷野家', '张𠮷']]


def test_tab_separated_and_ragged_rows(tmp_path):
    path = tmp_path / 'tabs.txt'
    path.write_text('订单号\t买家\t金额\nA1\t张三\t10\nA2\t李四\nA3\t王五\t30\t多余\n',
                    encoding='utf-8')
    t = read_table(path)
    assert t.headers == ['订单号', '买家', '金额']
    assert t.rows == [['A1', '张三', '10'], ['A2', '李四', None], ['A3', '王五', '30']]


def test_quoted_cells_with_commas_and_newlines(tmp_path):
    path = tmp_path / 'q.csv'
    path.write_text('订单编号,买家留言,金额\r\n="1",普通,1\r\n="2","麻烦快点,谢谢\r\n第二行",2\r\n'
                    '"3","他说""好的""",3\r\n', encoding='utf-8')
    t = read_table(path)
    assert t.rows[1] == ['="2"', '麻烦快点,谢谢\n第二行', '2']
    assert t.rows[2] == ['3', '他说"好的"', '3']
    assert t.row_numbers == [2, 3, 4]


def test_title_row_and_blank_rows_keep_spreadsheet_numbers(tmp_path):
    path = tmp_path / 'titled.xlsx'
    write_xlsx(path, [['订单号', '买家', '金额'], ['A1', '张三', 10], [None, None, None],
                      ['A2', '李四', 20.5]], title='掌柜小店 订单导出 2024-01')
    t = read_table(path)
    assert t.header_row == 2 and t.headers == ['订单号', '买家', '金额']
    assert t.rows == [['A1', '张三', 10], ['A2', '李四', 20.5]]
    assert t.row_numbers == [3, 5]
    csv_path = tmp_path / 'titled.csv'
    csv_path.write_text('订单导出\n\n订单号,买家\nA1,张三\n,\nA2,李四\n', encoding='utf-8')
    t = read_table(csv_path)
    assert t.header_row == 3 and t.row_numbers == [4, 6]


def test_xlsx_cells_keep_their_types(tmp_path):
    path = write_xlsx(tmp_path / 't.xlsx', [
        ['订单号', '手机', '金额', '时间', '长号'],
        ['A1', 13800001234, 598.0, datetime(2024, 1, 2, 3, 4, 5), 1930123456789012345],
        ['A2', '138****1234', 12.5, datetime(2024, 1, 3), 123456789012345],
    ])
    t = read_table(path)
    a, b = t.rows
    assert a[1] == 13800001234 and type(a[1]) is int        # integral numbers come back as int
    assert a[2] == 598 and b[2] == 12.5
    assert a[3] == datetime(2024, 1, 2, 3, 4, 5)
    assert type(a[4]) is float                               # a rounded 19-digit number stays
    assert b[4] == 123456789012345                           # float so readers can refuse it


def test_first_sheet_with_a_header_wins(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.title = '说明'
    wb.active.append(['本表由系统导出'])
    ws = wb.create_sheet('订单')
    ws.append(['订单号', '买家'])
    ws.append(['A1', '张三'])
    path = tmp_path / 'sheets.xlsx'
    wb.save(path)
    t = read_table(path)
    assert t.sheet == '订单' and t.rows == [['A1', '张三']]


def test_clean_header():
    assert clean_header('\ufeff"收货地址 "') == '收货地址'
    assert clean_header('用户实付金额（元）') == '用户实付金额(元)'
    assert clean_header(' 订单\u3000编号 ') == '订单编号'


def test_progress_and_cancel(tmp_path):
    rows = [['订单号', '买家']] + [[f'A{i}', f'买家{i}'] for i in range(12000)]
    path = write_csv(tmp_path / 'big.csv', rows, 'utf-8')
    seen = []
    read_table(path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(Cancelled):
        read_table(path, cancelled=lambda: True)


def test_mostly_plain_csv_with_one_multiline_cell(tmp_path):
    lines = ['订单编号,买家留言,金额'] + [f'="{i}",,{i}' for i in range(40)]
    lines[10] = '="9","第一行\r\n第二行,有逗号",9'
    path = tmp_path / 'mixed.csv'
    path.write_bytes('\r\n'.join(lines).encode('gbk'))
    t = read_table(path)
    assert len(t.rows) == 40
    assert t.rows[9] == ['="9"', '第一行\n第二行,有逗号', '9']
    assert t.rows[10] == ['="10"', '', '10'] and t.row_numbers[10] == 12
