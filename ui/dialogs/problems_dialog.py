"""A list of row-level problems, each naming file, row and column."""
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QVBoxLayout


class ProblemsDialog(QDialog):
    def __init__(self, problems: list, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        self.list.addItems([str(p) for p in problems])
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 400)
