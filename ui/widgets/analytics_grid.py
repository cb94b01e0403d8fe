"""A labelled grid of counts shaded by size: the weekday x hour heat map and the
lifecycle flow matrix. QtCharts has no heat map; this paints one and says which
cell was clicked."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

_LOW, _HIGH = QColor('#eef3fb'), QColor('#1f5fbf')


class GridChart(QWidget):
    """cell_clicked(row, column) for a cell with a count above zero."""
    cell_clicked = Signal(int, int)

    def __init__(self, parent=None, show_numbers: bool = True, column_step: int = 1):
        super().__init__(parent)
        self.rows: list[str] = []
        self.columns: list[str] = []
        self.values: list[list[int]] = []
        self.show_numbers = show_numbers
        self.column_step = column_step        # label every n-th column
        self.tooltip_text = lambda r, c, n: f'{self.rows[r]} {self.columns[c]}: {n:,}'
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(QSize(260, 160))

    def set_data(self, rows: list[str], columns: list[str], values: list[list[int]]) -> None:
        self.rows, self.columns, self.values = rows, columns, values
        self.update()

    def total(self) -> int:
        return sum(map(sum, self.values))

    # --- geometry ---------------------------------------------------------------------
    def _margins(self) -> tuple[int, int]:
        fm = QFontMetrics(self.font())
        left = max((fm.horizontalAdvance(r) for r in self.rows), default=0) + 8
        return left, fm.height() + 6

    def cell_rect(self, row: int, column: int) -> QRectF:
        left, top = self._margins()
        w = (self.width() - left - 2) / max(len(self.columns), 1)
        h = (self.height() - top - 2) / max(len(self.rows), 1)
        return QRectF(left + column * w, top + row * h, w, h)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        for r in range(len(self.rows)):
            for c in range(len(self.columns)):
                if self.cell_rect(r, c).contains(pos):
                    return r, c
        return None

    # --- painting and events ------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing, False)
        top_value = max((max(row) for row in self.values if row), default=0)
        fm = QFontMetrics(self.font())
        left, top = self._margins()
        for c, name in enumerate(self.columns):
            if c % self.column_step == 0:
                rect = self.cell_rect(0, c)
                p.setPen(self.palette().text().color())
                p.drawText(QRectF(rect.left() - 10, 0, rect.width() + 20, top),
                           Qt.AlignCenter, name)
        for r, name in enumerate(self.rows):
            rect = self.cell_rect(r, 0)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, rect.top(), left - 6, rect.height()),
                       Qt.AlignRight | Qt.AlignVCenter, name)
            for c in range(len(self.columns)):
                n = self.values[r][c] if r < len(self.values) and c < len(self.values[r]) else 0
                cell = self.cell_rect(r, c).adjusted(1, 1, -1, -1)
                share = n / top_value if top_value else 0.0
                color = QColor.fromRgbF(
                    _LOW.redF() + (_HIGH.redF() - _LOW.redF()) * share,
                    _LOW.greenF() + (_HIGH.greenF() - _LOW.greenF()) * share,
                    _LOW.blueF() + (_HIGH.blueF() - _LOW.blueF()) * share)
                p.fillRect(cell, color)
                text = f'{n:,}'
                if self.show_numbers and n and fm.horizontalAdvance(text) < cell.width() - 2:
                    p.setPen(QColor('white') if share > 0.5 else QColor('#222'))
                    p.drawText(cell, Qt.AlignCenter, text)
        p.end()

    def mouseMoveEvent(self, event) -> None:
        hit = self.cell_at(event.position().toPoint())
        if hit is None:
            QToolTip.hideText()
            return
        r, c = hit
        n = self.values[r][c] if r < len(self.values) else 0
        QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(r, c, n), self)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        hit = self.cell_at(event.position().toPoint())
        if hit is not None and self.values[hit[0]][hit[1]] > 0:
            self.cell_clicked.emit(*hit)

    def sizeHint(self) -> QSize:
        return QSize(480, 220)
