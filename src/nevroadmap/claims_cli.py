"""``nevroadmap claims``: the claims behind the roadmap, one row per claimed figure or date.

``--metric`` narrows to one metric (``"NEV penetration rate"`` takes every
scope; ``"NEV penetration rate (%) - China"`` one); the usual filters narrow
the milestones first.  The comparison columns (speaker, title, organization,
said, claimed, for, scope, source) are the ones the app's comparison view
shows, from one rule in :mod:`nevroadmap.core.claims`.  Messages are plain
English (no ``core.i18n`` helper on this branch).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

__all__ = ["add_parser", "cmd_claims", "metric_rows"]


def add_parser(sub, add_filter_options) -> argparse.ArgumentParser:
    c = sub.add_parser("claims", help="list the claims with their values, units, bounds, scope, speaker and source")
    c.add_argument("path", nargs="?", help="data file or folder (default: bundled dataset)")
    c.add_argument("--metric", default=None, metavar="M",
                   help='a metric by name, e.g. "energy density" or "NEV penetration rate (%%) - China"')
    c.add_argument("--all-claims", action="store_true",
                   help="also list claims that give a date but no figure (without --metric)")
    add_filter_options(c)
    c.add_argument("--format", choices=("table", "csv", "json"), default="table")
    return c


def _record(c) -> dict:
    from nevroadmap.core.claims import comparison_cells

    r = c.row
    cells = comparison_cells(c)
    return {
        "claim": r.claim.id if r.claim is not None else None,
        "milestone": r.milestone.id,
        "metric": r.metric.name if r.metric is not None else None,
        "value": r.value,
        "value_max": r.value_max,
        "unit": r.unit or None,
        "bound": r.bound if r.metric is not None else None,
        "hedge": r.hedge,
        "scope": r.scope,
        "claimed": cells["claimed"],
        "for": cells["for"],
        "kind": r.kind,
        "speaker": r.speaker,
        "title": r.speaker_title,
        "organization": r.organization,
        "organization_name": r.organization_name,
        "voice": r.voice,
        "said": str(r.said) if r.said else None,
        "source": r.source,
        "source_url": r.source_url,
        "locator": r.locator,
        "value_differs": c.value_differs,
        "scope_differs": c.scope_differs,
    }


def _table(rows: list[dict]) -> str:
    cols = [("for", 11), ("claimed", 34), ("scope", 8), ("kind", 8), ("speaker", 29), ("organization_name", 22),
            ("said", 10), ("differs", 11)]

    def cell(r: dict, key: str) -> str:
        if key == "differs":
            return ",".join(w for w, on in (("value", r["value_differs"]), ("scope", r["scope_differs"])) if on)
        if key == "speaker":
            return r["speaker"] or (r["voice"] if not r["organization_name"] else "")
        return "" if r[key] is None else str(r[key])

    def fit(s: str, w: int) -> str:
        return s if len(s) <= w else s[: w - 1] + "…"

    heads = {"organization_name": "ORGANIZATION"}
    out = ["  ".join(heads.get(k, k.upper()).ljust(w) for k, w in cols).rstrip()]
    for r in rows:
        out.append("  ".join(fit(cell(r, k), w).ljust(w) for k, w in cols).rstrip())
    return "\n".join(out)


def metric_rows(roadmap, rows, text: str, command: str):
    """(key, rows of that metric) for ``--metric TEXT``, or exit code 2 with a message saying why not.

    A name takes every scope of the metric; a full label ("... (%) - China") one scope.
    """
    from nevroadmap.core.claims import claim_rows, find_metric, metric_keys, rows_for_metric

    every = claim_rows(roadmap)
    keys = find_metric(every, text)
    names = {k.all_scopes() for k in keys}
    if not keys:
        known = "; ".join(k.label() for k, _ in metric_keys(every))
        print(f"nevroadmap {command}: no metric matches {text!r}; the data holds: {known}", file=sys.stderr)
        return 2
    if len(names) > 1:
        print(f"nevroadmap {command}: {text!r} matches several metrics: "
              f"{'; '.join(sorted(k.label() for k in names))}", file=sys.stderr)
        return 2
    picked: list = []
    seen: set[int] = set()
    for k in keys:
        for r in rows_for_metric(rows, k):
            if id(r) not in seen:
                seen.add(id(r))
                picked.append(r)
    key = keys[0] if len(keys) == 1 else keys[0].all_scopes()
    return key, picked


def cmd_claims(args, load_filtered) -> int:
    from nevroadmap.core.claims import claim_rows, comparison
    from nevroadmap.core.query import apply_filter

    loaded = load_filtered(args, "claims")
    if isinstance(loaded, int):
        return loaded
    roadmap, f = loaded
    rows = claim_rows(roadmap, apply_filter(roadmap, f), with_dates=args.all_claims and not args.metric)
    if args.metric:
        picked = metric_rows(roadmap, rows, args.metric, "claims")
        if isinstance(picked, int):
            return picked
        rows = picked[1]
    out = [_record(c) for c in comparison(rows)]
    if args.format == "json":
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(out[0]) if out else ["claim"], lineterminator="\n")
        w.writeheader()
        w.writerows(out)
        sys.stdout.write(buf.getvalue())
    else:
        print(_table(out))
        print(f"{len(out)} claimed figure{'s' * (len(out) != 1)}", file=sys.stderr)
    return 0
