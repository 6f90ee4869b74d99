"""Export to PNG, SVG and PDF: sizes, text, filters, errors that write nothing."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtGui

from nevroadmap.core.loader import load
from nevroadmap.render.export import ExportError, ExportRequest, export_roadmap

FIXTURES = Path(__file__).resolve().parent / "fixtures"

TWO_ORGS = """
sources:
  - {id: s1, title: Invented trade paper (fictional), publisher: Nobody Press (invented)}
areas:
  - {id: cells, name: Fictional cells, color: "#4e79a7"}
  - {id: chips, name: Fictional chips, color: "#e15759"}
technologies:
  - {id: tech-a, name: Fictional anode tech, area: cells}
  - {id: tech-b, name: Fictional chip tech, area: chips}
organizations:
  - {id: alpha, name: Alpha Motors (invented), kind: automaker}
  - {id: beta, name: Beta Cells (invented), kind: battery_maker}
milestones:
  - {id: m1, title: Alpha pilot line, technology: tech-a, organizations: [alpha], when: 2027, status: planned}
  - {id: m2, title: Beta sample cells, technology: tech-a, organizations: [beta], when: 2026-2028, status: announced}
  - {id: m3, title: Beta chip tapeout, technology: tech-b, organizations: [beta], when: by 2029, status: forecast}
claims:
  - {id: c1, statement: Alpha says so (invented)., organization: alpha, source: s1, supports: [m1]}
  - {id: c2, statement: Beta says so (invented)., organization: beta, source: s1, supports: [m2, m3]}
"""


@pytest.fixture
def data(tmp_path):
    p = tmp_path / "two.yaml"
    p.write_text(TWO_ORGS, encoding="utf-8")
    return p


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [("".join(el.itertext())).strip() for el in root.iter() if el.tag.endswith("text")]


def test_png_has_requested_size(qapp, data, tmp_path):
    rm = load(data)
    out = tmp_path / "big.png"
    export_roadmap(rm, out, ExportRequest(width=3840, height=2160))
    img = QtGui.QImage(str(out))
    assert (img.width(), img.height()) == (3840, 2160)


def test_svg_keeps_lane_names_title_and_labels_as_text(qapp, data, tmp_path):
    rm = load(data)
    out = tmp_path / "chart.svg"
    export_roadmap(rm, out, ExportRequest(title="Fictional <roadmap> & co"))
    texts = svg_texts(out)
    assert "Fictional <roadmap> & co" in texts  # escaped in XML, intact as text
    assert "Fictional anode tech" in texts and "Fictional chip tech" in texts
    assert "Alpha pilot line" in texts
    assert any(t.startswith("Source: Invented trade paper") for t in texts)
    assert "Achieved" in texts and "Forecast" in texts  # the legend


def test_pdf_has_header_title_and_selectable_text(qapp, data, tmp_path):
    rm = load(data)
    out = tmp_path / "chart.pdf"
    export_roadmap(rm, out, ExportRequest(title="Fictional PDF title", width=1600, height=900, dpi=150))
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF")
    m = re.search(rb"/Title \((.*?)\)\s*\n", raw, re.S)
    assert m and m.group(1).decode("utf-16") == "Fictional PDF title"
    assert b"/ToUnicode" in raw  # text is real, selectable text
    # page size follows width/height/dpi: 1600 px at 150 dpi = 768 pt
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", raw)
    assert box and float(box.group(1)) == pytest.approx(768, abs=1) and float(box.group(2)) == pytest.approx(432, abs=1)


@pytest.mark.parametrize("opts,message", [
    (ExportRequest(format="gif"), "unknown image format"),
    (ExportRequest(width=20001), "out of range"),
    (ExportRequest(height=8), "out of range"),
])
def test_bad_requests_raise_and_keep_the_existing_file(qapp, data, tmp_path, opts, message):
    rm = load(data)
    out = tmp_path / "keep.png"
    out.write_bytes(b"precious")
    with pytest.raises(ExportError, match=message):
        export_roadmap(rm, out, opts)
    assert out.read_bytes() == b"precious"


def test_missing_folder_and_unknown_suffix(qapp, data, tmp_path):
    rm = load(data)
    with pytest.raises(ExportError, match="does not exist"):
        export_roadmap(rm, tmp_path / "nope" / "x.png")
    with pytest.raises(ExportError, match="unknown image format"):
        export_roadmap(rm, tmp_path / "x.jpeg")
    assert list(tmp_path.iterdir()) == [data]


def test_failed_write_leaves_existing_file_intact(qapp, data, tmp_path, monkeypatch):
    rm = load(data)
    out = tmp_path / "keep.svg"
    out.write_text("old", encoding="utf-8")

    def full_disk(fd, data):  # what a full disk looks like: half the bytes, then ENOSPC
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("nevroadmap.core.atomic_file._write_all", full_disk)
    with pytest.raises(ExportError, match="cannot write"):
        export_roadmap(rm, out, ExportRequest())
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.svg", "two.yaml"]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "nevroadmap", "export", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_cli_filters_change_the_labels(data, tmp_path):
    out_a = tmp_path / "alpha.svg"
    r = run_cli(data, "-o", out_a, "--company", "Alpha Motors", "--title", "Alpha only")
    assert r.returncode == 0, r.stderr
    texts = svg_texts(out_a)
    assert "Alpha pilot line" in texts and "Beta sample cells" not in texts
    assert "Alpha only" in texts
    assert any("Companies: Alpha Motors (invented)" in t for t in texts)  # the filter line
    out_b = tmp_path / "chips.svg"
    r = run_cli(data, "-o", out_b, "--technology", "Fictional chip tech", "--theme", "dark", "--no-legend")
    assert r.returncode == 0, r.stderr
    texts = svg_texts(out_b)
    assert "Beta chip tapeout" in texts and "Alpha pilot line" not in texts
    assert "Achieved" not in texts


@pytest.mark.parametrize("args,needle", [
    (["-o", "{tmp}/x.bmp"], "unknown image format"),
    (["-o", "{tmp}/missing/x.png"], "does not exist"),
    (["-o", "{tmp}/x.png", "--width", "50000"], "out of range"),
    (["-o", "{tmp}/x.png", "--company", "Zeta Nonexistent"], "unknown company"),
    (["-o", "{tmp}/x.png", "--search", "qqqzzzxx"], "no milestones match"),
])
def test_cli_bad_requests_exit_2_and_write_nothing(data, tmp_path, args, needle):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    r = run_cli(data, *[a.format(tmp=out_dir) for a in args])
    assert r.returncode == 2
    assert needle in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert list(out_dir.iterdir()) == []


def test_cli_allow_empty_and_data_errors(tmp_path, data):
    out = tmp_path / "empty.png"
    r = run_cli(data, "-o", out, "--search", "qqqzzzxx", "--allow-empty")
    assert r.returncode == 0, r.stderr
    assert QtGui.QImage(str(out)).width() == 1920
    bad = tmp_path / "bad.yaml"
    bad.write_text("milestones:\n  - {id: m1, title: x, technology: nope, when: 2027, status: planned}\n", encoding="utf-8")
    r = run_cli(bad, "-o", tmp_path / "bad.png")
    assert r.returncode == 1
    assert "bad.yaml" in r.stderr and not (tmp_path / "bad.png").exists()


@pytest.mark.parametrize("where", ["render", "write"])
def test_interrupted_export_leaves_the_old_file_and_no_temp_file(qapp, data, tmp_path, monkeypatch, where):
    from nevroadmap.render import export as ex

    rm = load(data)
    out = tmp_path / "keep.png"
    out.write_bytes(b"old picture")

    def boom(*_a, **_k):
        raise KeyboardInterrupt  # the user pressed Ctrl+C

    if where == "render":
        monkeypatch.setattr(ex, "encode_png", boom)
    else:
        def interrupted(fd, data):
            os.write(fd, data[: len(data) // 2])  # half the bytes reach the temporary file
            boom()

        monkeypatch.setattr("nevroadmap.core.atomic_file._write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_roadmap(rm, out, ExportRequest())
    import gc

    gc.collect()
    assert out.read_bytes() == b"old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.png", "two.yaml"]


def test_unwritable_destination_is_a_clear_error(qapp, data, tmp_path):
    rm = load(data)
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(ExportError) as err:
        export_roadmap(rm, blocker / "x.png")
    assert "report.txt" in str(err.value)
    if os.geteuid() != 0:  # root writes anywhere, so a read-only folder only stops others
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        try:
            with pytest.raises(ExportError, match="cannot write|not writable"):
                export_roadmap(rm, ro / "x.png")
        finally:
            ro.chmod(0o700)
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_markup_in_data_and_title_stays_literal_text_in_svg(qapp, tmp_path):
    rm = load(FIXTURES / "gui_roadmap.yaml")
    out = tmp_path / "markup.svg"
    export_roadmap(rm, out, ExportRequest(width=2400, height=1600, title="<b>Board</b> & <script>x()</script>"))
    root = ET.parse(out).getroot()
    texts = [t for el in root.iter() if el.tag.endswith("text") for t in [("".join(el.itertext())).strip()] if t]
    assert "<b>Board</b> & <script>x()</script>" in texts
    assert any(t.startswith("<script>al") for t in texts), texts  # the label, maybe shortened
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert not tags & {"script", "b", "a", "foreignObject", "image"}


@pytest.mark.parametrize("dpi", [96, 150, 300])
def test_pdf_dpi_sets_the_page_size_not_the_drawing(qapp, data, tmp_path, dpi):
    rm = load(data)
    out = tmp_path / f"p{dpi}.pdf"
    export_roadmap(rm, out, ExportRequest(width=1920, height=1080, dpi=dpi))
    box = re.search(rb"MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", out.read_bytes())
    assert box, "no page box"
    w_pt, h_pt = float(box.group(1)), float(box.group(2))
    assert abs(w_pt - 1920 * 72 / dpi) < 1.5 and abs(h_pt - 1080 * 72 / dpi) < 1.5
