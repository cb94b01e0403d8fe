"""The shop profile messages use: shop name, SMS signature and opt-out text."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from services import campaigns
from services.errors import UserError


class ShopProfileEditor(QWidget):
    """Edit and save services.campaigns ShopProfile; emits `saved` once stored."""
    saved = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shop_name = QLineEdit()
        self.shop_name.setPlaceholderText(self.tr('如 小鹿母婴旗舰店'))
        self.signature = QLineEdit()
        self.signature.setPlaceholderText(self.tr('如 小鹿母婴（发送时自动加上【】）'))
        self.opt_out = QLineEdit()
        self.opt_out.setPlaceholderText(self.tr('如 拒收请回复R'))
        for w in (self.shop_name, self.signature, self.opt_out):
            w.setMaximumWidth(360)
            w.textChanged.connect(self._show_sample)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr('店铺名'), self.shop_name)
        form.addRow(self.tr('短信签名'), self.signature)
        form.addRow(self.tr('退订提示'), self.opt_out)
        intro = QLabel(self.tr(
            '店铺名用于模板里的 {店铺名}。短信签名须与短信平台上报备的签名一致，发送时放在开头，'
            '写成【小鹿母婴】；营销短信按规定要带退订提示，模板可选择是否加上。'))
        intro.setWordWrap(True)
        self.sample = QLabel()
        self.sample.setObjectName('profileSample')
        self.sample.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.revert_button = QPushButton(self.tr('撤销修改'))
        self.save_button = QPushButton(self.tr('保存店铺资料'))
        self.revert_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.sample)
        layout.addStretch()
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        p = campaigns.load_profile()
        self.shop_name.setText(p.shop_name)
        self.signature.setText(p.signature)
        self.opt_out.setText(p.opt_out)
        self.message.clear()

    def profile(self):
        return campaigns.ShopProfile(self.shop_name.text(), self.signature.text(),
                                     self.opt_out.text())

    def _show_sample(self) -> None:
        p = self.profile()
        sig = p.signature.strip().strip('【】[] ')
        text = (f'【{sig}】' if sig else '') + self.tr('亲，好久不见～') + p.opt_out.strip()
        n = campaigns.sms_length(text)
        self.sample.setText(self.tr('示例：{0}（{1} 字）').format(text, n))

    def save(self) -> bool:
        try:
            stored = campaigns.save_profile(self.profile())
        except UserError as e:
            self._say(str(e), error=True)
            return False
        self.signature.setText(stored.signature)
        self._say(self.tr('店铺资料已保存。'))
        self.saved.emit()
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
