"""Writing an export: the output path check and the atomic write (from
:mod:`nevroadmap.core.atomic_file`, shared with data export), PNG encoding.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from PySide6 import QtGui

from nevroadmap.core.atomic_file import ExportError, check_output_path, write_atomic
from nevroadmap.core.i18n import _

__all__ = ["ExportError", "check_output_path", "write_atomic", "encode_png"]


def encode_png(img: QtGui.QImage, dpi: float = 96) -> bytes:
    """An opaque image as PNG bytes: 8-bit RGB, no row filter, fast zlib (several times faster than QImage.save)."""
    w, h = img.width(), img.height()
    img = img.convertToFormat(QtGui.QImage.Format_RGB888)
    if img.isNull() or img.constBits() is None:  # Qt gives a null image when the memory is not there
        raise ExportError(_("not enough memory for an image of {w}x{h} pixels").format(w=w, h=h))
    bpl = img.bytesPerLine()
    rows = np.frombuffer(img.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)[:, : w * 3]
    raw = np.empty((h, w * 3 + 1), np.uint8)
    raw[:, 0] = 0  # filter type "none" for every row
    raw[:, 1:] = rows

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ppm = int(round(dpi / 0.0254))
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
        chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)),
        chunk(b"IDAT", zlib.compress(raw, 2)),  # the array's own buffer: no 25 MB copy at 4K
        chunk(b"IEND", b""),
    ))
