"""Lane layout: which lane and sub-row each milestone is drawn in.

One lane per technology (ordered by area) or per company (ordered by the
kind of organization: automakers, battery makers, chip makers ... then by
name; one band per kind, as the areas band the technologies).  Inside a lane,
items that would overlap (their bar, or a point's marker plus its label) are
stacked into sub-rows by greedy interval packing.  In every row the entries
are disjoint and sorted, so the visible ones of a time window are found with
two binary searches (``LaneLayout.visible``).

Packing 100,000 items in Python takes a fraction of a second, too slow for a
filter change; so the full dataset is packed once per grouping and a filter
only drops entries and squeezes out rows that became empty.  Small datasets
are simply packed again, which gives the tightest picture.
"""

from __future__ import annotations

import heapq
from itertools import chain, repeat
from operator import attrgetter
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from nevroadmap.core.glyphs import PACK_DEADLINE_LEFT_CHARS, PACK_LABEL_LEAD_CHARS, PACK_POINT_LEFT_CHARS
from nevroadmap.core import i18n
from nevroadmap.core.i18n import _
from nevroadmap.core.model import STATUS_ORDER, OrgKind, Roadmap
from nevroadmap.core.query import span_columns

__all__ = ["Lane", "LaneLayout", "LayoutEngine", "GroupBy", "FADE_YEARS", "KIND_POINT", "KIND_RANGE",
           "KIND_DEADLINE", "NO_ORG_KEY", "kind_group_name", "KIND_ORDER"]

GroupBy = Literal["technology", "company"]
FADE_YEARS = 3.0  # how far an open end (2030+) fades out to the future
KIND_POINT, KIND_RANGE, KIND_DEADLINE = 0, 1, 2
NO_ORG_KEY = "_none"
REPACK_LIMIT = 20_000  # up to this many entries a filter re-packs from scratch
GAP_YEARS = 0.04


KIND_ORDER = tuple(OrgKind)  # the bands of company lanes, top to bottom


def kind_group_name(kind: OrgKind | str) -> str:
    """The band name of a kind of organization ("Battery makers"), translated."""
    k = OrgKind(kind)
    names = {
        OrgKind.automaker: _("Automakers"), OrgKind.battery_maker: _("Battery makers"),
        OrgKind.chip_maker: _("Chip makers"), OrgKind.supplier: _("Suppliers"),
        OrgKind.tech_company: _("Tech companies"), OrgKind.energy_company: _("Energy companies"),
        OrgKind.government: _("Governments"), OrgKind.association: _("Associations"),
        OrgKind.research: _("Research"), OrgKind.media: _("Media"), OrgKind.other: _("Other"),
    }
    return names[k]


@dataclass(frozen=True)
class Lane:
    key: str  # technology or organization id
    label: str
    group: str  # area name, or organization kind
    color: str  # "#rrggbb"
    row0: int  # first sub-row
    rows: int  # number of sub-rows


@dataclass
class LaneLayout:
    """Placed entries, column-wise and sorted by (row, x0)."""

    group_by: GroupBy
    lanes: tuple[Lane, ...]
    n_rows: int
    item: np.ndarray  # milestone index in roadmap.milestones
    lane: np.ndarray  # lane index
    row: np.ndarray  # global sub-row (lane.row0 + k)
    x0: np.ndarray  # start (decimal year); for points the date itself
    x1: np.ndarray  # end of the solid part (== x0 for points and deadlines)
    kind: np.ndarray  # KIND_*
    status: np.ndarray  # index in STATUS_ORDER
    open_end: np.ndarray
    approximate: np.ndarray
    color: np.ndarray  # index into colors
    colors: tuple[str, ...] = ()
    row_ptr: np.ndarray = field(default_factory=lambda: np.zeros(1, np.int64))
    extent_end: np.ndarray | None = None  # x1 plus fade / label room, used for packing

    def __len__(self) -> int:
        return len(self.item)

    @property
    def x_range(self) -> tuple[float, float]:
        if not len(self.item):
            return (2020.0, 2035.0)
        hi = np.maximum(self.x1, self.x0) + np.where(self.open_end, FADE_YEARS, 0.0)
        right = float(hi.max())
        if self.extent_end is not None:  # room kept for the labels of points
            right = max(right, float(self.extent_end.max()))
        return float(self.x0.min()), right

    def lane_of_row(self, row: int) -> int:
        starts = [ln.row0 for ln in self.lanes]
        return int(np.searchsorted(starts, row, side="right") - 1)

    def visible(self, row_lo: int, row_hi: int, t0: float, t1: float, pad: float = 0.0) -> np.ndarray:
        """Entry indices in rows [row_lo, row_hi] that may touch [t0, t1] (pad widens by that many years)."""
        row_lo, row_hi = max(row_lo, 0), min(row_hi, self.n_rows - 1)
        if row_hi < row_lo or not len(self.item):
            return np.zeros(0, np.int64)
        reach = self.extent_end if self.extent_end is not None else self.x1
        parts = []
        for r in range(row_lo, row_hi + 1):
            a, b = int(self.row_ptr[r]), int(self.row_ptr[r + 1])
            if a == b:
                continue
            # entries in a row are disjoint and sorted, so their ends are sorted too
            lo = a + int(np.searchsorted(reach[a:b], t0 - pad, side="left"))
            hi = a + int(np.searchsorted(self.x0[a:b], t1 + pad, side="right"))
            if hi > lo:
                parts.append(np.arange(lo, hi))
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)


class LayoutEngine:
    """Builds lane layouts for one roadmap; caches the full packing per grouping."""

    def __init__(self, roadmap: Roadmap, label_years_per_char: float = 0.0,
                 columns: dict[str, np.ndarray] | None = None) -> None:
        """``columns``: the roadmap's :func:`span_columns` when they are at hand (the filter index has them)."""
        self.roadmap = roadmap
        self.label_years_per_char = label_years_per_char
        ms = roadmap.milestones
        n = len(ms)
        self._n = n
        cols = columns if columns is not None else span_columns([m.when for m in ms])
        self.x0 = cols["x0"]
        self.x1 = cols["x1"]
        point = (cols["single"] & ~cols["open_end"]) | (cols["exclusive"] & cols["open_end"])
        self.kind = np.where(cols["open_start"], KIND_DEADLINE,
                             np.where(point, KIND_POINT, KIND_RANGE)).astype(np.int8)
        # a single period drawn as a point sits in its middle; a range spans it
        mid = (self.x0 + self.x1) / 2
        self.x0 = np.where(self.kind == KIND_POINT, mid, self.x0)
        self.x1 = np.where(self.kind == KIND_RANGE, self.x1, self.x0)
        self.open_end = cols["open_end"]
        self.approximate = cols["approximate"]
        status_pos = {s: i for i, s in enumerate(STATUS_ORDER)}
        self.status = np.fromiter(map(status_pos.__getitem__, map(attrgetter("status"), ms)), np.int8, n)
        self.title_len = np.fromiter(map(len, map(attrgetter("title"), ms)), np.float64, n)
        self._full: dict[tuple[str, str], LaneLayout] = {}  # (grouping, language)

    # -- lanes -------------------------------------------------------------
    def _lane_defs(self, group_by: GroupBy) -> tuple[list[tuple[str, str, str, str]], list[np.ndarray], list[np.ndarray]]:
        """Lane (key, label, group, color) list and, per lane, its milestone indices."""
        rm = self.roadmap
        palette = _fallback_palette()
        area_color = {a.id: a.color or palette[i % len(palette)] for i, a in enumerate(rm.areas)}
        if group_by == "technology":
            area_order = {a.id: i for i, a in enumerate(rm.areas)}
            techs = [t for _, t in sorted(enumerate(rm.technologies),
                                          key=lambda it: (area_order.get(it[1].area, 1 << 30), it[0]))]
            pos = {t.id: j for j, t in enumerate(techs)}
            n = len(rm.milestones)
            code = np.fromiter(map(pos.get, map(attrgetter("technology"), rm.milestones), repeat(-1)), np.int64, n)
            members = _split_by_code(code, np.arange(n, dtype=np.int64), len(techs))
            defs = []
            for t in techs:
                area = rm.area_by_id.get(t.area)
                defs.append((t.id, t.name, area.name if area else t.area, area_color.get(t.area, palette[0])))
            return defs, members, [np.full(len(x), j, np.int64) for j, x in enumerate(members)]
        kind_pos = {k: i for i, k in enumerate(KIND_ORDER)}
        orgs = sorted(rm.organizations, key=lambda o: (kind_pos[o.kind], o.name.lower(), o.id))
        pos = {o.id: j for j, o in enumerate(orgs)}
        no_org = len(orgs)
        # (milestone, organization) pairs, in milestone order; a milestone without one goes to "no organization"
        per = rm.milestone_organizations
        counts = np.fromiter(map(len, per), np.int64, len(per))
        flat = list(chain.from_iterable(per))
        lookup = {NO_ORG_KEY: no_org, **pos}.get
        code = np.fromiter((lookup(o, -1) for o in flat), np.int64, len(flat))
        mil = np.repeat(np.arange(len(per), dtype=np.int64), counts)
        lonely = np.flatnonzero(counts == 0)
        code = np.concatenate((code, np.full(len(lonely), no_org, np.int64)))
        mil = np.concatenate((mil, lonely))
        order = np.lexsort((mil, code))
        members = _split_by_code(code[order], mil[order], no_org + 1, presorted=True)
        # one colour per kind, always the same; "other" and "no organization" in neutral greys
        kind_palette = {k: palette[i % len(palette)] for i, k in enumerate(KIND_ORDER)}
        kind_palette[OrgKind.other] = "#8a8f98"
        names = {k: kind_group_name(k) for k in KIND_ORDER}
        defs = [(o.id, o.name, names[o.kind], kind_palette[o.kind]) for o in orgs]
        if len(members[no_org]):
            defs.append((NO_ORG_KEY, _("(no organization)"), _("Without an organization"), "#b3b8bf"))
        else:
            members.pop()
        return defs, members, [np.full(len(x), j, np.int64) for j, x in enumerate(members)]

    # -- packing -------------------------------------------------------------
    def _reach(self, items: np.ndarray) -> np.ndarray:
        end = np.maximum(self.x1[items], self.x0[items])
        end = end + np.where(self.open_end[items], FADE_YEARS, 0.0)
        if self.label_years_per_char > 0:
            # points and deadlines keep room for their label on the right
            label = self.x0[items] + (PACK_LABEL_LEAD_CHARS + self.title_len[items]) * self.label_years_per_char
            end = np.where(self.kind[items] != KIND_RANGE, np.maximum(end, label), end)
        return end

    def _left(self, items: np.ndarray) -> np.ndarray:
        """Room a glyph takes left of its date: a deadline's stem, half a diamond (in years)."""
        if self.label_years_per_char <= 0:
            return np.zeros(len(items))
        kind = self.kind[items]
        chars = np.where(kind == KIND_DEADLINE, PACK_DEADLINE_LEFT_CHARS, np.where(kind == KIND_POINT, PACK_POINT_LEFT_CHARS, 0.0))
        return chars * self.label_years_per_char

    def _pack(self, group_by: GroupBy, items_per_lane: list[np.ndarray]) -> LaneLayout:
        defs, _, _ = self._lane_defs_cached(group_by)
        sizes = np.fromiter(map(len, items_per_lane), np.int64, len(items_per_lane))
        if not sizes.sum():
            return self._assemble(group_by, (), 0, {k: [] for k in ("item", "lane", "row", "reach")})
        items = np.concatenate(items_per_lane).astype(np.int64, copy=False)
        lane_of = np.repeat(np.arange(len(sizes)), sizes)
        # every lane sorted by (start, reach) at once: ties keep the lane's own order, as one sort per lane did
        reach = self._reach(items)
        starts = self.x0[items] - self._left(items)
        order = np.lexsort((reach, starts, lane_of))
        items, reach, starts = items[order], reach[order], starts[order]
        bounds = np.concatenate(([0], np.cumsum(sizes))).tolist()
        rows = np.empty(len(items), np.int64)
        lane_pos = np.zeros(len(sizes), np.int64)
        lanes: list[Lane] = []
        row0 = 0
        for j in np.flatnonzero(sizes).tolist():
            a, b = bounds[j], bounds[j + 1]
            r = _greedy_rows(starts[a:b], reach[a:b])
            nrows = int(r.max()) + 1
            rows[a:b] = r + row0
            key, label, group, color = defs[j]
            lane_pos[j] = len(lanes)
            lanes.append(Lane(key, label, group, color, row0, nrows))
            row0 += nrows
        cols = {"item": [items], "lane": [lane_pos[lane_of]], "row": [rows], "reach": [reach]}
        return self._assemble(group_by, tuple(lanes), row0, cols)

    def _assemble(self, group_by: GroupBy, lanes: tuple[Lane, ...], n_rows: int, cols: dict) -> LaneLayout:
        def cat(name: str, dtype) -> np.ndarray:
            return np.concatenate(cols[name]).astype(dtype) if cols[name] else np.zeros(0, dtype)

        item, lane, row, reach = cat("item", np.int64), cat("lane", np.int32), cat("row", np.int32), cat("reach", np.float64)
        order = np.lexsort((self.x0[item], row))
        item, lane, row, reach = item[order], lane[order], row[order], reach[order]
        colors = tuple(dict.fromkeys(ln.color for ln in lanes))
        cpos = {c: i for i, c in enumerate(colors)}
        lane_color = np.asarray([cpos[ln.color] for ln in lanes] or [0], np.int16)
        row_ptr = np.searchsorted(row, np.arange(n_rows + 1), side="left").astype(np.int64)
        return LaneLayout(
            group_by=group_by, lanes=lanes, n_rows=n_rows, item=item, lane=lane, row=row,
            x0=self.x0[item], x1=self.x1[item], kind=self.kind[item], status=self.status[item],
            open_end=self.open_end[item], approximate=self.approximate[item],
            color=lane_color[lane] if len(lane) else np.zeros(0, np.int16), colors=colors,
            row_ptr=row_ptr, extent_end=reach,
        )

    _defs_cache: dict

    def _lane_defs_cached(self, group_by: GroupBy):
        """Lane definitions per grouping and language: band and lane names are translated when built."""
        cache = self.__dict__.setdefault("_defs_cache", {})
        key = (group_by, i18n.language())
        if key not in cache:
            cache[key] = self._lane_defs(group_by)
        return cache[key]

    def packed(self) -> set[str]:
        """The groupings already packed (in any language)."""
        return {g for g, _ in self._full}

    def full(self, group_by: GroupBy = "technology") -> LaneLayout:
        key = (group_by, i18n.language())
        if key not in self._full:
            _, members, _ = self._lane_defs_cached(group_by)
            self._full[key] = self._pack(group_by, members)
        return self._full[key]

    def layout(self, group_by: GroupBy = "technology", mask: np.ndarray | None = None) -> LaneLayout:
        """The layout of the milestones that ``mask`` keeps (all when None)."""
        if mask is None or bool(mask.all()):
            return self.full(group_by)
        _, members, _ = self._lane_defs_cached(group_by)
        total = sum(len(m) for m in members)
        if total <= REPACK_LIMIT:
            return self._pack(group_by, [m[mask[m]] for m in members])
        return _squeeze(self.full(group_by), mask)


def _greedy_rows(starts, ends) -> np.ndarray:
    """First-fit rows for intervals sorted by start: the lowest row free at each start.

    A row is free for an interval starting at ``s`` when its last end plus the
    gap is <= ``s``; starts only grow, so a row once free stays free until it
    is used.  Two heaps (busy rows by end plus gap, free rows by number) make
    this O(n log n); scanning every free row per item was quadratic on lanes
    with thousands of rows.  A lane whose intervals follow one another needs
    one row and no loop.
    """
    starts = np.asarray(starts, np.float64)
    ends = np.asarray(ends, np.float64)
    n = len(starts)
    if n <= 1 or bool(np.all(ends[:-1] + GAP_YEARS <= starts[1:])):
        return np.zeros(n, np.int64)  # each interval starts after the one before ended: one row
    out: list[int] = []
    add = out.append
    busy: list[tuple[float, int]] = []  # (end + gap, row): the row is free from that start on
    free: list[int] = []  # rows free at the current start
    heappush, heappop, heapreplace = heapq.heappush, heapq.heappop, heapq.heapreplace
    nrows = 0
    for s, ready in zip(starts.tolist(), (ends + GAP_YEARS).tolist()):
        if busy and busy[0][0] <= s:
            r = heappop(busy)[1]
            while busy and busy[0][0] <= s:
                heappush(free, heappop(busy)[1])
            if free and free[0] < r:
                r = heapreplace(free, r)  # a lower row was free already: take it, keep this one free
        elif free:
            r = heappop(free)
        else:
            r, nrows = nrows, nrows + 1
        add(r)
        heappush(busy, (ready, r))
    return np.asarray(out, np.int64)


def _split_by_code(code: np.ndarray, values: np.ndarray, n_codes: int, presorted: bool = False) -> list[np.ndarray]:
    """``values`` grouped by ``code`` (0 .. n_codes-1; others dropped), each group in its original order."""
    if not presorted:
        order = np.argsort(code, kind="stable")
        code, values = code[order], values[order]
    bounds = np.searchsorted(code, np.arange(n_codes + 1), side="left").tolist()
    return [values[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


def _squeeze(full: LaneLayout, mask: np.ndarray) -> LaneLayout:
    """Drop filtered-out entries and the rows and lanes they leave empty."""
    keep = mask[full.item]
    used = np.zeros(full.n_rows, bool)
    used[full.row[keep]] = True
    before = np.zeros(full.n_rows + 1, np.int64)  # used rows before each row
    np.cumsum(used, out=before[1:])
    lanes = []
    lane_map = np.full(len(full.lanes), -1, np.int64)
    if full.lanes:
        row0 = np.fromiter((ln.row0 for ln in full.lanes), np.int64, len(full.lanes))
        nrows = np.fromiter((ln.rows for ln in full.lanes), np.int64, len(full.lanes))
        counts = before[row0 + nrows] - before[row0]
        for j in np.flatnonzero(counts).tolist():  # only the lanes that keep something
            ln = full.lanes[j]
            lane_map[j] = len(lanes)
            lanes.append(Lane(ln.key, ln.label, ln.group, ln.color, int(before[ln.row0]), int(counts[j])))
    row = before[full.row[keep]].astype(np.int32)
    n_rows = int(before[-1])
    return LaneLayout(
        group_by=full.group_by, lanes=tuple(lanes), n_rows=n_rows, item=full.item[keep],
        lane=lane_map[full.lane[keep]].astype(np.int32), row=row, x0=full.x0[keep], x1=full.x1[keep],
        kind=full.kind[keep], status=full.status[keep], open_end=full.open_end[keep],
        approximate=full.approximate[keep], color=full.color[keep], colors=full.colors,
        row_ptr=np.searchsorted(row, np.arange(n_rows + 1), side="left").astype(np.int64),
        extent_end=full.extent_end[keep] if full.extent_end is not None else None,
    )


def _fallback_palette() -> list[str]:
    # colour-blind-friendly hues that read on light and dark backgrounds
    return ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
