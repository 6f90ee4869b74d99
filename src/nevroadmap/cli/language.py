"""The command line's language: ``--lang``, ``$NEVROADMAP_LANG`` or the system locale, without Qt.

:func:`setup_language` takes ``--lang`` out of the arguments (it may stand
anywhere), plugs the shipped catalogue into :mod:`nevroadmap.core.i18n`
and makes argparse's own words ("usage:", "options", its error messages)
speak the language too.
"""

from __future__ import annotations

import argparse

from nevroadmap.core.catalogue import catalogue_translator
from nevroadmap.core.i18n import _, set_translator
from nevroadmap.core.language import LANGUAGES, choose_language, normalize

__all__ = ["take_lang_option", "setup_language", "argparse_words"]


def take_lang_option(argv: list[str]) -> tuple[str | None, list[str], str | None]:
    """(the ``--lang`` value, the other arguments, an error) from a command line."""
    out, lang, error = [], None, None
    it = iter(range(len(argv)))
    skip = False
    for i in it:
        if skip:
            skip = False
            continue
        a = argv[i]
        if a == "--":
            out.extend(argv[i:])
            break
        if a == "--lang" or a.startswith("--lang="):
            if a == "--lang":
                if i + 1 >= len(argv):
                    error = "--lang"
                    break
                value, skip = argv[i + 1], True
            else:
                value = a.split("=", 1)[1]
            if value not in LANGUAGES and normalize(value) is None:
                error = value
            lang = normalize(value) or value
            continue
        out.append(a)
    return lang, out, error


def argparse_words() -> dict[str, str]:
    """argparse's own messages, translated (the marks put them in the catalogue)."""
    return {
        "usage: ": _("usage: "),
        "options": _("options"),
        "positional arguments": _("positional arguments"),
        "show this help message and exit": _("show this help message and exit"),
        "show program's version number and exit": _("show program's version number and exit"),
        "%(prog)s: error: %(message)s\n": _("%(prog)s: error: %(message)s\n"),
        "the following arguments are required: %s": _("the following arguments are required: %s"),
        "unrecognized arguments: %s": _("unrecognized arguments: %s"),
        "invalid choice: %(value)r (choose from %(choices)s)": _("invalid choice: %(value)r (choose from %(choices)s)"),
        "argument %(argument_name)s: %(message)s": _("argument %(argument_name)s: %(message)s"),
        "expected one argument": _("expected one argument"),
        "invalid %(type)s value: %(value)r": _("invalid %(type)s value: %(value)r"),
        "ambiguous option: %(option)s could match %(matches)s": _("ambiguous option: %(option)s could match "
                                                                   "%(matches)s"),
    }


def setup_language(explicit: str | None) -> str:
    """Speak the chosen language on the command line from now on; returns it."""
    lang = choose_language(explicit)
    translator = catalogue_translator(lang)
    set_translator(translator, lang if translator is not None else "en")
    if translator is not None:
        words = argparse_words()
        argparse._ = lambda text: words.get(text, text)  # argparse looks its words up through this name
    return lang
