"""What is wrong with a dataset: :class:`Problem`, :class:`RoadmapError` and the
shared wording helpers (a "did you mean" hint, the noun for one record)."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from nevroadmap.core.i18n import _, ngettext
from nevroadmap.core.safe_text import MESSAGE_LIMIT, quoted, visible

__all__ = ["Problem", "RoadmapError", "MAX_PROBLEMS", "suggest", "record_noun", "stop_problem", "quoted", "Candidates"]

MAX_PROBLEMS = 1000  # stop validating after this many (a junk file would give millions)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file, with where it is."""

    file: str
    line: int
    message: str

    def __post_init__(self) -> None:
        # one place for every problem: control characters shown as escapes, the length capped,
        # so a file name or a quoted value can neither forge a line nor flood the terminal
        object.__setattr__(self, "file", visible(self.file, 300))
        object.__setattr__(self, "message", visible(self.message, MESSAGE_LIMIT))

    def __str__(self) -> str:
        if self.line <= 0:  # about a whole file or folder
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class RoadmapError(Exception):
    """A dataset that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
        n = len(self.problems)
        stop = _stop_message()
        self.truncated = any(p.line == 0 and p.message == stop for p in self.problems)
        head = ngettext("{n} problem", "{n} problems", n).format(n=n)
        super().__init__(head + ":\n" + "\n".join(map(str, self.problems)))


_TRUNCATED = "stopped after {n} problems; fix these and validate again"


def _stop_message() -> str:
    return _(_TRUNCATED).format(n=MAX_PROBLEMS)


def stop_problem(root: str) -> Problem:
    """The last problem of a list cut at :data:`MAX_PROBLEMS`."""
    return Problem(root, 0, _stop_message())


SUGGEST_WORD_LIMIT = 100  # longer words get no suggestion (difflib is quadratic in length)
SUGGEST_CANDIDATES = 200  # at most this many choices are compared with one word


class Candidates:
    """Choices for "did you mean", indexed so one word is compared with at most
    :data:`SUGGEST_CANDIDATES` of them: a small set is compared whole; a big one
    only with the choices next to the word in sorted order (the longest shared
    beginnings) and in the order of reversed spelling (the longest shared endings),
    so a typo anywhere but at both ends at once still finds its match."""

    compared = 0  # comparisons made, all instances (tests count them)

    def __init__(self, choices: Iterable[str]) -> None:
        self.all = sorted(c for c in choices if isinstance(c, str) and len(c) <= SUGGEST_WORD_LIMIT)
        self.small = len(self.all) <= SUGGEST_CANDIDATES
        if not self.small:  # neighbours in order share a beginning; in reversed order, an ending
            self.backwards = sorted(c[::-1] for c in self.all)

    def near(self, word: str) -> list[str]:
        """The choices sharing the longest beginnings and endings with ``word``."""
        if self.small:
            return self.all
        half = SUGGEST_CANDIDATES // 4
        i = bisect.bisect_left(self.all, word)
        j = bisect.bisect_left(self.backwards, word[::-1])
        out = dict.fromkeys(self.all[max(0, i - half):i + half])
        out.update(dict.fromkeys(c[::-1] for c in self.backwards[max(0, j - half):j + half]))
        return list(out)


def suggest(word: object, choices: Iterable[str] | Candidates) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or nothing.

    Bounded: a word over :data:`SUGGEST_WORD_LIMIT` characters gets nothing, and
    at most :data:`SUGGEST_CANDIDATES` choices are compared with it (pass a
    :class:`Candidates` built once when asking about many words)."""
    word = str(word)
    if len(word) > SUGGEST_WORD_LIMIT:
        return ""
    pool = (choices if isinstance(choices, Candidates) else Candidates(choices)).near(word)
    Candidates.compared += len(pool)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return _(" (did you mean {name}?)").format(name=quoted(close[0])) if close else ""


_NOUNS = {"organizations": "organization", "people": "person", "technologies": "technology",
          "milestones": "milestone", "sources": "source", "areas": "area", "claims": "claim"}


def record_noun(section: str) -> str:
    """The word for one record of a section: ``people`` -> ``person``."""
    return _NOUNS.get(section, section[:-1])
