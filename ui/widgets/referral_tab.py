"""The 社群 tab of a customer's detail: the groups they are in, who referred them and
whom they referred, with the rewards given."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services import groups, referrals
from services.errors import UserError

from .. import formatting
from ..labels import platform_name
from .group_labels import app_name, reward_text, role_name

_C = 'ReferralTab'
_GROUP_HEADERS = (QT_TRANSLATE_NOOP('ReferralTab', '群'), QT_TRANSLATE_NOOP('ReferralTab', '类型'),
                  QT_TRANSLATE_NOOP('ReferralTab', '角色'),
                  QT_TRANSLATE_NOOP('ReferralTab', '入群日期'))
_REFERRED_HEADERS = (QT_TRANSLATE_NOOP('ReferralTab', '推荐的顾客'),
                     QT_TRANSLATE_NOOP('ReferralTab', '日期'),
                     QT_TRANSLATE_NOOP('ReferralTab', '奖励'))


def _table(headers) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels([QCoreApplication.translate(_C, h) for h in headers])
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.verticalHeader().hide()
    # The side panel is narrow: the first column (who, which group) takes what is left
    # and elides; the full text is in the tooltip.
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    return t


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)


class ReferralTab(QWidget):
    """Loads when shown. Emits `changed(customer_id)` after a referral was recorded or
    deleted (a reward may have moved points)."""
    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._customer: int | None = None
        self._label = ''
        self._editable = True
        self._dirty = False
        self._info = None
        self.groups = _table(_GROUP_HEADERS)
        self.referrer = QLabel()
        self.referrer.setObjectName('referrerLabel')
        self.referrer.setWordWrap(True)
        self.set_referrer_button = QPushButton(self.tr('登记推荐人…'))
        self.clear_referrer_button = QPushButton(self.tr('删除推荐人'))
        self.referred = _table(_REFERRED_HEADERS)
        self.referred.itemSelectionChanged.connect(self._update_buttons)
        self.add_referred_button = QPushButton(self.tr('登记TA推荐的顾客…'))
        self.delete_referred_button = QPushButton(self.tr('删除所选'))
        self.set_referrer_button.clicked.connect(lambda: self.record('referrer'))
        self.add_referred_button.clicked.connect(lambda: self.record('referred'))
        self.clear_referrer_button.clicked.connect(self.delete_referrer)
        self.delete_referred_button.clicked.connect(self.delete_selected)
        row = QHBoxLayout()
        row.addWidget(self.set_referrer_button)
        row.addWidget(self.clear_referrer_button)
        row.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_referred_button)
        buttons.addWidget(self.delete_referred_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr('所在的群')))
        layout.addWidget(self.groups, 1)
        layout.addWidget(QLabel(self.tr('转介绍')))
        layout.addWidget(self.referrer)
        layout.addLayout(row)
        layout.addWidget(self.referred, 1)
        layout.addLayout(buttons)
        self.set_customer(None)

    def set_customer(self, customer_id: int | None, label: str = '',
                     editable: bool = True) -> None:
        """editable False (a binned customer) shows the records without the buttons."""
        self._customer, self._label, self._editable = customer_id, label, editable
        self._dirty = True
        if self.isVisible() or customer_id is None:
            self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.load()

    def load(self) -> None:
        self._dirty = False
        if self._customer is None:
            self._info = None
            self.groups.setRowCount(0)
            self.referred.setRowCount(0)
            self.referrer.clear()
            self._update_buttons()
            return
        _fill(self.groups, [[self.tr('{0}（{1}）').format(g.name, app_name(g.app)), g.kind,
                             role_name(g.role), formatting.day(g.joined_at)]
                            for g in groups.groups_of(self._customer)])
        self._info = info = referrals.referrals_of(self._customer)
        by = info.referred_by
        if by is None:
            self.referrer.setText(self.tr('推荐人：无'))
        else:
            self.referrer.setText(self.tr('推荐人：{0}\n{1} · 奖励：{2}').format(
                self._who(by.referrer_nick, by.referrer_name, by.referrer_platform,
                          by.referrer_deleted),
                formatting.day(by.at), reward_text(by.reward, by.reward_points, by.cash,
                                                   by.note)))
        _fill(self.referred, [[self._who(r.referred_nick, r.referred_name, r.referred_platform,
                                         r.referred_deleted), formatting.day(r.at),
                               reward_text(r.reward, r.reward_points, r.cash, r.note)]
                              for r in info.referred])
        self._update_buttons()

    def _who(self, nick: str, name: str, platform: str, deleted: bool) -> str:
        text = self.tr('{0}（{1}）').format(
            nick, platform_name(platform) + (' · ' + name if name else ''))
        return text + self.tr('（已删除）') if deleted else text

    def _update_buttons(self) -> None:
        on = self._customer is not None and self._editable
        has_referrer = self._info is not None and self._info.referred_by is not None
        self.set_referrer_button.setEnabled(on and not has_referrer)
        self.clear_referrer_button.setEnabled(on and has_referrer)
        self.add_referred_button.setEnabled(on)
        self.delete_referred_button.setEnabled(
            on and bool(self.referred.selectionModel().selectedRows()))

    def record(self, mode: str) -> None:
        from ..dialogs.referral_dialog import ReferralDialog
        if self._customer is None or not self._editable:
            return
        if ReferralDialog(self._customer, self._label, mode, self).exec():
            self.load()
            self.changed.emit(self._customer)

    def delete_referrer(self) -> None:
        if self._info is not None and self._info.referred_by is not None:
            self._delete([self._info.referred_by])

    def delete_selected(self) -> None:
        if self._info is None:
            return
        rows = sorted(i.row() for i in self.referred.selectionModel().selectedRows())
        self._delete([self._info.referred[r] for r in rows if r < len(self._info.referred)])

    def _delete(self, records: list) -> None:
        if not records:
            return
        title = self.tr('删除转介绍记录')
        answer = QMessageBox.question(self, title, self.tr(
            '删除 {0} 条转介绍记录？奖励的积分会从推荐人那里扣回。').format(len(records)))
        if answer != QMessageBox.Yes:
            return
        for r in records:
            try:
                referrals.delete_referral(r.id)
            except UserError as e:
                keep = QMessageBox.question(
                    self, title, self.tr('{0}\n\n保留奖励的积分，只删除这条记录？').format(e))
                if keep != QMessageBox.Yes:
                    break
                try:
                    referrals.delete_referral(r.id, keep_points=True)
                except UserError as again:
                    QMessageBox.warning(self, title, str(again))
                    break
        self.load()
        self.changed.emit(self._customer)
