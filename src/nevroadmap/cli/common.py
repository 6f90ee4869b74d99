"""The load-and-filter step shared by ``list`` and ``export``."""

from __future__ import annotations

import sys

from nevroadmap.core.i18n import _, ngettext
from nevroadmap.core.safe_text import visible

__all__ = ["load_roadmap", "filter_from_args", "load_filtered", "fail"]


def fail(command: str, message: str, code: int) -> int:
    """Print ``nevroadmap COMMAND: message`` on stderr and return the exit code."""
    print(f"nevroadmap {command}: {visible(message, 2000)}", file=sys.stderr)  # a name may hold a newline or ESC
    return code


def load_roadmap(path: str | None, strict: bool = False):
    """The dataset at ``path`` (None: bundled), or None after printing every problem.

    Warnings (what an import left out) are printed too; the dataset is still returned.
    """
    from nevroadmap.core.loader import MAX_PROBLEMS, RoadmapError, load

    try:
        roadmap = load(path, strict=strict)
    except RoadmapError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        n = len(exc.problems)
        if getattr(exc, "truncated", False):  # never a count that is not the real one
            print(_("stopped after {n} problems; nothing loaded").format(n=MAX_PROBLEMS), file=sys.stderr)
        else:
            print(ngettext("{n} problem found; nothing loaded", "{n} problems found; nothing loaded", n).format(n=n),
                  file=sys.stderr)
        return None
    for warning in roadmap.warnings:  # what an import left out ("file:line: message"); the rest is loaded
        print(warning, file=sys.stderr)
    return roadmap


def filter_from_args(roadmap, args) -> "RoadmapFilter":  # noqa: F821
    """Build the shared filter from CLI options; raise UnknownNameError for unknown names."""
    from nevroadmap.core.query import RoadmapFilter, resolve_organizations, resolve_statuses, resolve_technologies

    return RoadmapFilter(
        organizations=resolve_organizations(roadmap, args.company),
        technologies=resolve_technologies(roadmap, args.technology),
        statuses=resolve_statuses(args.status),
        year_from=args.year_from,
        year_to=args.year_to,
        text=args.search,
    )


def load_filtered(args, command: str):
    """The dataset and the filter the options ask for, or the exit code when they cannot be had.

    Data problems exit 1, a bad filter exits 2.
    """
    from nevroadmap.core.query import UnknownNameError

    roadmap = load_roadmap(args.path, strict=True)  # like validate: a key repeated in a JSON record is a problem
    if roadmap is None:
        return 1
    try:
        return roadmap, filter_from_args(roadmap, args)
    except (UnknownNameError, ValueError) as exc:  # unknown names, --from after --to
        return fail(command, str(exc), 2)

