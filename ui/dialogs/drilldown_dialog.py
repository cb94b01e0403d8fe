"""The customers behind a dashboard figure, in the member table's columns.

The ids are found off the UI thread; rows are paged in as they scroll into view,
like the member list (a drill-down of 100,000 buyers costs a few pages of memory).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QTableView, QVBoxLayout)

from services import analytics, member_query, tiers
from services.analytics import Drill, Filters, Period
from services.member_query import MemberFilter

from ..tasks import BackgroundTask
from ..widgets.member_table_model import COLUMNS, MemberTableModel


class IdListSource:
    """A member table source over a fixed list of customer ids."""

    def __init__(self, ids: list[int]):
        self.ids = list(ids)
        self._order = ('last_order_at', True)        # the order analytics returns them in

    def _sorted(self, f: MemberFilter) -> list[int]:
        if (f.sort, f.descending) != self._order:
            self.ids = analytics.sort_ids(self.ids, f.sort, f.descending)
            self._order = (f.sort, f.descending)
        return self.ids

    def count(self, f: MemberFilter) -> int:
        return len(self._sorted(f))

    def page(self, f: MemberFilter, offset: int, limit: int):
        return analytics.member_rows(self._sorted(f)[offset:offset + limit])


class DrilldownDialog(QDialog):
    def __init__(self, title: str, drill: Drill, period: Period, filters: Filters,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('名单：{0}').format(title))
        self.resize(1000, 560)
        self.title = title
        self.heading = QLabel(self.tr('{0}：正在查找…').format(title))
        self.heading.setObjectName('drillHeading')
        self.scope = QLabel(period.label())
        self.scope.setObjectName('pageNote')
        self.table = QTableView()
        self.table.setObjectName('drillTable')
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.model: MemberTableModel | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.task = BackgroundTask(
            lambda progress, cancelled: analytics.drill_members(drill, period, filters, cancelled),
            self, show_progress=False)
        self.task.finished.connect(self._loaded)
        self.task.failed.connect(lambda message: self.heading.setText(
            self.tr('{0}：没能列出名单（{1}）').format(title, message)))
        self.task.start()

    def _loaded(self, result) -> None:
        if result.member_filter is not None:
            source, f = member_query, result.member_filter
        else:
            source, f = IdListSource(result.ids), MemberFilter()
        self.model = MemberTableModel(source, self)
        self.model.set_tiers(tiers.tier_names())
        self.model.set_filter(f)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(
            [c[0] for c in COLUMNS].index('last_order_at'), Qt.DescendingOrder)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column[3])
        n = self.model.rowCount()
        self.heading.setText(self.tr('{0}：{1} 位顾客').format(self.title, f'{n:,}') if n
                             else self.tr('{0}：没有顾客').format(self.title))

    def done(self, result: int) -> None:
        if self.task.running:
            self.task.cancel()
        super().done(result)

    def member_ids(self) -> list[int]:
        """The ids listed, in table order (for tests and batch actions)."""
        if self.model is None:
            return []
        return [self.model.row_id(i) for i in range(self.model.rowCount())]
