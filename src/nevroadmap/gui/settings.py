"""Where the app keeps its settings and its log.

Tests (and portable installs) point both somewhere else with environment
variables, so they never touch the user's real settings:
``NEVROADMAP_SETTINGS_DIR`` (an ini file there) and ``NEVROADMAP_DATA_DIR``
(the log file and other app data).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

ORGANIZATION = "NEV Roadmap"
APPLICATION = "nevroadmap"
LOG_NAME = "nevroadmap.log"


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
        return QSettings(str(Path(override) / "nevroadmap.ini"), QSettings.Format.IniFormat)
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
