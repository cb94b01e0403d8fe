"""The English translation: every message translated with its placeholders, every string the
UI shows passed through tr(), and the translator really turning the window English.

The .ts is regenerated with `python resources/translations/update_ts.py` after UI text changes.
"""
from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / 'ui'
TS_DIR = ROOT / 'resources' / 'translations'
ENGLISH_TS = TS_DIR / 'zhanggui_en.ts'

# Han characters and CJK/full-width punctuation; U+3000 (the ideographic space) is layout.
CJK = re.compile('[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]')
HAN = re.compile('[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+')
CJK_PUNCTUATION = re.compile('[，。：；！？（）、]')
PLACEHOLDER = re.compile(r'\{[^{}]*\}|%(?:L?\d+|n)|%[sd]')

# CJK literals in ui/ that are data, not UI text, and so stay outside tr():
ALLOWED = {
    # The SMS signature is written 【店铺】: the bracket form SMS platforms require.
    ('ui/widgets/shop_profile_editor.py', '【】[] '),
    ('ui/widgets/shop_profile_editor.py', '【'),
    ('ui/widgets/shop_profile_editor.py', '】'),
    # The command line speaks Chinese (argparse help of the GUI entry).
    ('ui/app.py', '数据库文件路径或 postgresql:// 地址'),
    # A reason inside services.db_health's message, which is Chinese like every service's.
    ('ui/app.py', '部分数据页无法读取'),
    # Input parsing: the full-width comma a Chinese keyboard types separates choices too.
    ('ui/dialogs/custom_fields_dialog.py', '，'),
    # Each language is offered under its own name, whatever the UI language is.
    ('ui/i18n.py', '简体中文'),
}

TRANSLATE_FUNCS = {'translate', 'QT_TRANSLATE_NOOP'}


# --- reading the .ts --------------------------------------------------------------------
def ts_messages(path: Path = ENGLISH_TS) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every message that is not obsolete."""
    out = []
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name') or ''
        for message in context.iter('message'):
            translation = message.find('translation')
            if translation.get('type') in ('obsolete', 'vanished'):
                continue
            out.append((name, message.findtext('source'), translation))
    return out


def translation_texts(translation: ET.Element) -> list[str]:
    forms = translation.findall('numerusform')
    return [f.text or '' for f in forms] if forms else [translation.text or '']


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text.replace('{{', '').replace('}}', '')))


# --- reading the code -------------------------------------------------------------------
def ui_files() -> list[Path]:
    return sorted(UI.rglob('*.py'))


def _name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _string(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _module_constants(tree: ast.Module) -> dict[str, str]:
    return {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def _wrappers(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Functions like `def _tr(text): return QCoreApplication.translate('ctx', text)`."""
    out = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [s for s in node.body if not (isinstance(s, ast.Expr)
                                             and isinstance(s.value, ast.Constant))]
        if (len(body) == 1 and isinstance(body[0], ast.Return)
                and isinstance(body[0].value, ast.Call)
                and _name(body[0].value.func) == 'translate'
                and len(body[0].value.args) >= 2):
            context = _string(body[0].value.args[0], constants)
            if context is not None:
                out[node.name] = context
    return out


def translated_literals() -> list[tuple[str | None, str, str]]:
    """(context, source, 'file:line') for every literal the code translates, with the
    context Qt looks it up under at runtime (None: no context lupdate could know)."""
    found = []
    for path in ui_files():
        tree = ast.parse(path.read_text(encoding='utf-8'))
        constants = _module_constants(tree)
        wrappers = _wrappers(tree, constants)
        where = path.relative_to(ROOT).as_posix()

        def visit(node: ast.AST, cls: str | None) -> None:
            if isinstance(node, ast.ClassDef):
                cls = node.name
            if isinstance(node, ast.Call):
                name, args = _name(node.func), node.args
                context = text = None
                if name == 'tr' and isinstance(node.func, ast.Attribute) and args:
                    is_self = isinstance(node.func.value, ast.Name) and node.func.value.id == 'self'
                    context, text = (cls if is_self else None), args[0]
                elif name in TRANSLATE_FUNCS and len(args) >= 2:
                    context, text = _string(args[0], constants), args[1]
                    if not isinstance(args[0], ast.Constant):
                        context = None          # lupdate reads only a literal context
                elif isinstance(node.func, ast.Name) and name in wrappers and args:
                    context, text = wrappers[name], args[0]
                elif name in ('tr', '_tr') and args:
                    text = args[0]
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.append((context, text.value, f'{where}:{node.lineno}'))
            for child in ast.iter_child_nodes(node):
                visit(child, cls)
        visit(tree, None)
    return found


def untranslated_cjk_literals() -> list[str]:
    """CJK string literals in ui/ outside tr()/translate()/QT_TRANSLATE_NOOP and docstrings."""
    problems = []
    for path in ui_files():
        tree = ast.parse(path.read_text(encoding='utf-8'))
        wrappers = _wrappers(tree, _module_constants(tree))
        covered: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (_name(node.func) in TRANSLATE_FUNCS | {'tr'}
                                               or _name(node.func) in wrappers):
                covered.update(id(n) for n in ast.walk(node))
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    covered.add(id(first.value))
        where = path.relative_to(ROOT).as_posix()
        problems += [f'{where}:{node.lineno}: {node.value!r}' for node in sorted(
            (n for n in ast.walk(tree) if isinstance(n, ast.Constant)),
            key=lambda n: (n.lineno, n.col_offset))
            if isinstance(node.value, str) and CJK.search(node.value)
            and id(node) not in covered and (where, node.value) not in ALLOWED]
    return problems


# --- the .ts ------------------------------------------------------------------------------
def test_every_english_message_is_translated():
    messages = ts_messages()
    assert len(messages) > 500
    unfinished = [f'{c}: {s!r}' for c, s, t in messages if t.get('type') == 'unfinished'
                  or not all(x.strip() for x in translation_texts(t))]
    assert unfinished == []


def test_translations_keep_the_placeholders_of_their_source():
    wrong = [f'{c}: {s!r} -> {x!r}' for c, s, t in ts_messages() for x in translation_texts(t)
             if placeholders(x) != placeholders(s)]
    assert wrong == []


def chinese_left(source: str, text: str) -> list[str]:
    """Chinese in a translation that is not copied data from its source. A {占位符} a
    template keeps, a file's column 「买家会员名」 or a sample name 张伟 is a whole run of
    Han characters in the source too; a phrase left (half) untranslated is not, and Chinese
    punctuation has an English form."""
    if text == source and HAN.search(source):
        return [text]
    ours = HAN.findall(PLACEHOLDER.sub('', text))
    theirs = set(HAN.findall(PLACEHOLDER.sub('', source)))
    return [run for run in ours if run not in theirs] + CJK_PUNCTUATION.findall(text)


def test_english_has_no_chinese_left():
    left = [f'{c}: {x!r}' for c, s, t in ts_messages() for x in translation_texts(t)
            if chinese_left(s, x)]
    assert left == []


def test_chinese_check_tells_copied_data_from_a_missed_phrase():
    assert chinese_left('搜索（如 zw 找 张伟）', 'Search (zw finds 张伟)') == []
    assert chinese_left('按「平台」找顾客', 'Found by the 「平台」 column') == []
    assert chinese_left('模板里的 {店铺名}', 'the {店铺名} in templates') == []
    assert chinese_left('已保存。', '已保存。') == ['已保存。']
    assert chinese_left('导出 {0} 位会员', 'Export {0} 会员') == ['会员']
    assert chinese_left('已导出：{0}', 'Exported：{0}') == ['：']


def test_placeholder_check_catches_a_lost_or_changed_placeholder():
    assert placeholders('已导出 {0} 行到 {1}') == placeholders('Exported {0} rows to {1}')
    assert placeholders('已导出 {0} 行到 {1}') != placeholders('Exported {0} rows')
    assert placeholders('{0:,} 位') != placeholders('{0} buyers')
    assert placeholders('模板里的 {店铺名}') != placeholders('the {shop name} in a template')
    assert placeholders('第 %1 页') != placeholders('Page %2')


def test_the_ts_holds_every_string_the_code_translates():
    """Each literal the code translates is in the .ts under the context Qt looks it up with
    (lupdate reads literal contexts only, and self.tr only inside a class)."""
    known = {(c, s) for c, s, _t in ts_messages()}
    code = translated_literals()
    assert len(code) > 500
    no_context = [where for c, _s, where in code if c is None]
    assert no_context == []
    missing = [f'{where}: {c} {s!r}' for c, s, where in code if (c, s) not in known]
    assert missing == [], 'run: python resources/translations/update_ts.py, then translate'


# --- the code -----------------------------------------------------------------------------
def test_no_visible_chinese_string_escapes_tr():
    assert untranslated_cjk_literals() == []


def test_the_scan_finds_a_string_outside_tr(tmp_path, monkeypatch):
    sample = tmp_path / 'ui' / 'sample.py'
    sample.parent.mkdir()
    sample.write_text(
        '"""模块说明。"""\n'
        'from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n'
        "_NAMES = (QT_TRANSLATE_NOOP('S', '名称'), '日期')\n"
        'class S:\n'
        '    def build(self, label):\n'
        "        label.setText(self.tr('已保存 {0}').format(1))\n"
        "        label.setToolTip('没有翻译')\n"
        "        label.setText(QCoreApplication.translate('S', '好'))\n"
        "        return '、'.join(['a', 'b'])\n", encoding='utf-8')
    monkeypatch.setattr(sys.modules[__name__], 'ROOT', tmp_path)
    monkeypatch.setattr(sys.modules[__name__], 'UI', tmp_path / 'ui')
    problems = untranslated_cjk_literals()
    assert [p.split(': ', 1)[1] for p in problems] == ["'日期'", "'没有翻译'", "'、'"]
    assert sorted((c, s) for c, s, _w in translated_literals()) == [
        ('S', '名称'), ('S', '好'), ('S', '已保存 {0}')]


def test_names_services_hand_out_as_text_are_translated():
    from services import campaigns, scoring
    known = {s for c, s, _t in ts_messages() if c == 'labels'}
    texts = [*campaigns.STATE_NAMES.values(), *campaigns.PLACEHOLDERS.values(),
             *campaigns.CHANNEL_NAMES.values(), *scoring.SEGMENT_ORDER]
    assert [t for t in texts if t not in known] == []


# --- the translator at work ----------------------------------------------------------------
@pytest.fixture(scope='module')
def qm_dir(tmp_path_factory):
    """The .qm compiled from the .ts in the checkout, as a build would (not committed)."""
    from ui import i18n
    dest = tmp_path_factory.mktemp('qm')
    assert [p.name for p in i18n.build_all(TS_DIR, dest)] == ['zhanggui_en.qm']
    return dest


@pytest.fixture
def english(qapp, qm_dir, tmp_path):
    from PySide6.QtCore import QSettings
    from ui import i18n
    # Windows save their geometry and column widths: keep that out of the real settings.
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))
    translators = i18n.install(qapp, 'en', qm_dir)
    assert len(translators) == 2                # ours and Qt's own qtbase
    yield
    i18n.remove(qapp, translators)


def untranslated(texts) -> list[str]:
    """Texts with Chinese other than what the English translation copies on purpose."""
    copied = {run for _c, _s, t in ts_messages() for x in translation_texts(t)
              for run in HAN.findall(x)}
    return [t for t in texts if set(HAN.findall(t)) - copied]


def visible_texts(widget) -> list[str]:
    """What a person reads on a widget: buttons, labels, tabs, placeholders, headers."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (QAbstractButton, QGroupBox, QLabel, QLineEdit, QTableView,
                                   QTabWidget, QTreeView, QWidget)
    texts = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, (QAbstractButton, QLabel)):
            texts += [w.text(), w.toolTip()]
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            texts += [str(w.model().headerData(c, Qt.Horizontal) or '')
                      for c in range(header.count())]
    return [t for t in texts if t]


def test_the_english_translator_turns_the_window_english(qtbot, database, english):
    from ui.main_window import PAGES, MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    nav = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert nav[0] == 'Members' and nav[-1] == 'Settings' and len(nav) == len(PAGES)
    assert not [t for t in nav if HAN.search(t)]
    assert w.windowTitle() == 'Zhanggui'
    members = w.page('members')
    assert members.new_button.text() == 'New customer'
    assert members.export_button.toolTip() == \
        'Export the members in the current filter to Excel or CSV'
    assert untranslated(visible_texts(members)) == []


def test_the_settings_page_in_english(qtbot, database, english):
    from ui.pages.settings_page import SettingsPage
    page = SettingsPage()
    qtbot.addWidget(page)
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs[0] == 'Member tiers' and 'Language' in tabs
    # Tier names are the shop's data (普通会员 ...) and stay as typed; the rest is English.
    tier_names = {page.tier_editor.table.item(r, 0).text()
                  for r in range(page.tier_editor.table.rowCount())}
    # 简体中文 is offered under its own name (also in "... will be in 简体中文 after a restart").
    # The SMS preview is made of the shop's own texts (its opt-out line is Chinese by law).
    data = tier_names | {page.shop_profile.sample.text()}
    left = [t for t in untranslated(visible_texts(page))
            if t not in data and set(HAN.findall(t)) != {'简体中文'}]
    assert left == []


def test_chinese_needs_no_translator_of_ours(qapp):
    from PySide6.QtCore import QCoreApplication
    from ui import i18n
    translators = i18n.install(qapp, 'zh_CN')
    try:
        assert len(translators) <= 1            # at most Qt's own qtbase_zh_CN
        assert QCoreApplication.translate('MainWindow', '会员') == '会员'
        assert i18n.current_language() == 'zh_CN'
    finally:
        i18n.remove(qapp, translators)


def test_a_missing_or_outdated_qm_is_compiled_on_first_use(tmp_path):
    import os
    import shutil
    from ui import i18n
    ts = Path(shutil.copy(ENGLISH_TS, tmp_path))
    qm = i18n.qm_file('en', tmp_path)
    assert qm == tmp_path / 'zhanggui_en.qm' and qm.stat().st_size > 1000
    # A .ts edited after the .qm was built: the .qm is rebuilt.
    os.utime(qm, (1_000_000, 1_000_000))
    assert i18n.qm_file('en', tmp_path) == qm
    assert qm.stat().st_mtime >= ts.stat().st_mtime
    assert i18n.qm_file('fr', tmp_path) is None


# --- the choice ---------------------------------------------------------------------------
@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv('ZHANGGUI_HOME', str(tmp_path))
    return tmp_path


def test_the_language_choice_is_kept_per_user_and_broken_files_give_the_default(home):
    from services import ui_prefs
    from services.errors import UserError
    assert ui_prefs.load().language == 'zh_CN'
    (home / 'preferences.json').write_text('{"language": "en", "later": 1}', encoding='utf-8')
    assert ui_prefs.load().language == 'en'
    ui_prefs.save(ui_prefs.UiPrefs(language='zh_CN'))
    assert ui_prefs.load().language == 'zh_CN'
    assert '"later": 1' in (home / 'preferences.json').read_text(encoding='utf-8')
    with pytest.raises(UserError):
        ui_prefs.save(ui_prefs.UiPrefs(language='xx'))
    for broken in ('{"language": "xx"}', 'not json', '[1, 2]', '{"language": 5}'):
        (home / 'preferences.json').write_text(broken, encoding='utf-8')
        assert ui_prefs.load().language == 'zh_CN'


def test_picking_a_language_stores_it_for_the_next_start(qtbot, qapp, home, qm_dir):
    from PySide6.QtCore import QCoreApplication
    from services import ui_prefs
    from ui import i18n
    from ui.widgets.language_editor import LanguageEditor
    editor = LanguageEditor()
    qtbot.addWidget(editor)
    assert editor.language.currentData() == 'zh_CN' and editor.message.text() == ''
    with qtbot.waitSignal(editor.saved) as saved:
        editor.language.setCurrentIndex(editor.language.findData('en'))
    assert saved.args == ['en'] and ui_prefs.load().language == 'en'
    assert '重新启动' in editor.message.text() and 'English' in editor.message.text()
    # The next start reads the choice.
    translators = i18n.install(qapp, folder=qm_dir)
    try:
        assert QCoreApplication.translate('MainWindow', '会员') == 'Members'
        assert i18n.current_language() == 'en'
    finally:
        i18n.remove(qapp, translators)
    editor.language.setCurrentIndex(editor.language.findData('zh_CN'))
    assert ui_prefs.load().language == 'zh_CN' and editor.message.text() == ''
