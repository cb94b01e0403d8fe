"""Compile the translations (zhanggui_*.ts -> .qm) with PySide6's lrelease.

    python resources/translations/build_qm.py

build.spec runs this before PyInstaller collects resources/; the .qm files are build
output and not committed. A source checkout also compiles them on first use.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ui.i18n import build_all  # noqa: E402

if __name__ == '__main__':
    for qm in build_all(Path(__file__).resolve().parent):
        print(f'built {qm.relative_to(ROOT)}')
