"""A lazy table model over the member list.

It knows the row count of the current filter and pulls 100-row pages from
its source only when the view asks for them, keeping a bounded cache, so a
million customers cost a few pages of memory (STYLE.md "Big tables").
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from services.member_query import MemberFilter, MemberRow
from services.privacy import mask_phone

from .. import formatting
from .care_tab import quality_name
from ..labels import lifecycle_name, loyalty_name, platform_name, segment_name

# (key, header, sort key or None, default width)
COLUMNS = (
    ('id', QT_TRANSLATE_NOOP('MemberTableModel', '会员编号'), 'id', 70),
    ('nick', QT_TRANSLATE_NOOP('MemberTableModel', '买家会员名'), 'nick', 130),
    ('platform', QT_TRANSLATE_NOOP('MemberTableModel', '平台'), 'platform', 56),
    ('name', QT_TRANSLATE_NOOP('MemberTableModel', '姓名'), 'name', 70),
    ('phone', QT_TRANSLATE_NOOP('MemberTableModel', '手机'), 'phone', 105),
    ('tier', QT_TRANSLATE_NOOP('MemberTableModel', '会员等级'), 'tier', 90),
    ('points', QT_TRANSLATE_NOOP('MemberTableModel', '积分'), 'points', 60),
    ('order_count', QT_TRANSLATE_NOOP('MemberTableModel', '订单数'), 'order_count', 56),
    ('total_spent', QT_TRANSLATE_NOOP('MemberTableModel', '累计消费'), 'total_spent', 90),
    ('last_order_at', QT_TRANSLATE_NOOP('MemberTableModel', '最近购买'), 'last_order_at', 90),
    ('first_order_at', QT_TRANSLATE_NOOP('MemberTableModel', '首次购买'), 'first_order_at', 90),
    ('region', QT_TRANSLATE_NOOP('MemberTableModel', '地区'), 'city', 90),
    ('segment', QT_TRANSLATE_NOOP('MemberTableModel', 'RFM分群'), 'segment', 100),
    ('rfm', QT_TRANSLATE_NOOP('MemberTableModel', 'RFM'), 'rfm', 44),
    ('lifecycle', QT_TRANSLATE_NOOP('MemberTableModel', '生命周期'), 'lifecycle', 64),
    ('loyalty', QT_TRANSLATE_NOOP('MemberTableModel', '忠诚类型'), 'loyalty', 72),
    ('clv', QT_TRANSLATE_NOOP('MemberTableModel', 'CLV'), 'clv', 80),
    ('tags', QT_TRANSLATE_NOOP('MemberTableModel', '标签'), None, 160),
    # Last, so a header layout saved before it still fits; not sortable (no index).
    ('quality', QT_TRANSLATE_NOOP('MemberTableModel', '客户质量'), None, 64),
)
_NUMERIC = {'id', 'points', 'order_count', 'total_spent', 'clv'}
ROW_ID_ROLE = int(Qt.UserRole) + 1
# data() runs thousands of times a paint; comparing plain ints beats Qt enum objects ~10x.
_DISPLAY, _ALIGN, _FOREGROUND, _TOOLTIP = (int(Qt.DisplayRole), int(Qt.TextAlignmentRole),
                                           int(Qt.ForegroundRole), int(Qt.ToolTipRole))
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_NO_FLAGS = Qt.NoItemFlags
_KEYS = tuple(c[0] for c in COLUMNS)
_RIGHT_COLUMNS = frozenset(i for i, k in enumerate(_KEYS) if k in _NUMERIC)
_TIER_COLUMN, _TAGS_COLUMN = _KEYS.index('tier'), _KEYS.index('tags')


class MemberSource(Protocol):
    def count(self, f: MemberFilter) -> int: ...
    def page(self, f: MemberFilter, offset: int, limit: int) -> list[MemberRow]: ...


class MemberTableModel(QAbstractTableModel):
    PAGE_SIZE = 100
    MAX_PAGES = 40          # ~4,000 rows cached at most

    def __init__(self, source: MemberSource, parent=None):
        super().__init__(parent)
        self._source = source
        self._filter = MemberFilter()
        self._count = 0
        # page number -> [(row, display texts)], display texts made once per page load
        self._pages: OrderedDict[int, list[tuple[MemberRow, tuple]]] = OrderedDict()
        self._tiers: dict[int, str] = {}

    # --- what the page sets ---------------------------------------------------
    def set_tiers(self, names: dict[int, str]) -> None:
        self._tiers = dict(names)
        self._pages.clear()
        self._emit_all_changed()

    def set_filter(self, f: MemberFilter) -> None:
        self.beginResetModel()
        self._filter = f
        self._pages.clear()
        self._count = self._source.count(f)
        self.endResetModel()

    def current_filter(self) -> MemberFilter:
        return self._filter

    def refresh(self) -> None:
        """Reload after data changed; the filter and sort stay."""
        self.set_filter(self._filter)

    def row_id(self, row: int) -> int | None:
        r = self._row(row)
        return r[0].id if r else None

    def member_at(self, row: int) -> MemberRow | None:
        r = self._row(row)
        return r[0] if r else None

    # --- Qt model API -----------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section][1])
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role=_DISPLAY):
        cached = self._row(index.row())
        if cached is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return cached[1][column]
        if role == _ALIGN:
            return _RIGHT if column in _RIGHT_COLUMNS else None
        row = cached[0]
        if role == _FOREGROUND and column == _TAGS_COLUMN and row.tags:
            return QBrush(QColor(row.tags[0][1]))
        if role == _TOOLTIP and column == _TIER_COLUMN and row.tier_locked:
            return self.tr('手动指定的等级，不随消费自动调整')
        if role == ROW_ID_ROLE:
            return row.id
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self.set_filter(self._filter.with_(sort=key, descending=order == Qt.DescendingOrder))

    def flags(self, index: QModelIndex):
        return _FLAGS if index.isValid() else _NO_FLAGS

    # --- internals ----------------------------------------------------------------
    def _display(self, row: MemberRow, key: str):
        if key == 'platform':
            return platform_name(row.platform)
        if key == 'tier':
            name = self._tiers.get(row.tier_id, '')
            return f'{name} ✎' if row.tier_locked and name else name
        if key in ('total_spent', 'clv'):
            return formatting.yuan(getattr(row, key))
        if key == 'segment':
            return segment_name(row.segment)
        if key == 'lifecycle':
            return lifecycle_name(row.lifecycle)
        if key == 'loyalty':
            return loyalty_name(row.loyalty)
        if key in ('last_order_at', 'first_order_at'):
            return formatting.day(getattr(row, key))
        if key == 'region':
            return ' '.join(p for p in (row.province, row.city) if p)
        if key == 'tags':
            return self.tr('、').join(name for name, _ in row.tags)
        if key == 'quality':
            return quality_name(row.quality)
        if key in _NUMERIC:
            return str(getattr(row, key))
        if key == 'phone':
            return mask_phone(row.phone)     # lists never show a full number
        return getattr(row, key)

    def _row(self, row: int) -> tuple[MemberRow, tuple] | None:
        if not 0 <= row < self._count:
            return None
        number, at = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            rows = self._source.page(self._filter, number * self.PAGE_SIZE, self.PAGE_SIZE)
            page = [(r, tuple(self._display(r, key) for key in _KEYS)) for r in rows]
            self._pages[number] = page
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[at] if at < len(page) else None

    def _emit_all_changed(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._count - 1, len(COLUMNS) - 1))
