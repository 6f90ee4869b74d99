"""The README's data-format example is a valid dataset (docs that cannot rot silently)."""

import re
from pathlib import Path

from nevroadmap.core.loader import load

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_yaml_example_loads(tmp_path):
    text = README.read_text(encoding="utf-8")
    section = text.split("### Data format", 1)[1]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    p = tmp_path / "example.yaml"
    p.write_text(example, encoding="utf-8")
    rm = load(p)
    (m,) = rm.milestones
    assert str(m.when) == "2026-2030+"
    assert [str(x) for x in m.metrics] == ["over 400 Wh/kg", "over 70% (China)"]
    assert rm.claims_for(m.id)[0].quote == "We start in 2026."
