"""Hostile and useless files are refused quickly, with one sentence naming the file."""
import os
import struct
import time
import zipfile

import pytest

from services.errors import UserError
from services.files.safety import check_file
from services.files.table_reader import read_table

from order_samples import taobao_matrix, write_csv, write_xlsx


def refused(path, *words):
    """The refusal: a UserError, one sentence naming the file, in well under a second."""
    t = time.perf_counter()
    with pytest.raises(UserError) as e:
        read_table(path)
    took = time.perf_counter() - t
    msg = str(e.value)
    assert f'「{path.name}」' in msg
    assert msg.count('。') == 1 and msg.endswith('。'), msg
    for w in words:
        assert w in msg, msg
    assert took < 1.0, f'refusal took {took:.2f} s'
    return msg


def _minimal_xlsx_parts(shared_strings: bytes | None = None) -> dict[str, bytes]:
    ct = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
          b'org/package/2006/content-types"><Default Extension="xml" ContentType="application/'
          b'xml"/></Types>')
    wb = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats'
          b'.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets>'
          b'</workbook>')
    parts = {'[Content_Types].xml': ct, 'xl/workbook.xml': wb}
    if shared_strings is not None:
        parts['xl/sharedStrings.xml'] = shared_strings
    return parts


def _zip(path, parts: dict[str, bytes]):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_kinds_are_detected_by_content_not_name(tmp_path):
    csv_named_xlsx = write_csv(tmp_path / 'orders.xlsx', taobao_matrix())
    xlsx_named_csv = write_xlsx(tmp_path / 'orders.csv', taobao_matrix())
    assert check_file(csv_named_xlsx) == 'csv'
    assert check_file(xlsx_named_csv) == 'xlsx'
    assert read_table(xlsx_named_csv).headers[0] == '订单编号'
    ole = tmp_path / 'old.xls'
    ole.write_bytes(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\x00' * 600)
    assert check_file(ole) == 'xls'


def test_missing_and_empty_files(tmp_path):
    refused(tmp_path / '不存在.csv', '不存在')
    empty = tmp_path / '空文件.csv'
    empty.write_bytes(b'')
    refused(empty, '空')


def test_header_only_and_no_header(tmp_path):
    only = write_csv(tmp_path / 'header.csv', [taobao_matrix()[0]])
    refused(only, '没有数据行')
    one_column = tmp_path / 'list.csv'
    one_column.write_text('旺旺名\n张三\n李四\n', encoding='utf-8')
    refused(one_column, '表头')
    blank_rows = tmp_path / 'blank.xlsx'
    write_xlsx(blank_rows, [[None, None], [None, None]])
    refused(blank_rows, '表头')


def test_pictures_pdfs_programs_renamed(tmp_path):
    png = tmp_path / '订单.xlsx'
    png.write_bytes(b'\x89PNG\r\n\x1a\n' + os.urandom(2000))
    refused(png, '图片')
    pdf = tmp_path / '订单.csv'
    pdf.write_bytes(b'%PDF-1.7\n' + os.urandom(2000))
    refused(pdf, 'PDF')
    exe = tmp_path / '订单2.xlsx'
    exe.write_bytes(b'MZ\x90\x00' + os.urandom(2000))
    refused(exe, '程序')
    garbage = tmp_path / 'garbage.csv'
    garbage.write_bytes(os.urandom(5000))
    refused(garbage)
    html = tmp_path / '网页.xls'
    html.write_text('<html><body><table><tr><td>订单编号</td></tr></table></body></html>',
                    encoding='utf-8')
    refused(html, '网页')


def test_other_zip_files(tmp_path):
    docx = _zip(tmp_path / 'report.xlsx', {'[Content_Types].xml': b'<Types/>',
                                          'word/document.xml': b'<document/>'})
    refused(docx, 'Word')
    plain = _zip(tmp_path / 'photos.xlsx', {'a.txt': b'hello'})
    refused(plain, '压缩包')


def test_truncated_zip(tmp_path):
    good = write_xlsx(tmp_path / 'good.xlsx', taobao_matrix())
    cut = tmp_path / '截断.xlsx'
    cut.write_bytes(good.read_bytes()[:good.stat().st_size // 2])
    refused(cut, '损坏')


def test_billion_laughs_in_shared_strings(tmp_path):
    lol = [b'<!ENTITY lol "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (i, b''.join(b'&lol%s;' % (str(i - 1).encode() if i > 1
                                                              else b'') for _ in range(10)))
        for i in range(1, 10)]
    bomb = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [' + b''.join(lol) + b']>\n'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<si><t>&lol9;</t></si></sst>')
    path = _zip(tmp_path / 'laughs.xlsx', _minimal_xlsx_parts(bomb))
    refused(path, '实体')


def test_entity_hidden_after_a_long_comment_is_still_found(tmp_path):
    padded = (b'<?xml version="1.0"?><!--' + b' ' * 20000 + b'-->'
              b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><sst>&e;</sst>')
    path = _zip(tmp_path / 'xxe.xlsx', _minimal_xlsx_parts(padded))
    refused(path, '实体')


def test_entity_in_the_workbook_part(tmp_path):
    parts = _minimal_xlsx_parts()
    parts['xl/workbook.xml'] = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]>'
                                b'<workbook>&a;</workbook>')
    refused(_zip(tmp_path / 'wb.xlsx', parts), '实体')


def test_zip_bomb(tmp_path):
    # 200 MB of one byte compresses to ~200 KB: small on disk, absurd when unpacked.
    path = tmp_path / 'bomb.xlsx'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in _minimal_xlsx_parts().items():
            z.writestr(name, data)
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
            chunk = b'\x00' * (1 << 20)
            for _ in range(200):
                f.write(chunk)
    assert path.stat().st_size < 1_000_000
    refused(path, '压缩炸弹')


def test_huge_file_refused_by_size_without_reading(tmp_path):
    big = tmp_path / '三百兆.csv'
    with open(big, 'wb') as f:
        f.truncate(300 * 1024 * 1024)           # sparse: nothing is written to disk
    refused(big, '100 MB')


def test_a_good_file_passes(tmp_path):
    assert check_file(write_xlsx(tmp_path / 'ok.xlsx', taobao_matrix())) == 'xlsx'
    assert check_file(write_csv(tmp_path / 'ok.csv', taobao_matrix())) == 'csv'
    assert check_file(write_csv(tmp_path / 'ok8.csv', taobao_matrix(), 'utf-8-sig')) == 'csv'


def test_part_larger_than_its_declared_size(tmp_path):
    """A zip whose directory lies about a part's size: the reader stops at the declared size."""
    path = write_xlsx(tmp_path / 'liar.xlsx', [['订单号', '买家']] +
                      [[f'A{i}', f'买家{i}'] for i in range(20000)])
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo('xl/worksheets/sheet1.xml')
    assert info.file_size > 500_000
    fake = struct.pack('<I', 2000)
    name = info.filename.encode()
    at = data.find(b'PK\x01\x02')
    while at >= 0:                                   # central directory entry of the sheet
        n = struct.unpack('<H', data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + n] == name:
            data[at + 24:at + 28] = fake
        at = data.find(b'PK\x01\x02', at + 4)
    data[info.header_offset + 22:info.header_offset + 26] = fake
    path.write_bytes(bytes(data))
    refused(path, '损坏')


def test_entity_in_a_part_not_named_xml(tmp_path):
    parts = _minimal_xlsx_parts()
    parts['xl/worksheets/data.bin'] = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]>'
                                       b'<worksheet>&a;</worksheet>')
    refused(_zip(tmp_path / 'renamed.xlsx', parts), '实体')
