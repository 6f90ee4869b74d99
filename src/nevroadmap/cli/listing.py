"""``nevroadmap list``: print the milestones that match a filter (table, CSV or JSON)."""

from __future__ import annotations

import csv
import io
import json
import sys

from nevroadmap.cli.common import load_filtered
from nevroadmap.core.i18n import ngettext

__all__ = ["cmd_list", "milestone_rows"]


def milestone_rows(roadmap, milestones) -> list[dict]:
    from nevroadmap.core.claims import named_metric

    rows = []
    for m in milestones:
        claims = roadmap.claims_for(m.id)
        rows.append({
            "id": m.id,
            "title": m.title,
            "technology": m.technology,
            "technology_name": roadmap.tech_name(m.technology),
            "organizations": list(m.organizations),
            "when": str(m.when),
            "status": m.status.value,
            "metrics": [named_metric(x) for x in m.metrics],  # named: "NEV sales over 12,800,000 units (China)"
            "claims": [
                {
                    "id": c.id,
                    "statement": c.statement,
                    "quote": c.quote,
                    "speaker": roadmap.person_by_id[c.speaker].name if c.speaker in roadmap.person_by_id else None,
                    "organization": roadmap.claim_organization(c),
                    "said": str(c.said) if c.said else None,
                    "source": c.source,
                    "source_url": roadmap.source_by_id[c.source].url if c.source in roadmap.source_by_id else None,
                }
                for c in claims
            ],
        })
    return rows


def _table(rows: list[dict]) -> str:
    cols = [("id", 28), ("title", 44), ("technology", 24), ("organizations", 22), ("when", 12), ("status", 9), ("claims", 30)]

    def cell(r: dict, key: str) -> str:
        v = r[key]
        if key == "organizations":
            v = ",".join(v)
        elif key == "claims":
            v = ",".join(c["id"] for c in v)
        return str(v)

    def fit(s: str, w: int) -> str:
        return s if len(s) <= w else s[: w - 1] + "…"

    out = ["  ".join(k.upper().ljust(w) for k, w in cols).rstrip()]
    for r in rows:
        out.append("  ".join(fit(cell(r, k), w).ljust(w) for k, w in cols).rstrip())
    return "\n".join(out)


def cmd_list(args) -> int:
    from nevroadmap.core.query import apply_filter

    loaded = load_filtered(args, "list")
    if isinstance(loaded, int):
        return loaded
    roadmap, f = loaded
    rows = milestone_rows(roadmap, apply_filter(roadmap, f))
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["id", "title", "technology", "organizations", "when", "status", "metrics", "claims"])
        for r in rows:
            w.writerow([r["id"], r["title"], r["technology"], ";".join(r["organizations"]), r["when"],
                        r["status"], ";".join(r["metrics"]), ";".join(c["id"] for c in r["claims"])])
        sys.stdout.write(buf.getvalue())
    else:
        print(_table(rows))
        total = len(roadmap.milestones)
        print(ngettext("{n} of {total} milestone", "{n} of {total} milestones", total).format(n=len(rows), total=total),
              file=sys.stderr)
    return 0
