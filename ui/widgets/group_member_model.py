"""The roster of one group as a table model. Rosters are small (hundreds of rows), so
the whole list is held and sorted in memory through a proxy."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QT_TRANSLATE_NOOP, Qt

from services.groups import MemberLine
from services.privacy import mask_phone

from .. import formatting
from ..labels import platform_name
from .group_labels import role_name

_C = 'GroupMemberModel'
COLUMNS = (
    ('nick', QT_TRANSLATE_NOOP('GroupMemberModel', '买家会员名')),
    ('platform', QT_TRANSLATE_NOOP('GroupMemberModel', '平台')),
    ('name', QT_TRANSLATE_NOOP('GroupMemberModel', '姓名')),
    ('phone', QT_TRANSLATE_NOOP('GroupMemberModel', '手机')),
    ('role', QT_TRANSLATE_NOOP('GroupMemberModel', '角色')),
    ('joined_at', QT_TRANSLATE_NOOP('GroupMemberModel', '入群日期')),
    ('note', QT_TRANSLATE_NOOP('GroupMemberModel', '备注')),
)
ID_ROLE = int(Qt.UserRole) + 1
SORT_ROLE = int(Qt.UserRole) + 2
_ROLE_RANK = {'owner': 0, 'admin': 1, 'member': 2}


class GroupMemberModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[MemberLine] = []

    def set_rows(self, rows: list[MemberLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def line(self, row: int) -> MemberLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section][1])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.DisplayRole or role == Qt.ToolTipRole and key == 'note':
            return self._text(m, key)
        if role == ID_ROLE:
            return m.customer_id
        if role == SORT_ROLE:
            if key == 'role':
                return _ROLE_RANK.get(m.role, 3)
            if key == 'joined_at':
                return m.joined_at.isoformat() if m.joined_at else ''
            return self._text(m, key)
        return None

    @staticmethod
    def _text(m: MemberLine, key: str) -> str:
        if key == 'platform':
            return platform_name(m.platform)
        if key == 'role':
            return role_name(m.role)
        if key == 'joined_at':
            return formatting.day(m.joined_at)
        if key == 'phone':
            return mask_phone(m.phone)       # lists never show a full number
        return getattr(m, key) or ''

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags
