"""services.files.writers: injection guard, typed cells, sheet furniture, atomic writes."""
from __future__ import annotations

import csv
import re
import zipfile
from datetime import date, datetime

import pytest

from services.errors import UserError
from services.files.writers import (DANGEROUS, XLSX_CELL_LIMIT, column_widths, display_width,
                                    neutralise, unneutralise, write_csv, write_table,
                                    write_xlsx, yuan_text)
from services.tasks import Cancelled

HEADERS = ['订单号', '手机', '数量', '金额', '日期', '时间', '比例', '备注']
KINDS = ['text', 'text', 'int', 'money', 'date', 'datetime', 'float', 'text']
ATTACKS = ['=1+1', '+86 138 0000 0000', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR', '\nLF',
           '=HYPERLINK("http://evil","点我")', "'=already quoted", "''+two quotes"]


def sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read('xl/worksheets/sheet1.xml').decode('utf-8')


def read_xlsx(path) -> list[list]:
    import python_calamine as pc
    return pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def read_csv(path) -> list[list[str]]:
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


def sample_rows():
    return [
        ['1930123456789012345', '05718888666', 3, 123456, date(2024, 2, 29),
         datetime(2024, 2, 29, 23, 59, 58), 0.125, '第一行\n第二行'],
        ['0001', '+8613800000000', -2, -5, datetime(2024, 1, 2, 3, 4, 5), date(2024, 1, 3),
         -1.5, '😀 表情'],
        ['2', None, None, None, None, None, None, None],
    ]


# --- the guard itself --------------------------------------------------------------

@pytest.mark.parametrize('value', ATTACKS + ['plain', '', "'plain", '12', '张三', '=', "'"])
def test_neutralise_round_trips_and_guards(value):
    guarded = neutralise(value)
    assert unneutralise(guarded) == value
    if value.lstrip("'")[:1] in DANGEROUS:
        assert guarded == "'" + value
    else:
        assert guarded == value


def test_neutralise_leaves_non_strings_alone():
    assert neutralise(-12) == -12
    assert neutralise(-1.5) == -1.5
    assert neutralise(None) is None


def test_yuan_text_is_exact():
    assert [yuan_text(v) for v in (0, 5, -5, 100, 123456, -123456, 10**12 + 1)] == [
        '0.00', '0.05', '-0.05', '1.00', '1234.56', '-1234.56', '10000000000.01']


def test_display_width_counts_cjk_double():
    assert display_width('abc') == 3
    assert display_width('张三') == 4
    assert display_width('ab\n张三丰') == 6
    widths = column_widths(['手机', '备注'], ['text', 'text'], [['13800000000', 'x' * 200]])
    assert widths == [12, 50]


# --- xlsx --------------------------------------------------------------------------

def test_xlsx_injection_is_stored_as_plain_strings(tmp_path):
    path = tmp_path / 'attack.xlsx'
    write_xlsx(path, ['值'], [[a] for a in ATTACKS], ['text'])
    xml = sheet_xml(path)
    assert '<f>' not in xml and '<f ' not in xml          # no formula anywhere
    rows = read_xlsx(path)
    assert [r[0] for r in rows[1:]] == ATTACKS             # no prefix: exact value back
    assert xml.count('t="inlineStr"') == len(ATTACKS) + 1


def test_xlsx_typed_cells_and_furniture(tmp_path):
    path = tmp_path / '导出.xlsx'
    assert write_xlsx(path, HEADERS, iter(sample_rows()), KINDS) == 3
    rows = read_xlsx(path)
    assert rows[0] == HEADERS
    first, second = rows[1], rows[2]
    assert first[:2] == ['1930123456789012345', '05718888666']          # text stays text
    assert first[2] == 3 and first[3] == 1234.56 and round(first[3] * 100) == 123456
    assert first[4] == date(2024, 2, 29)
    assert first[5] == datetime(2024, 2, 29, 23, 59, 58)
    assert first[6] == 0.125 and first[7] == '第一行\n第二行'
    assert second[1] == '+8613800000000' and second[3] == -0.05
    assert second[4] == date(2024, 1, 2)                 # a datetime in a date column
    assert second[7] == '😀 表情'
    assert rows[3][0] == '2'
    xml = sheet_xml(path)
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in xml
    assert re.search(r'<autoFilter ref="A1:H\d+"/>', xml)
    assert re.search(r'<col min="8" max="8" width="[\d.]+"', xml)
    with zipfile.ZipFile(path) as z:
        styles = z.read('xl/styles.xml').decode()
    assert '<b/>' in styles                               # bold header font
    for code in ('0.00', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss', '@'):
        assert f'formatCode="{code}"' in styles


def test_xlsx_long_text_is_cut_to_excel_limit(tmp_path):
    path = tmp_path / 'long.xlsx'
    write_xlsx(path, ['备注'], [['字' * (XLSX_CELL_LIMIT + 10)]], ['text'])
    assert len(read_xlsx(path)[1][0]) == XLSX_CELL_LIMIT


def test_xlsx_with_no_rows_keeps_the_header(tmp_path):
    path = tmp_path / 'empty.xlsx'
    assert write_xlsx(path, HEADERS, [], KINDS) == 0
    assert read_xlsx(path)[0] == HEADERS


def test_xlsx_reports_progress(tmp_path):
    seen = []
    write_xlsx(tmp_path / 'p.xlsx', ['a'], ([str(i)] for i in range(2500)), ['text'],
               progress=lambda done, total: seen.append((done, total)), total=2500)
    assert seen == [(1000, 2500), (2000, 2500), (2500, 2500)]


# --- CSV ---------------------------------------------------------------------------

def test_csv_has_bom_crlf_and_plain_values(tmp_path):
    path = tmp_path / 'out.csv'
    write_csv(path, HEADERS, sample_rows(), KINDS)
    data = path.read_bytes()
    assert data.startswith(b'\xef\xbb\xbf') and b'\r\n' in data
    rows = read_csv(path)
    assert rows[0] == HEADERS
    assert rows[1] == ['1930123456789012345', '05718888666', '3', '1234.56', '2024-02-29',
                       '2024-02-29 23:59:58', '0.125', '第一行\n第二行']
    # A phone starting with + is guarded; negative numbers are numbers, not formulas.
    assert rows[2] == ['0001', "'+8613800000000", '-2', '-0.05', '2024-01-02',
                       '2024-01-03 00:00:00', '-1.5', '😀 表情']
    assert rows[3] == ['2', '', '', '', '', '', '', '']


def test_csv_injection_gets_the_guard(tmp_path):
    path = tmp_path / 'attack.csv'
    write_csv(path, ['值'], [[a] for a in ATTACKS], ['text'])
    values = [r[0] for r in read_csv(path)[1:]]
    for raw, written in zip(ATTACKS, values):
        assert written == "'" + raw
        assert unneutralise(written) == raw


# --- both --------------------------------------------------------------------------

@pytest.mark.parametrize('suffix', ['.xlsx', '.csv'])
def test_cancel_leaves_no_file_and_keeps_an_old_one(tmp_path, suffix):
    path = tmp_path / f'out{suffix}'
    path.write_bytes(b'old export')
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) >= 2
    with pytest.raises(Cancelled):
        write_table(path, ['a'], ([str(i)] for i in range(5000)), ['text'],
                    cancelled=cancelled)
    assert path.read_bytes() == b'old export'
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize('suffix', ['.xlsx', '.csv'])
def test_failure_midway_leaves_no_partial_file(tmp_path, suffix):
    def rows():
        yield ['1']
        raise RuntimeError('disk gone')
    with pytest.raises(RuntimeError):
        write_table(tmp_path / f'x{suffix}', ['a'], rows(), ['text'])
    assert list(tmp_path.iterdir()) == []


def test_unknown_suffix_and_missing_folder_are_user_errors(tmp_path):
    with pytest.raises(UserError, match='xlsx'):
        write_table(tmp_path / 'a.xls', ['a'], [], ['text'])
    with pytest.raises(UserError, match='不存在'):
        write_table(tmp_path / 'nope' / 'a.csv', ['a'], [], ['text'])
    with pytest.raises(ValueError):
        write_table(tmp_path / 'a.csv', ['a', 'a'], [], ['text', 'text'])
