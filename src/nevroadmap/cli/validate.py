"""``nevroadmap validate``: check a data file or folder and report every problem."""

from __future__ import annotations

from nevroadmap.cli.common import load_roadmap
from nevroadmap.core.i18n import _, ngettext

__all__ = ["cmd_validate"]


def cmd_validate(args) -> int:
    roadmap = load_roadmap(args.path, strict=True)  # the checker also reports repeated JSON keys
    if roadmap is None:
        return 1
    people = ngettext("{n} person", "{n} people", len(roadmap.people)).format(n=len(roadmap.people))
    sources = ngettext("{n} source", "{n} sources", len(roadmap.sources)).format(n=len(roadmap.sources))
    print(_("OK: {summary}, {people}, {sources}").format(summary=roadmap.summary(), people=people, sources=sources))
    return 0
