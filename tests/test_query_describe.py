"""The filter line names a whole area by its name, and single technologies by theirs."""

from nevroadmap.core.query import RoadmapFilter


def test_a_whole_area_is_named_by_its_name(bundled):
    batteries = [t.id for t in bundled.technologies if t.area == "batteries"]
    assert len(batteries) > 1
    assert RoadmapFilter(technologies=batteries).describe(bundled) == "Technologies: Batteries"
    one = batteries[0]
    assert RoadmapFilter(technologies=[one]).describe(bundled) == f"Technologies: {bundled.tech_name(one)}"
    other = next(t.id for t in bundled.technologies if t.area != "batteries")
    line = RoadmapFilter(technologies=[*batteries, other]).describe(bundled)
    assert line == f"Technologies: Batteries, {bundled.tech_name(other)}"
