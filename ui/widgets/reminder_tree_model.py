"""Reminders grouped by kind: a two-level model (kind, then its reminders) over a list.

The 今日 list of a big shop holds tens of thousands of reminders; they come in
through set_reminders() as one list and are only formatted when painted.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor, QFont

from services.privacy import mask_phone
from services.reminders.rules import KINDS

from .. import formatting
from ..labels import platform_name
from .reminder_labels import kind_color, kind_name, optout_note, state_name

_T = 'ReminderTreeModel'
COLUMNS = (
    ('who', QT_TRANSLATE_NOOP('ReminderTreeModel', '顾客'), 220),
    ('name', QT_TRANSLATE_NOOP('ReminderTreeModel', '姓名'), 80),
    ('phone', QT_TRANSLATE_NOOP('ReminderTreeModel', '手机'), 110),
    ('date', QT_TRANSLATE_NOOP('ReminderTreeModel', '日期'), 95),
    ('reason', QT_TRANSLATE_NOOP('ReminderTreeModel', '事由'), 360),
    ('tier', QT_TRANSLATE_NOOP('ReminderTreeModel', '等级'), 90),
    ('spent', QT_TRANSLATE_NOOP('ReminderTreeModel', '累计消费'), 100),
    ('state', QT_TRANSLATE_NOOP('ReminderTreeModel', '状态'), 110),
)
_NO_PARENT = 0          # internalId of a kind row; a reminder row stores its group + 1
DATE_COLUMN = [c[0] for c in COLUMNS].index('date')
_OVERDUE = QColor('#c0392b')


class ReminderTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[tuple[str, list]] = []
        self._today = date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    # --- content --------------------------------------------------------------------------
    def set_reminders(self, reminders: list, today: date | None = None) -> None:
        self.beginResetModel()
        self._today = today or date.today()
        by_kind: dict[str, list] = {}
        for r in reminders:
            by_kind.setdefault(r.kind, []).append(r)
        self._groups = [(k, by_kind[k]) for k in KINDS if k in by_kind]
        self.endResetModel()

    def reminders(self) -> list:
        return [r for _, items in self._groups for r in items]

    def count(self) -> int:
        return sum(len(items) for _, items in self._groups)

    def counts(self) -> dict[str, int]:
        return {k: len(items) for k, items in self._groups}

    def reminder(self, index: QModelIndex):
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def group_kind(self, index: QModelIndex) -> str | None:
        if index.isValid() and index.internalId() == _NO_PARENT:
            return self._groups[index.row()][0]
        return None

    def reminders_at(self, indexes) -> list:
        """Reminders of the selected rows; a selected kind row stands for all of its rows."""
        seen, out = set(), []
        for index in indexes:
            if not index.isValid():
                continue
            if index.internalId() == _NO_PARENT:
                items = self._groups[index.row()][1]
            else:
                items = [self.reminder(index)]
            for r in items:
                if id(r) not in seen:
                    seen.add(id(r))
                    out.append(r)
        return out

    # --- Qt model API -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def flags(self, index: QModelIndex):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            from PySide6.QtCore import QCoreApplication
            return QCoreApplication.translate(_T, COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._group_data(index, role)
        r = self.reminder(index)
        key = COLUMNS[index.column()][0]
        if role == Qt.DisplayRole:
            return self._text(r, key)
        if role == Qt.ToolTipRole:
            return r.reason
        if role == Qt.ForegroundRole and key in ('date', 'state') and self._overdue(r):
            return QBrush(_OVERDUE)
        if role == Qt.TextAlignmentRole and key == 'spent':
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return r
        return None

    def _group_data(self, index: QModelIndex, role: int):
        kind, items = self._groups[index.row()]
        if index.column() != 0:
            return None
        if role == Qt.DisplayRole:
            return self.tr('{0}（{1}）').format(kind_name(kind), f'{len(items):,}')
        if role == Qt.ForegroundRole:
            return QBrush(kind_color(kind))
        if role == Qt.FontRole:
            return self._bold
        return None

    def _overdue(self, r) -> bool:
        return not r.state and r.date < self._today

    def _text(self, r, key: str) -> str:
        customer = r.customer_id is not None
        if key == 'date':
            return formatting.day(r.date)
        if key == 'who':
            if not customer:
                return r.name
            return (self.tr('{0}（{1}）').format(r.nick, platform_name(r.platform))
                    if r.platform else r.nick)
        if key == 'name':
            return r.name if customer else ''
        if key == 'phone':
            return mask_phone(r.phone)       # lists never show a full number
        if key == 'reason':
            return r.reason + optout_note(r)
        if key == 'tier':
            return r.tier
        if key == 'spent':
            return formatting.yuan(r.total_spent) if customer else ''
        return self._state_text(r)

    def _state_text(self, r) -> str:
        if r.state == 'snoozed' and r.until and r.until > self._today:
            return self.tr('推迟到 {0}').format(formatting.day(r.until))
        if r.state and r.state != 'snoozed':
            return state_name(r.state)
        days = (r.date - self._today).days
        if days < 0:
            return self.tr('逾期 {0} 天').format(-days)
        if days == 0:
            return self.tr('今天')
        return self.tr('还有 {0} 天').format(days)
