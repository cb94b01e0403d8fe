"""The 数据库连接 section of the settings page: this PC's shop is the local data file or a
PostgreSQL server shared by several PCs; test a server, move the local shop onto it."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QRadioButton, QSpinBox,
                               QVBoxLayout, QWidget)

from services import ui_prefs
from services.backups import database_file
from services.connection import (ServerSettings, check_server, current_shop, display_target,
                                 is_server_url, parse_server_url)
from services.errors import UserError

from ..tasks import BackgroundTask


class ConnectionEditor(QWidget):
    """Emits `moved(url)` when the owner wants the app restarted on the server it just
    moved the shop to (until then, this PC's edits would go into the old file)."""
    moved = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._task: BackgroundTask | None = None
        self.local_file = database_file()          # None when this shop is on a server
        intro = QLabel(self.tr(
            '一台电脑时，店铺保存在这台电脑的数据文件里。店里有几台电脑要同时用时，把店铺放到一台'
            '数据库服务器（PostgreSQL）上，每台电脑都连接它。设置只影响这台电脑，重新启动后生效。'))
        intro.setWordWrap(True)
        self.current = QLabel(self.tr('现在打开的店铺：{0}').format(current_shop()))
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.use_file = QRadioButton(self.tr('这台电脑上的数据文件（默认）'))
        self.use_server = QRadioButton(self.tr('店里的数据库服务器（PostgreSQL，多台电脑共用）'))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.use_file)
        self.choice.addButton(self.use_server)
        self.use_server.toggled.connect(self._update_enabled)

        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr('如 192.168.1.10'))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        form.addRow(self.tr('服务器地址'), self.host)
        form.addRow(self.tr('端口'), self.port)
        form.addRow(self.tr('数据库名'), self.database)
        form.addRow(self.tr('用户名'), self.user)
        form.addRow(self.tr('密码'), self.password)
        self.server_box = QGroupBox(self.tr('数据库服务器'))
        self.server_box.setLayout(form)
        self.server_box.setMaximumWidth(640)      # an address does not need the whole screen

        self.test_button = QPushButton(self.tr('测试连接'))
        self.test_button.clicked.connect(self.test)
        self.move_button = QPushButton(self.tr('把这台电脑的店铺搬到服务器…'))
        self.move_button.clicked.connect(self.move)
        self.move_button.setVisible(self.local_file is not None)
        self.save_button = QPushButton(self.tr('保存（重新启动后生效）'))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        for b in (self.test_button, self.move_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName('connectionMessage')
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.current)
        layout.addWidget(self.use_file)
        layout.addWidget(self.use_server)
        layout.addWidget(self.server_box)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch()
        self.load()

    # --- state ---------------------------------------------------------------------------
    def load(self) -> None:
        stored = ui_prefs.load().database
        settings = ServerSettings()
        if is_server_url(stored):
            try:
                settings = parse_server_url(stored)
            except UserError:
                pass
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        self.database.setText(settings.database)
        self.user.setText(settings.user)
        self.password.setText(settings.password)
        (self.use_server if is_server_url(stored) else self.use_file).setChecked(True)
        self._update_enabled()

    def server_settings(self) -> ServerSettings:
        return ServerSettings(self.host.text().strip(), self.port.value(),
                              self.database.text().strip(), self.user.text().strip(),
                              self.password.text())

    def _update_enabled(self) -> None:
        server = self.use_server.isChecked()
        for w in (self.server_box, self.test_button, self.move_button):
            w.setEnabled(server and not self._busy())

    def _busy(self) -> bool:
        return self._task is not None and self._task.running

    def _say(self, text: str, good: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('' if good else 'color: #c0392b;')

    # --- actions -------------------------------------------------------------------------
    def save(self) -> None:
        try:
            target = self.server_settings().url() if self.use_server.isChecked() else ''
            ui_prefs.save(replace(ui_prefs.load(), database=target))
        except UserError as e:
            self._say(str(e), good=False)
            return
        where = display_target(target) if target else self.tr('这台电脑上的数据文件')
        self._say(self.tr('已保存：下次启动时打开 {0}。').format(where))

    def test(self) -> None:
        try:
            settings = self.server_settings()
            settings.validate()
        except UserError as e:
            self._say(str(e), good=False)
            return
        self._say(self.tr('正在连接…'))
        self._run(lambda _p, _c: check_server(settings), self._tested, show_progress=False)

    def _tested(self, result) -> None:
        f = result.facts
        sentences = {
            'encoding': lambda: self.tr('连接成功，但数据库编码是 {0}，存不下中文：请按说明书用 UTF8 '
                                        '编码重新创建数据库。').format(f['encoding']),
            'no_create': lambda: self.tr('连接成功，但用户 {0} 不能在 {1} 里建表：请在服务器上把'
                                         '数据库的所有者设为这个用户。').format(f['user'], f['where']),
            'empty': lambda: self.tr('连接成功（PostgreSQL {0}）。数据库是空的：可以把本机的店铺搬上去，'
                                     '或者直接开一个新店铺。').format(f['version']),
            'foreign': lambda: self.tr('连接成功，但 {0} 里是别的程序的数据，请换一个新建的空数据库。'
                                       ).format(f['where']),
            'shop': lambda: self.tr('连接成功（PostgreSQL {0}）：这是掌柜会员通的店铺，结构版本 {1}，'
                                    '{2:,} 位顾客。').format(f['version'], f['schema'],
                                                          f['customers']),
        }
        self._say(sentences[result.kind]() if result.kind in sentences else result.message,
                  good=result.ok)

    def move(self) -> None:
        try:
            url = self.server_settings().url()
        except UserError as e:
            self._say(str(e), good=False)
            return
        answer = QMessageBox.question(self, self.tr('搬到服务器'), self.tr(
            '把这台电脑上的店铺（{0}）完整复制到服务器的空数据库 {1}？\n本机的数据文件保持不动，'
            '可以随时换回来。搬完后这台电脑下次启动就打开服务器上的店铺，其他电脑在“数据库连接”里'
            '填上同样的服务器即可。').format(self.local_file, display_target(url)))
        if answer != QMessageBox.Yes:
            return
        from services.server_move import move_to_server
        source = self.local_file
        self._run(lambda p, c: move_to_server(source, url, p, c),
                  lambda result: self._moved(url, result),
                  title=self.tr('正在把店铺搬到服务器…'))

    def _moved(self, url: str, result) -> None:
        try:
            ui_prefs.save(replace(ui_prefs.load(), database=url))
        except UserError as e:
            self._say(str(e), good=False)
            return
        self._say(self.tr('已搬到服务器 {0}：{1:,} 行数据。请重新启动掌柜会员通，之后就打开服务器上'
                          '的店铺。').format(result.url, result.rows))
        answer = QMessageBox.question(self, self.tr('搬到服务器'), self.tr(
            '店铺已经搬到服务器。现在重新启动掌柜会员通，打开服务器上的店铺？\n'
            '不重启的话，这台电脑上接下来的修改会留在本机文件里，不会到服务器上。'))
        if answer == QMessageBox.Yes:
            self.moved.emit(url)

    def _run(self, work, done, title: str = '', show_progress: bool = True) -> None:
        if self._busy():
            return
        self._task = BackgroundTask(work, self, title=title, show_progress=show_progress)
        self._task.finished.connect(done)
        self._task.failed.connect(lambda m: self._say(m, good=False))
        self._task.cancelled.connect(lambda: self._say(self.tr('已取消，服务器上没有留下任何数据。')))
        for signal in (self._task.finished, self._task.failed, self._task.cancelled):
            signal.connect(lambda *_: self._update_enabled())
        self._task.start()
        self._update_enabled()
