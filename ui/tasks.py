"""Run plain functions off the UI thread, with delayed progress and a real Cancel.

The function is ordinary Python: `fn(progress, cancelled)` where
`progress(done, total)` reports and `cancelled()` tells it to stop (it should
raise services.tasks.Cancelled, rolling back its transaction). Results and
errors come back on the UI thread through Qt signals.
"""
from __future__ import annotations

import threading
import traceback
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from services.errors import UserError, friendly
from services.tasks import Cancelled


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str, bool)      # message, was it the owner's cancel


class _Job(QRunnable):
    def __init__(self, fn, signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.fn, self.signals, self.cancel = fn, signals, cancel

    def run(self) -> None:
        try:
            result = self.fn(lambda d, t: self.signals.progress.emit(int(d), int(t)),
                             self.cancel.is_set)
        except Cancelled:
            self.signals.failed.emit('', True)
        except UserError as e:
            self.signals.failed.emit(str(e), False)
        except Exception as e:  # noqa: BLE001 - anything else is a bug; say so plainly
            message = friendly(e)       # a busy or damaged database is not a bug
            if message is None:
                traceback.print_exc()
            self.signals.failed.emit(message or f'{type(e).__name__}: {e}', False)
        else:
            self.signals.done.emit(result)


class BackgroundTask(QObject):
    """One background job with an optional progress dialog shown after 0.5 s."""
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    # One worker: SQLite has one writer, so background writes never overlap each other;
    # pages disable themselves while theirs runs.
    _pool: QThreadPool | None = None

    @classmethod
    def pool(cls) -> QThreadPool:
        if cls._pool is None:
            cls._pool = QThreadPool()
            cls._pool.setMaxThreadCount(1)
        return cls._pool

    def __init__(self, fn: Callable, parent: QWidget | None = None, title: str = '',
                 show_progress: bool = True, cancellable: bool = True):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress, Qt.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.QueuedConnection)
        self._job = _Job(fn, self._signals, self._cancel)
        self._job.setAutoDelete(False)
        self._dialog = None
        if show_progress:
            self._dialog = QProgressDialog(title, self.tr('取消'), 0, 0, parent)
            self._dialog.setWindowTitle(title)
            self._dialog.setWindowModality(Qt.WindowModal)
            self._dialog.setMinimumDuration(500)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.canceled.connect(self.cancel)
            if not cancellable:
                # One statement that cannot stop halfway: no button that would pretend to.
                self._dialog.setCancelButton(None)
            # QProgressDialog only shows itself on setValue; nudge it once the delay passes.
            QTimer.singleShot(550, self._show_if_running)
        self.running = False

    def start(self) -> 'BackgroundTask':
        self.running = True
        self.pool().start(self._job)
        return self

    def cancel(self) -> None:
        self._cancel.set()
        if self._dialog:
            self._dialog.setLabelText(self.tr('正在取消…'))

    def _show_if_running(self) -> None:
        if self.running and self._dialog and not self._dialog.isVisible():
            self._dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog and not self._cancel.is_set():
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, max(total, 1)))

    def _close(self) -> None:
        self.running = False
        if self._dialog:
            self._dialog.close()

    def _on_done(self, result) -> None:
        self._close()
        self.finished.emit(result)

    def _on_failed(self, message: str, was_cancel: bool) -> None:
        self._close()
        if was_cancel:
            self.cancelled.emit()
        else:
            self.failed.emit(message)


class Runner:
    """One background job at a time for a widget; a newer request wins.

    run(work, done) calls work(progress, cancelled) off the UI thread and done(result) on
    it, unless a newer run started meanwhile. A failure goes to `failed`, or a warning
    titled warn_title. `busy` is for tests and buttons."""

    def __init__(self, owner: QWidget, warn_title: str = ''):
        self.owner = owner
        self.warn_title = warn_title
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
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.warning(self.owner, self.warn_title, message)

    def _cancelled(self, mine: int, failed) -> None:
        # The owner's Cancel: no warning, but whoever waits hears of it (with no message).
        if mine == self.generation:
            self.busy = False
            if failed is not None:
                failed('')
