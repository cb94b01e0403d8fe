"""Create or edit a campaign: audience, offer, control group, results window and stages."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from services import campaigns
from services.errors import UserError

from ..labels import channel_name
from ..widgets.campaign_runner import Runner

_STAGE_COLUMNS = (QT_TRANSLATE_NOOP('CampaignDialog', '阶段名称'),
                  QT_TRANSLATE_NOOP('CampaignDialog', '日期'),
                  QT_TRANSLATE_NOOP('CampaignDialog', '消息模板'),
                  QT_TRANSLATE_NOOP('CampaignDialog', '发优惠'))


class CampaignDialog(QDialog):
    """new: a NewCampaign to start from (the win-back one); info: a CampaignInfo to edit.
    After Accepted, `campaign_id` is the created or edited campaign."""

    def __init__(self, new=None, info=None, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.info = info
        self.campaign_id = info.id if info else None
        self.kind = info.kind if info else 'custom'
        self.setWindowTitle(self.tr('编辑活动') if info else self.tr('新建活动'))
        self.templates = campaigns.list_templates()
        self.name = QLineEdit()
        self.name.setMaxLength(32)
        self.audience = QComboBox()
        self.audience.setObjectName('campaignAudience')
        self.audience_size = QLabel()
        self.coupon = QLineEdit()
        self.coupon.setPlaceholderText(self.tr('如 满199减30元券（用于 {优惠券}）'))
        self.points = QSpinBox()
        self.points.setRange(0, 1_000_000)
        self.points.setSpecialValueText(self.tr('不送'))
        self.control = QSpinBox()
        self.control.setRange(0, 50)
        self.control.setSuffix(' %')
        self.control.setSpecialValueText(self.tr('不留对照组'))
        self.control.setToolTip(self.tr('随机留出这部分顾客不发消息，用来对比活动到底多带来了多少回购'))
        self.window = QSpinBox()
        self.window.setRange(1, 90)
        self.window.setSuffix(self.tr(' 天内下单算回购'))
        audience_row = QHBoxLayout()
        audience_row.addWidget(self.audience, 1)
        audience_row.addWidget(self.audience_size)
        for w in (self.name, self.coupon, self.audience):
            w.setMinimumWidth(320)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr('活动名称'), self.name)
        form.addRow(self.tr('目标人群'), audience_row)
        form.addRow(self.tr('优惠券'), self.coupon)
        form.addRow(self.tr('赠送积分'), self.points)
        form.addRow(self.tr('对照组'), self.control)
        form.addRow(self.tr('效果统计'), self.window)
        self.stages = QTableWidget(0, len(_STAGE_COLUMNS))
        self.stages.setObjectName('stageTable')
        self.stages.setHorizontalHeaderLabels([self.tr(c) for c in _STAGE_COLUMNS])
        self.stages.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.stages.verticalHeader().setVisible(False)
        self.stages.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self._stage_ids: list = []
        self._sent: list = []
        self.add_stage_button = QPushButton(self.tr('添加阶段'))
        self.remove_stage_button = QPushButton(self.tr('删除阶段'))
        self.add_stage_button.clicked.connect(lambda: self.add_stage())
        self.remove_stage_button.clicked.connect(self.remove_stage)
        stage_buttons = QHBoxLayout()
        stage_buttons.addWidget(QLabel(self.tr('阶段（按日期先后发送）')), 1)
        stage_buttons.addWidget(self.add_stage_button)
        stage_buttons.addWidget(self.remove_stage_button)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet('color: #c0392b;')
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(
            self.tr('保存') if info else self.tr('创建活动'))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(stage_buttons)
        layout.addWidget(self.stages, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self.runner = Runner(self)
        self.audience.currentIndexChanged.connect(self._audience_changed)
        if info is not None:
            self._show_info(info)
        else:
            self._show_new(new)

    # --- filling ------------------------------------------------------------------------
    def _show_new(self, new) -> None:
        for a in campaigns.list_audiences():
            self.audience.addItem(a.name, a.id)
        if new is None:
            new = campaigns.NewCampaign(self.tr('新活动'), [campaigns.StageInfo(
                name=self.tr('发送'), date=self.today + timedelta(days=1),
                template_id=self.templates[0].id if self.templates else None)])
        self.kind = new.kind
        self.name.setText(new.name)
        if new.audience_id is not None:
            self.audience.setCurrentIndex(max(0, self.audience.findData(new.audience_id)))
        self.coupon.setText(new.coupon)
        self.points.setValue(new.points)
        self.control.setValue(new.control_percent)
        self.window.setValue(new.window_days)
        for s in new.stages:
            self.add_stage(s)
        self._audience_changed()

    def _show_info(self, info) -> None:
        self.audience.addItem(info.audience_name, info.audience_id)
        self.audience.setEnabled(False)
        self.audience_size.setText(self.tr('目标 {0} 人，对照 {1} 人').format(
            f'{info.targets:,}', f'{info.control:,}'))
        self.control.setValue(info.control_percent)
        self.control.setEnabled(False)           # the split was drawn at creation
        self.name.setText(info.name)
        self.coupon.setText(info.coupon)
        self.points.setValue(info.points)
        self.window.setValue(info.window_days)
        for s in info.stages:
            self.add_stage(s)

    def add_stage(self, stage=None) -> None:
        if stage is None:
            last = self._date_at(self.stages.rowCount() - 1) if self.stages.rowCount() else None
            stage = campaigns.StageInfo(
                name=self.tr('第{0}阶段').format(self.stages.rowCount() + 1),
                date=(last or self.today) + timedelta(days=1),
                template_id=self.templates[0].id if self.templates else None)
        row = self.stages.rowCount()
        self.stages.insertRow(row)
        self.stages.setItem(row, 0, QTableWidgetItem(stage.name))
        when = QDateEdit(QDate(stage.date))
        when.setCalendarPopup(True)
        when.setDisplayFormat('yyyy-MM-dd')
        self.stages.setCellWidget(row, 1, when)
        combo = QComboBox()
        combo.addItem(self.tr('（未选）'), None)
        for t in self.templates:
            combo.addItem(f'{t.name} · {channel_name(t.channel)}', t.id)
        combo.setCurrentIndex(max(0, combo.findData(stage.template_id)))
        self.stages.setCellWidget(row, 2, combo)
        offer = QCheckBox()
        offer.setChecked(stage.offer)
        self.stages.setCellWidget(row, 3, offer)
        sent = stage.sent_at is not None
        if sent:                                 # a sent stage keeps its date and template
            when.setEnabled(False)
            combo.setEnabled(False)
        self._stage_ids.append(stage.id)
        self._sent.append(sent)

    def remove_stage(self) -> None:
        row = self.stages.currentRow()
        if row < 0:
            row = self.stages.rowCount() - 1
        if row < 0:
            return
        if self._sent[row]:
            self.error.setText(self.tr('已发送的阶段不能删除。'))
            return
        self.stages.removeRow(row)
        del self._stage_ids[row]
        del self._sent[row]

    def _date_at(self, row: int) -> date:
        return self.stages.cellWidget(row, 1).date().toPython()

    def _audience_changed(self, _index: int = 0) -> None:
        aid = self.audience.currentData()
        if self.info is not None or aid is None:
            if aid is None and self.info is None:
                self.audience_size.setText(self.tr('请先在“人群”页建一个人群'))
            return
        self.audience_size.setText(self.tr('计算中…'))
        today = self.today
        self.runner.run(lambda _p, _c: campaigns.audience_reach(aid, today), self._sized,
                        failed=self.audience_size.setText)

    def _sized(self, reach: tuple) -> None:
        n, opted = reach
        text = self.tr('现有 {0} 人').format(f'{n:,}')
        if opted:
            text += self.tr('，{0} 人已退订短信（导出短信表时不放进表里）').format(f'{opted:,}')
        self.audience_size.setText(text)

    # --- result -------------------------------------------------------------------------
    def stage_infos(self) -> list:
        out = []
        for row in range(self.stages.rowCount()):
            item = self.stages.item(row, 0)
            out.append(campaigns.StageInfo(
                id=self._stage_ids[row], name=item.text() if item else '',
                date=self._date_at(row), template_id=self.stages.cellWidget(row, 2).currentData(),
                offer=self.stages.cellWidget(row, 3).isChecked()))
        return out

    def new_campaign(self):
        return campaigns.NewCampaign(
            self.name.text(), self.stage_infos(), audience_id=self.audience.currentData(),
            coupon=self.coupon.text(), points=self.points.value(),
            control_percent=self.control.value(), window_days=self.window.value(),
            kind=self.kind)

    def accept(self) -> None:
        self.error.clear()
        if self.info is not None:
            self._save_edit()
            return
        new = self.new_campaign()
        if new.audience_id is None:
            self.error.setText(self.tr('请选择目标人群。'))
            return
        self.buttons.setEnabled(False)
        today = self.today
        self.runner.run(lambda progress, cancelled: campaigns.create_campaign(
            new, today, progress, cancelled), self._created, self.tr('正在固定活动名单…'),
            failed=self._failed)

    def _created(self, campaign_id: int) -> None:
        self.campaign_id = campaign_id
        super().accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)

    def _save_edit(self) -> None:
        info = self.info
        info.name, info.coupon = self.name.text(), self.coupon.text()
        info.points, info.window_days = self.points.value(), self.window.value()
        info.stages = self.stage_infos()
        try:
            campaigns.update_campaign(info)
        except UserError as e:
            self.error.setText(str(e))
            return
        super().accept()
