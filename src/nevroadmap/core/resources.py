"""Where the files shipped with the app are: the bundled dataset and the
resources (icons).  In a wheel they sit in ``nevroadmap/_bundled``; in a
checkout, in the repository's ``data/`` and ``resources/``."""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_data_path", "bundled_resources_path"]

_PACKAGE = Path(__file__).resolve().parent.parent  # .../nevroadmap


def _bundled(name: str) -> Path:
    packaged = _PACKAGE / "_bundled" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / name


def bundled_data_path() -> Path:
    """The dataset shipped with the app (in the wheel, or the repo's data/ in a checkout)."""
    return _bundled("data")


def bundled_resources_path() -> Path:
    """Icons and other resources shipped with the app."""
    return _bundled("resources")
