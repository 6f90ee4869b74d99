"""``nevroadmap list``: print the milestones that match a filter (table, CSV or JSON)."""

from __future__ import annotations

import json
import sys

from nevroadmap.cli.common import load_filtered
from nevroadmap.core.i18n import ngettext
from nevroadmap.core.milestone_rows import milestone_rows
from nevroadmap.core.safe_text import for_terminal, table_cell

__all__ = ["cmd_list", "milestone_rows"]


def _table(rows: list[dict]) -> str:
    cols = [("id", 28), ("title", 44), ("technology", 24), ("organizations", 22), ("when", 12), ("status", 9), ("claims", 30)]

    def cell(r: dict, key: str) -> str:
        v = r[key]
        if key == "organizations":
            v = ",".join(v)
        elif key == "claims":
            v = ",".join(c["id"] for c in v)
        return str(v)

    out = ["  ".join(k.upper().ljust(w) for k, w in cols).rstrip()]
    for r in rows:  # columns by display width (Chinese characters take two); a newline or ESC is shown escaped
        out.append("  ".join(table_cell(cell(r, k), w) for k, w in cols).rstrip())
    return "\n".join(out)


def cmd_list(args) -> int:
    from nevroadmap.core.query import apply_filter

    loaded = load_filtered(args, "list")
    if isinstance(loaded, int):
        return loaded
    roadmap, f = loaded
    shown = apply_filter(roadmap, f)
    rows = milestone_rows(roadmap, shown)
    if args.format == "json":
        print(for_terminal(json.dumps(rows, ensure_ascii=False, indent=2), "json"))
    elif args.format == "csv":  # our milestones layout (README "CSV in and out"): reads back as the same roadmap
        from nevroadmap.core.formats.csv_table import write_csv

        sys.stdout.write(for_terminal(write_csv(roadmap, shown), "csv"))
    else:
        print(for_terminal(_table(rows), "table"))
        total = len(roadmap.milestones)
        print(ngettext("{n} of {total} milestone", "{n} of {total} milestones", total).format(n=len(rows), total=total),
              file=sys.stderr)
    return 0
