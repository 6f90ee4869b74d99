"""Which interface language to use: the languages shipped and the rule that picks one.

The choice, first match wins: ``--lang`` on the command line, the
``NEVROADMAP_LANG`` environment variable, the language saved from
``View > Language`` (the app only), then the system locale.  Any spelling of
Chinese in the Chinese mainland's script (``zh``, ``zh_CN``, ``zh-Hans``,
``zh_CN.UTF-8`` ...) means ``zh_CN``; anything not shipped means English.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

__all__ = ["LANGUAGES", "NATIVE_NAMES", "ENV_VAR", "normalize", "system_languages", "choose_language"]

LANGUAGES = ("en", "zh_CN")
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}  # shown in View > Language, each in its own language
ENV_VAR = "NEVROADMAP_LANG"


def normalize(name: str | None) -> str | None:
    """The shipped language a locale name asks for, or None (unknown, empty, ``C``/``POSIX``)."""
    if not name:
        return None
    key = name.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if not key or key in ("c", "posix"):
        return None
    if key == "en" or key.startswith("en_"):
        return "en"
    if key in ("zh", "zh_cn", "zh_sg", "zh_hans") or key.startswith(("zh_hans_", "zh_cn_")):
        return "zh_CN"
    return None


def system_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The POSIX locale variables' languages in priority order (the app asks Qt instead)."""
    env = os.environ if environ is None else environ
    names: list[str] = []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            names.extend(value.split(":") if var == "LANGUAGE" else [value])
    return names


def choose_language(explicit: str | None = None, stored: str | None = None,
                    system: Iterable[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: ``explicit`` (``--lang``), ``$NEVROADMAP_LANG``, ``stored``, the system's, English."""
    env = os.environ if environ is None else environ
    for name in (explicit, env.get(ENV_VAR), stored):
        lang = normalize(name)
        if lang:
            return lang
    for name in (system_languages(env) if system is None else system):
        lang = normalize(name)
        if lang:
            return lang
        if name and name.split("_")[0].split("-")[0].lower() not in ("c", "posix", ""):
            return "en"  # the user's first language is one we do not ship: English, not their second choice
    return "en"
