"""Work around a PySide6 6.12.0 reference-count bug (only where that version is installed).

With PySide6 6.12.0 on Python 3.11, every QPainter call that returns nothing
(setPen, drawRect, fillRect, ...) drops one reference to ``None`` that it never
took.  A timeline paints thousands of such calls a second, so ``None`` soon
reaches zero and the interpreter aborts ("Fatal Python error: none_dealloc").
Python 3.12+ makes ``None`` immortal and is immune; on older Pythons we give
``None`` a huge reference count once, which has the same effect.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 52
_done = False


def protect_none() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import PySide6

    # pyproject excludes 6.12.0 on Python < 3.12; this guards installs that ignore it
    if not PySide6.__version__.startswith("6.12."):
        _done = True
        return
    ref = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    if ref.value < _BOOST:
        ref.value += _BOOST
    _done = True
