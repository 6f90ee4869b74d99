"""The date grammar: every form people write in roadmaps, its meaning, its canonical text, its errors."""

from datetime import date

import pytest

from nevroadmap.core.dates import DateSyntaxError, parse_when

D = date

# text -> (start, end, precision, open_start, open_end, approximate, x0, x1)
FORMS = {
    "2027": (D(2027, 1, 1), D(2027, 12, 31), "year", False, False, False, 2027.0, 2028.0),
    "2025-2027": (D(2025, 1, 1), D(2027, 12, 31), "year", False, False, False, 2025.0, 2028.0),
    "2030+": (D(2030, 1, 1), None, "year", False, True, False, 2030.0, 2031.0),
    "2026-2030+": (D(2026, 1, 1), None, "year", False, True, False, 2026.0, 2031.0),
    "by 2026": (None, D(2026, 12, 31), "year", True, False, False, 2027.0, 2027.0),
    "before 2026": (None, D(2025, 12, 31), "year", True, False, False, 2026.0, 2026.0),
    "after 2030": (D(2031, 1, 1), None, "year", False, True, False, 2031.0, 2031.0),
    "~2027": (D(2027, 1, 1), D(2027, 12, 31), "year", False, False, True, 2027.0, 2028.0),
    "H1 2025": (D(2025, 1, 1), D(2025, 6, 30), "half", False, False, False, 2025.0, 2025 + 181 / 365),
    "Q3 2026": (D(2026, 7, 1), D(2026, 9, 30), "quarter", False, False, False, 2026 + 181 / 365, 2026 + 273 / 365),
    "2025-09": (D(2025, 9, 1), D(2025, 9, 30), "month", False, False, False, 2025 + 243 / 365, 2025 + 273 / 365),
    "2025-09-28": (D(2025, 9, 28), D(2025, 9, 28), "day", False, False, False, 2025 + 270 / 365, 2025 + 271 / 365),
    "2030-2035": (D(2030, 1, 1), D(2035, 12, 31), "year", False, False, False, 2030.0, 2036.0),
    "2025-09 to 2026-03": (D(2025, 9, 1), D(2026, 3, 31), "month", False, False, False, 2025 + 243 / 365, 2026 + 90 / 365),
    "~by 2026": (None, D(2026, 12, 31), "year", True, False, True, 2027.0, 2027.0),
    "Q3 2026 to 2027": (D(2026, 7, 1), D(2027, 12, 31), "quarter", False, False, False, 2026 + 181 / 365, 2028.0),
    "2024-02-29": (D(2024, 2, 29), D(2024, 2, 29), "day", False, False, False, 2024 + 59 / 366, 2024 + 60 / 366),
}


@pytest.mark.parametrize("text", FORMS)
def test_every_form_parses_with_the_right_meaning(text):
    start, end, precision, open_start, open_end, approx, x0, x1 = FORMS[text]
    s = parse_when(text)
    assert (s.start, s.end) == (start, end)
    assert s.precision == precision
    assert (s.open_start, s.open_end, s.approximate) == (open_start, open_end, approx)
    assert s.is_deadline == open_start
    assert s.x0 == pytest.approx(x0) and s.x1 == pytest.approx(x1)
    assert s.x0 <= s.x1


@pytest.mark.parametrize("text", FORMS)
def test_canonical_text_round_trips(text):
    assert str(parse_when(text)) == text
    assert parse_when(str(parse_when(text))) == parse_when(text)


@pytest.mark.parametrize("written, canonical", [
    ("2025 - 2027", "2025-2027"), ("2025\u20132027", "2025-2027"), ("q3 2026", "Q3 2026"), ("2026Q3", "Q3 2026"),
    ("2025-9", "2025-09"), ("ca. 2027", "~2027"), ("circa 2027", "~2027"), ("  by   2026 ", "by 2026"),
    ("Q1 2026 - Q3 2026", "Q1 2026 to Q3 2026"), ("2025-09-28 to 2025-09-28", "2025-09-28"), ("BY 2026", "by 2026"),
])
def test_other_spellings_read_as_the_canonical_form(written, canonical):
    assert str(parse_when(written)) == canonical


def test_range_and_open_flags():
    assert parse_when("2025-2027").is_range and not parse_when("2027").is_range
    assert parse_when("before 2026").exclusive and not parse_when("by 2026").exclusive
    assert parse_when("after 2030").exclusive and not parse_when("2030+").exclusive


@pytest.mark.parametrize("text, reason", [
    ("2025-13", "month 13 does not exist"),
    ("2025-00", "month 0 does not exist"),
    ("2025-09-40", "day 40 does not exist in 2025-09"),
    ("2025-02-30", "day 30 does not exist in 2025-02"),
    ("2025-02-29", "day 29 does not exist in 2025-02"),  # not a leap year
    ("0099", "year 0099 is outside 1800-2200"),
    ("99999", "year 99999 is not a four-digit year"),
    ("27", "year 27 is not a four-digit year"),
    ("2027-2026", "the end (2026) is before the start (2027)"),
    ("2026-03 to 2025-09", "the end (2025-09) is before the start (2026-03)"),
    ("Q3 2026 to Q1 2026", "the end (Q1 2026) is before the start (Q3 2026)"),
    ("", "the date is empty"),
    ("   ", "the date is empty"),
])
def test_impossible_dates_are_refused_with_the_reason(text, reason):
    with pytest.raises(DateSyntaxError) as info:
        parse_when(text)
    msg = str(info.value)
    assert repr(text) in msg and reason in msg
    assert info.value.text == text


@pytest.mark.parametrize("text", [
    "soon", "H3 2025", "Q5 2026", "2025 to", "by 2025-2027", "after 2030+", "2030++", "2025-2026-2027",
    "2025/09", "next year", "20270", "Q3", "~", "2025 to 2026 to 2027", "1e3",
])
def test_bad_text_names_the_text_and_what_was_expected(text):
    with pytest.raises(DateSyntaxError) as info:
        parse_when(text)
    msg = str(info.value)
    assert repr(text) in msg
    assert "expected a date such as" in msg or "year" in msg


def test_non_text_is_refused():
    with pytest.raises(DateSyntaxError, match="must be text"):
        parse_when(2027)  # the model converts ints; the parser itself wants text


def test_a_huge_bad_date_gives_a_short_message():
    text = "2027 " * 100_000
    with pytest.raises(DateSyntaxError) as info:
        parse_when(text)
    msg = str(info.value)
    assert len(msg) < 400 and "(and 499,940 more characters)" in msg and info.value.text == text
