"""Import a file: read and understand it (preview), then commit it as one batch.

The preview touches nothing in the database, so the owner can look at every
problem and the column mapping first. A mapping the owner confirms for a sheet
is remembered for the next file with the same headers.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from peewee import SQL, fn

from models import Customer, Setting, db

from .. import custom_fields
from ..errors import UserError
from ..files import mapping as mappings
from ..files.member_sheet import parse_member_rows
from ..files.platforms import detect_kind, parse_orders
from ..exporting import ORDER_HEADERS
from ..files.table_reader import Table, read_table
from ..tasks import gc_paused
from . import batches
from .batches import BatchInfo
from .records import ParsedFile

PLATFORM_CHOICES = ('auto', 'taobao', 'tmall', 'pdd', 'douyin', 'generic', 'members')


@dataclass
class Preview:
    path: str
    file_hash: str
    kind: str                          # taobao, tmall, pdd, douyin, taobao_lines, members, generic
    table: Table
    parsed: ParsedFile | None          # None while a generic sheet lacks required columns
    target: str = 'orders'             # for generic sheets: orders or members
    mapping: dict = field(default_factory=dict)
    platform: str = 'other'            # for generic order sheets
    error: str = ''                    # why parsed is None
    earlier: BatchInfo | None = None   # the same file imported before

    @property
    def file_label(self) -> str:
        return Path(self.path).name


def file_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def preview_file(path: str, platform: str = 'auto', progress=None, cancelled=None) -> Preview:
    """Read `path` and parse it; raises UserError when the file itself is refused."""
    if platform not in PLATFORM_CHOICES:
        raise UserError(f'不认识的平台：{platform}（可选 {"、".join(PLATFORM_CHOICES)}）')
    digest = file_hash(path)
    with gc_paused():
        table = read_table(path, None, progress, cancelled)
        return _understand(path, platform, digest, table, cancelled)


def _understand(path, platform, digest, table, cancelled) -> Preview:
    kind = detect_kind(table.headers) if platform == 'auto' else platform
    if kind == 'generic' and set(ORDER_HEADERS) <= set(table.headers):
        # Our own order sheet carries one platform per row and our wording of states;
        # read as a foreign sheet it would add every order a second time.
        raise UserError(f'「{Path(path).name}」是本软件导出的订单表，里面的订单已经在店里了。'
                        '要导入新订单，请用淘宝、拼多多或抖店导出的原始文件。')
    if kind == 'tmall':
        kind = 'taobao'
    preview = Preview(path=str(path), file_hash=digest, kind=kind, table=table, parsed=None,
                      earlier=batches.earlier_import(digest))
    if kind == 'members':
        preview.target = 'members'
        preview.parsed = _members(table)
    elif kind == 'generic':
        remembered = recall_mapping(table.headers)
        if remembered:
            preview.target = remembered['target']
            preview.platform = remembered.get('platform', 'other')
            preview.mapping = remembered['mapping']
        else:
            preview.mapping = mappings.propose_mapping(table.headers, 'orders')
            if 'order_no' not in preview.mapping and 'nick' in mappings.propose_mapping(
                    table.headers, 'members'):
                preview.target = 'members'
                preview.mapping = mappings.propose_mapping(table.headers, 'members')
                # Buyers in a foreign member list are most likely the shop's usual ones.
                preview.platform = main_platform()
        remap(preview, preview.mapping, preview.target, preview.platform, cancelled)
    else:
        preview.parsed = parse_orders(table, platform if platform != 'auto' else 'auto',
                                      preview.file_label, cancelled)
        preview.kind = 'taobao_lines' if preview.parsed.kind == 'lines' else (
            preview.parsed.platform or kind)
    return preview


def _members(table: Table) -> ParsedFile:
    parsed = parse_member_rows(table.raw_headers or table.headers, table.rows,
                               table.row_numbers, Path(table.path).name,
                               custom_fields=[f.name for f in custom_fields.list_fields()])
    parsed.path = table.path
    if not parsed.records and any(p.row == 1 and p.column == '买家会员名' for p in parsed.problems):
        # Without the key column nothing can be matched: refuse the file, write nothing.
        raise UserError(f'「{Path(table.path).name}」{parsed.problems[0].message}')
    return parsed


def remap(preview: Preview, mapping: dict, target: str, platform: str = 'other',
          cancelled=None) -> Preview:
    """Parse a generic sheet again with the owner's mapping; no re-reading of the file."""
    preview.mapping = {f: h for f, h in mapping.items() if h}
    preview.target, preview.platform = target, platform
    try:
        preview.parsed = mappings.parse_with_mapping(preview.table, preview.mapping, target,
                                                     platform, preview.file_label, cancelled)
        preview.error = ''
    except UserError as e:
        preview.parsed, preview.error = None, str(e)
    return preview


def commit_preview(preview: Preview, progress=None, cancelled=None,
                   remember: bool = True) -> BatchInfo:
    """Write the preview as one batch; `remember` keeps a generic sheet's mapping (the
    owner saw and confirmed it in the wizard)."""
    if preview.parsed is None:
        raise UserError(preview.error or f'「{preview.file_label}」还不能导入')
    from ..backups import before_bulk_change
    before_bulk_change()            # the day's automatic backup first, when due
    with gc_paused():
        info = batches.commit(preview.parsed, preview.file_hash, cancelled, progress)
    if remember and preview.kind == 'generic':
        remember_mapping(preview.table.headers, preview.mapping, preview.target,
                         preview.platform)
    return info


def import_file(path: str, platform: str = 'auto', progress=None, cancelled=None) -> BatchInfo:
    """Preview and commit in one go, for the command line: good rows go in."""
    preview = preview_file(path, platform, progress, cancelled)
    # A guessed mapping nobody looked at is used once, not remembered.
    return commit_preview(preview, progress, cancelled, remember=False)


def main_platform() -> str:
    """The platform most of the shop's customers are on ('taobao' for an empty shop)."""
    row = (Customer.select(Customer.platform, fn.COUNT(Customer.id).alias('n'))
           .where(Customer.deleted_at.is_null()).group_by(Customer.platform)
           .order_by(SQL('n').desc()).first())
    return row.platform if row else 'taobao'


def _key(headers) -> str:
    return 'mapping:' + mappings.mapping_key(headers)


def recall_mapping(headers) -> dict | None:
    row = Setting.get_or_none(Setting.key == _key(headers))
    return json.loads(row.value) if row else None


def remember_mapping(headers, mapping: dict, target: str, platform: str) -> None:
    value = json.dumps({'target': target, 'platform': platform, 'mapping': mapping},
                       ensure_ascii=False)
    with db.atomic():
        (Setting.insert(key=_key(headers), value=value)
         .on_conflict(conflict_target=[Setting.key], update={Setting.value: value}).execute())
