"""Company lanes grouped by kind, labelled even one row high; faceted counts; the status bar names a whole area."""

from __future__ import annotations

import dataclasses

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nevroadmap.core.facets import organization_counts, technology_counts, whole_areas
from nevroadmap.core.layout import KIND_ORDER, LayoutEngine, kind_group_name
from nevroadmap.core.loader import load
from nevroadmap.core.query import FilterIndex, RoadmapFilter, apply_filter
from nevroadmap.render.export import ExportRequest, export_roadmap

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"


def test_company_lanes_are_banded_by_kind_and_sorted_by_name_within(bundled):
    lay = LayoutEngine(bundled).layout("company")
    org = bundled.organization_by_id
    lanes = [ln for ln in lay.lanes if ln.key in org]
    kinds = [org[ln.key].kind for ln in lanes]
    order = [KIND_ORDER.index(k) for k in kinds]
    assert order == sorted(order)  # automakers first, then battery makers, chip makers ...
    runs = [g for i, g in enumerate(ln.group for ln in lanes) if i == 0 or lanes[i - 1].group != g]
    assert len(runs) == len(set(runs))  # one band per kind
    assert runs[0] == kind_group_name("automaker") == "Automakers"
    for k in set(kinds):
        names = [ln.label.lower() for ln in lanes if org[ln.key].kind == k]
        assert names == sorted(names)
    # one colour per band
    for g in runs:
        assert len({ln.color for ln in lanes if ln.group == g}) == 1


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return [t for el in root.iter() if el.tag.endswith("text") for t in [("".join(el.itertext())).strip()] if t]


def test_every_company_lane_is_labelled_with_its_kind_when_its_band_is_short(qapp, tmp_path):
    rm = load(FIX)  # three companies of three kinds: every band is one lane, two of them one row high
    lay = LayoutEngine(rm).layout("company")
    assert [ln.rows for ln in lay.lanes][1:] == [1, 1]
    out = tmp_path / "companies.svg"
    export_roadmap(rm, out, ExportRequest(group_by="company", width=1400, height=500, show_legend=False))
    texts = svg_texts(out)
    for ln in lay.lanes:
        assert ln.label in texts, ln.label  # the company's name, whole
        assert ln.group in texts, ln.group  # and its band's name beside it (the rotated name has no room)


# -- faceted counts ----------------------------------------------------------------------------------
def test_counts_follow_the_other_filters(bundled):
    idx = FilterIndex(bundled)
    all_orgs = organization_counts(idx, RoadmapFilter())
    batteries = [t.id for t in bundled.technologies if t.area == "batteries"]
    assert batteries
    f = RoadmapFilter(technologies=frozenset(batteries))
    org_counts = organization_counts(idx, f)
    # the reference: count by hand among the milestones the technology filter keeps (a company counts where
    # checking it would show the milestone: where it acts or reports, Roadmap.parties_of)
    kept = apply_filter(bundled, f)
    for o in bundled.organizations:
        expected = sum(o.id in bundled.parties_of(m) for m in kept)
        assert org_counts[o.id] == expected, o.id
    assert org_counts != all_orgs and sum(org_counts.values()) < sum(all_orgs.values())
    assert organization_counts(idx, f, idx.mask(f)) == org_counts  # the shortcut with the filter's own mask
    # a facet ignores its own choice: checking a company leaves the company counts alone
    some = next(o for o, n in org_counts.items() if n)
    assert organization_counts(idx, dataclasses.replace(f, organizations=frozenset({some}))) == org_counts
    # and the technology counts follow the company filter
    tc = technology_counts(idx, RoadmapFilter(organizations=frozenset({some})))
    assert sum(tc.values()) == len(apply_filter(bundled, RoadmapFilter(organizations=frozenset({some}))))


@pytest.fixture
def window(open_window):
    return open_window(FIX)


def test_company_list_counts_change_with_a_technology_filter(window):
    fp = window.filter_panel
    assert fp.org_item("fictional-motors").text() == "Fictional Motors (invented) (2)"
    assert fp.org_item("imaginary-cells").text().endswith("(2)")
    window.state.update_filter(technologies=frozenset({"megawatt-charging"}))
    assert fp.org_item("fictional-motors").text() == "Fictional Motors (invented) (1)"
    assert fp.org_item("imaginary-cells").text().endswith("(0)")
    assert fp.count_of("html-corp") == 0
    # the technology counts follow the company filter in turn
    assert fp.tech_item("solid-state").text(0).endswith("(2)")
    window.state.update_filter(organizations=frozenset({"fictional-motors"}))
    assert fp.tech_item("solid-state").text(0).endswith("(1)")
    assert fp.org_item("fictional-motors").text().endswith("(1)")  # its own facet is not narrowed by itself


def test_status_bar_names_a_whole_area(window):
    rm = window.state.roadmap
    window.state.update_filter(technologies=frozenset({"solid-state", "sodium-ion"}))  # all of Batteries
    assert whole_areas(rm, window.state.filter.technologies) == (["batteries"], [])
    text = window.status_text()
    assert text.startswith("Batteries: 4 of 5 milestones shown")  # solid-state (2) and sodium-ion (2)
    assert "Technologies" not in text
    window.state.update_filter(technologies=frozenset({"solid-state"}))  # part of an area: listed
    assert window.status_text().startswith("2 of 5 milestones shown")
    assert "Solid-state cells" in window.status_text()
