"""One page at every size: pixel density is a painter scale, the axis lines up with the bars,
the dialog and the CLI write the same SVG, and an export writes only the file it names."""

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6 import QtCore, QtGui
from PySide6.QtWidgets import QApplication, QMessageBox

from nevroadmap.render.export import ExportError, ExportRequest, export_roadmap, pack_page, render_image
from nevroadmap.render.page import page_geometry

PLAIN = dict(show_title=False, show_legend=False, show_attribution=False)


def pixels(img: QtGui.QImage) -> np.ndarray:
    img = img.convertToFormat(QtGui.QImage.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).astype(np.int16)


def difference(a: QtGui.QImage, b: QtGui.QImage, size=(480, 270), tile=15) -> tuple[float, float]:
    """(mean, worst tile mean) absolute difference per channel (0-255) of both images scaled to ``size``.

    Text drawn at another resolution differs pixel by pixel in its antialiasing (a mean of ~3 at full
    size for the same picture); scaled to a quarter that noise averages out, and a misplaced or
    resized element still stands out in its tile."""
    a, b = (pixels(x.scaled(*size, QtCore.Qt.IgnoreAspectRatio, QtCore.Qt.SmoothTransformation)) for x in (a, b))
    d = np.abs(a - b).mean(axis=2)
    h, w = (d.shape[0] // tile) * tile, (d.shape[1] // tile) * tile
    tiles = d[:h, :w].reshape(h // tile, tile, w // tile, tile).mean(axis=(1, 3))
    return float(d.mean()), float(tiles.max())


# -- density ----------------------------------------------------------------------------
def test_page_geometry_density_is_a_scale_of_the_same_page():
    one, two, big96 = page_geometry(1920, 1080, 96), page_geometry(3840, 2160, 192), page_geometry(3840, 2160, 96)
    assert (one.layout_w, one.layout_h, one.scale) == (1920, 1080, 1)
    assert (two.layout_w, two.layout_h, two.scale) == (1920, 1080, 2)
    assert (big96.layout_w, big96.layout_h, big96.scale) == (1920, 1080, 2)  # text keeps its share of the page
    a4 = page_geometry(2246, 1588, 192)  # A4 landscape at 2x: text shrinks at most to MIN_ZOOM
    assert a4.density == 2 and a4.zoom == pytest.approx(0.7)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_4k_at_192_dpi_is_the_full_hd_picture_sharper(qapp, bundled, theme):
    one = render_image(bundled, ExportRequest(width=1920, height=1080, dpi=96, theme=theme))
    two = render_image(bundled, ExportRequest(width=3840, height=2160, dpi=192, theme=theme))
    assert (two.width(), two.height()) == (3840, 2160)
    # measured (light): mean 1.2, worst tile 7.0; the old exporter drew the 192-dpi axis labels 2x large
    # and off their ticks: mean 1.6, worst tile 16
    mean, worst = difference(one, two)
    assert mean < 1.45 and worst < 10, (mean, worst)
    # 96 dpi at 4K is the same picture at 2x too (its text is not tiny), pixel for pixel
    big96 = render_image(bundled, ExportRequest(width=3840, height=2160, dpi=96, theme=theme))
    assert float(np.abs(pixels(big96) - pixels(two)).mean()) < 0.05
    # and a different picture is far: the guard is not trivially true
    other = render_image(bundled, ExportRequest(width=1920, height=1080, dpi=96, theme=theme, group_by="company"))
    mean, worst = difference(one, other)
    assert mean > 2 and worst > 20, (mean, worst)


def _clusters(cols: np.ndarray, gap: int) -> list[tuple[int, int]]:
    xs = np.flatnonzero(cols)
    if not len(xs):
        return []
    out, start = [], xs[0]
    for a, b in zip(xs[:-1], xs[1:]):
        if b - a > gap:
            out.append((int(start), int(a)))
            start = b
    out.append((int(start), int(xs[-1])))
    return out


@pytest.mark.parametrize("scale", [1, 2])
def test_year_tick_lines_up_with_a_milestone_of_that_year(qapp, bundled, scale):
    """The "2027" label and the "2028" label frame the BYD 2027 milestone (drawn mid-year) at its centre."""
    ids = [m.id for m in bundled.milestones]
    target = ids.index("byd-solid-state-small-scale-2027")
    mask = np.zeros(len(ids), bool)
    mask[target] = True
    req = ExportRequest(width=700 * scale, height=300 * scale, dpi=96 * scale, mask=mask,
                        time_range=(2023.5, 2031.5), **PLAIN)
    img = pixels(render_image(bundled, req))
    layout, _ = pack_page(bundled, req)
    assert QtGui.QColor(layout.colors[int(layout.color[0])]).hue() in range(190, 230)  # a blue lane
    h, w, _c = img.shape
    left = int(w * 0.19)  # right of the lane-name column
    # the diamond: the only blue pixels in the plot (grid and text are grey, "today" is red)
    near = img[:, :, 2] - img[:, :, 0] > 40
    near[:, :left] = False
    ys, xs = np.nonzero(near)
    assert len(xs), "the milestone is drawn"
    row = near[int(np.median(ys))]
    marker_x = (np.flatnonzero(row).min() + np.flatnonzero(row).max()) / 2
    # the top axis labels: dark text in the band above the first row; one cluster per year 2024..2031
    band = img[: int(ys.min()) - 6 * scale]
    text = (band.sum(axis=2) < 3 * 170).any(axis=0)
    text[:left] = False
    labels = _clusters(text, gap=6 * scale)
    assert len(labels) == 8, labels
    centres = [(a + b) / 2 for a, b in labels]
    assert abs((centres[3] + centres[4]) / 2 - marker_x) <= 2 * scale
    # the label is as large as on a 1x page, times the scale
    assert 15 * scale <= labels[3][1] - labels[3][0] <= 26 * scale


# -- same export from the dialog and the CLI ---------------------------------------------
def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [t for el in root.iter() if el.tag.endswith("text") for t in [("".join(el.itertext())).strip()] if t]


def test_dialog_and_cli_write_the_same_svg(qtbot, tmp_path, monkeypatch):
    from nevroadmap.cli import main
    from nevroadmap.core.loader import load
    from nevroadmap.gui.export_dialog import ExportDialog
    from nevroadmap.gui.state import AppState

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.IniFormat)
    rm = load()
    state = AppState(rm)
    state.update_filter(text="solid-state")
    dlg = ExportDialog(state, settings, (2025.0, 2030.0), "dark")
    qtbot.addWidget(dlg)
    dlg.format.setCurrentIndex(dlg.format.findData("svg"))
    dlg.preset.setCurrentIndex(dlg.preset.findData("fhd"))
    dlg.scale.setCurrentIndex(dlg.scale.findData(2))
    dlg.range_all.setChecked(True)
    dlg.title.setText("Fictional board slide")
    gui_out = tmp_path / "gui.svg"
    dlg.path.setText(str(gui_out))
    assert dlg.do_export(), dlg.error.text()
    cli_out = tmp_path / "cli.svg"
    assert main(["export", "-o", str(cli_out), "--search", "solid-state", "--theme", "dark", "--width", "3840",
                 "--height", "2160", "--dpi", "192", "--title", "Fictional board slide"]) == 0
    gui_texts, cli_texts = svg_texts(gui_out), svg_texts(cli_out)
    assert gui_texts == cli_texts
    assert "Fictional board slide" in gui_texts and any("solid-state" in t for t in gui_texts)
    assert "2027" in gui_texts  # the axis


def test_dialog_shows_ranges_as_dates_and_a_preview(qtbot, tmp_path):
    from nevroadmap.core.loader import load
    from nevroadmap.gui.export_dialog import ExportDialog, format_range
    from nevroadmap.gui.state import AppState

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.IniFormat)
    dlg = ExportDialog(AppState(load()), settings, (2024.2, 2031.95))
    qtbot.addWidget(dlg)
    english = QtCore.QLocale(QtCore.QLocale.English, QtCore.QLocale.UnitedStates)
    assert format_range(2024.2, 2031.95, english) == "Mar 2024 – Dec 2031"
    assert format_range(2024.2, 2031.95) in dlg.range_visible.text()  # in the user's language
    whole = dlg.range_all.text()
    assert "–" in whole and not re.search(r"\d{4}\.\d", whole) and re.search(r"\d{4} – .+ \d{4}", whole)
    pm = dlg.preview.pixmap()
    assert pm is not None and not pm.isNull() and pm.width() <= 360
    first = pm.toImage()
    dlg.theme_box.setCurrentIndex(dlg.theme_box.findData("dark"))
    qtbot.waitUntil(lambda: dlg.preview.pixmap().toImage() != first)
    dlg.scale.setCurrentIndex(dlg.scale.findData(3))
    assert "5760 × 3240 px" in dlg.pixels.text()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_dialog_asks_before_replacing_a_file(qtbot, tmp_path, answer):
    from nevroadmap.core.loader import load
    from nevroadmap.gui.export_dialog import ExportDialog
    from nevroadmap.gui.state import AppState

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.IniFormat)
    dlg = ExportDialog(AppState(load()), settings, None)
    qtbot.addWidget(dlg)
    out = tmp_path / "old.png"
    out.write_bytes(b"precious")
    dlg.path.setText(str(out))
    asked = []

    def reply():
        box = dlg.overwrite_box
        if box is None:  # not open yet
            QtCore.QTimer.singleShot(10, reply)
            return
        asked.append(box.text())
        box.button(answer).click()

    QtCore.QTimer.singleShot(0, reply)
    done = dlg.do_export()
    assert asked and "old.png" in asked[0]
    if answer == QMessageBox.StandardButton.No:
        assert not done and out.read_bytes() == b"precious"
    else:
        assert done and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- writing only the file it names --------------------------------------------------------
def test_cli_refuses_links_and_fifos_and_writes_nothing(tmp_path, capsys):
    from nevroadmap.cli import main

    target = tmp_path / "target.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "chart.png"
    link.symlink_to(target)
    assert main(["export", "-o", str(link)]) == 2
    err = capsys.readouterr().err
    assert "symbolic link" in err and len(err.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "keep me" and link.is_symlink()
    dangling = tmp_path / "dangling.svg"
    dangling.symlink_to(tmp_path / "nowhere.svg")
    assert main(["export", "-o", str(dangling)]) == 2
    assert not (tmp_path / "nowhere.svg").exists() and dangling.is_symlink()
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    assert main(["export", "-o", str(fifo)]) == 2  # would block forever if it were opened
    assert "FIFO" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png", "dangling.svg", "pipe.png", "target.txt"]


def test_device_output_is_refused(qapp, bundled):
    with pytest.raises(ExportError, match="device"):
        export_roadmap(bundled, "/dev/null", ExportRequest(format="png"))


def test_a_link_swapped_in_after_the_check_is_replaced_not_followed(qapp, bundled, tmp_path, monkeypatch):
    from nevroadmap.core import atomic_file as output

    target = tmp_path / "target.txt"
    target.write_text("keep me", encoding="utf-8")
    out = tmp_path / "x.svg"
    real = output._write_all

    def swap(fd, data):  # another process puts a link where the file will go
        out.symlink_to(target)
        real(fd, data)

    monkeypatch.setattr("nevroadmap.core.atomic_file._write_all", swap)
    export_roadmap(bundled, out, ExportRequest(width=400, height=300))
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not out.is_symlink() and out.read_bytes().lstrip().startswith(b"<?xml")


def test_huge_images_are_refused_up_front(qapp, bundled, tmp_path, capsys):
    from nevroadmap.cli import main

    out = tmp_path / "huge.png"
    assert main(["export", "-o", str(out), "--width", "20000", "--height", "20000", "--dpi", "288"]) == 2
    err = capsys.readouterr().err
    assert "too large" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    with pytest.raises(ExportError, match="too large"):
        render_image(bundled, ExportRequest(width=20000, height=20000, dpi=288))
    # a vector file of that size is fine: no raster is made
    export_roadmap(bundled, tmp_path / "huge.svg", ExportRequest(width=20000, height=20000, dpi=288, **PLAIN))


def test_new_files_get_usual_permissions_and_replaced_files_keep_theirs(qapp, bundled, tmp_path):
    out = tmp_path / "x.svg"
    export_roadmap(bundled, out, ExportRequest(width=400, height=300, **PLAIN))
    umask = os.umask(0)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == (0o666 & ~umask)
    out.chmod(0o640)
    export_roadmap(bundled, out, ExportRequest(width=400, height=300, **PLAIN))
    assert (out.stat().st_mode & 0o777) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_copy_image_uses_the_exporter(qapp, tmp_path):
    from nevroadmap.core.loader import load
    from nevroadmap.gui.export_dialog import render_image as copy_picture
    from nevroadmap.gui.state import AppState

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.IniFormat)
    settings.setValue("export/scale", 2)
    state = AppState(load())
    img = copy_picture(state, settings, (2024.0, 2032.0), "light")
    assert (img.width(), img.height()) == (3840, 2160)
    same = render_image(state.roadmap, ExportRequest(width=3840, height=2160, dpi=192, time_range=(2024.0, 2032.0)))
    assert float(np.abs(pixels(img) - pixels(same)).mean()) < 0.05
    assert QApplication.instance() is not None


def test_the_apps_layout_is_reused_only_for_exactly_the_shown_milestones_too_many_to_label(qapp, bundled, monkeypatch):
    from nevroadmap.core.layout import LayoutEngine
    from nevroadmap.render import page_layout as ex

    app_layout = LayoutEngine(bundled, 0.11).layout("technology")
    req = ExportRequest()
    assert pack_page(bundled, req, app_layout)[0] is not app_layout  # few milestones: the page packs its own
    monkeypatch.setattr(ex, "REPACK_LIMIT", 10)
    layout, (t0, t1) = pack_page(bundled, req, app_layout)
    assert layout is app_layout and t0 < 2025 < 2030 < t1
    mask = np.ones(len(bundled.milestones), bool)
    mask[0] = False
    assert pack_page(bundled, req.replace(mask=mask), app_layout)[0] is not app_layout  # another set
    assert pack_page(bundled, req.replace(group_by="company"), app_layout)[0] is not app_layout


def test_a_remembered_4k_preset_becomes_the_slide_at_2x(qapp, tmp_path):
    from nevroadmap.gui.export_dialog import ExportChoices

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.IniFormat)
    settings.setValue("export/preset", "4k")
    c = ExportChoices.load(settings)
    assert (c.preset, c.scale, c.size()) == ("fhd", 2, (3840, 2160, 192))


def test_a_typed_file_suffix_chooses_the_format(qtbot, tmp_path):
    """Typing x.svg while PNG is chosen writes an SVG named x.svg (it wrote x.svg.png)."""
    from nevroadmap.core.loader import load
    from nevroadmap.gui.export_dialog import ExportDialog
    from nevroadmap.gui.state import AppState

    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.IniFormat)
    dlg = ExportDialog(AppState(load()), settings, (2025.0, 2030.0), "light")
    qtbot.addWidget(dlg)
    dlg.format.setCurrentIndex(dlg.format.findData("png"))
    dlg.path.clear()
    qtbot.keyClicks(dlg.path, str(tmp_path / "typed.svg"))  # as a user types it
    assert dlg.format.currentData() == "svg"
    assert dlg.do_export(), dlg.error.text()
    out = tmp_path / "typed.svg"
    assert out.is_file() and not (tmp_path / "typed.svg.png").exists()
    assert out.read_bytes().lstrip().startswith(b"<?xml") or b"<svg" in out.read_bytes()[:500]
    dlg2 = ExportDialog(AppState(load()), settings, (2025.0, 2030.0), "light")
    qtbot.addWidget(dlg2)
    dlg2.format.setCurrentIndex(dlg2.format.findData("png"))
    dlg2.path.setText(str(tmp_path / "set.pdf"))  # set, not typed: the export still follows the name
    assert dlg2.do_export(), dlg2.error.text()
    assert (tmp_path / "set.pdf").read_bytes().startswith(b"%PDF")
