"""Refresh the translation sources from the code after UI text changed.

    python resources/translations/update_ts.py

Runs PySide6's lupdate over ui/ into every zhanggui_*.ts here: new strings come in as
unfinished, strings gone from the code are dropped. Then translate the unfinished ones
(Qt Linguist, or any editor) and run tests/test_translations.py.
"""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def lupdate() -> Path:
    import PySide6
    return Path(PySide6.__file__).parent / ('lupdate.exe' if sys.platform == 'win32' else 'lupdate')


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / 'ui').rglob('*.py'))
    for ts in sorted(HERE.glob('zhanggui_*.ts')):
        language = ts.stem.split('_', 1)[1]
        done = subprocess.run([str(lupdate()), '-no-obsolete', '-locations', 'none',
                               '-source-language', 'zh_CN', '-target-language', language,
                               *sources, '-ts', str(ts.relative_to(ROOT))], cwd=ROOT)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == '__main__':
    sys.exit(main())
