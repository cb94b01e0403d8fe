"""What readers hand to the import engine: plain records with their source rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Problem:
    """One thing wrong with one cell or row, worded for the owner."""
    file: str
    row: int                 # 1-based row number as a spreadsheet shows it (header = 1)
    column: str              # header text as in the file, '' for the whole row
    message: str

    def __str__(self) -> str:
        where = f'{self.file} 第{self.row}行' + (f'「{self.column}」列' if self.column else '')
        return f'{where}：{self.message}'


@dataclass
class LineRecord:
    title: str
    quantity: int = 1
    price: int = 0           # fen per unit
    amount: int = 0          # fen for the line
    sku: str = ''
    code: str = ''           # 商家编码 / product id


@dataclass
class OrderRecord:
    platform: str            # taobao, tmall, pdd, douyin, store, other
    order_no: str
    nick: str                # buyer nick; the customer key with platform
    status: str              # models ORDER_STATES code
    status_text: str         # as the platform wrote it
    amount: int              # fen the buyer paid
    created_at: datetime | None = None
    paid_at: datetime | None = None
    receiver: str = ''
    phone: str = ''          # kept as given, masked or not
    address: str = ''
    province: str = ''
    city: str = ''
    item_count: int = 0
    buyer_note: str = ''
    seller_note: str = ''
    lines: list[LineRecord] = field(default_factory=list)
    row: int = 0


@dataclass
class MemberRecord:
    """A row of a member sheet: only the columns the sheet has are in `values`."""
    platform: str
    nick: str
    values: dict             # CustomerProfile field -> value, for present columns only
    tags: list[str] | None = None      # None when the sheet has no 标签 column
    row: int = 0
    tier: str = ''                     # 会员等级 as written; a change sets a manual override
    marks: dict | None = None          # quality/reason/credit for the mark columns present


@dataclass
class ParsedFile:
    """A file read and understood, before anything touches the database."""
    path: str
    kind: str                # 'orders' or 'members'
    platform: str            # detected or forced; '' for members sheets
    headers: list[str]
    rows_read: int
    records: list            # OrderRecord or MemberRecord
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # e.g. lines joined from 宝贝报表
