"""Text that XML can hold: an exported SVG is always well-formed.

Data may hold characters XML 1.0 forbids (NUL, ESC and the other C0 controls
but tab and line breaks, U+FFFE, U+FFFF, lone surrogates).  Qt's SVG writer
copies drawn text, the title and the description into the document as they
are, so the exporter passes the finished document through
:func:`xml_document` - one pass that covers every text it drew (titles, lane
labels, milestone labels, legend, attribution, metadata).  Those characters
have no glyph, so nothing visible is lost.
"""

from __future__ import annotations

import re

__all__ = ["xml_text", "xml_document"]

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _ILLEGAL.sub("", text)


def xml_document(data: bytes) -> bytes:
    """A UTF-8 XML document with every character XML 1.0 cannot hold removed."""
    text = data.decode("utf-8", errors="replace")
    return xml_text(text).encode("utf-8")
