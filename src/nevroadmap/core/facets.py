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

__all__ = ["organization_count_array", "organization_counts", "technology_count_array", "technology_counts",
           "whole_areas"]


def organization_count_array(index: FilterIndex, f: RoadmapFilter, shown=None) -> np.ndarray:
    """Milestones per organization (in ``index.org_ids`` order) that every filter but the companies' keeps.

    ``shown``: the filter's own mask when the caller has it (used when no company is chosen, where the two agree).
    """
    keep = shown if shown is not None and not f.organizations else \
        index.mask(dataclasses.replace(f, organizations=frozenset()))
    if not index.org_ids:
        return np.zeros(0, np.int64)
    return np.bincount(index.org_idx[keep[index.org_owner]], minlength=len(index.org_ids))


def technology_count_array(index: FilterIndex, f: RoadmapFilter, shown=None) -> np.ndarray:
    """Milestones per technology (in ``index.tech_ids`` order) that every filter but the technologies'
    keeps (``shown``: as above)."""
    keep = shown if shown is not None and not f.technologies else \
        index.mask(dataclasses.replace(f, technologies=frozenset()))
    tech = index.tech[keep]
    return np.bincount(tech[tech >= 0], minlength=len(index.tech_ids))


def organization_counts(index: FilterIndex, f: RoadmapFilter, shown=None) -> dict[str, int]:
    """:func:`organization_count_array` by organization id."""
    return dict(zip(index.org_ids, organization_count_array(index, f, shown).tolist()))


def technology_counts(index: FilterIndex, f: RoadmapFilter, shown=None) -> dict[str, int]:
    """:func:`technology_count_array` by technology id."""
    return dict(zip(index.tech_ids, technology_count_array(index, f, shown).tolist()))


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
