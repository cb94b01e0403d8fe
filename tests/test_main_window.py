"""The shell: pages are built on first visit, and a page that fails says so."""
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from ui.main_window import PAGES, MainWindow
from ui.pages.coming_page import ComingPage


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))


def test_pages_are_built_when_first_shown(qtbot, database):
    w = MainWindow()
    qtbot.addWidget(w)
    assert set(w._pages) == {'members'}
    w.nav.setCurrentRow([p[0] for p in PAGES].index('files'))
    assert 'files' in w._pages and w.stack.currentWidget() is w._pages['files']
    w.nav.setCurrentRow([p[0] for p in PAGES].index('orders'))
    assert isinstance(w.stack.currentWidget(), ComingPage)


def test_a_page_that_fails_to_build_shows_why(qtbot, database, monkeypatch):
    def broken(self):
        raise RuntimeError('数据库少了一列')
    monkeypatch.setattr(MainWindow, '_files_page', broken)
    w = MainWindow()
    qtbot.addWidget(w)
    w.nav.setCurrentRow([p[0] for p in PAGES].index('files'))
    page = w.stack.currentWidget()
    assert isinstance(page, ComingPage)
    assert any('数据库少了一列' in label.text() for label in page.findChildren(QLabel))
