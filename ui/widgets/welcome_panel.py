"""What an empty shop shows: how to get the first customers in."""
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    demo_requested = Signal()
    new_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel(self.tr('欢迎使用掌柜会员通'))
        title.setObjectName('welcomeTitle')
        body = QLabel(self.tr(
            '店里还没有顾客。导入淘宝、拼多多或抖店导出的订单表，顾客和会员等级会自动建立；'
            '也可以先载入一个演示店铺看看，或直接新建第一位顾客。所有数据只保存在这台电脑上。'))
        body.setWordWrap(True)
        body.setObjectName('welcomeBody')
        self.import_button = QPushButton(self.tr('导入订单表…'))
        self.demo_button = QPushButton(self.tr('载入演示店铺'))
        self.new_button = QPushButton(self.tr('新建顾客'))
        self.import_button.clicked.connect(self.import_requested)
        for b in (self.import_button, self.demo_button, self.new_button):
            b.setMinimumHeight(36)
            b.setMinimumWidth(140)
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
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
        # A fixed width lets the wrapped text compute its height; a maximum does not.
        inner.setFixedWidth(600)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(inner, 0, Qt.AlignHCenter)
        layout.addStretch(2)
