"""One background job at a time for a campaign widget; a newer request wins."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..tasks import BackgroundTask


class Runner:
    """run(work, done) calls work(progress, cancelled) off the UI thread and done(result)
    on it, unless a newer run started meanwhile. `busy` is for tests and buttons."""

    def __init__(self, owner: QWidget):
        self.owner = owner
        self.generation = 0
        self.busy = False
        self.task: BackgroundTask | None = None

    def run(self, work: Callable, done: Callable, title: str = '',
            failed: Callable[[str], None] | None = None, cancellable: bool = True) -> None:
        self.generation += 1
        mine = self.generation
        self.busy = True
        task = BackgroundTask(work, self.owner, title, show_progress=bool(title),
                              cancellable=cancellable)
        task.finished.connect(lambda result: self._finished(mine, done, result))
        task.failed.connect(lambda message: self._failed(mine, failed, message))
        task.cancelled.connect(lambda: self._cancelled(mine, failed))
        self.task = task.start()

    def _finished(self, mine: int, done: Callable, result) -> None:
        if mine == self.generation:
            self.busy = False
            done(result)

    def _failed(self, mine: int, failed, message: str) -> None:
        if mine != self.generation:
            return
        self.busy = False
        if failed is not None:
            failed(message)
        else:
            QMessageBox.warning(self.owner, QCoreApplication.translate('Runner', '营销'), message)

    def _cancelled(self, mine: int, failed) -> None:
        # The owner's Cancel: no warning, but whoever waits hears of it (with no message).
        if mine == self.generation:
            self.busy = False
            if failed is not None:
                failed('')
