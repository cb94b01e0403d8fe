"""Build or edit a saved audience: the member filters plus birthday month, bought product and
days asleep, with the number of buyers it selects counted live."""
from __future__ import annotations

from dataclasses import fields
from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout)

from services import campaigns, tags, tiers
from services.errors import UserError
from services.member_query import MemberFilter

from ..widgets.campaign_runner import Runner
from ..widgets.filter_bar import FilterBar


def _select(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)


def load_filter_bar(bar: FilterBar, f: MemberFilter) -> None:
    """Show a stored filter in the member filter bar (it has no setter of its own)."""
    bar.blockSignals(True)
    bar.search.setText(f.text)
    for name, value in (('platform', f.platform or None), ('tier', f.tier_id),
                        ('tag', f.tag_id), ('group', getattr(f, 'group_id', None)),
                        ('segment', f.segment or None), ('lifecycle', f.lifecycle or None),
                        ('loyalty', f.loyalty or None), ('quality', f.quality or None),
                        ('credit', f.credit_min or None)):
        combo = getattr(bar, name, None)
        if combo is not None:
            _select(combo, value)
    for spin, value, scale in ((bar.min_spent, f.min_spent, 100), (bar.max_spent, f.max_spent, 100),
                               (bar.min_orders, f.min_orders, 1),
                               (bar.max_orders, f.max_orders, 1), (bar.min_clv, f.min_clv, 100)):
        spin.setValue(-1 if value is None else value / scale)
    dates = f.last_from is not None or f.last_to is not None
    bar.use_dates.setChecked(dates)
    if f.last_from is not None:
        bar.last_from.setDate(QDate(f.last_from))
    if f.last_to is not None:
        bar.last_to.setDate(QDate(f.last_to))
    bar.blockSignals(False)
    bar.more.setChecked(True)


class AudienceDialog(QDialog):
    COUNT_DELAY_MS = 300

    def __init__(self, info=None, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today              # None: the real today, each count
        self.setWindowTitle(self.tr('编辑人群') if info and info.id else self.tr('新建人群'))
        self.info = info or campaigns.AudienceInfo()
        self.saved_id: int | None = None
        self.name = QLineEdit(self.info.name)
        self.name.setPlaceholderText(self.tr('如 半年没买的VIP'))
        self.name.setMaxLength(32)
        self.bar = FilterBar()
        self.bar.set_tiers(tiers.list_tiers())
        self.bar.set_tags(tags.list_tags())
        self.bar.more.setChecked(True)
        self.birth_month = QComboBox()
        self.birth_month.addItem(self.tr('不限'), None)
        for m in range(1, 13):
            self.birth_month.addItem(self.tr('{0}月').format(m), m)
        self.product = QLineEdit()
        self.product.setPlaceholderText(self.tr('商品标题包含的字，如 奶粉'))
        self.use_asleep = QCheckBox(self.tr('沉睡至少'))
        self.asleep = QSpinBox()
        self.asleep.setRange(1, 3650)
        self.asleep.setSuffix(self.tr(' 天没有成交'))
        self.asleep.setValue(campaigns.winback_days())
        self.asleep.setEnabled(False)
        self.use_asleep.toggled.connect(self.asleep.setEnabled)
        self.count_label = QLabel()
        self.count_label.setObjectName('audienceCount')
        self.error = QLabel()
        self.error.setStyleSheet('color: #c0392b;')
        self.error.setWordWrap(True)
        asleep_row = QHBoxLayout()
        asleep_row.addWidget(self.use_asleep)
        asleep_row.addWidget(self.asleep)
        asleep_row.addStretch()
        top = QFormLayout()
        top.addRow(self.tr('人群名称'), self.name)
        self.name.setMaximumWidth(360)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr('生日月份'), self.birth_month)
        form.addRow(self.tr('买过商品'), self.product)
        form.addRow(self.tr('最近购买'), asleep_row)
        self.product.setMinimumWidth(240)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr('按会员筛选条件圈选顾客（回收站里的顾客不计入）：')))
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(980, 420)
        self._show(self.info)
        self.runner = Runner(self)
        self._debounce = QTimer(self, singleShot=True, interval=self.COUNT_DELAY_MS)
        self._debounce.timeout.connect(self.count)
        self.bar.changed.connect(lambda _v: self._debounce.start())
        self.birth_month.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self.product.textChanged.connect(lambda _t: self._debounce.start())
        self.use_asleep.toggled.connect(lambda _b: self._debounce.start())
        self.asleep.valueChanged.connect(lambda _v: self._debounce.start())
        self.count()

    def _show(self, info) -> None:
        f = info.filter
        load_filter_bar(self.bar, f)
        _select(self.birth_month, f.birth_month)
        self.product.setText(f.product)
        self.use_asleep.setChecked(info.asleep_days is not None)
        if info.asleep_days is not None:
            self.asleep.setValue(info.asleep_days)

    def current_filter(self) -> tuple[MemberFilter, int | None]:
        # Fields this dialog does not show (a newer release's) are kept as they were.
        known = {fd.name for fd in fields(MemberFilter)}
        values = {k: v for k, v in self.bar.values().items() if k in known}
        f = self.info.filter.with_(**values, birth_month=self.birth_month.currentData(),
                                   product=self.product.text().strip())
        return f, self.asleep.value() if self.use_asleep.isChecked() else None

    def count(self) -> None:
        f, asleep = self.current_filter()
        today = self.today
        self.count_label.setText(self.tr('正在计算人数…'))
        self.runner.run(lambda _p, _c: campaigns.count_filter(f, asleep, today), self._counted,
                        failed=self.count_label.setText)

    def _counted(self, n: int) -> None:
        self.count_label.setText(self.tr('符合条件的顾客：{0} 人').format(f'{n:,}'))

    def accept(self) -> None:
        f, asleep = self.current_filter()
        info = campaigns.AudienceInfo(self.info.id, self.name.text(), f, asleep, self.info.note)
        try:
            self.saved_id = campaigns.save_audience(info)
        except UserError as e:
            self.error.setText(str(e))
            return
        super().accept()
