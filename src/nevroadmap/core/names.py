"""What the interface calls the data's fixed vocabularies, translated: statuses and kinds of organization;
and the order names are listed in."""

from __future__ import annotations

import re

from nevroadmap.core.i18n import _

__all__ = ["status_name", "status_meaning", "kind_name", "natural_key"]

_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple:
    """Sort key for names as people read them: case-insensitive, numbers by value ("Scope 2" before
    "Scope 10")."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in _DIGITS.split(name) if part)


def status_name(status: str) -> str:
    """A milestone status as shown (``Achieved`` / ``已实现``)."""
    names = {"achieved": _("Achieved"), "announced": _("Announced"), "planned": _("Planned"),
             "forecast": _("Forecast")}
    return names.get(status, status.capitalize())


def status_meaning(status: str) -> str:
    """A status with what it means (``achieved: reported as done``)."""
    texts = {"achieved": _("achieved: reported as done"),
             "announced": _("announced: publicly announced, not yet done"),
             "planned": _("planned: an intention or a plan"),
             "forecast": _("forecast: a prediction, not a commitment")}
    return texts.get(status, status)


def kind_name(kind: str) -> str:
    """A kind of organization as shown (``battery maker`` / ``电池制造商``)."""
    names = {"automaker": _("automaker"), "battery_maker": _("battery maker"), "chip_maker": _("chip maker"),
             "supplier": _("supplier"), "tech_company": _("tech company"), "energy_company": _("energy company"),
             "government": _("government"), "association": _("association"), "research": _("research"),
             "media": _("media"), "other": _("other")}
    return names.get(kind, kind.replace("_", " "))
