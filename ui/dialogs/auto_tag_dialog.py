"""Create an automatic tag, or change the rule of one: the rule decides who carries it."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from services import auto_tags, tiers
from services.scoring import LIFECYCLES, LOYALTIES, SEGMENT_ORDER

from ..labels import (lifecycle_name, loyalty_name, segment_name, tag_rule_kind_name,
                      tag_rule_kinds)
from ..tasks import BackgroundTask


class AutoTagDialog(QDialog):
    """New automatic tag (`tag_id=None`) or a new rule for tag `tag_id`.

    Saving applies the rule to every customer off the UI thread; `tag_id` holds
    the tag once accepted."""
    saved = Signal(int)

    def __init__(self, parent=None, tag_id: int | None = None, name: str = ''):
        super().__init__(parent)
        self.tag_id = tag_id
        self._task = None
        editing = tag_id is not None
        self.setWindowTitle(self.tr('编辑规则') if editing else self.tr('新建自动标签'))
        self.name = QLineEdit(name)
        self.name.setMaxLength(32)
        self.name.setPlaceholderText(self.tr('如 高消费、双11买家'))
        self.name.setReadOnly(editing)
        self.kind = QComboBox()
        for kind in tag_rule_kinds():
            self.kind.addItem(tag_rule_kind_name(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._build_editors()

        form = QFormLayout()
        form.addRow(self.tr('标签名'), self.name)
        form.addRow(self.tr('规则'), self.kind)
        form.addRow(self.tr('条件'), self.values)
        layout = QVBoxLayout(self)
        if not editing:
            layout.addLayout(self._examples())
        layout.addLayout(form)
        hint = QLabel(self.tr('保存后立即按规则给所有顾客加上或去掉这个标签；'
                              '以后每次导入或重新评分都会自动更新，不能手动加减。'))
        hint.setWordWrap(True)
        hint.setObjectName('hint')
        self.error = QLabel()
        self.error.setObjectName('formError')
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        rule = auto_tags.rule_of(tag_id) if editing else None
        self.set_rule(rule or {'kind': 'spent_at_least', 'value': 2000})

    # --- layout ---------------------------------------------------------------------------
    def _build_editors(self) -> None:
        self.segment = QComboBox()
        for name in SEGMENT_ORDER:                  # shown translated, stored as named
            self.segment.addItem(segment_name(name), name)
        self.tier = QComboBox()
        self.tier.addItems([t.name for t in tiers.list_tiers()])
        self.lifecycle = QComboBox()
        for code in LIFECYCLES:
            self.lifecycle.addItem(lifecycle_name(code), code)
        self.loyalty = QComboBox()
        for code in LOYALTIES:
            self.loyalty.addItem(loyalty_name(code), code)
        self.spent = QDoubleSpinBox()
        self.spent.setRange(0.01, 100_000_000)
        self.spent.setDecimals(2)
        self.spent.setGroupSeparatorShown(True)
        self.spent.setPrefix('¥')
        self.orders = QSpinBox()
        self.orders.setRange(1, 1_000_000)
        self.orders.setSuffix(self.tr(' 笔'))
        self.window_start, self.window_end = QLineEdit(), QLineEdit()
        for edit, example in ((self.window_start, '11-01'), (self.window_end, '11-12')):
            edit.setPlaceholderText(self.tr('MM-DD，如 {0}').format(example))
            edit.setMaxLength(5)
        window = QWidget()
        row = QHBoxLayout(window)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.window_start)
        row.addWidget(QLabel(self.tr('到')))
        row.addWidget(self.window_end)
        self._editors = {'segment': self.segment, 'tier': self.tier,
                         'lifecycle': self.lifecycle, 'loyalty': self.loyalty,
                         'spent_at_least': self.spent, 'orders_at_least': self.orders,
                         'bought_in': window}
        self.values = QStackedWidget()
        for kind in tag_rule_kinds():
            self.values.addWidget(self._editors[kind])

    def _examples(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr('常用：')))
        self.example_buttons = []
        for name, rule in auto_tags.EXAMPLES:
            button = QPushButton(name)
            button.setToolTip(self.tr('填入“{0}”的规则').format(name))
            button.clicked.connect(lambda _=False, n=name, r=rule: self._fill(n, r))
            row.addWidget(button)
            self.example_buttons.append(button)
        row.addStretch()
        return row

    def _fill(self, name: str, rule: dict) -> None:
        self.name.setText(name)
        self.set_rule(rule)

    def _kind_changed(self, _index: int) -> None:
        self.values.setCurrentWidget(self._editors[self.kind.currentData()])
        self.error.clear()

    # --- the rule ---------------------------------------------------------------------------
    def set_rule(self, rule: dict) -> None:
        kind, value = rule.get('kind'), rule.get('value')
        if kind not in tag_rule_kinds():
            return
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_changed(self.kind.currentIndex())
        if kind == 'tier':
            self._editors[kind].setCurrentIndex(self._editors[kind].findText(str(value)))
        elif kind in ('segment', 'lifecycle', 'loyalty'):
            self._editors[kind].setCurrentIndex(self._editors[kind].findData(value))
        elif kind == 'spent_at_least' and isinstance(value, (int, float)):
            self.spent.setValue(value)
        elif kind == 'orders_at_least' and isinstance(value, int):
            self.orders.setValue(value)
        elif kind == 'bought_in' and isinstance(value, (list, tuple)) and len(value) == 2:
            self.window_start.setText(str(value[0]))
            self.window_end.setText(str(value[1]))

    def rule(self) -> dict:
        """The rule on screen; a ValueError's message says what to fix."""
        kind = self.kind.currentData()
        if kind in ('segment', 'tier', 'lifecycle', 'loyalty'):
            combo = self._editors[kind]
            if combo.currentIndex() < 0:
                raise ValueError(self.tr('请在“条件”里选一项。'))
            value = combo.currentText() if kind == 'tier' else combo.currentData()
            return {'kind': kind, 'value': value}
        if kind == 'spent_at_least':
            value = round(self.spent.value(), 2)
            return {'kind': kind, 'value': int(value) if value.is_integer() else value}
        if kind == 'orders_at_least':
            return {'kind': kind, 'value': self.orders.value()}
        window = [self.window_start.text().strip(), self.window_end.text().strip()]
        for text in window:
            if not _is_month_day(text):
                raise ValueError(self.tr('“{0}”不是日期：请按 MM-DD 填写，如 11-01。').format(text)
                                 if text else self.tr('请填写开始和结束日期（MM-DD，如 11-01）。'))
        return {'kind': kind, 'value': window}

    # --- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        if self._task is not None:
            return
        name = self.name.text().strip()
        if self.tag_id is None and not name:
            self.error.setText(self.tr('请填写标签名。'))
            return
        try:
            rule = self.rule()
        except ValueError as e:
            self.error.setText(str(e))
            return
        self.error.clear()
        if self.tag_id is None:
            work = lambda progress, cancelled: auto_tags.create_rule(name, rule)  # noqa: E731
        else:
            tag_id = self.tag_id

            def work(progress, cancelled):
                auto_tags.update_rule(tag_id, rule)
                return tag_id
        self._busy(True)
        self._task = BackgroundTask(work, self, self.tr('正在按规则给顾客打标签…'),
                                    cancellable=False)
        self._task.finished.connect(self._saved)
        self._task.failed.connect(self._failed)
        self._task.start()

    def _busy(self, on: bool) -> None:
        for w in (self.buttons, self.name, self.kind, self.values):
            w.setEnabled(not on)
        for b in getattr(self, 'example_buttons', []):
            b.setEnabled(not on)

    def _saved(self, tag_id: int) -> None:
        self._task = None
        self._busy(False)
        self.tag_id = tag_id
        self.saved.emit(tag_id)
        self.accept()

    def _failed(self, message: str) -> None:
        self._task = None
        self._busy(False)
        self.error.setText(message)

    def reject(self) -> None:
        if self._task is None:          # the rule is being applied: wait for it
            super().reject()


def _is_month_day(text: str) -> bool:
    if len(text) != 5 or text[2] != '-':
        return False
    try:
        datetime.strptime(f'2000-{text}', '%Y-%m-%d')     # 2000 is a leap year: 02-29 is fine
    except ValueError:
        return False
    return True
