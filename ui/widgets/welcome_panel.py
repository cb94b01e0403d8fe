"""What an empty shop shows: how to get the first customers in."""
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    demo_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel(self.tr('欢迎使用掌柜会员通'))
        title.setStyleSheet('font-size: 24px; font-weight: bold;')
        body = QLabel(self.tr(
            '店里还没有顾客。可以先载入一个演示店铺看看会员、等级、标签和订单是什么样子，'
            '也可以直接新建第一位顾客。所有数据只保存在这台电脑上。'))
        body.setWordWrap(True)
        body.setStyleSheet('font-size: 14px; color: #555;')
        self.demo_button = QPushButton(self.tr('载入演示店铺'))
        self.new_button = QPushButton(self.tr('新建顾客'))
        for b in (self.demo_button, self.new_button):
            b.setMinimumHeight(36)
            b.setMinimumWidth(140)
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(body)
        box.addSpacing(12)
        box.addLayout(buttons)
        inner = QWidget()
        inner.setLayout(box)
        inner.setMaximumWidth(560)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(inner, 0, Qt.AlignHCenter)
        layout.addStretch(2)
