"""The examples in the README's "CSV in and out" and "TimelineJS import" sections
open as they say (docs that cannot rot silently)."""

import re
from pathlib import Path

from nevroadmap.core.loader import load

README = Path(__file__).resolve().parent.parent / "README.md"
SECTIONS = {"csv": "### CSV in and out\n", "json": "### TimelineJS import\n"}


def example(lang: str) -> str:
    """The first ``lang`` code block of the README section that documents it."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTIONS[lang]):]
    section = section[:section.index("\n## ")]  # up to the next top-level section
    return re.search(rf"```{lang}\n(.*?)```", section, re.S).group(1)


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
