"""Where the app keeps its settings and its log.

Tests (and portable installs) point both somewhere else with environment
variables, so they never touch the user's real settings:
``NEVROADMAP_SETTINGS_DIR`` (an ini file there) and ``NEVROADMAP_DATA_DIR``
(the log file and other app data).
"""

from __future__ import annotations

import atexit
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from nevroadmap.core.safe_paths import is_plain_file_or_absent

ORGANIZATION = "NEV Roadmap"
APPLICATION = "nevroadmap"
LOG_NAME = "nevroadmap.log"
_warned: set[str] = set()  # settings files already reported as not plain (said once a process)


def _ini_path(override: str | None) -> Path | None:
    """The ini file the settings live in (None where Qt alone knows it: Windows' user scope)."""
    if override:
        return Path(override) / "nevroadmap.ini"
    if sys.platform == "win32":
        return None
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(loc) / ORGANIZATION / f"{APPLICATION}.ini" if loc else None


def _throwaway_settings(ini: Path) -> QSettings:
    """Settings that start empty and are never saved where the user would look: the
    settings file ``ini`` is a link, FIFO or folder, so it is neither read (a FIFO would
    hang) nor written through (a link would overwrite its target).  Said once on stderr."""
    if str(ini) not in _warned:
        _warned.add(str(ini))
        why = QCoreApplication.translate(
            "settings", "nevroadmap: the settings file %1 is not a plain file (a link, FIFO or folder?); "
                        "it is neither read nor written, and this session starts from the defaults")
        try:
            print(why.replace("%1", str(ini)), file=sys.stderr)
        except (OSError, ValueError):
            pass
    tmp = tempfile.TemporaryDirectory(prefix="nevroadmap-settings-")
    atexit.register(tmp.cleanup)
    return QSettings(str(Path(tmp.name) / "nevroadmap.ini"), QSettings.Format.IniFormat)


def make_settings() -> QSettings:
    """The app's settings: an ini file under NEVROADMAP_SETTINGS_DIR when set, else the user's."""
    override = os.environ.get("NEVROADMAP_SETTINGS_DIR")
    if override:
        try:
            Path(override).mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file of that name, no permission: one clear line, not a traceback
            why = QCoreApplication.translate("settings", "NEVROADMAP_SETTINGS_DIR is not a usable folder (%1)")
            raise OSError(exc.errno, why.replace("%1", exc.strerror or str(exc)), override) from None
        if not Path(override).is_dir():
            why = QCoreApplication.translate("settings", "NEVROADMAP_SETTINGS_DIR is not a folder")
            raise NotADirectoryError(20, why, override)
    ini = _ini_path(override)
    if ini is not None and not is_plain_file_or_absent(ini):
        return _throwaway_settings(ini)
    if override:
        return QSettings(str(ini), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def data_dir() -> Path:
    """The user's data folder for the app (NEVROADMAP_DATA_DIR overrides it)."""
    override = os.environ.get("NEVROADMAP_DATA_DIR")
    if override:
        return Path(override)
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(loc) if loc else Path.home() / ".nevroadmap"


def log_path() -> Path:
    return data_dir() / LOG_NAME
