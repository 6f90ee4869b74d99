"""Readers and writers for formats other than our own YAML/JSON/TOML.

Each reader turns text into :class:`Converted`: the raw section dicts a data
file of our format would hold, the line of each record (and field) for
``file:line: message`` problems, and the problems found.  Qt-free; nothing
in a file is executed or fetched.

- :mod:`.detect` tells the formats apart by content;
- :mod:`.timelinejs` reads TimelineJS JSON and its spreadsheet-template CSV;
- :mod:`.csv_table` reads and writes our own CSV layouts (milestones, claims);
- :mod:`.plain_text` turns HTML into plain text.
"""

from nevroadmap.core.formats.result import Converted

__all__ = ["Converted"]
