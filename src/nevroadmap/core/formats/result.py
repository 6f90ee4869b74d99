"""What a format reader returns: our raw sections, their lines and the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Converted"]


@dataclass
class Converted:
    """One file read into our format.

    ``data`` holds the sections exactly as a YAML file of our format would
    (``{"milestones": [{...}], "technologies": [...], ...}``); ``lines`` maps a
    path such as ``("milestones", 3)`` or ``("milestones", 3, "when")`` to the
    line (from 1) it came from.  ``errors`` make the dataset unusable, like a
    YAML syntax error (they are listed together with the problems the loader
    finds in ``data``, so every problem shows at once); ``warnings`` name what
    was left out (an event whose date cannot be read) while the rest is used.
    Both are ``(line, message)``.
    """

    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    lines: dict[tuple, int] = field(default_factory=dict)
    name: str = ""
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, path: tuple) -> int:
        """The line of ``path``, or of its nearest enclosing path; 1 when unknown."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)
