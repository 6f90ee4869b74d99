"""Render the application icon at the usual sizes: ``python tools/make_icons.py``.

Reads ``resources/icons/nevroadmap.svg`` and writes the freedesktop icon theme
layout ``resources/icons/hicolor/SIZExSIZE/apps/nevroadmap.png`` (16 to 512
pixels) and copies the SVG to ``hicolor/scalable/apps``.  The PNGs are
committed; run this again after changing the SVG (the test suite checks that
they are up to date in size and that every size exists).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "nevroadmap.svg"
OUT = ROOT / "resources" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path = SVG, out: Path = OUT, sizes=SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(p, QRectF(0, 0, size, size))
        p.end()
        path = out / f"{size}x{size}" / "apps" / "nevroadmap.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.png")
        if not img.save(str(tmp), "PNG"):
            raise SystemExit(f"cannot write {path}")
        os.replace(tmp, path)  # atomically
        written.append(path)
    scalable = out / "scalable" / "apps" / "nevroadmap.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    return written


if __name__ == "__main__":
    for p in render():
        print(p.relative_to(ROOT))
