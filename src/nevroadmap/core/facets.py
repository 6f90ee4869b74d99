"""Faceted counts and area summaries for the filter lists and the status bar.

A facet's counts follow the *other* filters: the number beside a company is
how many milestones that company has among those the technology, status,
year and text filters keep (its own list's choice left out, so checking a
company never turns the other companies' counts to zero).  Qt-free.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from nevroadmap.core.model import Roadmap
from nevroadmap.core.query import FilterIndex, RoadmapFilter

__all__ = ["organization_counts", "technology_counts", "whole_areas"]


def organization_counts(index: FilterIndex, f: RoadmapFilter, shown=None) -> dict[str, int]:
    """Milestones per organization that every filter but the companies' keeps.

    ``shown``: the filter's own mask when the caller has it (used when no company is chosen, where the two agree).
    """
    keep = shown if shown is not None and not f.organizations else \
        index.mask(dataclasses.replace(f, organizations=frozenset()))
    n_orgs = len(index.org_ids)
    if not n_orgs:
        return {}
    owner = np.repeat(np.arange(len(index.org_ptr) - 1), np.diff(index.org_ptr))  # milestone of each pair
    counts = np.bincount(index.org_idx[keep[owner]], minlength=n_orgs)
    return dict(zip(index.org_ids, counts.tolist()))


def technology_counts(index: FilterIndex, f: RoadmapFilter, shown=None) -> dict[str, int]:
    """Milestones per technology that every filter but the technologies' keeps (``shown``: as above)."""
    keep = shown if shown is not None and not f.technologies else \
        index.mask(dataclasses.replace(f, technologies=frozenset()))
    tech = index.tech[keep]
    counts = np.bincount(tech[tech >= 0], minlength=len(index.tech_ids))
    return dict(zip(index.tech_ids, counts.tolist()))


def whole_areas(roadmap: Roadmap, technologies: frozenset[str]) -> tuple[list[str], list[str]]:
    """The areas all of whose technologies are in ``technologies`` (their ids), and the technologies left over."""
    left = set(technologies)
    areas = []
    for a in roadmap.areas:
        own = {t.id for t in roadmap.technologies if t.area == a.id}
        if own and own <= left:
            areas.append(a.id)
            left -= own
    return areas, [t.id for t in roadmap.technologies if t.id in left]
