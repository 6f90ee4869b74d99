"""Issue 10 in the app: metrics pane, competing claims, forecast drift (headless)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication

from nevroadmap.core.claims import MetricKey
from nevroadmap.core.loader import load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "forecast-drift.yaml"


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    made = []

    def _make(path=None):
        w = MainWindow(AppState(load(path))) if path is not None else MainWindow(AppState(load()))
        qtbot.addWidget(w)
        w.resize(1600, 1000)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        qtbot.waitUntil(lambda: _aligned(w))
        return w

    yield _make
    for w in made:
        if w.comparison_view is not None:
            w.comparison_view.close()
        w.close()


def _aligned(w, tol=1) -> bool:
    (a0, a1), (b0, b1) = w.metrics_pane.edges()
    return abs(a0 - b0) <= tol and abs(a1 - b1) <= tol


def _mark_px(pane, i) -> QPoint:
    """Row i's mark, in the pane view's viewport pixels."""
    marks = pane.plot.marks
    vb = pane.plot.getViewBox()
    p = pane.view.mapFromScene(vb.mapViewToScene(marks.mark_pos(i)))
    return QPoint(p.x() + round(marks.offsets[i]), p.y())


def _is_background(img, pt: QPoint, bg: QColor) -> bool:
    c = img.pixelColor(pt)
    return abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue()) < 30


def _ink_near(img, pt: QPoint, bg: QColor, r=2) -> bool:
    return any(not _is_background(img, QPoint(pt.x() + dx, pt.y() + dy), bg)
               for dx in range(-r, r + 1) for dy in range(-r, r + 1))


def test_energy_density_marks_bounds_spans(make_window, qtbot):
    w = make_window()
    pane = w.metrics_pane
    assert pane.set_metric(MetricKey("energy density", "Wh/kg"))
    rows = pane.plot.marks.rows
    assert sorted((r.value, r.bound, str(r.when), r.hedge) for r in rows) == [
        (400.0, "over", "after 2030", "potentially"), (500.0, "exact", "2030-2035", None)]
    assert pane.plot.getAxis("left").labelText == "Wh/kg"
    img = pane.view.viewport().grab().toImage()
    bg = QColor(pane.plot.theme.background)
    vb = pane.plot.getViewBox()
    for i, r in enumerate(rows):
        c = _mark_px(pane, i)
        assert _ink_near(img, c, bg, r=6), f"no mark for {r.value}"
        assert _is_background(img, c, bg)  # a forecast: hollow
        if r.value == 400.0:  # "over": an arrow above the mark; "after 2030": a span running right
            assert _ink_near(img, QPoint(c.x(), c.y() - 14), bg)
            assert _is_background(img, QPoint(c.x(), c.y() + 14), bg)
            assert _ink_near(img, QPoint(c.x() + 30, c.y()), bg, r=1)
        else:  # 2030-2035: a span from 2030 to the end of 2035, nothing above (exact)
            left = pane.view.mapFromScene(vb.mapViewToScene(QPointF(2030.3, 500.0)))
            right = pane.view.mapFromScene(vb.mapViewToScene(QPointF(2035.7, 500.0)))
            assert _ink_near(img, left, bg, r=1) and _ink_near(img, right, bg, r=1)
            assert _is_background(img, QPoint(c.x(), c.y() - 14), bg)
    # hedged: the 400 mark is drawn fainter than the 500 one
    assert rows[0].hedged and not rows[1].hedged


def test_market_share_and_penetration_scopes_told_apart(make_window):
    w = make_window()
    pane = w.metrics_pane
    labels = [pane.picker.itemText(i) for i in range(pane.picker.count())]
    assert any(t.startswith("NEV market share (%) — all scopes (2 figures)") for t in labels)
    assert any(t.startswith("NEV penetration rate (%) - China") for t in labels)
    assert pane.set_metric(MetricKey("NEV market share", "%"))
    assert sorted((r.value, r.scope, r.achieved) for r in pane.plot.marks.rows) == [
        (37.0, "Indonesia NEV market", True), (44.3, "China", True)]
    assert len(set(pane.plot.marks.shapes.values())) == 2  # one shape per scope
    legend = pane.legend.text()
    assert "Indonesia NEV market" in legend and "China" in legend and "the article (no speaker named)" in legend
    assert pane.set_metric(MetricKey("NEV penetration rate", "%"))
    colors = {r.organization: pane.plot.marks.colors[r.organization].name() for r in pane.plot.marks.rows}
    assert len(set(colors.values())) == len(colors) == 3  # Changan, SAIC, the article


def test_time_axis_linked_both_ways(make_window):
    w = make_window()
    pane_vb = w.metrics_pane.plot.getViewBox()
    w.timeline.zoom(2.0)
    assert pane_vb.viewRange()[0] == pytest.approx(w.timeline.viewbox.viewRange()[0], abs=1e-6)
    pane_vb.setXRange(2026.0, 2031.0, padding=0)
    assert w.timeline.visible_range() == pytest.approx((2026.0, 2031.0), abs=1e-6)
    w.timeline.pan(0.2)
    assert pane_vb.viewRange()[0] == pytest.approx([2027.0, 2032.0], abs=1e-6)


def test_plot_areas_line_up_at_every_width(make_window, qtbot):
    w = make_window()
    assert _aligned(w)
    for width in (1200, 1900):
        w.resize(width, 1000)
        qtbot.waitUntil(lambda: _aligned(w))
    # the same year sits at the same screen x in both
    tl, pane = w.timeline, w.metrics_pane
    x_tl = tl.view.mapToGlobal(tl.view.mapFromScene(tl.viewbox.mapViewToScene(QPointF(2030.0, 0)))).x()
    vb = pane.plot.getViewBox()
    x_pane = pane.view.mapToGlobal(pane.view.mapFromScene(vb.mapViewToScene(QPointF(2030.0, 0)))).x()
    assert abs(x_tl - x_pane) <= 1


def test_click_on_a_mark_opens_the_claim_and_selects_its_milestone(make_window, qtbot):
    w = make_window()
    pane = w.metrics_pane
    pane.set_metric(MetricKey("NEV penetration rate", "%"))
    i = next(i for i, r in enumerate(pane.plot.marks.rows) if r.organization == "saic")
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=_mark_px(pane, i))
    sel = w.state.selection
    assert (sel.kind, sel.id, sel.claim) == ("milestone", "china-nev-penetration-70-2030",
                                            "wang-xiaoqiu-china-penetration-2030")
    ms_index = [m.id for m in w.state.roadmap.milestones].index("china-nev-penetration-70-2030")
    assert w.timeline.item.selected == ms_index
    assert "The claim you clicked:" in w.details_panel.text()
    assert pane.plot.marks.selected == i
    # hover tells the claim in one line
    assert pane.plot.marks.rows[i].one_line() == "Wang Xiaoqiu: NEV penetration rate over 70% (China) by 2030, said 2025-09-28"


def test_pane_can_be_hidden(make_window, qtbot):
    w = make_window()
    assert w.metrics_dock.isVisible()
    w.act_show_metrics.trigger()
    qtbot.waitUntil(lambda: not w.metrics_dock.isVisible())
    w.act_show_metrics.trigger()
    qtbot.waitUntil(lambda: w.metrics_dock.isVisible())


def test_comparison_view_changan_and_saic_side_by_side(make_window, qtbot):
    w = make_window()
    view = w.show_comparison(MetricKey("NEV penetration rate", "%", "China"))
    t = view.table
    heads = [t.horizontalHeaderItem(j).text() for j in range(t.columnCount())]
    col = {h: j for j, h in enumerate(heads)}
    rows = [{h: t.item(i, j).text() for h, j in col.items()} for i in range(t.rowCount())]
    in_2030 = {r["Speaker"]: r for r in rows if r["For"] == "by 2030"}
    assert in_2030["Zhu Huarong"]["Claimed"] == "NEV penetration rate: 40%"
    assert (in_2030["Zhu Huarong"]["Scope"], in_2030["Zhu Huarong"]["Organization"]) == ("global", "Changan Automobile")
    assert (in_2030["Wang Xiaoqiu"]["Claimed"], in_2030["Wang Xiaoqiu"]["Scope"]) == (
        "NEV penetration rate: over 70%", "China")
    assert in_2030["Wang Xiaoqiu"]["Title"] == "Chairman of SAIC Group"
    # disagreements are highlighted, the lone 2024 figure is not
    i_saic = next(i for i, r in enumerate(rows) if r["Speaker"] == "Wang Xiaoqiu")
    i_2024 = next(i for i, r in enumerate(rows) if r["For"] == "2024")
    assert t.item(i_saic, col["Claimed"]).data(Qt.ItemDataRole.UserRole) == "differs"
    assert t.item(i_saic, col["Scope"]).data(Qt.ItemDataRole.UserRole) == "differs"
    assert t.item(i_2024, col["Claimed"]).data(Qt.ItemDataRole.UserRole) is None
    # copy as a table
    md = view.copy("markdown")
    assert QGuiApplication.clipboard().text() == md
    assert "| Zhu Huarong | Secretary of the Party Committee and Chairman of Changan Automobile | Changan Automobile |" in md
    tsv = view.copy("tsv")
    assert tsv.splitlines()[0].split("\t")[:5] == ["Speaker", "Title", "Organization", "Said on", "Claimed"]
    # a technology too: the 4:4:2 and the "433" structures side by side
    assert view.show_technology("market-structure")
    speakers = {view.table.item(i, col["Speaker"]).text() for i in range(view.table.rowCount())}
    assert {"Zhu Huarong", "Wang Xiaoqiu"} <= speakers


def test_example_forecast_drift_on_the_timeline_and_in_details(make_window, qtbot):
    w = make_window(EXAMPLE)
    (track,) = w.drift_item.tracks
    assert track.milestone_id == "example-solid-state-sop"
    assert [x for x, _ in track.ghosts] == [2026.0, 2027.0] and track.current == 2028.0
    assert [said for _, said in track.ghosts] == ["2021", "2023"] and track.slip == "+2 y"
    # the ghosts are drawn where the earlier dates were
    tl = w.timeline
    tl.set_visible_range(2020.0, 2031.0)
    tl.viewbox.scroll_to_row(0)
    qtbot.wait(10)
    img = tl.view.viewport().grab().toImage()
    bg = QColor(w.drift_item.theme.background)
    for x, _ in track.ghosts:
        p = tl.view.mapFromScene(tl.viewbox.mapViewToScene(QPointF(x, track.row)))
        assert _ink_near(img, QPoint(p.x(), p.y() - 10), bg, r=3)
    # the details list the claims in the order said, with the slip
    w.state.select_milestone("example-solid-state-sop")
    text = w.details_panel.text()
    assert "Forecast over time: slipped +2 y" in text
    assert "4 claims, 4 independent sources" in text
    pos = [text.index(s) for s in ("moves solid-state production to 2026", "says solid-state production starts by 2025")]
    assert pos[1] < pos[0]
    assert text.index("now expects solid-state production by 2027") < text.index("doubt production before 2027")
    # energy density claims slide down over time in the pane
    w.metrics_pane.set_metric(MetricKey("energy density", "Wh/kg"))
    assert sorted((r.said.first.year, r.value) for r in w.metrics_pane.plot.marks.rows if r.milestone.id ==
                  "example-solid-state-sop") == [(2021, 450.0), (2023, 420.0), (2024, 400.0)]


def test_article_voice_is_named_in_details(make_window):
    w = make_window()
    w.state.select_milestone("solid-state-500-wh-kg")
    text = w.details_panel.text()
    assert "the article, no speaker named" in text
    assert "energy density: 500 Wh/kg" in text
    w.state.select_milestone("solid-state-large-scale-after-2030")
    assert "energy density: potentially over 400 Wh/kg" in w.details_panel.text()


def test_ministry_reports_industry_progress_it_does_not_own(make_window):
    w = make_window()
    w.state.select_milestone("most-battery-density-safety")
    text = w.details_panel.text()
    assert "Reported by\nMinistry of Science and Technology\n" in text
    assert "Organizations" not in text.split("Who says so")[0]


def test_a_huge_metric_draws_a_bounded_number_of_marks_and_says_so(qtbot):
    import dataclasses

    from nevroadmap.core.model import Claim, Metric, Roadmap
    from nevroadmap.gui.metrics_dock import MAX_MARKS, MetricsDockWidget
    from nevroadmap.gui.state import AppState
    from nevroadmap.render.synthetic import synthetic_roadmap

    rm = synthetic_roadmap(MAX_MARKS + 1000)
    ms = tuple(dataclasses.replace(m, metrics=(Metric(name="fictional density", value=300 + i % 200, unit="Wh/kg"),))
               for i, m in enumerate(rm.milestones))
    cl = tuple(Claim(id=f"c{i}", statement=f"Fictional: {300 + i % 200} Wh/kg", source=rm.sources[0].id,
                     supports=(m.id,)) for i, m in enumerate(ms))
    big = Roadmap(sources=rm.sources, organizations=rm.organizations, areas=rm.areas,
                  technologies=rm.technologies, milestones=ms, claims=cl)
    pane = MetricsDockWidget(AppState(big))
    qtbot.addWidget(pane)
    assert len(pane.plot.marks.rows) == MAX_MARKS
    assert pane.count_label.text() == f"first {MAX_MARKS:,} of {MAX_MARKS + 1000:,} claimed figures shown: filter to narrow"


def test_pane_and_drift_follow_the_theme(make_window, qtbot):
    w = make_window(EXAMPLE)
    w.set_theme("dark")
    qtbot.waitUntil(lambda: w.metrics_pane.plot.theme.name == "dark")
    assert w.drift_item.theme.name == "dark"
    w.set_theme("light")
    qtbot.waitUntil(lambda: w.metrics_pane.plot.theme.name == "light")
    assert w.drift_item.theme.name == "light"


def test_a_floating_pane_keeps_a_plain_axis_and_lines_up_again_when_docked(make_window, qtbot):
    w = make_window()
    w.metrics_dock.setFloating(True)
    qtbot.waitUntil(lambda: int(w.metrics_pane.plot.getAxis("left").width()) == 60)
    w.metrics_dock.setFloating(False)
    qtbot.waitUntil(lambda: _aligned(w))


def test_export_dialog_and_copy_image_include_the_shown_pane(make_window, qtbot, monkeypatch):
    """The dialog offers the pane and footnotes; with the pane shown its metric is the default; Copy Image too."""
    import nevroadmap.gui.export_dialog as ed

    w = make_window()
    assert w.metrics_pane.set_metric(MetricKey("NEV penetration rate", "%", "China"))
    dlg = w.export_image_dialog()
    assert dlg.metric_box.currentData() == "NEV penetration rate (%) - China"
    assert dlg.request().metric == "NEV penetration rate (%) - China" and dlg.request().footnotes is False
    dlg.footnotes.setChecked(True)
    assert dlg.request().footnotes is True
    dlg.metric_box.setCurrentIndex(0)  # "None"
    assert dlg.request().metric is None
    dlg.reject()
    seen = []
    real = ed._render_page
    monkeypatch.setattr(ed, "_render_page", lambda rm, req, **kw: seen.append(req) or real(rm, req, **kw))
    w.copy_image()
    assert seen and seen[-1].metric == "NEV penetration rate (%) - China"
    w.act_show_metrics.trigger()  # hidden pane: not in the picture, not the dialog's default
    qtbot.waitUntil(lambda: not w.metrics_dock.isVisible())
    w.copy_image()
    assert seen[-1].metric is None
    dlg = w.export_image_dialog()
    assert dlg.metric_box.currentData() is None
    dlg.reject()


def test_a_hidden_metrics_pane_catches_up_with_filters_when_shown(qtbot, open_window):
    win = open_window(None)
    pane = win.metrics_pane
    shown_before = len(pane.plot.marks.rows)
    assert shown_before > 1
    win.metrics_dock.hide()
    some = next(r.organization for r in pane.plot.marks.rows if r.organization)
    win.state.update_filter(organizations=frozenset({some}))
    assert len(pane.plot.marks.rows) == shown_before  # not redrawn while hidden
    win.metrics_dock.show()
    qtbot.waitUntil(lambda: pane.isVisible())
    rows = pane.plot.marks.rows
    assert rows and len(rows) < shown_before and all(win.state.is_shown(r.milestone.id) for r in rows)


def test_the_metrics_legend_names_as_many_organizations_as_it_has_colours_and_counts_the_rest(qtbot):
    import dataclasses

    from nevroadmap.core.model import Claim, Metric, Roadmap
    from nevroadmap.gui.metrics_dock import MetricsDockWidget
    from nevroadmap.gui.state import AppState
    from nevroadmap.render.metrics_pane import ORG_COLORS
    from nevroadmap.render.synthetic import synthetic_roadmap

    n_orgs = len(ORG_COLORS) + 28
    rm = synthetic_roadmap(n_orgs)
    ms = tuple(dataclasses.replace(m, metrics=(Metric(name="fictional density", value=300 + i, unit="Wh/kg"),))
               for i, m in enumerate(rm.milestones))
    cl = tuple(Claim(id=f"c{i}", statement="Fictional figure", source=rm.sources[0].id, supports=(m.id,),
                     organization=rm.organizations[i].id) for i, m in enumerate(ms))
    big = Roadmap(sources=rm.sources, organizations=rm.organizations, areas=rm.areas,
                  technologies=rm.technologies, milestones=ms, claims=cl)
    pane = MetricsDockWidget(AppState(big))
    qtbot.addWidget(pane)
    entries = pane.plot.legend_entries()
    named = {o.name for o in rm.organizations[:n_orgs]}
    assert sum(label in named for label, _c, _g in entries) == len(ORG_COLORS)
    assert ("28 more organizations", pane.plot.theme.muted, "\u2026") in entries
    pane.resize(4000, 300)  # room for every colour's name in one line
    pane.show()
    qtbot.waitExposed(pane)
    assert "28 more organizations" in pane.legend.text()
    # a pane of a laptop's width names as many as fit in one line, counts the rest, and opens them all
    pane.resize(1240, 300)
    qtbot.waitUntil(lambda: "28 more organizations" not in pane.legend.text())
    text = pane.legend.text()
    shown = sum(f"&nbsp;{name}</span>" in text for name in named)
    assert 1 <= shown < len(ORG_COLORS)
    assert f"{n_orgs - shown} more organizations" in text
    assert "forecast" in text and 'href="#more"' in text  # the keys stay, and the rest is a click away
    line = pane.legend.fontMetrics().height()
    assert pane.legend.heightForWidth(pane.legend.width()) < 2 * line  # one line
    popup = pane.legend.show_popup()
    qtbot.waitExposed(popup)
    from PySide6.QtWidgets import QLabel

    whole = popup.findChild(QLabel, "metricsLegendAll").text()
    assert sum(f"&nbsp;{name}</span>" in whole for name in named) == len(ORG_COLORS)
    assert "28 more organizations" in whole
    popup.close()


def test_the_marks_cached_on_screen_look_as_drawn_directly(qtbot, open_window, cached_as_drawn):
    """On screen the marks are kept as a picture of their bounding box: everything they draw,
    labels beside the rightmost mark too, must fit in it (such a label was cut off once)."""
    from PySide6.QtWidgets import QGraphicsItem

    win = open_window(None, size=(1280, 800))
    view, marks = win.metrics_pane.view, win.metrics_pane.plot.marks
    qtbot.waitUntil(lambda: bool(getattr(marks, "label_rects", None)))
    assert marks.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    cached_as_drawn(view, marks)
