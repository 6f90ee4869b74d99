"""The interface language of the app: Qt translators, the core's translator, the default locale.

:func:`apply_language` installs our compiled catalogue (``nevroadmap_<lang>.qm``)
and Qt's own (``qtbase_<lang>.qm``, so standard dialogs and buttons speak the
language too), plugs ``QCoreApplication.translate`` into
:mod:`nevroadmap.core.i18n` for the core's and the renderer's marked strings,
and makes the language's locale the default for numbers and dates.
Installing translators sends every widget a ``LanguageChange`` event: each
window, dock and dialog retranslates itself in ``changeEvent``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from nevroadmap.core import i18n
from nevroadmap.core.catalogue import translations_dir
from nevroadmap.core.language import LANGUAGES, choose_language

__all__ = ["apply_language", "ensure_language", "current_language", "startup_language", "SETTINGS_KEY"]

SETTINGS_KEY = "language"
_installed: list[QTranslator] = []
_current = "en"
_applied = False


def _core_translator(text: str, plural: str | None, n: int | None) -> str | None:
    out = QCoreApplication.translate(i18n.CONTEXT, text, plural, -1 if n is None else n)
    if plural is not None and out == text:
        return None  # no plural forms in the catalogue: the core's English rule
    return out


def ensure_language() -> None:
    """English with its plural forms unless a language was applied already (widgets built outside the app)."""
    if not _applied and QCoreApplication.instance() is not None:
        apply_language("en")


def _locale_for(lang: str) -> QLocale:
    """Numbers and dates as the language writes them (English: the system's own English, if it is one)."""
    if lang == "zh_CN":
        return QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China)
    system = QLocale.system()
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def current_language() -> str:
    return _current


def startup_language(explicit: str | None = None, settings=None) -> str:
    """The language to start in: ``--lang``, ``$NEVROADMAP_LANG``, the saved choice, the system's."""
    stored = str(settings.value(SETTINGS_KEY, "") or "") if settings is not None else None
    return choose_language(explicit, stored, QLocale.system().uiLanguages())


def apply_language(lang: str) -> str:
    """Speak ``lang`` from now on (``en`` or ``zh_CN``); returns the language applied."""
    global _current, _applied
    if lang not in LANGUAGES:
        lang = "en"
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    candidates = [(f"nevroadmap_{lang}", str(translations_dir()))]
    if lang != "en":
        candidates.append((f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in candidates:
        t = QTranslator(app)
        if t.load(name, folder):
            _installed.append(t)
    _current = lang
    _applied = True
    QLocale.setDefault(_locale_for(lang))
    i18n.set_translator(_core_translator, lang)
    for t in _installed:  # installing sends LanguageChange to every widget, after the core speaks the language
        app.installTranslator(t)
    if not _installed:  # still tell the widgets (the dates and the core's texts changed)
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # the widgets' LanguageChange events are posted: deliver them now, so the switch is done on return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang
