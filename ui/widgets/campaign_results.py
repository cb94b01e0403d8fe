"""A campaign's results table: per stage and for the whole campaign, targets against control."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..formatting import yuan

_COLUMNS = (QT_TRANSLATE_NOOP('ResultsTable', '阶段'), QT_TRANSLATE_NOOP('ResultsTable', '统计日期'),
            QT_TRANSLATE_NOOP('ResultsTable', '目标人数'),
            QT_TRANSLATE_NOOP('ResultsTable', '回购人数'),
            QT_TRANSLATE_NOOP('ResultsTable', '转化率'),
            QT_TRANSLATE_NOOP('ResultsTable', '回购金额'),
            QT_TRANSLATE_NOOP('ResultsTable', '对照人数'),
            QT_TRANSLATE_NOOP('ResultsTable', '对照回购'),
            QT_TRANSLATE_NOOP('ResultsTable', '对照转化率'),
            QT_TRANSLATE_NOOP('ResultsTable', '提升'),
            QT_TRANSLATE_NOOP('ResultsTable', '多带来的收入'))


def percent(rate: float | None) -> str:
    return '' if rate is None else f'{rate * 100:.1f}%'


class ResultsTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, len(_COLUMNS), parent)
        self.setObjectName('campaignResults')
        self.setHorizontalHeaderLabels([self.tr(c) for c in _COLUMNS])
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.lines: list = []

    def show_results(self, lines: list) -> None:
        self.lines = lines
        self.setRowCount(len(lines))
        for row, r in enumerate(lines):
            days = f'{r.first_day:%m-%d} ~ {r.last_day:%m-%d}'
            if not r.finished:
                days += self.tr('（统计中）')
            c = r.control
            uplift = r.uplift
            cells = [r.name, days, f'{r.target.members:,}', f'{r.target.buyers:,}',
                     percent(r.target.rate), yuan(r.target.revenue),
                     f'{c.members:,}' if c else '—', f'{c.buyers:,}' if c else '—',
                     percent(c.rate) if c else '—',
                     '—' if uplift is None else self.tr('{0} 个百分点').format(f'{uplift:+.1f}'),
                     '—' if r.extra_revenue is None else yuan(r.extra_revenue)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if r.stage_id is None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, col, item)
