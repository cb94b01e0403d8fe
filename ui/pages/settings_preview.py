"""What proposed scoring rules would change: counts now -> after, per category."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from services.scoring import LIFECYCLES, LOYALTIES, SEGMENT_ORDER

from ..labels import lifecycle_name, loyalty_name, segment_name


class ScorePreview(QWidget):
    """Shows the dict scoring.preview() returns; knows nothing about the database."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self.tr('预览（按当前编辑的规则，尚未保存）'))
        self.title.setWordWrap(True)
        self.moved = QLabel()
        self.moved.setObjectName('previewMoved')
        self.moved.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr('类别'), self.tr('现在'), self.tr('调整后'), self.tr('变化')])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.moved)
        layout.addWidget(self.table, 1)

    def set_busy(self) -> None:
        self.moved.setText(self.tr('正在计算…'))

    def set_message(self, text: str) -> None:
        self.moved.setText(text)
        self.table.setRowCount(0)

    def show_result(self, result: dict) -> None:
        moved = result.get('moved', {})
        self.moved.setText(self.tr('将变动 {0} 人（分群 {1} · 生命周期 {2} · 忠诚类型 {3}）').format(
            max(moved.values(), default=0), moved.get('segment', 0),
            moved.get('lifecycle', 0), moved.get('loyalty', 0)))
        rows: list[tuple] = []
        sections = (('segment', self.tr('RFM分群'), list(SEGMENT_ORDER), segment_name),
                    ('lifecycle', self.tr('生命周期'), list(LIFECYCLES), lifecycle_name),
                    ('loyalty', self.tr('忠诚类型'), list(LOYALTIES), loyalty_name))
        for key, heading, order, name in sections:
            counts = result.get(key, {})
            rows.append((heading, None))
            for code in order + sorted(set(counts) - set(order)):
                now, after = counts.get(code, (0, 0))
                rows.append((name(code), (now, after)))
        self.table.setRowCount(len(rows))
        for r, (label, values) in enumerate(rows):
            item = QTableWidgetItem(label if values else self.tr('【{0}】').format(label))
            if values is None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            else:
                item.setText('    ' + label)
            self.table.setItem(r, 0, item)
            for c in (1, 2, 3):
                text = ''
                if values is not None:
                    now, after = values
                    text = (str(now), str(after), f'{after - now:+d}' if after != now else '')[c - 1]
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, cell)

    def counts(self, key_label: str) -> tuple[str, str] | None:
        """(now, after) texts for a row label (tests)."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text().strip() == key_label:
                return self.table.item(r, 1).text(), self.table.item(r, 2).text()
        return None
