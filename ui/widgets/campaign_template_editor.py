"""A message template's editor (placeholder buttons) and its live per-buyer preview with
the SMS length and parts counter."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from services import campaigns

from ..labels import channel_name, service_text


class TemplateEditor(QWidget):
    """Name, channel, 【签名】/opt-out switches and the body; emits `edited` on any change."""
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.template_id: int | None = None
        self.name = QLineEdit()
        self.name.setMaxLength(32)
        self.channel = QComboBox()
        for code in campaigns.CHANNELS:
            self.channel.addItem(channel_name(code), code)
        self.signature = QCheckBox(self.tr('开头加短信签名'))
        self.opt_out = QCheckBox(self.tr('结尾加退订提示'))
        self.body = QPlainTextEdit()
        self.body.setObjectName('templateBody')
        self.body.setPlaceholderText(self.tr('如：{姓名}，好久不见，{店铺名}送您{优惠券}，期待您回来'))
        self.body.setMinimumHeight(110)
        switches = QHBoxLayout()
        switches.addWidget(self.channel)
        switches.addWidget(self.signature)
        switches.addWidget(self.opt_out)
        switches.addStretch()
        form = QFormLayout()
        form.addRow(self.tr('模板名称'), self.name)
        form.addRow(self.tr('发送渠道'), switches)
        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.placeholder_buttons = {}
        for i, (name, meaning) in enumerate(campaigns.PLACEHOLDERS.items()):
            b = QPushButton('{' + name + '}')
            b.setToolTip(service_text(meaning))
            b.clicked.connect(lambda _=False, n=name: self.insert(n))
            buttons.addWidget(b, i // 6, i % 6)
            self.placeholder_buttons[name] = b
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr('点击插入占位符，发送时换成每位顾客自己的信息：')))
        layout.addLayout(buttons)
        layout.addWidget(self.body, 1)
        self.name.textChanged.connect(self.edited)
        self.body.textChanged.connect(self.edited)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.signature.toggled.connect(self.edited)
        self.opt_out.toggled.connect(self.edited)

    def _channel_changed(self, _index: int) -> None:
        sms = self.channel.currentData() == 'sms'
        # 【签名】 and 退订 belong to SMS; chat messages go without them.
        for box in (self.signature, self.opt_out):
            box.setEnabled(sms)
            if not sms:
                box.setChecked(False)
        self.edited.emit()

    def insert(self, name: str) -> None:
        self.body.insertPlainText('{' + name + '}')
        self.body.setFocus()

    def load(self, info) -> None:
        for w in (self.name, self.body, self.channel, self.signature, self.opt_out):
            w.blockSignals(True)
        self.template_id = info.id
        self.name.setText(info.name)
        self.channel.setCurrentIndex(max(0, self.channel.findData(info.channel)))
        sms = info.channel == 'sms'
        self.signature.setEnabled(sms)
        self.opt_out.setEnabled(sms)
        self.signature.setChecked(info.signature)
        self.opt_out.setChecked(info.opt_out)
        self.body.setPlainText(info.body)
        for w in (self.name, self.body, self.channel, self.signature, self.opt_out):
            w.blockSignals(False)
        self.edited.emit()

    def info(self):
        return campaigns.TemplateInfo(self.template_id, self.name.text(),
                                      self.channel.currentData(), self.body.toPlainText(),
                                      self.signature.isChecked(), self.opt_out.isChecked())


class TemplatePreview(QFrame):
    """The message a chosen buyer (or a made-up one) would get, and what it costs."""
    SEARCH_DELAY_MS = 250

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self._template = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr('找一位顾客预览：姓名 / 会员名 / 手机'))
        self.search.setClearButtonEnabled(True)
        self.buyer = QComboBox()
        self.buyer.setObjectName('previewBuyer')
        self.coupon = QLineEdit(self.tr('满199减30元券'))
        self.points = QSpinBox()
        self.points.setRange(0, 1_000_000)
        self.points.setValue(200)
        self.text = QLabel()
        self.text.setObjectName('previewText')
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text.setStyleSheet('background: #f3f7ff; padding: 10px; border-radius: 6px;')
        self.counter = QLabel()
        self.counter.setObjectName('previewCounter')
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet('color: #b9770e;')
        form = QFormLayout()
        form.addRow(self.tr('预览顾客'), self.search)
        form.addRow('', self.buyer)
        form.addRow(self.tr('示例优惠券'), self.coupon)
        form.addRow(self.tr('示例赠送积分'), self.points)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr('预览'))
        title.setObjectName('sectionTitle')
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.text)
        layout.addWidget(self.counter)
        layout.addWidget(self.missing)
        rule = QLabel(self.tr('计费：签名、正文、退订提示合计 70 字以内算 1 条，超过按每 67 字 1 条；'
                              '表情符号（如 🎁）按 2 个字计。'))
        rule.setWordWrap(True)
        rule.setStyleSheet('color: #777;')
        layout.addWidget(rule)
        layout.addStretch()
        self._debounce = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.find_buyers)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.buyer.currentIndexChanged.connect(lambda _i: self.refresh())
        self.coupon.textChanged.connect(lambda _t: self.refresh())
        self.points.valueChanged.connect(lambda _v: self.refresh())
        self.find_buyers()

    def find_buyers(self) -> None:
        self.buyer.blockSignals(True)
        self.buyer.clear()
        self.buyer.addItem(self.tr('示例顾客（王芳）'), None)
        for cid, label in campaigns.find_buyers(self.search.text(), 30):
            self.buyer.addItem(label, cid)
        if self.search.text().strip() and self.buyer.count() > 1:
            self.buyer.setCurrentIndex(1)
        self.buyer.blockSignals(False)
        self.refresh()

    def set_template(self, info) -> None:
        self._template = info
        self.refresh()

    def refresh(self) -> None:
        t = self._template
        if t is None or not t.body.strip():
            self.text.setText(self.tr('（正文为空）'))
            self.counter.clear()
            self.missing.clear()
            return
        sms = t.channel == 'sms'
        m = campaigns.preview(t.body, signature=sms and t.signature, opt_out=sms and t.opt_out,
                              customer_id=self.buyer.currentData(),
                              offer=campaigns.Offer(self.coupon.text(), self.points.value()))
        self.text.setText(m.text)
        if sms:
            self.counter.setText(self.tr('共 {0} 字，按 {1} 条短信计费').format(m.length, m.parts))
            self.counter.setStyleSheet('color: #c0392b;' if m.parts > 1 else 'color: #2e7d32;')
        else:
            self.counter.setText(self.tr('共 {0} 字').format(len(m.text)))
            self.counter.setStyleSheet('')
        self.missing.setText(self.tr('这位顾客缺少：{0}（已按规则替换）').format(
            self.tr('、').join(m.missing))
                             if m.missing else '')
