"""The metrics legend names data (organizations, scopes: up to 500 characters, maybe without a space):
a long one is cut with "…", so it neither widens the window (a word-wrapped label is as wide as its
longest word: 6,096 px before) nor runs off an exported page; an export's one-line legend that has no
room left ends in "…" instead of an entry cut at the page's edge."""

from __future__ import annotations

import numpy as np
import pytest
import yaml
from PySide6.QtGui import QColor, QFontMetricsF

from nevroadmap.core.loader import load

LONG_SCOPE = "W" * 490


def _tracker(tmp_path, scopes):
    head = {
        "sources": [{"id": "s1", "title": "Fictional source (example)"}],
        "areas": [{"id": "a", "name": "Area A", "color": "#336699"}],
        "technologies": [{"id": "t", "name": "Tech T", "area": "a"}],
        "organizations": [{"id": "o1", "name": "Fictional Motors (example)", "kind": "automaker"}],
    }
    head["milestones"] = [{"id": f"m{i}", "title": f"Milestone {i}", "technology": "t", "organizations": ["o1"],
                           "when": "2027", "status": "forecast",
                           "metrics": [{"name": "x", "value": i + 1, "unit": "u", "scope": s}]}
                          for i, s in enumerate(scopes)]
    head["claims"] = [{"id": f"c{i}", "statement": "Fictional statement.", "organization": "o1", "source": "s1",
                       "supports": [f"m{i}"]} for i in range(len(scopes))]
    path = tmp_path / "tracker.yaml"
    path.write_text(yaml.safe_dump(head), encoding="utf-8")
    return path


def test_legend_entries_are_cut_to_their_width(qapp, tmp_path):
    from nevroadmap.core.claims import claim_rows, find_metric, rows_for_metric
    from nevroadmap.render.metrics_pane import LEGEND_LABEL_PX, MetricsPlot

    roadmap = load(_tracker(tmp_path, [LONG_SCOPE, "China"]))
    rows = claim_rows(roadmap)
    key = find_metric(rows, "x")[0].all_scopes()
    plot = MetricsPlot("light")
    plot.set_rows(key, rows_for_metric(rows, key))
    fm = QFontMetricsF(plot.theme.font(plot.theme.small_px))
    labels = [label for label, _c, _g in plot.legend_entries()]
    assert "China" in labels
    cut = [t for t in labels if t.startswith("WWW")]
    assert len(cut) == 1 and cut[0].endswith("…") and len(cut[0]) < 100
    assert all(fm.horizontalAdvance(t) <= LEGEND_LABEL_PX + 1 for t in labels)


def test_a_long_scope_does_not_widen_the_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    w = MainWindow(AppState(load(_tracker(tmp_path, [LONG_SCOPE, "China", "global"]))))
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    pane = w.metrics_pane
    qtbot.waitUntil(lambda: len(pane.plot.marks.rows) == 3)
    qtbot.waitUntil(lambda: "WWW" in pane.legend.text())
    assert pane.legend.minimumSizeHint().width() < 640
    assert w.minimumSizeHint().width() <= 1280 and w.width() <= 1280
    w.close()


@pytest.mark.parametrize("scopes", [[LONG_SCOPE, "China"], [f"Scope {i}" for i in range(60)]])
def test_export_legend_stays_on_the_page(qapp, tmp_path, scopes):
    from nevroadmap.render.export import ExportRequest, render_image

    img = render_image(load(_tracker(tmp_path, scopes)), ExportRequest(width=1920, height=1080, metric="x"))
    w, h = img.width(), img.height()
    bg = QColor("#ffffff").rgb() & 0xFFFFFF
    # the page's right margin, below the lanes (the band, its legend, the page's legend): nothing drawn
    strip = np.array([[img.pixel(x, y) & 0xFFFFFF for x in range(w - 10, w)] for y in range(int(h * 0.6), h)])
    background = np.bincount(strip.ravel()).argmax()
    assert (strip == background).all(), f"ink in the right margin (background {background:06x}, white {bg:06x})"
