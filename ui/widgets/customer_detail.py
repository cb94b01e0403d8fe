"""The side panel with one customer's profile, orders, points and contact log."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from services.customers import CustomerDetail
from services.privacy import mask_address, mask_phone

from .. import formatting
from ..labels import channel_name, gender_name, order_state_name, platform_name, segment_name
from .points_tab import PointsTab
from .referral_tab import ReferralTab
from .score_panel import ScorePanel


def _table(headers: list[str]) -> QTableWidget:
    # A customer's own orders and history are short lists; a plain widget table is right here.
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QTableWidget.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectRows)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[list[str]], right: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in right:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            table.setItem(r, c, item)


def _phones(p, masked: bool) -> str:
    return ' / '.join(mask_phone(x) if masked else x for x in (p.phone, p.phone2) if x)


class CustomerDetailPanel(QWidget):
    edit_requested = Signal(int)
    contact_requested = Signal(int)
    points_changed = Signal(int)        # after a redemption, adjustment or bonus

    def __init__(self, parent=None):
        super().__init__(parent)
        self._detail: CustomerDetail | None = None
        self._tiers: dict[int, str] = {}
        self.title = QLabel()
        self.title.setObjectName('detailTitle')
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.tags = QLabel()
        self.tags.setWordWrap(True)
        self.tags.setTextFormat(Qt.RichText)
        self.edit_button = QPushButton(self.tr('编辑资料'))
        self.contact_button = QPushButton(self.tr('记录联系'))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.contact_button.clicked.connect(lambda: self._emit(self.contact_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.contact_button)
        buttons.addStretch()
        from ..dialogs.optout_dialog import ConsentBar
        self.consent = ConsentBar()         # opt-outs, and 显示号码 for the full phone
        self.consent.reveal.connect(self._reveal)

        self.tabs = QTabWidget()
        profile = QWidget()
        self.form = QFormLayout(profile)
        self.fields: dict[str, QLabel] = {}
        for key, label in (('name', self.tr('姓名')), ('nick', self.tr('买家会员名')),
                           ('platform', self.tr('平台')), ('phone', self.tr('手机')),
                           ('wechat', self.tr('微信')), ('gender', self.tr('性别')),
                           ('birthday', self.tr('生日')), ('region', self.tr('地区')),
                           ('address', self.tr('地址')), ('source', self.tr('来源')),
                           ('tier', self.tr('会员等级')), ('points', self.tr('积分')),
                           ('spent', self.tr('累计消费')), ('orders', self.tr('订单数')),
                           ('first', self.tr('首次购买')), ('last', self.tr('最近购买')),
                           ('segment', self.tr('RFM分群')), ('note', self.tr('备注'))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.fields[key] = value
            self.form.addRow(label, value)
        self.tabs.addTab(profile, self.tr('资料'))
        self.orders = _table([self.tr('付款时间'), self.tr('订单号'), self.tr('状态'),
                              self.tr('实付'), self.tr('商品')])
        self.points = PointsTab()        # loads when its tab is shown
        self.points.changed.connect(self._points_changed)
        self.contacts = _table([self.tr('时间'), self.tr('方式'), self.tr('事由'),
                                self.tr('结果'), self.tr('备注')])
        self.tabs.addTab(self.orders, self.tr('订单'))
        self.tabs.addTab(self.points, self.tr('积分'))
        self.tabs.addTab(self.contacts, self.tr('联系记录'))
        self.score = ScorePanel()     # loads when its tab is shown
        self.tabs.addTab(self.score, self.tr('评分'))
        self.social = ReferralTab()   # groups and referrals; loads when its tab is shown
        self.social.changed.connect(self.points_changed)     # a reward may move points
        self.tabs.addTab(self.social, self.tr('社群'))
        from .care_tab import CareTab
        self.care = CareTab()         # quality mark and satisfaction; loads when shown
        self.care.mark_changed.connect(self.points_changed)   # the list shows the mark
        self.care.recorded.connect(self.points_changed)       # a bonus, filled fields
        self.tabs.addTab(self.care, self.tr('关怀'))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tags)
        layout.addLayout(buttons)
        layout.addWidget(self.consent)
        layout.addWidget(self.tabs, 1)
        self.show_detail(None)

    def set_tiers(self, names: dict[int, str]) -> None:
        self._tiers = dict(names)

    def customer_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def _emit(self, signal) -> None:
        if self._detail:
            signal.emit(self._detail.id)

    def show_detail(self, d: CustomerDetail | None) -> None:
        self._detail = d
        self.score.set_customer(d.id if d else None, d.tier_id if d else None,
                                bool(d and d.tier_locked))
        self.care.set_customer(d.id if d else None,
                               (d.profile.name or d.profile.nick) if d else '',
                               editable=bool(d and d.deleted_at is None))
        self.social.set_customer(d.id if d else None,
                                 (d.profile.name or d.profile.nick) if d else '',
                                 editable=bool(d and d.deleted_at is None))
        self.consent.set_customer(d.id if d else None,
                                  (d.profile.name or d.profile.nick) if d else '')
        for w in (self.edit_button, self.contact_button, self.tabs):
            w.setEnabled(d is not None)
        if d is None:
            self.title.setText(self.tr('选择一位顾客查看详情'))
            self.subtitle.clear()
            self.tags.clear()
            for value in self.fields.values():
                value.clear()
            self.points.set_customer(None)
            for t in (self.orders, self.contacts):
                t.setRowCount(0)
            return
        p = d.profile
        self.title.setText(p.name or p.nick)
        sub = [platform_name(p.platform), p.nick, self._tiers.get(d.tier_id, '')]
        if d.deleted_at:
            sub.append(self.tr('已删除（在回收站）'))
        if d.merged_from:
            sub.append(self.tr('合并自：{0}').format(
                self.tr('、').join(n for n, _ in d.merged_from)))
        self.subtitle.setText(' · '.join(s for s in sub if s))
        self.tags.setText(' '.join(
            f'<span style="background:{escape(color)}; color:white;">&nbsp;{escape(name)}&nbsp;</span>'
            for _, name, color in d.tags))
        tier = self._tiers.get(d.tier_id, '')
        if d.tier_locked:
            tier += self.tr('（手动指定）')
        values = {
            'name': p.name, 'nick': p.nick, 'platform': platform_name(p.platform),
            'phone': _phones(p, True), 'wechat': p.wechat,
            'gender': gender_name(p.gender) if p.gender else '',
            'birthday': formatting.birthday(p.birth_kind, p.birth_year, p.birth_month,
                                            p.birth_day, p.birth_leap),
            'region': ' '.join(x for x in (p.province, p.city) if x),
            'address': mask_address(p.address),
            'source': p.source, 'tier': tier, 'points': str(d.points),
            'spent': formatting.yuan(d.total_spent), 'orders': str(d.order_count),
            'first': formatting.day(d.first_order_at), 'last': formatting.day(d.last_order_at),
            'segment': segment_name(d.segment), 'note': p.note,
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self._show_extra(p.extra)
        _fill(self.orders, [[formatting.minute(o.paid_at), o.order_no,
                             o.status_text or order_state_name(o.status),
                             formatting.yuan(o.amount), o.items] for o in d.orders], {3})
        self.points.set_customer(d.id, editable=d.deleted_at is None)
        _fill(self.contacts, [[formatting.minute(c.at), channel_name(c.channel), c.purpose,
                               c.result, c.note] for c in d.contacts])

    def _reveal(self, full: bool) -> None:
        # Only on the owner's 显示 click (and password): the full number and address.
        if self._detail is not None:
            p = self._detail.profile
            self.fields['phone'].setText(_phones(p, not full))
            self.fields['address'].setText(p.address if full else mask_address(p.address))

    def _points_changed(self, customer_id: int) -> None:
        if self._detail is not None and self._detail.id == customer_id:
            self._detail.points = self.points.balance
            self.fields['points'].setText(str(self.points.balance))
        self.points_changed.emit(customer_id)

    def _show_extra(self, extra: dict) -> None:
        # Custom fields come after the fixed ones and change from customer to customer.
        while self.form.rowCount() > len(self.fields):
            self.form.removeRow(self.form.rowCount() - 1)
        for name, value in sorted(extra.items()):
            label = QLabel(str(value))
            label.setWordWrap(True)
            self.form.addRow(name, label)
