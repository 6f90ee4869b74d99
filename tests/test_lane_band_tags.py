"""A small area's name (its band too short for the rotated name) is written once, beside the area's
first lane and on that lane's first row, not on every lane or on a second sub-row."""

import xml.etree.ElementTree as ET

from nevroadmap.render.export import ExportRequest, export_roadmap


def _texts(path) -> list[tuple[str, float]]:
    root = ET.parse(path).getroot()
    return [("".join(el.itertext()).strip(), float(el.get("y", "nan"))) for el in root.iter()
            if el.tag.endswith("text") and "".join(el.itertext()).strip()]


def test_small_area_names_are_written_once_on_the_first_lane_row(qapp, bundled, tmp_path):
    out = tmp_path / "r.svg"
    export_roadmap(bundled, out, ExportRequest(width=1600, height=900, show_legend=False, show_attribution=False))
    texts = _texts(out)
    names = [t for t, _y in texts]
    software = [bundled.tech_name(t.id) for t in bundled.technologies if t.area == "software"]
    assert len(software) >= 2 and names.count("Software & AI") == 1  # three lanes, one tag
    assert names.count("Chassis") == 1
    y_tag = next(y for t, y in texts if t == "Software & AI")
    first_lane = next(t for t, _y in texts if t in software)
    assert y_tag == next(y for t, y in texts if t == first_lane)  # the first lane's first row
