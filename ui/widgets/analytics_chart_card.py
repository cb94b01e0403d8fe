"""A titled frame for one dashboard chart, with how it is counted underneath and an
empty state, plus the QtCharts settings every chart shares."""
from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

# One palette for every chart: blue for new, orange for returning and so on.
COLORS = ('#3d7bd9', '#e67e22', '#27ae60', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d',
          '#d35400', '#2c3e50')


def new_chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.NoAnimation)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignBottom)
    return chart


def chart_view(chart: QChart, min_height: int = 240) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.Antialiasing)
    view.setMinimumHeight(min_height)
    return view


def bar_set(name: str, values, color: str) -> QBarSet:
    s = QBarSet(name)
    s.append([float(v) for v in values])
    s.setColor(QColor(color))
    s.setBorderColor(QColor(color))       # '#00000000' draws nothing: a spacer
    return s


def category_axis(names: list[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(names)
    return axis


def value_axis(top: float, fmt: str = '%d') -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top, 1) * 1.1)
    axis.setLabelFormat(fmt)
    axis.applyNiceNumbers()
    return axis


def rows_height(rows: int) -> int:
    """Height for a horizontal bar chart: below ~30 px a row, QtCharts cuts the
    category labels down to "…"."""
    return max(240, 32 * rows + 90)


def short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[:limit - 1] + '…'


class ChartCard(QFrame):
    """Title, body (or an empty-state sentence) and a caption saying how it is counted."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName('chartCard')
        self.setFrameShape(QFrame.StyledPanel)
        self.title = QLabel(title)
        self.title.setObjectName('chartTitle')
        self.caption = QLabel()
        self.caption.setObjectName('chartCaption')
        self.caption.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName('chartEmpty')
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.caption)

    def set_body(self, widget: QWidget) -> None:
        old = self.stack.widget(1)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(widget)
        self.stack.setCurrentIndex(1)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentIndex(0)

    def is_empty(self) -> bool:
        return self.stack.currentIndex() == 0

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))
