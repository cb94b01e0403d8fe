"""Search box and filter controls above the member table."""
from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from services import groups as group_service
from services.groups import GroupInfo
from services.scoring import SEGMENT_ORDER
from services.tags import TagInfo
from services.tiers import TierInfo

from ..labels import (lifecycle_codes, lifecycle_name, loyalty_codes, loyalty_name,
                      platform_codes, platform_name, segment_name)

_ANY = None


class _FreshCombo(QComboBox):
    """Calls `about_to_open` before its list drops down, so the list is current."""

    def __init__(self, about_to_open, parent=None):
        super().__init__(parent)
        self._about_to_open = about_to_open

    def showPopup(self) -> None:
        self._about_to_open()
        super().showPopup()


class FilterBar(QWidget):
    """Emits `changed` with a dict of MemberFilter fields (sort is the table's)."""
    changed = Signal(dict)
    DEBOUNCE_MS = 150

    def __init__(self, parent=None):
        super().__init__(parent)
        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search = QLineEdit()
        self.search.setObjectName('memberSearch')
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr('搜索 姓名 / 会员名 / 手机 / 拼音首字母（如 zw 找 张伟）'))
        self.search.textChanged.connect(self._debounce.start)
        self.platform = QComboBox()
        self.platform.addItem(self.tr('全部平台'), _ANY)
        for code in platform_codes():
            self.platform.addItem(platform_name(code), code)
        self.tier = QComboBox()
        self.tag = QComboBox()
        # Groups are made on the 社群 page: the list reloads each time it opens.
        self.group = _FreshCombo(self.reload_groups)
        self.group.setObjectName('groupFilter')
        self.set_tiers([])
        self.set_tags([])
        self.reload_groups()
        self.more = QPushButton(self.tr('更多筛选'))
        self.more.setCheckable(True)
        self.clear = QPushButton(self.tr('清除'))
        self.clear.clicked.connect(self.reset)
        for combo in (self.platform, self.tier, self.tag, self.group):
            combo.currentIndexChanged.connect(self._emit)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 3)
        top.addWidget(self.platform)
        top.addWidget(self.tier)
        top.addWidget(self.tag)
        top.addWidget(self.group)
        top.addWidget(self.more)
        top.addWidget(self.clear)
        self.extra = self._build_extra()
        self.extra.setVisible(False)
        self.more.toggled.connect(self.extra.setVisible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.extra)

    def _build_extra(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.min_spent, self.max_spent = QDoubleSpinBox(), QDoubleSpinBox()
        for w in (self.min_spent, self.max_spent):
            w.setRange(-1, 99_999_999)
            w.setDecimals(0)
            w.setSpecialValueText(self.tr('不限'))
            w.setValue(-1)
            w.setPrefix('¥')
            w.valueChanged.connect(self._debounce.start)
        self.min_orders, self.max_orders = QSpinBox(), QSpinBox()
        for w in (self.min_orders, self.max_orders):
            w.setRange(-1, 100_000)
            w.setSpecialValueText(self.tr('不限'))
            w.setValue(-1)
            w.valueChanged.connect(self._debounce.start)
        self.use_dates = QCheckBox(self.tr('最近购买在'))
        self.last_from, self.last_to = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        self.last_from.setDate(today.addMonths(-6))
        self.last_to.setDate(today)
        for w in (self.last_from, self.last_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat('yyyy-MM-dd')
            w.setEnabled(False)
            w.dateChanged.connect(self._debounce.start)
        self.use_dates.toggled.connect(self.last_from.setEnabled)
        self.use_dates.toggled.connect(self.last_to.setEnabled)
        self.use_dates.toggled.connect(self._emit)
        grid.addWidget(QLabel(self.tr('累计消费')), 0, 0)
        grid.addWidget(self.min_spent, 0, 1)
        grid.addWidget(QLabel('—'), 0, 2)
        grid.addWidget(self.max_spent, 0, 3)
        grid.addWidget(QLabel(self.tr('订单数')), 0, 4)
        grid.addWidget(self.min_orders, 0, 5)
        grid.addWidget(QLabel('—'), 0, 6)
        grid.addWidget(self.max_orders, 0, 7)
        grid.addWidget(self.use_dates, 0, 8)
        grid.addWidget(self.last_from, 0, 9)
        grid.addWidget(QLabel('—'), 0, 10)
        grid.addWidget(self.last_to, 0, 11)
        self._build_scores(grid)
        grid.setColumnStretch(12, 1)
        return box

    def _build_scores(self, grid: QGridLayout) -> None:
        # Second row: what scoring wrote (segment, lifecycle, loyalty, CLV).
        self.segment, self.lifecycle, self.loyalty = QComboBox(), QComboBox(), QComboBox()
        self._refill(self.segment, self.tr('全部分群'), [(segment_name(n), n) for n in SEGMENT_ORDER])
        self._refill(self.lifecycle, self.tr('全部生命周期'),
                     [(lifecycle_name(c), c) for c in lifecycle_codes()])
        self._refill(self.loyalty, self.tr('全部忠诚类型'),
                     [(loyalty_name(c), c) for c in loyalty_codes()])
        for combo in (self.segment, self.lifecycle, self.loyalty):
            combo.currentIndexChanged.connect(self._emit)
        self.min_clv = QDoubleSpinBox()
        self.min_clv.setRange(-1, 99_999_999)
        self.min_clv.setDecimals(0)
        self.min_clv.setSpecialValueText(self.tr('不限'))
        self.min_clv.setValue(-1)
        self.min_clv.setPrefix('¥')
        self.min_clv.valueChanged.connect(self._debounce.start)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (QLabel(self.tr('分群')), self.segment, self.lifecycle, self.loyalty,
                  QLabel(self.tr('CLV 至少')), self.min_clv):
            row.addWidget(w)
        self._build_marks(row)
        row.addStretch()
        grid.addLayout(row, 1, 0, 1, 13)

    def _build_marks(self, row: QHBoxLayout) -> None:
        # The owner's quality marks and the buyers' platform credit (services.quality_marks).
        from .care_tab import credit_label, quality_codes, quality_name
        from services.care.codes import CREDIT_LEVELS
        self.quality, self.credit = QComboBox(), QComboBox()
        self.quality.setObjectName('qualityFilter')
        self.credit.setObjectName('creditFilter')
        self._refill(self.quality, self.tr('全部客户质量'),
                     [(quality_name(c), c) for c in quality_codes()])
        self._refill(self.credit, self.tr('买家信用不限'),
                     [(self.tr('信用 ≥ {0}').format(credit_label(c)), c) for c in CREDIT_LEVELS])
        for combo in (self.quality, self.credit):
            combo.currentIndexChanged.connect(self._emit)
            row.addWidget(combo)

    def set_tiers(self, tiers: list[TierInfo]) -> None:
        self._refill(self.tier, self.tr('全部等级'), [(t.name, t.id) for t in tiers])

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._refill(self.tag, self.tr('全部标签'), [(t.name, t.id) for t in tags])

    def set_groups(self, groups: list[GroupInfo]) -> None:
        before = self.group.currentData()
        self._refill(self.group, self.tr('全部社群'), [(g.name, g.id) for g in groups])
        if self.group.currentData() != before:
            self._emit()                # the chosen group was deleted meanwhile

    def reload_groups(self) -> None:
        self.set_groups(group_service.list_groups())

    @staticmethod
    def _refill(combo: QComboBox, all_text: str, items: list) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, _ANY)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def values(self) -> dict:
        def opt(spin, scale=1):
            return None if spin.value() < 0 else int(round(spin.value() * scale))
        dates = self.use_dates.isChecked()
        return dict(
            text=self.search.text(), platform=self.platform.currentData() or '',
            tier_id=self.tier.currentData(), tag_id=self.tag.currentData(),
            group_id=self.group.currentData(),
            min_spent=opt(self.min_spent, 100), max_spent=opt(self.max_spent, 100),
            min_orders=opt(self.min_orders), max_orders=opt(self.max_orders),
            segment=self.segment.currentData() or '',
            lifecycle=self.lifecycle.currentData() or '',
            loyalty=self.loyalty.currentData() or '', min_clv=opt(self.min_clv, 100),
            quality=self.quality.currentData() or '', credit_min=self.credit.currentData() or '',
            last_from=self.last_from.date().toPython() if dates else None,
            last_to=self.last_to.date().toPython() if dates else None)

    def reset(self) -> None:
        widgets = (self.search, self.platform, self.tier, self.tag, self.group,
                   self.min_spent, self.max_spent, self.min_orders, self.max_orders,
                   self.use_dates,
                   self.segment, self.lifecycle, self.loyalty, self.min_clv, self.quality,
                   self.credit)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.platform, self.tier, self.tag, self.group, self.segment,
                      self.lifecycle, self.loyalty, self.quality, self.credit):
            combo.setCurrentIndex(0)
        for spin in (self.min_spent, self.max_spent, self.min_orders, self.max_orders,
                     self.min_clv):
            spin.setValue(-1)
        self.use_dates.setChecked(False)
        self.last_from.setEnabled(False)
        self.last_to.setEnabled(False)
        for w in widgets:
            w.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.values())
