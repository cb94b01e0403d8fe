"""One background job at a time for a campaign widget; a newer request wins."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .. import tasks


class Runner(tasks.Runner):
    def __init__(self, owner: QWidget):
        super().__init__(owner, QCoreApplication.translate('Runner', '营销'))
