"""The main window: a navigation list and the pages. Pages are built on first visit."""
from __future__ import annotations

import traceback

from typing import Callable

from PySide6.QtCore import QSettings, QSize, Qt, QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QWidget)

from .pages.coming_page import ComingPage

_T = 'MainWindow'
# (key, title, what the page will hold while it is still to come)
PAGES = (
    ('members', QT_TRANSLATE_NOOP('MainWindow', '会员'), ''),
    ('orders', QT_TRANSLATE_NOOP('MainWindow', '订单'), QT_TRANSLATE_NOOP(
        'MainWindow',
        '导入的淘宝、拼多多、抖店订单会在这里按状态和时间列出，可按订单号或买家搜索。'
        '订单目前可在会员详情的“订单”页查看。')),
    ('calendar', QT_TRANSLATE_NOOP('MainWindow', '日历'), QT_TRANSLATE_NOOP(
        'MainWindow',
        '今日待办与月历：生日（公历/农历）、复购到期、大单回访、沉睡顾客唤醒和电商节日提醒。')),
    ('campaigns', QT_TRANSLATE_NOOP('MainWindow', '营销'), QT_TRANSLATE_NOOP(
        'MainWindow',
        '按分群圈选顾客，编写带占位符的短信模板并计算条数，导出短信平台表格，查看活动回购效果；'
        '保存的人群与活动记录。')),
    ('groups', QT_TRANSLATE_NOOP('MainWindow', '社群'), QT_TRANSLATE_NOOP(
        'MainWindow',
        '微信群、QQ群名册（淘客群、VIP群、晒单群……）：谁在哪个群、什么角色、哪天入群，'
        '名册导入导出；转介绍记录在会员详情的“社群”页。')),
    ('analytics', QT_TRANSLATE_NOOP('MainWindow', '分析'), QT_TRANSLATE_NOOP(
        'MainWindow',
        '新客增长、复购率、流失率、会员等级金字塔、RFM分群、购买时段热力图和商品表现。')),
    ('files', QT_TRANSLATE_NOOP('MainWindow', '导入导出'), QT_TRANSLATE_NOOP(
        'MainWindow',
        '导入淘宝订单报表、拼多多和抖店订单、任意Excel表格（记住列对应关系），'
        '导出会员表、订单表和通话名单；每次导入都可整批撤销。')),
    ('settings', QT_TRANSLATE_NOOP('MainWindow', '设置'), QT_TRANSLATE_NOOP(
        'MainWindow',
        '店铺名称、短信签名、会员等级与积分规则、RFM阈值、数据位置、备份和语言。')),
)


class MainWindow(QMainWindow):
    # The shop moved to a server (设置 → 数据库连接): the app restarts on it (ui.app).
    restart_requested = Signal(str)

    def __init__(self, db_label: str = '', parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr('掌柜会员通'))
        self._pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {
            'members': self._members_page, 'files': self._files_page,
            'settings': self._settings_page, 'calendar': self._calendar_page,
            'groups': self._groups_page, 'campaigns': self._campaigns_page,
            'analytics': self._analytics_page}
        self.nav = QListWidget()
        self.nav.setObjectName('nav')
        self.nav.setFixedWidth(120)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for key, title, _ in PAGES:
            item = QListWidgetItem(QCoreApplication.translate(_T, title))
            item.setData(Qt.UserRole, key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(QLabel(db_label))
        for i in range(len(PAGES)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(action)
        self.resize(1280, 800)
        geometry = QSettings().value('window/geometry')
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.nav.setCurrentRow(0)

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            row = [p[0] for p in PAGES].index(key)
            factory = self._factories.get(key)
            try:
                widget = factory() if factory else self._coming(row)
            except Exception as e:  # noqa: BLE001 - a broken page must not leave a blank one
                traceback.print_exc()
                widget = ComingPage(QCoreApplication.translate(_T, PAGES[row][1]),
                                    self.tr('这一页打开时出错：{0}').format(e))
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._pages[key] = widget
        return self._pages[key]

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self.page(PAGES[row][0])
        self.stack.setCurrentIndex(row)

    def _coming(self, row: int) -> QWidget:
        _, title, text = PAGES[row]
        return ComingPage(QCoreApplication.translate(_T, title),
                          QCoreApplication.translate(_T, text))

    def _members_page(self) -> QWidget:
        from .pages.members_page import MembersPage
        page = MembersPage()
        page.import_requested.connect(self._import_requested)
        return page

    def _calendar_page(self) -> QWidget:
        from .pages.calendar_page import CalendarPage
        return CalendarPage()

    def _campaigns_page(self) -> QWidget:
        from .pages.campaigns_page import CampaignsPage
        return CampaignsPage()

    def _groups_page(self) -> QWidget:
        from .pages.groups_page import GroupsPage
        page = GroupsPage()
        page.changed.connect(self._data_changed)
        return page

    def _analytics_page(self) -> QWidget:
        from .pages.analytics_page import AnalyticsPage
        return AnalyticsPage()

    def _files_page(self) -> QWidget:
        from .pages.files_page import FilesPage
        page = FilesPage()
        page.changed.connect(self._data_changed)
        return page

    def _settings_page(self) -> QWidget:
        from .pages.settings_page import SettingsPage
        page = SettingsPage()
        page.changed.connect(self._data_changed)
        page.connection.moved.connect(self.restart_requested)
        return page

    def refresh_pages(self) -> None:
        """Data changed behind the pages' backs (a background rescoring): show it."""
        self._data_changed()

    def _data_changed(self) -> None:
        calendar = self._pages.get('calendar')
        if calendar is not None:
            calendar.refresh()
        members = self._pages.get('members')
        if members is not None:
            members.reload_lookups()
            members.refresh()
        analytics = self._pages.get('analytics')
        if analytics is not None:
            analytics.refresh()

    def _import_requested(self) -> None:
        self.nav.setCurrentRow([p[0] for p in PAGES].index('files'))
        self.page('files').choose_import()

    def closeEvent(self, event) -> None:
        QSettings().setValue('window/geometry', self.saveGeometry())
        members = self._pages.get('members')
        if members is not None:
            members.save_state()
        super().closeEvent(event)
