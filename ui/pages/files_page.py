"""The 导入导出 page: bring files in, see and undo past imports, write sheets out."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services.importing import batches

from .. import formatting
from ..tasks import BackgroundTask



def sheet_filter() -> str:
    return QCoreApplication.translate('FilesPage', 'Excel 表格 (*.xlsx);;CSV UTF-8 (*.csv)')


class FilesPage(QWidget):
    """Emits `changed` after an import or undo so the member page can reload."""
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._task = None
        intro = QLabel(self.tr(
            '可导入：淘宝/天猫订单报表（CSV 或 Excel）与宝贝报表、拼多多和抖店的订单导出、'
            '本软件导出的会员表，以及任意表格（按列对应导入，下次自动记住）。'
            '同一个文件重复导入不会重复添加订单；每次导入都可以整批撤销。'))
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr('选择文件导入…'))
        self.import_button.setMinimumHeight(34)
        self.import_button.clicked.connect(self.choose_import)
        box_in = QGroupBox(self.tr('导入'))
        lay_in = QVBoxLayout(box_in)
        lay_in.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch()
        lay_in.addLayout(row)

        self.batches = QTableWidget(0, 9)
        self.batches.setHorizontalHeaderLabels([
            self.tr('批次'), self.tr('文件'), self.tr('时间'), self.tr('读取行'),
            self.tr('新增'), self.tr('更新'), self.tr('跳过'), self.tr('问题'), self.tr('状态')])
        self.batches.setEditTriggers(QTableWidget.NoEditTriggers)
        self.batches.setSelectionBehavior(QTableWidget.SelectRows)
        self.batches.setSelectionMode(QTableWidget.SingleSelection)
        self.batches.verticalHeader().hide()
        header = self.batches.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.batches.itemSelectionChanged.connect(self._batch_selected)
        self.undo_button = QPushButton(self.tr('撤销所选导入'))
        self.problems_button = QPushButton(self.tr('查看问题'))
        self.undo_button.clicked.connect(self.undo_selected)
        self.problems_button.clicked.connect(self.show_problems)
        box_hist = QGroupBox(self.tr('导入记录'))
        lay_hist = QVBoxLayout(box_hist)
        lay_hist.addWidget(self.batches)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.problems_button)
        row.addStretch()
        lay_hist.addLayout(row)

        self.export_members_button = QPushButton(self.tr('导出全部会员…'))
        self.export_orders_button = QPushButton(self.tr('导出全部订单…'))
        self.export_members_button.clicked.connect(lambda: self.export('members'))
        self.export_orders_button.clicked.connect(lambda: self.export('orders'))
        box_out = QGroupBox(self.tr('导出'))
        lay_out = QVBoxLayout(box_out)
        hint = QLabel(self.tr('会员表可以在 Excel 里修改后再导入回来；只按筛选结果导出请在“会员”页'
                              '使用“导出”按钮。手机号、订单号按文本保存，不会变成科学计数法。'))
        hint.setWordWrap(True)
        lay_out.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.export_members_button)
        row.addWidget(self.export_orders_button)
        row.addStretch()
        lay_out.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addWidget(box_in)
        layout.addWidget(box_hist, 1)
        layout.addWidget(box_out)
        self.reload()

    # --- history ------------------------------------------------------------------
    def reload(self) -> None:
        self._batches = batches.list_batches()
        self.batches.setRowCount(len(self._batches))
        for r, b in enumerate(self._batches):
            state = (self.tr('已撤销 {0}').format(formatting.minute(b.undone_at))
                     if b.undone_at else self.tr('有效'))
            values = [str(b.id), b.file_name, formatting.minute(b.created_at),
                      f'{b.rows_read:,}', f'{b.added:,}', f'{b.updated:,}', f'{b.skipped:,}',
                      f'{len(b.problems):,}', state]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c in (0, 3, 4, 5, 6, 7):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.batches.setItem(r, c, item)
        self._batch_selected()

    def _selected_batch(self):
        row = self.batches.currentRow()
        return self._batches[row] if 0 <= row < len(self._batches) else None

    def _batch_selected(self) -> None:
        b = self._selected_batch()
        self.undo_button.setEnabled(b is not None and b.undone_at is None)
        self.problems_button.setEnabled(b is not None and bool(b.problems))

    def undo_selected(self) -> None:
        b = self._selected_batch()
        if b is None:
            return
        answer = QMessageBox.question(
            self, self.tr('撤销导入'),
            self.tr('撤销批次 {0}（{1}）？这次导入新增的订单和顾客会删除，改动过的订单恢复原样。')
            .format(b.id, b.file_name))
        if answer != QMessageBox.Yes:
            return
        # Undoing 100,000 orders takes seconds: off the UI thread, page locked meanwhile.
        self.setEnabled(False)
        task = BackgroundTask(lambda progress, cancelled: batches.undo(b.id), self,
                              self.tr('正在撤销导入…'), cancellable=False)
        task.finished.connect(self._undone)
        task.failed.connect(self._undo_failed)
        self._task = task.start()

    def _undone(self, _info) -> None:
        self.setEnabled(True)
        self.reload()
        self.changed.emit()

    def _undo_failed(self, message: str) -> None:
        self.setEnabled(True)
        QMessageBox.warning(self, self.tr('撤销导入'), message)
        self.reload()

    def show_problems(self) -> None:
        b = self._selected_batch()
        if b and b.problems:
            from ..dialogs.problems_dialog import ProblemsDialog
            ProblemsDialog(b.problems, self.tr('批次 {0} 的问题').format(b.id), self).exec()

    # --- import -----------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr('选择要导入的文件'), '',
            self.tr('表格文件 (*.csv *.xlsx *.xls *.txt);;所有文件 (*)'))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        from ..dialogs.import_dialog import ImportDialog
        dialog = ImportDialog(path, self)
        dialog.imported.connect(self._imported)
        dialog.start()
        self._dialog = dialog

    def _imported(self) -> None:
        self.reload()
        self.changed.emit()

    # --- export -------------------------------------------------------------------------
    def export(self, what: str) -> None:
        default = self.tr('会员表.xlsx') if what == 'members' else self.tr('订单表.xlsx')
        path, _ = QFileDialog.getSaveFileName(self, self.tr('导出到'), default, sheet_filter())
        if path:
            run_export(self, what, path)


def run_export(parent: QWidget, what: str, path: str, member_filter=None,
               masked: bool | None = None) -> BackgroundTask | None:
    """Write a sheet in the background; a message says how many rows went out.
    `masked` None: ask (phones and addresses masked unless the owner ticks the box)."""
    from services import exporting
    if masked is None:
        from ..dialogs.export_dialog import ask_options
        note = QCoreApplication.translate(
            'FilesPage', '会员表不是营销名单：已退订的顾客照常导出，“退订”列写明退订了哪些渠道。'
        ) if what == 'members' else ''
        full = ask_options(parent, QCoreApplication.translate('FilesPage', '导出'), path, note)
        if full is None:
            return None
        masked = not full

    def work(progress, cancelled):
        if what == 'members':
            return exporting.export_members(path, member_filter, progress, cancelled, masked)
        return exporting.export_orders(path, progress=progress, cancelled=cancelled,
                                       masked=masked)
    task = BackgroundTask(work, parent, QCoreApplication.translate('FilesPage', '正在导出…'))
    task.finished.connect(lambda n: QMessageBox.information(
        parent, QCoreApplication.translate('FilesPage', '导出完成'),
        QCoreApplication.translate('FilesPage', '已导出 {0} 行到\n{1}').format(f'{n:,}', path)))
    task.failed.connect(lambda m: QMessageBox.warning(
        parent, QCoreApplication.translate('FilesPage', '导出失败'), m))
    parent._export_task = task
    return task.start()
