"""A page whose work is still to come; it says what it will hold, nothing fake."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingPage(QWidget):
    def __init__(self, title: str, description: str, parent=None):
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName('pageHeading')
        body = QLabel(description)
        body.setWordWrap(True)
        body.setObjectName('pageNote')
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch()
        for w in (heading, body):
            w.setAlignment(Qt.AlignLeft | Qt.AlignTop)
