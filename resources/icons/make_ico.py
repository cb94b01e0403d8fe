"""Render app.svg into app.ico (16-256 px) for the Windows executable.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/make_ico.py

Qt draws the sizes; ImageMagick's `convert` packs them (PNG-compressed entries).
"""
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> None:
    app = QGuiApplication([])          # Qt needs one for painting
    renderer = QSvgRenderer(str(HERE / 'app.svg'))
    with tempfile.TemporaryDirectory() as tmp:
        pngs = []
        for size in SIZES:
            image = QImage(size, size, QImage.Format_ARGB32)
            image.fill(Qt.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.Antialiasing)
            renderer.render(painter)
            painter.end()
            pngs.append(str(Path(tmp) / f'{size}.png'))
            image.save(pngs[-1])
        subprocess.run(['convert', *pngs, str(HERE / 'app.ico')], check=True)
    app.quit()


if __name__ == '__main__':
    main()
