"""The do-not-contact list: who opted out of SMS, calls or WeChat/旺旺, by hand or by report.

Opened from 设置 → 隐私与退订, or from a customer's detail with that customer's
channels at the top to tick. Numbers show masked, like every list.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from services import consent
from services.errors import UserError
from services.privacy import mask_phone

from .. import formatting
from ..tasks import BackgroundTask

_T = 'OptOutDialog'
# lupdate reads literal contexts only (so not _T).
_COLUMNS = (QT_TRANSLATE_NOOP('OptOutDialog', '渠道'), QT_TRANSLATE_NOOP('OptOutDialog', '顾客'),
            QT_TRANSLATE_NOOP('OptOutDialog', '号码'), QT_TRANSLATE_NOOP('OptOutDialog', '原因'),
            QT_TRANSLATE_NOOP('OptOutDialog', '来源'), QT_TRANSLATE_NOOP('OptOutDialog', '时间'))
CHANNELS = ('sms', 'phone', 'wechat')
_CHANNEL_NAMES = {'sms': QT_TRANSLATE_NOOP('OptOutDialog', '短信'),
                  'phone': QT_TRANSLATE_NOOP('OptOutDialog', '电话'),
                  'wechat': QT_TRANSLATE_NOOP('OptOutDialog', '微信/旺旺')}
_SOURCE_NAMES = {'manual': QT_TRANSLATE_NOOP('OptOutDialog', '手动'),
                 'import': QT_TRANSLATE_NOOP('OptOutDialog', '导入'),
                 'report': QT_TRANSLATE_NOOP('OptOutDialog', '退订报告')}


def channel_name(code: str) -> str:
    """短信 / 电话 / 微信/旺旺 in the UI language."""
    return QCoreApplication.translate(_T, _CHANNEL_NAMES.get(code, code))


def source_name(code: str) -> str:
    return QCoreApplication.translate(_T, _SOURCE_NAMES.get(code, code))


class OptOutDialog(QDialog):
    """Emits `changed` after the list changed (lists and counts elsewhere reload)."""
    changed = Signal()
    LIMIT = 2000

    def __init__(self, parent: QWidget | None = None, customer_id: int | None = None,
                 customer_label: str = ''):
        super().__init__(parent)
        self.setWindowTitle(self.tr('退订名单'))
        self.resize(820, 560)
        self.customer_id = customer_id
        self.entries: list = []
        self._task: BackgroundTask | None = None
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        if customer_id is not None:
            layout.addWidget(self._customer_box(customer_label))

        self.channel = QComboBox()
        self.channel.addItem(self.tr('全部渠道'), '')
        for code in CHANNELS:
            self.channel.addItem(channel_name(code), code)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr('搜索号码、会员名或姓名'))
        self.search.setClearButtonEnabled(True)
        self.channel.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(self.channel)
        bar.addWidget(self.search, 1)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setObjectName('optoutTable')
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate(_T, c)
                                              for c in _COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)      # the reason
        self.count = QLabel()
        self.add_button = QPushButton(self.tr('添加号码…'))
        self.remove_button = QPushButton(self.tr('移出名单'))
        self.import_button = QPushButton(self.tr('导入短信平台退订报告…'))
        self.import_button.setToolTip(self.tr('短信平台导出的回复 R/TD/退订 的号码表（xlsx 或 CSV）'))
        self.add_button.clicked.connect(self.add_number)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.choose_report)
        actions = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.import_button):
            actions.addWidget(b)
        actions.addStretch()
        actions.addWidget(self.count)
        self.message = QLabel()
        self.message.setObjectName('optoutMessage')
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    # --- one customer -----------------------------------------------------------------
    def _customer_box(self, label: str) -> QGroupBox:
        box = QGroupBox(self.tr('{0} 不接收：').format(label) if label else self.tr('这位顾客不接收：'))
        row = QHBoxLayout(box)
        mine = set(consent.channels_of(self.customer_id))
        for code in CHANNELS:
            check = QCheckBox(channel_name(code))
            check.setObjectName(f'optout_{code}')
            check.setChecked(code in mine)
            check.toggled.connect(lambda on, c=code: self.set_channel(c, on))
            self.boxes[code] = check
            row.addWidget(check)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr('原因（可不填），如 电话里说不要再发短信'))
        row.addWidget(self.reason, 1)
        return box

    def set_channel(self, channel: str, on: bool) -> None:
        try:
            if on:
                consent.add_optout(self.customer_id, channel, self.reason.text())
            else:
                consent.remove_optout(self.customer_id, channel)
        except UserError as e:
            self._say(str(e), error=True)
            return
        self.reload()
        self.changed.emit()

    # --- the list ---------------------------------------------------------------------
    def reload(self) -> None:
        self.entries, total = consent.list_optouts(self.channel.currentData() or None,
                                                   self.search.text(), self.LIMIT)
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            who = (self.tr('{0}（{1}）').format(e.name, e.nick) if e.name and e.nick
                   else e.nick or e.name)
            cells = (channel_name(e.channel), who, mask_phone(e.phone), e.reason,
                     source_name(e.source),
                     formatting.minute(e.replied_at or e.created_at))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, e.id)
                self.table.setItem(row, col, item)
        shown = self.tr('共 {0} 条').format(f'{total:,}')
        if total > len(self.entries):
            shown += self.tr('（显示最近 {0} 条）').format(f'{len(self.entries):,}')
        self.count.setText(shown)
        self.remove_button.setEnabled(bool(self.entries))

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.entries[r].id for r in sorted(rows) if r < len(self.entries)]

    def add_number(self) -> None:
        phone, ok = QInputDialog.getText(self, self.tr('添加号码'),
                                         self.tr('不再接收营销短信的手机号：'))
        if ok and phone.strip():
            self.add_phone(phone)

    def add_phone(self, phone: str, channel: str = 'sms') -> bool:
        try:
            added = consent.add_phone_optout(phone, channel)
        except UserError as e:
            self._say(str(e), error=True)
            return False
        self._say(self.tr('已加入退订名单。') if added else self.tr('这个号码已在退订名单里。'))
        self.reload()
        self.changed.emit()
        return added

    def remove_selected(self, confirm: bool = True) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if confirm and QMessageBox.question(
                self, self.tr('移出名单'),
                self.tr('把选中的 {0} 条移出退订名单？只有顾客重新同意接收时才应这样做。').format(len(ids))
        ) != QMessageBox.Yes:
            return
        n = consent.remove_optout_ids(ids)
        self._say(self.tr('已移出 {0} 条。').format(n))
        self._refresh_boxes()
        self.reload()
        self.changed.emit()

    def _refresh_boxes(self) -> None:
        if self.customer_id is None:
            return
        mine = set(consent.channels_of(self.customer_id))
        for code, check in self.boxes.items():
            check.blockSignals(True)
            check.setChecked(code in mine)
            check.blockSignals(False)

    # --- the SMS platform's report ------------------------------------------------------
    def choose_report(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr('选择退订报告'), '',
            self.tr('表格文件 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)'))
        if path:
            self.import_report(path)

    def import_report(self, path: str) -> BackgroundTask:
        self.import_button.setEnabled(False)
        task = BackgroundTask(lambda progress, cancelled: consent.import_report(
            path, 'sms', progress, cancelled), self, self.tr('正在导入退订报告…'))
        task.finished.connect(self._imported)
        task.failed.connect(self._import_failed)
        self._task = task.start()
        return self._task

    def _imported(self, r) -> None:
        self.import_button.setEnabled(True)
        parts = [self.tr('读取 {0} 个号码，新加入 {1} 个，已在名单 {2} 个，涉及顾客 {3} 位').format(
            f'{r.rows:,}', f'{r.added:,}', f'{r.already:,}', f'{r.buyers:,}')]
        if r.not_opt_out:
            parts.append(self.tr('{0} 条回复不是退订，未处理').format(f'{r.not_opt_out:,}'))
        if r.masked_count:
            parts.append(self.tr('{0} 个号码是打码的，无法匹配顾客（如第 {1} 行）').format(
                f'{r.masked_count:,}', r.masked[0][0]))
        if r.invalid_count:
            parts.append(self.tr('{0} 个不是手机号（如第 {1} 行“{2}”）').format(
                f'{r.invalid_count:,}', r.invalid[0][0], r.invalid[0][1]))
        self._say(self.tr('；').join(parts) + self.tr('。'))
        self._refresh_boxes()
        self.reload()
        self.changed.emit()

    def _import_failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        if message:
            self._say(message, error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')


class ConsentBar(QWidget):
    """A customer's opt-outs and recent marketing messages, with 显示号码 and 退订… buttons.
    Emits `reveal(True)` once the owner may see the full number, `reveal(False)` to hide it."""
    reveal = Signal(bool)
    changed = Signal(int)           # a customer's opt-outs changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.customer_id: int | None = None
        self.label = ''
        self.revealed = False
        self.state = QLabel()
        self.state.setObjectName('consentState')
        self.state.setWordWrap(True)
        self.show_button = QPushButton(self.tr('显示号码'))
        self.show_button.setObjectName('revealButton')
        self.show_button.setToolTip(self.tr('显示完整的手机号和地址'))
        self.optout_button = QPushButton(self.tr('退订…'))
        self.optout_button.setToolTip(self.tr('这位顾客不接收短信、电话或微信/旺旺消息'))
        self.show_button.clicked.connect(self.toggle)
        self.optout_button.clicked.connect(self.open_optouts)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.optout_button)

    def set_customer(self, customer_id: int | None, label: str = '') -> None:
        self.customer_id, self.label, self.revealed = customer_id, label, False
        self.show_button.setText(self.tr('显示号码'))
        for w in (self.show_button, self.optout_button):
            w.setEnabled(customer_id is not None)
        self._show_state()

    def _show_state(self) -> None:
        if self.customer_id is None:
            self.state.clear()
            return
        channels = consent.channels_of(self.customer_id)
        caps = consent.load_caps()
        parts = []
        if channels:
            parts.append(self.tr('已退订：{0}').format(self.tr('、').join(
                channel_name(c) for c in channels)))
        n = consent.messages_in_window(self.customer_id, caps=caps)
        limit = self.tr('，上限 {0} 条').format(caps.max_messages) if caps.on else ''
        parts.append(self.tr('近 {0} 天营销消息 {1} 条{2}').format(caps.days, n, limit))
        self.state.setText(' · '.join(parts))
        self.state.setStyleSheet('color: #c0392b;' if channels else '')

    def toggle(self) -> None:
        if self.revealed:
            self.revealed = False
            self.show_button.setText(self.tr('显示号码'))
            self.reveal.emit(False)
            return
        from .password_dialog import confirm_unmask
        if self.customer_id is None or not confirm_unmask(self):
            return
        self.revealed = True
        self.show_button.setText(self.tr('隐藏号码'))
        self.reveal.emit(True)

    def open_optouts(self) -> None:
        if self.customer_id is None:
            return
        dialog = OptOutDialog(self, self.customer_id, self.label)
        dialog.changed.connect(self._show_state)
        dialog.changed.connect(lambda: self.changed.emit(self.customer_id))
        dialog.exec()
