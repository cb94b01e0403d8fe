"""The 营销 page: audiences, message templates and campaigns, one tab each.

Tabs reload when shown, so an import or an edit elsewhere shows up on the next visit;
counts, exports, marks and results run off the UI thread.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ..widgets.campaign_audiences import AudiencesTab
from ..widgets.campaign_list import CampaignsTab
from ..widgets.campaign_templates import TemplatesTab


class CampaignsPage(QWidget):
    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        heading = QLabel(self.tr('营销活动'))
        heading.setObjectName('pageHeading')
        note = QLabel(self.tr('本软件不代发短信：导出表格后上传短信平台或在旺旺/微信里发送，再回来标记已发送。'))
        note.setStyleSheet('color: #777;')
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch()
        top.addWidget(note)
        self.audiences_tab = AudiencesTab(today=today)
        self.templates_tab = TemplatesTab()
        self.campaigns_tab = CampaignsTab(today=today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.audiences_tab, self.tr('人群'))
        self.tabs.addTab(self.templates_tab, self.tr('模板'))
        self.tabs.addTab(self.campaigns_tab, self.tr('活动'))
        self.tabs.currentChanged.connect(self._tab_changed)
        # A tab is reloaded on its next visit after something it shows changed.
        self._stale = {self.audiences_tab, self.templates_tab, self.campaigns_tab}
        self.audiences_tab.changed.connect(lambda: self._stale.add(self.campaigns_tab))
        self.templates_tab.changed.connect(lambda: self._stale.add(self.campaigns_tab))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        """Data changed elsewhere (an import, an edit): reload sizes and results, the tab
        on screen now and the other on its next visit. Templates change only here, and
        reloading them would drop an edit in progress."""
        self._stale |= {self.audiences_tab, self.campaigns_tab}
        if self.isVisible():
            self._tab_changed(self.tabs.currentIndex())

    def showEvent(self, event) -> None:
        # Imports and edits on other pages change sizes and results: reload on each visit.
        super().showEvent(event)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab in self._stale:
            self._stale.discard(tab)
            tab.reload()
