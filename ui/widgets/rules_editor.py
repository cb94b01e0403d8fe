"""Editors for the scoring rules: RFM, lifecycle, loyalty and CLV.

Each editor shows one rules object (set_rules), gives back the edited copy
(rules(), not validated) and emits `edited` on any change.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDoubleSpinBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPlainTextEdit, QRadioButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from services.scoring import (FIXED, LIFECYCLES, QUANTILE, SEGMENTS, ClvRules, LifecycleRules,
                              LoyaltyRules, RfmRules)

from ..labels import lifecycle_name, segment_name


def _spin(minimum: int, maximum: int, suffix: str = '') -> QSpinBox:
    w = QSpinBox()
    w.setRange(minimum, maximum)
    w.setSuffix(suffix)
    w.setGroupSeparatorShown(True)
    return w


def _words(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class RfmEditor(QWidget):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.quantile = QRadioButton(self.tr('分位数（按本店顾客五等分，推荐）'))
        self.fixed = QRadioButton(self.tr('固定阈值'))
        group = QButtonGroup(self)
        group.addButton(self.quantile)
        group.addButton(self.fixed)
        mode = QHBoxLayout()
        mode.addWidget(self.quantile)
        mode.addWidget(self.fixed)
        mode.addStretch()
        self.r_days = [_spin(1, 3650, self.tr(' 天')) for _ in range(4)]
        self.f_orders = [_spin(1, 100_000, self.tr(' 笔')) for _ in range(4)]
        self.m_yuan = [_spin(1, 99_999_999) for _ in range(4)]
        for w in self.m_yuan:
            w.setPrefix('¥')
        grid = QGridLayout()
        for col, text in enumerate((self.tr('2 分'), self.tr('3 分'), self.tr('4 分'),
                                    self.tr('5 分')), start=1):
            grid.addWidget(QLabel(text), 0, col, Qt.AlignCenter)
        rows = ((self.tr('R 最近成交在…天内'), list(reversed(self.r_days))),
                (self.tr('F 成交笔数至少'), self.f_orders),
                (self.tr('M 累计消费至少'), self.m_yuan))
        for r, (label, spins) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label), r, 0)
            for c, w in enumerate(spins, start=1):
                grid.addWidget(w, r, c)
        self.thresholds = QGroupBox(self.tr('固定阈值（未达 2 分门槛的得 1 分）'))
        self.thresholds.setLayout(grid)
        self.high_from = _spin(2, 5, self.tr(' 分'))
        high = QHBoxLayout()
        high.addWidget(QLabel(self.tr('高分线：R、F、M 各自得分不低于')))
        high.addWidget(self.high_from)
        high.addWidget(QLabel(self.tr('记为“高”，否则为“低”')))
        high.addStretch()
        self.segments = QTableWidget(len(SEGMENTS), 4)
        self.segments.setHorizontalHeaderLabels(['R', 'F', 'M', self.tr('分群')])
        self.segments.verticalHeader().hide()
        self.segments.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.segments.setSelectionMode(QAbstractItemView.NoSelection)
        self.segments.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.segments.horizontalHeader().setStretchLastSection(True)
        for row, (flags, name) in enumerate(SEGMENTS.items()):
            for col, flag in enumerate(flags):
                item = QTableWidgetItem(self.tr('高') if flag else self.tr('低'))
                item.setTextAlignment(Qt.AlignCenter)
                self.segments.setItem(row, col, item)
            self.segments.setItem(row, 3, QTableWidgetItem(segment_name(name)))
        self.segments.setMinimumHeight(
            self.segments.horizontalHeader().sizeHint().height()
            + 8 * self.segments.verticalHeader().defaultSectionSize() + 4)
        layout = QVBoxLayout(self)
        layout.addWidget(_words(self.tr(
            'R = 最近一次成交距今多久，F = 成交笔数，M = 累计消费，各打 1-5 分。'
            '分位数方式按本店有成交的顾客自动划线；固定阈值方式用下面的数。')))
        layout.addLayout(mode)
        layout.addWidget(self.thresholds)
        layout.addLayout(high)
        layout.addWidget(_words(self.tr('分群规则：按 R、F、M 的高低组合分为八类。')))
        layout.addWidget(self.segments, 1)
        self.quantile.toggled.connect(self._mode_changed)
        for w in (*self.r_days, *self.f_orders, *self.m_yuan, self.high_from):
            w.valueChanged.connect(self.edited)
        self.set_rules(RfmRules())

    def set_rules(self, rules: RfmRules) -> None:
        self.blockSignals(True)
        (self.quantile if rules.mode == QUANTILE else self.fixed).setChecked(True)
        for spins, values in ((self.r_days, rules.r_days), (self.f_orders, rules.f_orders),
                              (self.m_yuan, rules.m_yuan)):
            for w, v in zip(spins, values):
                w.setValue(int(v))
        self.high_from.setValue(rules.high_from)
        self.thresholds.setEnabled(rules.mode == FIXED)
        self.blockSignals(False)

    def rules(self) -> RfmRules:
        return RfmRules(QUANTILE if self.quantile.isChecked() else FIXED,
                        [w.value() for w in self.r_days], [w.value() for w in self.f_orders],
                        [w.value() for w in self.m_yuan], self.high_from.value())

    def _mode_changed(self) -> None:
        self.thresholds.setEnabled(self.fixed.isChecked())
        self.edited.emit()


class LifecycleEditor(QWidget):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.new_days = _spin(1, 3650, self.tr(' 天内'))
        self.active_days = _spin(1, 3650, self.tr(' 天内'))
        self.sleeping_days = _spin(1, 3650, self.tr(' 天内'))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr('新客：首单在最近'), self.new_days)
        form.addRow(self.tr('活跃：最近成交在'), self.active_days)
        form.addRow(self.tr('沉睡：最近成交在'), self.sleeping_days)
        self.rule = _words('')
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addStretch()
        for w in (self.new_days, self.active_days, self.sleeping_days):
            w.valueChanged.connect(self._changed)
        self.set_rules(LifecycleRules())

    def set_rules(self, rules: LifecycleRules) -> None:
        self.blockSignals(True)
        self.new_days.setValue(rules.new_days)
        self.active_days.setValue(rules.active_days)
        self.sleeping_days.setValue(rules.sleeping_days)
        self.blockSignals(False)
        self._describe()

    def rules(self) -> LifecycleRules:
        return LifecycleRules(self.new_days.value(), self.active_days.value(),
                              self.sleeping_days.value())

    def _changed(self) -> None:
        self._describe()
        self.edited.emit()

    def _describe(self) -> None:
        r = self.rules()
        self.rule.setText(self.tr(
            '规则：首单在 {0} 天内为“新客”；否则最近一次成交在 {1} 天内为“活跃”，'
            '在 {2} 天内为“沉睡”，更久为“流失”。没有成交的顾客不分阶段。'
            '天数须满足 新客 ≤ 活跃 < 沉睡。').format(r.new_days, r.active_days, r.sleeping_days))


class LoyaltyClvEditor(QWidget):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.promo_share = _spin(1, 100, '%')
        self.high_score = _spin(2, 5, self.tr(' 分'))
        self.windows = QPlainTextEdit()
        self.windows.setPlaceholderText('11-01 11-12')
        self.windows.setTabChangesFocus(True)
        self.windows.setMinimumWidth(220)
        self.windows.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        loyalty = QGroupBox(self.tr('忠诚类型（成交 2 笔以上的顾客）'))
        form = QFormLayout(loyalty)
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(_words(self.tr(
            '促销期成交占比达到下面的比例为“价格忠诚”；否则 R、F 都不低于高分线'
            '（或介绍过新顾客且 R ≥ 3）为“高度忠诚”；其余复购为“惰性忠诚”。')))
        form.addRow(self.tr('价格忠诚：促销期成交占比至少'), self.promo_share)
        form.addRow(self.tr('高度忠诚：R、F 得分至少'), self.high_score)
        form.addRow(self.tr('促销时段（每行一段：开始 结束，如 11-01 11-12）'), self.windows)
        self.horizon = _spin(30, 3650, self.tr(' 天'))
        self.shrink = _spin(0, 100, self.tr(' 笔'))
        self.alive: dict[str, QDoubleSpinBox] = {}
        clv = QGroupBox(self.tr('顾客终身价值 CLV'))
        form2 = QFormLayout(clv)
        form2.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form2.addRow(_words(self.tr(
            'CLV = 预计客单价 × 预计单数 × 留存系数。客单价向全店平均值收缩，'
            '成交越少收缩越多；留存系数按生命周期折算。')))
        form2.addRow(self.tr('预测未来'), self.horizon)
        form2.addRow(self.tr('向全店客单价收缩（相当于几笔）'), self.shrink)
        for code in LIFECYCLES:
            w = QDoubleSpinBox()
            w.setRange(0, 1)
            w.setSingleStep(0.1)
            w.setDecimals(2)
            self.alive[code] = w
            form2.addRow(self.tr('留存系数：{0}').format(lifecycle_name(code)), w)
        layout = QVBoxLayout(self)
        layout.addWidget(loyalty)
        layout.addWidget(clv)
        layout.addStretch()
        for w in (self.promo_share, self.high_score, self.horizon, self.shrink,
                  *self.alive.values()):
            w.valueChanged.connect(self.edited)
        self.windows.textChanged.connect(self.edited)
        self.set_rules(LoyaltyRules(), ClvRules())

    def set_rules(self, loyalty: LoyaltyRules, clv: ClvRules) -> None:
        self.blockSignals(True)
        self.promo_share.setValue(loyalty.promo_share)
        self.high_score.setValue(loyalty.high_score)
        self.windows.setPlainText('\n'.join(f'{a} {b}' for a, b in loyalty.promo_windows))
        self.horizon.setValue(clv.horizon_days)
        self.shrink.setValue(clv.shrink_orders)
        for code, w in self.alive.items():
            w.setValue(float(clv.alive.get(code, 0)))
        self.blockSignals(False)

    def loyalty_rules(self) -> LoyaltyRules:
        windows = []
        for line in self.windows.toPlainText().splitlines():
            days = re.findall(r'(\d{1,2})-(\d{1,2})', line)
            if days:
                windows.append([f'{int(m):02d}-{int(d):02d}' for m, d in days])
            elif line.strip():
                windows.append([line.strip()])     # validate() names the bad line
        return LoyaltyRules(self.promo_share.value(), self.high_score.value(), windows)

    def clv_rules(self) -> ClvRules:
        return ClvRules(self.horizon.value(), self.shrink.value(),
                        {code: round(w.value(), 2) for code, w in self.alive.items()})
