"""Fictional roadmaps of any size, for tests, benchmarks and demo exports.

Every organization, technology and milestone here is invented and named as
such; nothing describes a real company.  Qt-free.
"""

from __future__ import annotations

import random

from nevroadmap.core.model import Area, Milestone, Organization, Roadmap, Source, Status, Technology

__all__ = ["synthetic_roadmap"]

_AREAS = [("fa-cells", "Fictional cells", "#4e79a7"), ("fa-charge", "Fictional charging", "#f28e2b"),
          ("fa-drive", "Fictional drives", "#59a14f"), ("fa-chips", "Fictional chips", "#e15759"),
          ("fa-software", "Fictional software", "#76b7b2"), ("fa-materials", "Fictional materials", "#b07aa1")]
_WORDS = ["pilot line", "sample cells", "mass production", "first fleet", "prototype", "launch", "field test",
          "certification", "plant opening", "cost target", "range target", "supply deal"]


def _when(rng: random.Random, year_lo: int, year_hi: int) -> str:
    y = rng.randint(year_lo, year_hi)
    r = rng.random()
    if r < 0.30:
        return str(y)
    if r < 0.45:
        return f"{y}-{min(y + rng.randint(1, 4), year_hi + 4)}"
    if r < 0.52:
        return f"{y}+"
    if r < 0.59:
        return f"by {y}"
    if r < 0.66:
        return f"~{y}"
    if r < 0.74:
        return f"H{rng.randint(1, 2)} {y}"
    if r < 0.84:
        return f"Q{rng.randint(1, 4)} {y}"
    if r < 0.94:
        return f"{y}-{rng.randint(1, 12):02d}"
    return f"after {y}"


def synthetic_roadmap(n: int, seed: int = 0, technologies: int = 36, organizations: int = 120,
                      year_lo: int = 2015, year_hi: int = 2040) -> Roadmap:
    """A roadmap of ``n`` invented milestones spread over invented technologies and organizations."""
    rng = random.Random(seed)
    areas = tuple(Area(id=a, name=name, color=c) for a, name, c in _AREAS)
    techs = tuple(Technology(id=f"ft-{i:03d}", name=f"Fictional technology {i:03d}", area=areas[i % len(areas)].id)
                  for i in range(technologies))
    orgs = tuple(Organization(id=f"fo-{i:03d}", name=f"Fictional Org {i:03d} (invented)", kind="automaker" if i % 3 else "battery_maker")
                 for i in range(organizations))
    statuses = list(Status)
    ms = []
    for i in range(n):
        t = techs[rng.randrange(technologies)]
        o = orgs[rng.randrange(organizations)]
        ms.append(Milestone(
            id=f"fm-{i:06d}", title=f"{o.name.split(' (')[0]} {rng.choice(_WORDS)} {i}",
            technology=t.id, organizations=(o.id,), when=_when(rng, year_lo, year_hi),
            status=statuses[rng.randrange(4)],
        ))
    src = (Source(id="fs-1", title="Invented source for synthetic data", publisher="Nobody (fictional)"),)
    return Roadmap(sources=src, organizations=orgs, areas=areas, technologies=techs, milestones=tuple(ms),
                   origin=f"synthetic:{n}")
