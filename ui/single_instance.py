"""One window per shop: a second start on the same database shows the first window.

The first instance holds a QLockFile and listens on a QLocalServer, both named from
the resolved database path (and the user). A second start cannot take the lock, so it
connects, says "show" and exits. A crash leaves a lock file naming a dead process,
which QLockFile treats as stale and takes over, and perhaps the server's socket file,
which the new owner removes with QLocalServer.removeServer before listening (only the
lock's holder does that, so a live server is never removed). Command-line runs do
not take part: they may run beside the window.
"""
from __future__ import annotations

import getpass
import os
import time
import zlib
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW = b'show\n'


def instance_key(target: str) -> str:
    """A short name for `target` (file path or URL), the same for every way of writing it."""
    if '://' in target or target == ':memory:':
        ident = target
    else:
        ident = os.path.normcase(str(Path(target).expanduser().resolve()))
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ''
    data = f'{user}\0{ident}'.encode('utf-8')
    # Two cheap checksums (hashlib would load OpenSSL at start-up, ~10 ms).
    return f'zhanggui-{zlib.crc32(data):08x}{zlib.adler32(data):08x}'


class SingleInstance(QObject):
    """`activated` fires (on the UI thread) when another start asked to be shown."""
    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None):
        super().__init__(parent)
        self.key = key
        self._lock = QLockFile(os.path.join(QDir.tempPath(), f'{key}.lock'))
        self._lock.setStaleLockTime(0)          # stale only when its process is gone
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the first instance (it now listens); False when another runs."""
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.key)       # a crashed owner's socket file
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self.key)             # if it fails the app still runs alone
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()          # with the sockets it accepted
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Bound methods and C++ slots only: a lambda holding the socket would keep
            # both alive past the application's end.
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket | None = None) -> None:
        socket = socket or self.sender()
        if isinstance(socket, QLocalSocket) and SHOW.strip() in bytes(socket.readAll()):
            self.activated.emit()


def ask_first_to_show(key: str, attempts: int = 10, wait_ms: int = 200) -> bool:
    """Tell the running instance to show its window; False if it never answered
    (it may still be starting: retried for about attempts x wait_ms)."""
    for _ in range(attempts):
        socket = QLocalSocket()
        socket.connectToServer(key)
        if socket.waitForConnected(wait_ms):
            socket.write(SHOW)
            sent = socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()
            return sent
        time.sleep(wait_ms / 1000)          # no server yet: the first one is still starting
    return False


def show_window(window) -> None:
    """Bring `window` to the front, out of the taskbar if minimised."""
    from PySide6.QtCore import Qt
    window.setWindowState(window.windowState() & ~Qt.WindowMinimized | Qt.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
