"""The examples in docs/data-import.md open as they say (docs that cannot rot silently)."""

import re
from pathlib import Path

from nevroadmap.core.loader import load

DOC = Path(__file__).resolve().parent.parent / "docs" / "data-import.md"


def example(lang: str) -> str:
    return re.search(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)


def test_csv_example_opens(tmp_path):
    p = tmp_path / "sheet.csv"
    p.write_text(example("csv"), encoding="utf-8")
    rm = load(p)
    assert [(m.title, str(m.when), m.status.value) for m in rm.milestones] == [
        ("Solid-state pilot line", "2027", "planned"), ("Megawatt chargers on highways", "2025-2030+", "forecast")]
    assert [str(x) for x in rm.milestones[0].metrics] == ["over 400 Wh/kg"]
    assert [rm.org_name(o) for o in rm.milestones[1].organizations] == ["Nowhere Charging (example)",
                                                                       "Fictional Motors (example)"]


def test_timelinejs_example_opens_as_described(tmp_path):
    p = tmp_path / "timeline.json"
    p.write_text(example("json"), encoding="utf-8")
    rm = load(p)
    assert rm.name == "Fictional Motors (example) timeline" and rm.warnings == ()
    a, b = rm.milestones
    assert (str(a.when), rm.tech_name(a.technology), a.title) == (
        "2026-03", "Batteries", "Fictional Motors (example) opens a pilot line")
    assert a.description == "Invented & announced at the show (https://example.org)."
    assert rm.source_by_id[rm.claims_for(a.id)[0].source].url == "https://example.org/photo.jpg"
    assert (str(b.when), rm.tech_name(b.technology)) == ("2027-2030", "Autonomy")
    assert [e.name for e in rm.eras] == ["Scale-up"]
