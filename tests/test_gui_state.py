"""AppState and the details HTML, without a main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from nevroadmap.core.loader import load
from nevroadmap.core.query import RoadmapFilter, apply_filter
from nevroadmap.core.model import Status

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"


@pytest.fixture(scope="module")
def roadmap():
    return load(FIX)


@pytest.fixture
def state(qtbot, roadmap):
    from nevroadmap.gui.state import AppState

    return AppState(roadmap)


def shown_ids(state):
    rm = state.roadmap
    return sorted({rm.milestones[i].id for i in state.layout.item.tolist()})


def test_state_layout_follows_filter_like_the_cli(state, roadmap):
    f = RoadmapFilter(organizations=frozenset({"imaginary-cells"}))
    state.set_filter(f)
    assert shown_ids(state) == sorted(m.id for m in apply_filter(roadmap, f)) == ["ic-sodium", "ic-solid-deadline"]
    assert (state.shown_count, state.total_count) == (2, 5)


def test_state_signals_only_on_real_change(qtbot, state):
    seen = []
    state.sigFilterChanged.connect(lambda: seen.append("filter"))
    state.sigSelectionChanged.connect(lambda: seen.append("selection"))
    state.sigGroupByChanged.connect(lambda: seen.append("group"))
    state.set_filter(RoadmapFilter())
    state.update_filter(text="  ")  # normalises to "" - no change
    state.set_group_by("technology")
    state.select(None)
    assert seen == []
    state.update_filter(statuses=frozenset({Status.forecast}))
    state.update_filter(statuses=frozenset({Status.forecast}))
    state.select_milestone("ic-sodium")
    state.select_milestone("ic-sodium")
    state.set_group_by("company")
    assert seen == ["filter", "selection", "group"]


def test_state_history_back_and_forward(state):
    state.select_milestone("fm-solid-pilot")
    state.select_organization("fictional-motors")
    state.select_milestone("ic-sodium")
    assert state.can_go_back() and not state.can_go_forward()
    state.go_back()
    assert state.selection.id == "fictional-motors"
    state.go_back()
    assert state.selection.id == "fm-solid-pilot" and not state.can_go_back()
    state.go_forward()
    assert state.selection.kind == "organization"
    state.select_milestone("fm-mw-charging")  # a new visit drops the forward list
    assert not state.can_go_forward()


def test_state_unknown_selection_is_ignored(state):
    state.select_milestone("no-such-milestone")
    assert state.selection is None


def test_state_new_roadmap_keeps_only_existing_filter_ids(state, write):
    state.update_filter(organizations=frozenset({"imaginary-cells", "fictional-motors"}))
    state.select_milestone("ic-sodium")
    smaller = load(Path(__file__).parent / "fixtures" / "fictional.yaml")
    state.set_roadmap(smaller)
    assert state.filter.organizations == frozenset({"fictional-motors"})
    assert state.selection is None
    assert shown_ids(state) == ["m1"]


def test_group_by_company_lanes(state):
    state.set_group_by("company")
    labels = [ln.label for ln in state.layout.lanes]
    # by kind (automaker, battery maker, supplier), then by name
    assert labels == ["Fictional Motors (invented)", "Imaginary Cells (invented)", "<b>Bold</b> Corp (invented)"]
    assert [ln.group for ln in state.layout.lanes] == ["Automakers", "Battery makers", "Suppliers"]
    with pytest.raises(ValueError):
        state.set_group_by("colour")


# -- details HTML ---------------------------------------------------------------
def test_explain_when_reads_uncertainty():
    from nevroadmap.core.dates import parse_when
    from nevroadmap.gui.details_html import explain_when

    assert explain_when(parse_when("2030+")) == "open-ended: from 2030 on"
    assert "by 2026 at the latest" in explain_when(parse_when("by 2026"))
    assert explain_when(parse_when("~2027")).startswith("approximately: during 2027")
    assert "from 2026 to 2028" in explain_when(parse_when("2026-2028"))
    assert "after 2030" in explain_when(parse_when("after 2030"))
    assert explain_when(parse_when("2025-09-28")) == "that exact day"


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG", True),
    ("javascript:alert(1)", False), ("file:///etc/passwd", False), ("data:text/html,hi", False),
    ("https://", False), ("https://exa mple.org", False), ("//example.org", False), ("", False), (None, False),
    ("https://example.org/\nx", False),
])
def test_safe_http_url(url, ok):
    from nevroadmap.gui.details_html import safe_http_url

    assert (safe_http_url(url) is not None) == ok


def test_milestone_html_escapes_data_and_links_only_web(roadmap):
    from nevroadmap.gui.details_html import Colors, milestone_html

    text = milestone_html(roadmap, roadmap.milestone_by_id["html-milestone"], Colors())
    assert "<script>" not in text and "&lt;script&gt;alert(&#x27;boom&#x27;)&lt;/script&gt;" in text
    assert "<h1>" not in text and "href='javascript" not in text and 'href="javascript' not in text
    text = milestone_html(roadmap, roadmap.milestone_by_id["ic-sodium"], Colors())
    assert "javascript:alert(1)" in text and 'href="javascript' not in text
    text = milestone_html(roadmap, roadmap.milestone_by_id["fm-solid-pilot"], Colors())
    assert '<a href="https://example.org/fictional-investor-day">' in text
    assert '<a href="org:fictional-motors">' in text


def test_organization_lookups_match_a_plain_scan(state, roadmap):
    from nevroadmap.gui.details_html import Colors, organization_html

    for org in roadmap.organizations:
        plain = [m.id for m in roadmap.milestones if org.id in roadmap.parties_of(m)]
        assert state.milestones_of_organization(org.id) == plain
        fast = organization_html(roadmap, org, Colors(), milestone_ids=state.milestones_of_organization(org.id),
                                 claims=state.claims_by_organization().get(org.id, []))
        assert fast == organization_html(roadmap, org, Colors())
    assert state.milestones_of_organization("no-such-org") == []


def test_long_company_lists_are_capped(roadmap, monkeypatch):
    from nevroadmap.gui import details_html

    monkeypatch.setattr(details_html, "MAX_LISTED", 1)
    org = roadmap.organization_by_id["fictional-motors"]
    text = details_html.organization_html(roadmap, org, details_html.Colors())
    assert text.count('href="milestone:') - text.count("→") <= 3  # one milestone line, plus claim links
    assert "… and 1 more: filter by this company" in text
