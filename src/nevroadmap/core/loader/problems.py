"""What is wrong with a dataset: :class:`Problem`, :class:`RoadmapError` and the
shared wording helpers (a "did you mean" hint, the noun for one record)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Problem", "RoadmapError", "MAX_PROBLEMS", "suggest", "record_noun"]

MAX_PROBLEMS = 1000  # stop validating after this many (a junk file would give millions)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file, with where it is."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # about a whole file or folder
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class RoadmapError(Exception):
    """A dataset that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' * (n != 1)}:\n" + "\n".join(map(str, self.problems)))


def suggest(word: object, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or nothing."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_NOUNS = {"organizations": "organization", "people": "person", "technologies": "technology",
          "milestones": "milestone", "sources": "source", "areas": "area", "claims": "claim"}


def record_noun(section: str) -> str:
    """The word for one record of a section: ``people`` -> ``person``."""
    return _NOUNS.get(section, section[:-1])
