"""Marked, translatable strings for the Qt-free core, the renderer and the command line.

``_("text")`` marks a message and returns it translated; ``ngettext(singular,
plural, n)`` picks the right plural form.  Messages use ``{name}``
placeholders filled with ``str.format`` after translation, so a translation
may reorder them.

Both are extracted into the app's Qt Linguist catalogue
(``resources/translations/nevroadmap_*.ts``) by ``pyside6-lupdate``, which
is told to read them as Qt's ``tr`` (``tools/translations.py`` passes
``-tr-function-alias tr+=_,tr+=ngettext``): ``_`` gives a message in the
empty context, ``ngettext`` a plural ("numerus") message whose source is the
singular and whose comment is the English plural.  The marks must be called
with string literals (adjacent literals are fine) for lupdate to see them.

The translator is pluggable (:func:`set_translator`): the app plugs in
``QCoreApplication.translate``, the command line a reader of the shipped
catalogue (:mod:`nevroadmap.core.catalogue`, no Qt).  Without one, English
text comes back unchanged and the English plural rule (one / other) applies.
:func:`language` tells the date and number formatters which language the
translator speaks.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["_", "ngettext", "join", "set_translator", "Translator", "CONTEXT", "language"]

CONTEXT = ""  # the catalogue context of every message marked here (lupdate's context for a bare ``tr``)

# (text, English plural or None, n or None) -> translated text, or None to keep the English text
Translator = Callable[[str, "str | None", "int | None"], "str | None"]

_translator: Translator | None = None
_language = "en"


def set_translator(translator: Translator | None, language: str = "en") -> None:
    """Install the function that translates marked strings (None: English as written) and name its language."""
    global _translator, _language
    _translator = translator
    _language = language if translator is not None else "en"


def language() -> str:
    """The language marked strings are translated into (``"en"``, ``"zh_CN"``)."""
    return _language


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


def join(items) -> str:
    """Items of a list joined the language's way (``a, b``; Chinese ``a，b``)."""
    return _(", ").join(items)
