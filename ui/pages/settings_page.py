"""The 设置 page: member tiers and the scoring rules, each with a live preview."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from services import customer_stats, scoring, settings
from services.errors import UserError

from ..tasks import BackgroundTask
from ..widgets.rules_editor import LifecycleEditor, LoyaltyClvEditor, RfmEditor
from ..widgets.tier_editor import TierEditor
from .settings_preview import ScorePreview


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    area.setWidget(widget)
    return area


class SettingsPage(QWidget):
    """Emits `changed` after tiers or scores were recomputed, so the member list reloads."""
    changed = Signal()
    PREVIEW_MS = 400

    def __init__(self, parent=None):
        super().__init__(parent)
        self._preview_task: BackgroundTask | None = None
        self._save_task: BackgroundTask | None = None
        self._generation = 0
        self._error_shown = False
        self._debounce = QTimer(self, singleShot=True, interval=self.PREVIEW_MS)
        self._debounce.timeout.connect(self._start_preview)

        self.tier_editor = TierEditor()
        self.tier_editor.saved.connect(lambda _n: self.changed.emit())
        self.rfm = RfmEditor()
        self.lifecycle = LifecycleEditor()
        self.loyalty = LoyaltyClvEditor()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tier_editor, self.tr('会员等级'))
        self.tabs.addTab(_scrolled(self.rfm), self.tr('RFM 评分'))
        self.tabs.addTab(_scrolled(self.lifecycle), self.tr('生命周期'))
        self.tabs.addTab(_scrolled(self.loyalty), self.tr('忠诚度 && CLV'))
        self.tabs.addTab(self._points_section(), self.tr('积分规则'))
        from ..dialogs.survey_editor_dialog import SurveyEditor
        self.surveys = SurveyEditor()           # satisfaction surveys and their answers
        self.tabs.addTab(self.surveys, self.tr('满意度问卷'))
        from ..widgets.shop_profile_editor import ShopProfileEditor
        self.shop_profile = ShopProfileEditor()
        self.tabs.addTab(_scrolled(self.shop_profile), self.tr('店铺资料'))
        from ..widgets.backup_editor import BackupEditor
        self.backup = BackupEditor()            # a restore replaced every page's data
        self.backup.restored.connect(self.load)
        self.backup.restored.connect(self.changed)
        self.tabs.addTab(self.backup, self.tr('数据与备份'))
        from ..widgets.connection_editor import ConnectionEditor
        self.connection = ConnectionEditor()
        self.tabs.addTab(_scrolled(self.connection), self.tr('数据库连接'))
        from ..widgets.privacy_editor import PrivacyEditor
        self.privacy = PrivacyEditor()          # opt-outs and masking change the lists
        self.privacy.saved.connect(self.changed)
        self.tabs.addTab(_scrolled(self.privacy), self.tr('隐私与退订'))
        from ..widgets.language_editor import LanguageEditor
        self.language = LanguageEditor()
        self.tabs.addTab(_scrolled(self.language), self.tr('界面语言'))
        self._scoring_tabs = {1, 2, 3}
        for editor in (self.rfm, self.lifecycle, self.loyalty):
            editor.edited.connect(self._edited)

        self.preview = ScorePreview()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName('rulesMessage')
        self.defaults_button = QPushButton(self.tr('恢复默认规则'))
        self.revert_button = QPushButton(self.tr('撤销修改'))
        self.save_button = QPushButton(self.tr('保存并重新评分'))
        self.defaults_button.clicked.connect(self.load_defaults)
        self.revert_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save_rules)
        self.scoring_bar = QWidget()
        bar = QHBoxLayout(self.scoring_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.defaults_button)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.scoring_bar)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.load()
        self._tab_changed(self.tabs.currentIndex())

    def _points_section(self) -> QWidget:
        from ..widgets.points_editor import PointsEditor
        self.points = PointsEditor()
        # A new ratio or start date earns orders that had not earned: rebuild.
        self.points.saved.connect(self._rebuild)
        return _scrolled(self.points)

    # --- loading ---------------------------------------------------------------
    def load(self) -> None:
        """Show the stored rules (tiers with their counts) and preview them."""
        self.tier_editor.load()
        if self.points is not None:
            self.points.load()
        self._show_rules(scoring.load_rules())
        self._show_message('')

    def load_defaults(self) -> None:
        self._show_rules(scoring.Rules(scoring.RfmRules(), scoring.LifecycleRules(),
                                       scoring.LoyaltyRules(), scoring.ClvRules()))

    def _show_rules(self, rules) -> None:
        self.rfm.set_rules(rules.rfm)
        self.lifecycle.set_rules(rules.lifecycle)
        self.loyalty.set_rules(rules.loyalty, rules.clv)
        self._edited()

    def rules(self):
        """The edited rules, not validated."""
        return scoring.Rules(self.rfm.rules(), self.lifecycle.rules(),
                             self.loyalty.loyalty_rules(), self.loyalty.clv_rules())

    def _tab_changed(self, index: int) -> None:
        scoring_tab = index in self._scoring_tabs
        self.preview.setVisible(scoring_tab)
        self.scoring_bar.setVisible(scoring_tab)

    # --- preview ---------------------------------------------------------------------
    def _edited(self) -> None:
        self._generation += 1
        self._debounce.start()

    def _validated(self):
        rules = self.rules()
        try:
            for r in (rules.rfm, rules.lifecycle, rules.loyalty, rules.clv):
                r.validate()
        except UserError as e:
            self._show_message(str(e), error=True)
            return None
        if self._error_shown:
            self._show_message('')
        return rules

    def _start_preview(self) -> None:
        rules = self._validated()
        if rules is None:
            self.preview.set_message(self.tr('规则有误，改正后显示预览。'))
            return
        generation = self._generation
        self.preview.set_busy()
        task = BackgroundTask(lambda _p, _c: scoring.preview(rules), self, show_progress=False)
        task.finished.connect(lambda result: self._preview_done(generation, result))
        task.failed.connect(self.preview.set_message)
        self._preview_task = task.start()

    def _preview_done(self, generation: int, result: dict) -> None:
        if generation == self._generation:
            self.preview.show_result(result)

    # --- saving ---------------------------------------------------------------------
    def save_rules(self) -> bool:
        """Store the rules (a problem is shown inline), then rescore everyone in the background."""
        rules = self._validated()
        if rules is None:
            return False
        try:
            settings.save_all((rules.rfm, rules.lifecycle, rules.loyalty, rules.clv))
        except UserError as e:
            self._show_message(str(e), error=True)
            return False
        self._rebuild()
        return True

    def _rebuild(self) -> None:
        # Promotion windows change each buyer's promotion orders and the points rules
        # which orders earn: a rebuild from the orders covers both, then rescores
        # everyone and re-applies automatic tags. No order changed: repurchase due
        # days stay as they are.
        self.setEnabled(False)
        task = BackgroundTask(lambda _p, _c: customer_stats.refresh(None, orders_changed=False),
                              self, self.tr('正在按新规则重新评分…'), cancellable=False)
        task.finished.connect(self._rescored)
        task.failed.connect(self._rescore_failed)
        self._save_task = task.start()

    def _rescored(self, _result) -> None:
        self.setEnabled(True)
        self._show_message(self.tr('已保存，全部顾客已按新规则重新评分。'))
        self._edited()
        self.changed.emit()

    def _rescore_failed(self, message: str) -> None:
        self.setEnabled(True)
        self._show_message(self.tr('规则已保存，但重新评分没有完成：{0}').format(message), error=True)

    def _show_message(self, text: str, error: bool = False) -> None:
        self._error_shown = error
        self.message.setText(text)
        self.message.setStyleSheet('color: #c0392b;' if error else 'color: #2e7d32;')
