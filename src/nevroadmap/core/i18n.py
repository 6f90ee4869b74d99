"""Marked, translatable strings for the Qt-free core and the command line.

``_("text")`` marks a message and returns it translated; ``ngettext(singular,
plural, n)`` picks the right plural form.  The translator is pluggable
(``set_translator``): by default English text comes back unchanged, and the
English plural rule (one / other) applies.  Messages use ``{name}``
placeholders filled with ``str.format`` after translation, so a translation
may reorder them.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["_", "ngettext", "set_translator", "Translator"]

# (singular, plural or None, n or None) -> translated text, or None to keep the English text
Translator = Callable[[str, "str | None", "int | None"], "str | None"]

_translator: Translator | None = None


def set_translator(translator: Translator | None) -> None:
    """Install the function that translates marked strings (None: English as written)."""
    global _translator
    _translator = translator


def _(text: str) -> str:
    """Mark ``text`` as translatable and return its translation."""
    if _translator is not None:
        out = _translator(text, None, None)
        if out is not None:
            return out
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` (English: singular for exactly 1)."""
    if _translator is not None:
        out = _translator(singular, plural, n)
        if out is not None:
            return out
    return singular if n == 1 else plural
