"""Decide what a file really is, and refuse hostile or useless ones before parsing.

Everything here reads at most a few hundred kilobytes (the zip central directory,
the first bytes of each XML part, the head of a text file), so a refusal is
quick and memory stays bounded whatever the file claims to be.
"""
from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

from ..errors import UserError

# Reading holds the whole table in memory, ~11x the CSV's size (a 63 MB file peaked at
# 729 MB): 100 MB is ~400,000 Taobao rows and stays near 1 GB.
MAX_FILE_BYTES = 100 * 1024 * 1024
# A 100k-row export unpacks to ~100 MB of XML; ten times that is not a shop's file.
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
# Sheet XML compresses 5-30x, very repetitive sheets ~100x; zip bombs go far beyond.
MAX_RATIO = 250
RATIO_FLOOR = 4 * 1024 * 1024      # small parts may compress absurdly well and harm no one
MAX_PARTS = 10000
PROLOG_SCAN = 64 * 1024            # the XML prolog (where a DTD would sit) must fit in here
TEXT_SAMPLE = 64 * 1024

_OLE = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'
_ZIP = (b'PK\x03\x04', b'PK\x05\x06')
_NOT_TABLES = (
    (b'\x89PNG', '图片'), (b'\xff\xd8\xff', '图片'), (b'GIF8', '图片'), (b'BM', None),
    (b'RIFF', '图片或音视频'), (b'%PDF', 'PDF文档'), (b'MZ', '程序'), (b'\x7fELF', '程序'),
    (b'Rar!', '压缩包'), (b'7z\xbc\xaf', '压缩包'), (b'\x1f\x8b', '压缩包'),
    (b'{\\rtf', 'RTF文档'),
)


def _refuse(path, why: str):
    raise UserError(f'无法读取「{Path(path).name}」：{why}')


def check_file(path) -> str:
    """'csv', 'xlsx' or 'xls' by content; UserError (one sentence naming the file) if not."""
    try:
        size = os.path.getsize(path)
    except OSError:
        _refuse(path, '文件不存在或没有权限打开。')
    if not os.path.isfile(path):
        _refuse(path, '这不是一个文件。')
    if size == 0:
        _refuse(path, '文件是空的。')
    if size > MAX_FILE_BYTES:
        _refuse(path, f'文件有 {size // (1024 * 1024)} MB，超过了 {MAX_FILE_BYTES // (1024 * 1024)} MB '
                      '的上限，请按时间分几次导出。')
    try:
        with open(path, 'rb') as f:
            head = f.read(TEXT_SAMPLE)
    except OSError:
        _refuse(path, '文件打不开，可能正被别的程序占用。')
    if head.startswith(_OLE):
        return 'xls'
    if head.startswith(_ZIP):
        _check_xlsx(path)
        return 'xlsx'
    for magic, what in _NOT_TABLES:
        if head.startswith(magic) and (what or _looks_binary(head)):
            _refuse(path, f'这是{what or "图片"}，不是表格文件。')
    _check_text(path, head, size)
    return 'csv'


def _check_xlsx(path) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        _refuse(path, '文件已损坏或不完整（压缩结构读不出来），请重新导出。')
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if '[Content_Types].xml' not in names or 'xl/workbook.xml' not in names:
            if 'word/document.xml' in names:
                _refuse(path, '这是 Word 文档，不是表格。')
            if 'ppt/presentation.xml' in names:
                _refuse(path, '这是 PPT 演示文稿，不是表格。')
            _refuse(path, '这是一个压缩包，不是 Excel 表格。')
        if len(infos) > MAX_PARTS:
            _refuse(path, '文件内部结构异常（部件太多），已拒绝读取。')
        total = 0
        for i in infos:
            total += i.file_size
            if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                _refuse(path, '文件解压后会异常膨胀（疑似“压缩炸弹”），已拒绝读取。')
        if total > MAX_UNZIPPED_BYTES:
            _refuse(path, '文件解压后超过 1 GB，太大了，请按时间分几次导出。')
        for i in infos:
            low = i.filename.lower()
            # Relationships may point a sheet at any name, so anything that opens like
            # XML is scanned too, not only *.xml.
            if low.endswith(('.xml', '.rels', '.vml')) or _opens_like_xml(path, zf, i):
                _check_prolog(path, zf, i)
        _parse_small_parts(path, zf)


def _opens_like_xml(path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    if info.is_dir() or info.file_size == 0:
        return False
    try:
        with zf.open(info) as f:
            head = f.read(64)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
        _refuse(path, '文件已损坏或不完整，请重新导出。')
    head = head.lstrip(b'\xef\xbb\xbf \t\r\n')
    return head.startswith(b'<') or head.startswith((b'\xff\xfe', b'\xfe\xff'))


def _check_prolog(path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse any XML part that declares a DTD or entities (entity expansion attacks).

    A DTD may only appear before the root element, so reading up to the root's
    first tag is enough; the rest of a big sheet is never unpacked here.
    """
    try:
        with zf.open(info) as f:
            data = f.read(PROLOG_SCAN)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
        _refuse(path, '文件已损坏或不完整，请重新导出。')
    if data.startswith((b'\xff\xfe', b'\xfe\xff')):
        head = data.decode('utf-16', 'ignore')
    else:
        head = data.decode('utf-8', 'ignore')
    pos = 0
    while True:
        lt = head.find('<', pos)
        if lt < 0:
            if len(data) >= PROLOG_SCAN:
                _refuse(path, '文件内部的 XML 开头异常冗长，已拒绝读取。')
            return          # empty or text-only part: harmless
        if head.startswith('<?', lt):
            end = head.find('?>', lt)
        elif head.startswith('<!--', lt):
            end = head.find('-->', lt)
        elif head.startswith('<!', lt):
            _refuse(path, '文件内含 XML 实体声明（可被用来拖垮电脑），已拒绝读取。')
        else:
            return          # the root element: no DTD before it
        if end < 0:
            _refuse(path, '文件内部的 XML 开头异常冗长，已拒绝读取。')
        pos = end + 2


def _parse_small_parts(path, zf: zipfile.ZipFile) -> None:
    """Really parse the two index parts with defusedxml: it raises on any DTD/entity."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException
    from xml.etree.ElementTree import ParseError

    for name in ('[Content_Types].xml', 'xl/workbook.xml'):
        info = zf.getinfo(name)
        if info.file_size > 8 * 1024 * 1024:
            _refuse(path, '文件内部结构异常（目录部件太大），已拒绝读取。')
        try:
            SafeET.fromstring(zf.read(info))
        except DefusedXmlException:
            _refuse(path, '文件内含 XML 实体声明（可被用来拖垮电脑），已拒绝读取。')
        except (ParseError, zipfile.BadZipFile, zlib.error, OSError, EOFError):
            _refuse(path, '文件已损坏或不完整，请重新导出。')


def _looks_binary(head: bytes) -> bool:
    return b'\x00' in head[:4096]


def _check_text(path, head: bytes, size: int) -> None:
    if head.startswith((b'\xff\xfe', b'\xfe\xff')):
        sample = head[:len(head) - len(head) % 2].decode('utf-16', 'replace')
    else:
        if b'\x00' in head:
            _refuse(path, '这不是表格文件（内容是二进制数据）。')
        sample = decode_head(head, complete=len(head) >= size)
        if sample is None:
            _refuse(path, '这不是表格文件（文字编码无法识别）。')
    bad = sum(1 for c in sample if c < ' ' and c not in '\t\r\n\x0c')
    if bad > max(2, len(sample) // 200):
        _refuse(path, '这不是表格文件（内容是二进制数据）。')
    lead = sample.lstrip('\ufeff \t\r\n')[:512].lower()
    if lead.startswith(('<!doctype html', '<html', '<table', '<?xml', '<meta')) or '<table' in lead:
        _refuse(path, '这是网页格式的“假 Excel”，请用 Excel 打开后另存为 xlsx 再导入。')


def decode_head(data: bytes, complete: bool) -> str | None:
    """Text of the first bytes of a file as UTF-8 or GB18030, or None if neither fits.

    The cut at the end of a sample may split a character, so a decode error in
    the last few bytes of an incomplete sample is forgiven.
    """
    for enc in ('utf-8-sig', 'gb18030'):
        try:
            return data.decode(enc)
        except UnicodeDecodeError as e:
            if not complete and e.start >= len(data) - 4:
                try:
                    return data[:e.start].decode(enc)
                except UnicodeDecodeError:
                    pass
    return None
