"""One campaign: its stages with export and mark-sent actions, and its results."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services import campaigns

from ..formatting import minute
from ..labels import channel_name
from .campaign_results import ResultsTable
from .campaign_runner import Runner

_STAGE_COLUMNS = (QT_TRANSLATE_NOOP('CampaignDetail', '阶段'),
                  QT_TRANSLATE_NOOP('CampaignDetail', '日期'),
                  QT_TRANSLATE_NOOP('CampaignDetail', '模板'),
                  QT_TRANSLATE_NOOP('CampaignDetail', '渠道'),
                  QT_TRANSLATE_NOOP('CampaignDetail', '发优惠'),
                  QT_TRANSLATE_NOOP('CampaignDetail', '发送情况'))


RETURNED_LIMIT = 1000        # the biggest spenders first; enough to call them back


class CampaignDetail(QWidget):
    """Emits `changed` after a stage was marked or unmarked."""
    changed = Signal()

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today
        self.info = None
        self.title = QLabel()
        self.title.setObjectName('campaignTitle')
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.stages = QTableWidget(0, len(_STAGE_COLUMNS))
        self.stages.setObjectName('campaignStages')
        self.stages.setHorizontalHeaderLabels([self.tr(c) for c in _STAGE_COLUMNS])
        self.stages.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.stages.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.stages.setSelectionMode(QAbstractItemView.SingleSelection)
        self.stages.verticalHeader().setVisible(False)
        self.stages.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.stages.horizontalHeader().setStretchLastSection(True)
        self.stages.setMaximumHeight(170)
        self.sms_button = QPushButton(self.tr('导出短信表'))
        self.sms_button.setToolTip(self.tr('手机号 + 内容，可直接上传短信平台；没有可用手机号的顾客另存一个文件'))
        self.chat_button = QPushButton(self.tr('导出旺旺/微信表'))
        self.mark_button = QPushButton(self.tr('标记已发送'))
        self.unmark_button = QPushButton(self.tr('撤销发送标记'))
        self.sms_button.clicked.connect(lambda: self.choose_export('sms'))
        self.chat_button.clicked.connect(lambda: self.choose_export('chat'))
        self.mark_button.clicked.connect(self.mark_current)
        self.unmark_button.clicked.connect(self.unmark_current)
        self.stages.itemSelectionChanged.connect(self._update_buttons)
        actions = QHBoxLayout()
        for b in (self.sms_button, self.chat_button, self.mark_button, self.unmark_button):
            actions.addWidget(b)
        actions.addStretch()
        self.status = QLabel()
        self.status.setObjectName('campaignStatus')
        self.status.setWordWrap(True)
        self.results = ResultsTable()
        self.results.setToolTip(self.tr('双击一行，看是哪些顾客回购了'))
        self.results.cellDoubleClicked.connect(lambda row, _col: self.show_returned(row))
        self.refresh_button = QPushButton(self.tr('刷新效果'))
        self.refresh_button.clicked.connect(self.load_results)
        results_bar = QHBoxLayout()
        results_title = QLabel(self.tr('活动效果（按导入的订单统计，退款、关闭的订单不算）'))
        results_title.setObjectName('sectionTitle')
        results_bar.addWidget(results_title, 1)
        results_bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.stages)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(results_bar)
        layout.addWidget(self.results, 1)
        self.runner = Runner(self)
        self.results_runner = Runner(self)
        self.show_campaign(None)

    # --- showing ------------------------------------------------------------------------
    def show_campaign(self, info) -> None:
        self.info = info
        self.status.clear()
        if info is None:
            self.title.setText(self.tr('选择左边的活动查看阶段和效果'))
            self.summary.clear()
            self.stages.setRowCount(0)
            self.results.show_results([])
            self._update_buttons()
            return
        self.title.setText(f'<b>{info.name}</b>')
        offer = [x for x in (info.coupon, self.tr('送 {0} 积分').format(info.points)
                             if info.points else '') if x]
        control = (self.tr('对照组 {0}%（{1} 人不发）').format(info.control_percent,
                                                          f'{info.control:,}')
                   if info.control_percent else self.tr('不留对照组'))
        self.summary.setText(self.tr('人群：{0} · 目标 {1} 人 · {2} · 优惠：{3} · {4} 天内下单算回购')
                             .format(info.audience_name, f'{info.targets:,}', control,
                                     self.tr('，').join(offer) or self.tr('无'), info.window_days))
        self.stages.setRowCount(len(info.stages))
        for row, s in enumerate(info.stages):
            sent = (self.tr('{0} 已发 {1} 人').format(minute(s.sent_at), f'{s.sent_count:,}')
                    if s.sent_at else self.tr('未发送'))
            cells = (s.name, s.date.isoformat(), s.template_name or self.tr('（未选模板）'),
                     channel_name(s.channel) if s.channel else '',
                     self.tr('是') if s.offer else '', sent)
            for col, text in enumerate(cells):
                self.stages.setItem(row, col, QTableWidgetItem(text))
        if info.stages:
            self.stages.selectRow(0)
        self._update_buttons()
        self.load_results()

    def current_stage(self):
        row = self.stages.currentRow()
        if self.info is None or not 0 <= row < len(self.info.stages):
            return None
        return self.info.stages[row]

    def _update_buttons(self) -> None:
        s = self.current_stage()
        busy = self.runner.busy
        for b in (self.sms_button, self.chat_button):
            b.setEnabled(s is not None and not busy)
        self.mark_button.setEnabled(s is not None and s.sent_at is None and not busy)
        self.unmark_button.setEnabled(s is not None and s.sent_at is not None and not busy)

    def load_results(self) -> None:
        if self.info is None:
            return
        cid, today = self.info.id, self.today
        self.results_runner.run(lambda _p, _c: campaigns.campaign_results(cid, today),
                                self.results.show_results, failed=self.status.setText)

    def show_returned(self, row: int) -> None:
        """The buyers behind a results row, read off the UI thread."""
        if self.info is None or not 0 <= row < len(self.results.lines):
            return
        line, cid, limit = self.results.lines[row], self.info.id, RETURNED_LIMIT
        days = (line.last_day - line.first_day).days + 1
        span = f'{line.first_day:%Y-%m-%d} ~ {line.last_day:%Y-%m-%d}'

        def shown(buyers) -> None:
            from ..dialogs.campaign_returned_dialog import ReturnedBuyersDialog
            self.returned_dialog = ReturnedBuyersDialog(line.name, span, buyers, limit, self)
            self.returned_dialog.open()
        self.results_runner.run(
            lambda _p, _c: campaigns.returned_buyers(cid, line.first_day, days, limit),
            shown, failed=self.status.setText)

    # --- actions ------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        s = self.current_stage()
        if s is None:
            return
        channel = self.tr('短信') if kind == 'sms' else self.tr('旺旺微信')
        default = f'{self.info.name}-{s.name}-{channel}.xlsx'
        path, _ = QFileDialog.getSaveFileName(self, self.tr('导出'), default,
                                              self.tr('Excel 表格 (*.xlsx);;CSV 文件 (*.csv)'))
        if not path:
            return
        from ..dialogs.export_dialog import ask_options
        note = (self.tr('短信平台需要完整手机号才能发送：上传的短信表里号码总是完整的，'
                        '上面的选项只影响“无法发送”名单。') if kind == 'sms' else
                self.tr('旺旺/微信表不含手机号，上面的选项只影响“无法发送”名单。'))
        note += self.tr('已退订的顾客和已达发送上限的顾客不会放进表里。')
        full = ask_options(self, self.tr('导出'), path, note)
        if full is not None:
            self.export(path, kind, masked=not full)

    def export(self, path: str, kind: str = 'sms', masked: bool = True) -> None:
        """The stage's sheet, less the opted-out and capped; the 无法发送 file masked."""
        s = self.current_stage()
        today = self.today
        self.status.setText(self.tr('正在导出…'))
        self.runner.run(lambda progress, cancelled: campaigns.export_stage(
            s.id, path, kind, today, progress, cancelled, masked), self._exported,
            self.tr('正在导出…'), failed=self._failed)
        self._update_buttons()

    def _left_out(self, r) -> str:
        """'1 人没有可用手机号、2 人已退订、1 人已达发送上限'."""
        parts = []
        unreachable = r.skipped - r.opted_out - r.capped
        if unreachable:
            parts.append(self.tr('{0} 人没有可用手机号').format(unreachable))
        if r.opted_out:
            parts.append(self.tr('{0} 人已退订').format(r.opted_out))
        if r.capped:
            parts.append(self.tr('{0} 人已达发送上限').format(r.capped))
        return self.tr('、').join(parts)

    def _exported(self, r) -> None:
        if r.skipped_path and r.parts:
            text = self.tr('已导出 {0} 人到 {1}（共 {2} 条短信）；{3}，名单在 {4}') \
                .format(r.written, r.path, r.parts, self._left_out(r), r.skipped_path)
        elif r.skipped_path:
            text = self.tr('已导出 {0} 人到 {1}；{2}，名单在 {3}') \
                .format(r.written, r.path, self._left_out(r), r.skipped_path)
        elif r.parts:
            text = self.tr('已导出 {0} 人到 {1}（共 {2} 条短信）').format(r.written, r.path, r.parts)
        else:
            text = self.tr('已导出 {0} 人到 {1}').format(r.written, r.path)
        self._say(text + self.tr('。发送后请点“标记已发送”。'))
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self._say(message or self.tr('已取消。'), error=bool(message))
        self._update_buttons()

    def mark_current(self, confirm: bool = True) -> None:
        s = self.current_stage()
        if s is None:
            return
        if confirm and QMessageBox.question(
                self, self.tr('标记已发送'),
                self.tr('把“{0}”记为今天已发送？会为每位收到的顾客记一次联系，'
                        '用于之后控制打扰频率。').format(s.name)) != QMessageBox.Yes:
            return
        cid = self.info.id

        def work(progress, cancelled):
            n = campaigns.mark_stage_sent(s.id, None, progress, cancelled)
            return n, campaigns.get_campaign(cid)
        self.runner.run(work, self._marked, self.tr('正在记录…'), failed=self._failed)
        self._update_buttons()

    def _marked(self, result) -> None:
        n, info = result
        self._show_again(info)
        self._say(self.tr('已记录 {0} 位顾客收到这一阶段的消息。').format(f'{n:,}'))
        self.changed.emit()

    def unmark_current(self) -> None:
        s = self.current_stage()
        if s is None:
            return
        cid = self.info.id

        def work(_progress, _cancelled):
            campaigns.unmark_stage_sent(s.id)
            return campaigns.get_campaign(cid)
        self.runner.run(work, lambda info: self._unmarked(info, s.name), self.tr('正在撤销…'),
                        failed=self._failed, cancellable=False)
        self._update_buttons()

    def _unmarked(self, info, name: str) -> None:
        self._show_again(info)
        self._say(self.tr('已撤销“{0}”的发送标记。').format(name))
        self.changed.emit()

    def _show_again(self, info) -> None:
        row = self.stages.currentRow()
        self.show_campaign(info)
        if 0 <= row < self.stages.rowCount():
            self.stages.selectRow(row)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
