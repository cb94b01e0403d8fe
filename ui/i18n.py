"""The UI language. The source strings are Simplified Chinese; other languages come from
Qt Linguist files, resources/translations/zhanggui_<language>.ts, compiled to .qm by lrelease
(resources/translations/build_qm.py, run before a build; a source checkout compiles a missing
or outdated .qm itself on first use). A new choice applies from the next start."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

SOURCE_LANGUAGE = 'zh_CN'
# Each language is offered under its own name, so anyone can find theirs.
LANGUAGES = (('zh_CN', '简体中文'), ('en', 'English'))

_current = SOURCE_LANGUAGE
_locale_before: QLocale | None = None


def translations_dir() -> Path:
    from .app import resource_path
    return resource_path('translations')


def current_language() -> str:
    """The language this run installed."""
    return _current


def lrelease() -> Path | None:
    """Qt's lrelease as PySide6-Essentials ships it; a frozen app has none."""
    try:
        import PySide6
    except ImportError:
        return None
    name = 'lrelease.exe' if sys.platform == 'win32' else 'lrelease'
    exe = Path(PySide6.__file__).parent / name
    return exe if exe.is_file() else None


def compile_ts(ts: Path, qm: Path) -> None:
    """ts -> qm through lrelease, under a temporary name renamed at the end, so a reader
    never loads half a file. RuntimeError when lrelease is missing or fails."""
    tool = lrelease()
    if tool is None:
        raise RuntimeError('lrelease not found: install PySide6-Essentials')
    part = qm.with_name(qm.name + '.part')
    done = subprocess.run([str(tool), '-silent', str(ts), '-qm', str(part)],
                          capture_output=True, text=True)
    if done.returncode != 0 or not part.is_file():
        part.unlink(missing_ok=True)
        why = done.stderr.strip() or done.stdout.strip()
        raise RuntimeError(f'lrelease failed on {ts.name}: {why}')
    os.replace(part, qm)


def build_all(source: Path | None = None, dest: Path | None = None) -> list[Path]:
    """Compile every zhanggui_*.ts in `source` into `dest` (default: beside them)."""
    source = source or translations_dir()
    dest = dest or source
    built = []
    for ts in sorted(source.glob('zhanggui_*.ts')):
        qm = dest / ts.with_suffix('.qm').name
        compile_ts(ts, qm)
        built.append(qm)
    return built


def qm_file(language: str, folder: Path | None = None) -> Path | None:
    """The compiled translation for `language`, compiled first when it is missing or older
    than its .ts and lrelease is at hand; None when there is none."""
    folder = folder or translations_dir()
    ts, qm = folder / f'zhanggui_{language}.ts', folder / f'zhanggui_{language}.qm'
    if ts.is_file() and (not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime):
        try:
            compile_ts(ts, qm)
        except (OSError, RuntimeError):
            pass                        # a read-only install: use the .qm it has, if any
    return qm if qm.is_file() else None


def install(app, language: str | None = None, folder: Path | None = None) -> list[QTranslator]:
    """Install the translators for `language` (default: the saved choice) on the UI thread
    before any window is built, and make it the default locale for dates and calendars.
    Returns the translators, so they can be removed again."""
    global _current, _locale_before
    if language is None:
        from services import ui_prefs
        language = ui_prefs.load().language
    _current = language
    if _locale_before is None:
        _locale_before = QLocale()
    QLocale.setDefault(QLocale(language))
    files = [('qtbase', Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)))]
    if language != SOURCE_LANGUAGE:
        own = qm_file(language, folder)
        if own is not None:
            files.append(('zhanggui', own.parent))
    installed = []
    for name, where in files:
        translator = QTranslator(app)
        if translator.load(f'{name}_{language}', str(where)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove(app, translators: list[QTranslator]) -> None:
    """Take `install`'s translators out again and restore the locale from before."""
    global _current, _locale_before
    for translator in translators:
        app.removeTranslator(translator)
    _current = SOURCE_LANGUAGE
    if _locale_before is not None:
        QLocale.setDefault(_locale_before)
        _locale_before = None
