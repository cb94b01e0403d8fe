"""The import wizard: read the file, show what was understood and every problem,
let the owner fix the column mapping, then import the good rows or nothing."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QListWidget, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from services.files.mapping import MEMBER_SYNONYMS, ORDER_SYNONYMS
from services.importing import service
from services.importing.service import Preview

from .. import formatting
from ..labels import field_name, field_names, order_state_name, platform_codes, platform_name
from ..tasks import BackgroundTask

_KIND_NAMES = {
    'taobao': QT_TRANSLATE_NOOP('ImportDialog', '淘宝订单报表'),
    'tmall': QT_TRANSLATE_NOOP('ImportDialog', '天猫订单报表'),
    'taobao_lines': QT_TRANSLATE_NOOP('ImportDialog', '淘宝宝贝报表'),
    'pdd': QT_TRANSLATE_NOOP('ImportDialog', '拼多多订单'),
    'douyin': QT_TRANSLATE_NOOP('ImportDialog', '抖店订单'),
    'members': QT_TRANSLATE_NOOP('ImportDialog', '会员表'),
    'generic': QT_TRANSLATE_NOOP('ImportDialog', '其他表格（按列对应导入）'),
}
SHOWN_PROBLEMS = 1000


class ImportDialog(QDialog):
    imported = Signal(object)          # BatchInfo

    def __init__(self, path: str, parent=None):
        super().__init__(parent)
        self.path = path
        self.preview: Preview | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr('导入文件'))
        self.setModal(True)
        # The preview holds the whole file; let it go with the dialog.
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.resize(820, 620)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName('importTitle')
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.mapping_box = QGroupBox(self.tr('列对应'))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.sample = QTableWidget(0, 0)
        self.sample.setEditTriggers(QTableWidget.NoEditTriggers)
        self.sample.verticalHeader().hide()
        self.sample.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.problems = QListWidget()
        self.problems_label = QLabel()
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr('不导入'))
        self.import_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.mapping_box)
        layout.addWidget(QLabel(self.tr('前 20 条：')))
        layout.addWidget(self.sample, 2)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self._combos: dict[str, QComboBox] = {}

    # --- reading ---------------------------------------------------------------------
    def start(self) -> None:
        """Read in the background; the dialog shows once there is something to show."""
        self.task = BackgroundTask(
            lambda progress, cancelled: service.preview_file(self.path, 'auto', progress,
                                                             cancelled),
            self.parent(), self.tr('正在读取文件…'))
        self.task.finished.connect(self.show_preview)
        self.task.failed.connect(self._refused)
        self.task.start()

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self.parent() or self, self.tr('无法导入'), message)
        self.reject()

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self._build_mapping()
        self._refresh()
        self.show()

    # --- what the owner sees -------------------------------------------------------------
    def _refresh(self) -> None:
        p = self.preview
        kind = self.tr(_KIND_NAMES.get(p.kind, p.kind))
        self.title.setText(self.tr('文件：{0}　识别为：{1}').format(p.file_label, kind))
        parsed = p.parsed
        lines = []
        if p.earlier:
            lines.append(self.tr('这个文件在 {0} 导入过（批次 {1}），重复的订单不会再添加。').format(
                formatting.minute(p.earlier.created_at), p.earlier.id))
        if parsed is None:
            lines.append(p.error)
        else:
            lines.append(self.tr('读取 {0} 行，可导入 {1} 条，有问题 {2} 处。').format(
                f'{parsed.rows_read:,}', f'{len(parsed.records):,}', f'{len(parsed.problems):,}'))
            lines += parsed.notes
        self.summary.setText('\n'.join(lines))
        self._fill_sample()
        problems = parsed.problems if parsed else []
        self.problems.clear()
        self.problems.addItems([str(x) for x in problems[:SHOWN_PROBLEMS]])
        more = len(problems) - SHOWN_PROBLEMS
        self.problems_label.setText(
            self.tr('问题（有问题的行不会导入）：') if problems else self.tr('没有发现问题。'))
        if more > 0:
            self.problems.addItem(self.tr('……还有 {0} 处').format(f'{more:,}'))
        self.problems.setVisible(bool(problems))
        n = len(parsed.records) if parsed else 0
        self.import_button.setEnabled(n > 0)
        self.import_button.setText(
            self.tr('导入没问题的 {0} 条').format(f'{n:,}') if problems
            else self.tr('导入 {0} 条').format(f'{n:,}'))

    def _fill_sample(self) -> None:
        parsed = self.preview.parsed
        records = parsed.records[:20] if parsed else []
        if parsed is not None and parsed.kind == 'members':
            headers = [self.tr('买家会员名'), self.tr('平台'), self.tr('更新的列')]
            rows = [[r.nick, platform_name(r.platform),
                     field_names(r.values)] for r in records]
        elif parsed is not None and parsed.kind == 'lines':
            headers = [self.tr('订单号'), self.tr('商品')]
            rows = [[r.order_no, self.tr('；').join(f'{ln.title} ×{ln.quantity}' for ln in r.lines)]
                    for r in records]
        else:
            headers = [self.tr('订单号'), self.tr('买家'), self.tr('状态'), self.tr('实付'),
                       self.tr('付款时间'), self.tr('收货人')]
            rows = [[r.order_no, r.nick, r.status_text or order_state_name(r.status),
                     formatting.yuan(r.amount), formatting.minute(r.paid_at or r.created_at),
                     r.receiver] for r in records]
        self.sample.clear()
        self.sample.setColumnCount(len(headers))
        self.sample.setHorizontalHeaderLabels(headers)
        self.sample.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                self.sample.setItem(i, j, QTableWidgetItem(str(v)))

    # --- mapping (generic sheets) ------------------------------------------------------
    def _build_mapping(self) -> None:
        p = self.preview
        self.mapping_box.setVisible(p.kind == 'generic')
        if p.kind != 'generic':
            return
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.target = QComboBox()
        self.target.addItem(self.tr('订单'), 'orders')
        self.target.addItem(self.tr('会员资料'), 'members')
        self.target.setCurrentIndex(self.target.findData(p.target))
        self.platform = QComboBox()
        for code in platform_codes():
            self.platform.addItem(platform_name(code), code)
        self.platform.setCurrentIndex(max(0, self.platform.findData(p.platform)))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr('导入为')))
        top.addWidget(self.target)
        top.addWidget(QLabel(self.tr('平台')))
        top.addWidget(self.platform)
        top.addStretch()
        self.apply_button = QPushButton(self.tr('按此对应重新读取'))
        self.apply_button.clicked.connect(self.apply_mapping)
        top.addWidget(self.apply_button)
        holder = QWidget()
        holder.setLayout(top)
        self.mapping_form.addRow(holder)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._mapping_rows()

    def _target_changed(self) -> None:
        from services.files.mapping import propose_mapping
        target = self.target.currentData()
        self.preview.mapping = propose_mapping(self.preview.table.headers, target)
        self._mapping_rows()

    def _mapping_rows(self) -> None:
        while self.mapping_form.rowCount() > 1:
            self.mapping_form.removeRow(1)
        target = self.target.currentData()
        fields = ORDER_SYNONYMS if target == 'orders' else MEMBER_SYNONYMS
        grid = QWidget()
        form = QFormLayout(grid)
        self._combos = {}
        for f in fields:
            combo = QComboBox()
            combo.addItem(self.tr('（不导入）'), '')
            for h in self.preview.table.headers:
                if h:
                    combo.addItem(h, h)
            combo.setCurrentIndex(max(0, combo.findData(self.preview.mapping.get(f, ''))))
            self._combos[f] = combo
            form.addRow(field_name(f), combo)
        self.mapping_form.addRow(grid)

    def apply_mapping(self) -> None:
        mapping = {f: c.currentData() for f, c in self._combos.items() if c.currentData()}
        target, platform = self.target.currentData(), self.platform.currentData()
        # The worker changes the preview: nothing on screen may touch it meanwhile.
        self.mapping_box.setEnabled(False)
        self.import_button.setEnabled(False)
        self.task = BackgroundTask(
            lambda progress, cancelled: service.remap(self.preview, mapping, target, platform,
                                                      cancelled),
            self, self.tr('正在按新的列对应读取…'))
        self.task.finished.connect(self._remapped)
        self.task.failed.connect(self._remap_failed)
        self.task.cancelled.connect(lambda: self._remap_failed(self.tr('已取消')))
        self.task.start()

    def _remapped(self, _preview) -> None:
        self.mapping_box.setEnabled(True)
        self._refresh()

    def _remap_failed(self, message: str) -> None:
        # A cancelled or failed parse leaves nothing importable rather than a stale one.
        self.preview.parsed, self.preview.error = None, message
        self.mapping_box.setEnabled(True)
        self._refresh()

    # --- commit ------------------------------------------------------------------------
    def commit(self) -> None:
        preview = self.preview
        self.import_button.setEnabled(False)
        self.task = BackgroundTask(
            lambda progress, cancelled: service.commit_preview(preview, progress, cancelled),
            self, self.tr('正在导入…'))
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.start()

    def _done(self, info) -> None:
        self.imported.emit(info)
        QMessageBox.information(
            self, self.tr('导入完成'),
            self.tr('批次 {0}：新增 {1}，更新 {2}，跳过 {3}，新顾客 {4} 位。').format(
                info.id, f'{info.added:,}', f'{info.updated:,}', f'{info.skipped:,}',
                f'{info.customers_added:,}'))
        self.accept()

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr('导入失败'),
                            self.tr('没有导入任何数据。') + '\n' + message)
        self.import_button.setEnabled(True)

    def _cancelled(self) -> None:
        self.summary.setText(self.tr('已取消，没有导入任何数据。'))
        self.import_button.setEnabled(True)
