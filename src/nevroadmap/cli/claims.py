"""``nevroadmap claims``: the claims behind the roadmap, one row per claimed figure or date.

``--metric`` narrows to one metric (``"NEV penetration rate"`` takes every
scope; ``"NEV penetration rate (%) - China"`` one); the usual filters narrow
the milestones first.  The comparison columns (speaker, title, organization,
said, claimed, for, scope, source) are the ones the app's comparison view
shows, from one rule in :mod:`nevroadmap.core.claims`.
"""

from __future__ import annotations

import json
import sys

from nevroadmap.cli.common import fail, load_filtered
from nevroadmap.core.i18n import _, join, ngettext
from nevroadmap.core.safe_text import for_terminal, table_cell  # terminal columns: CJK characters take two

__all__ = ["cmd_claims"]


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
        "said_text": cells["said"] if r.said else None,  # the table's, in the current language (not in JSON/CSV)
        "source": r.source,
        "source_url": r.source_url,
        "locator": r.locator,
        "value_differs": c.value_differs,
        "scope_differs": c.scope_differs,
    }


def _csv_text(value) -> str:
    return "" if value is None else str(value)


def _headers() -> dict[str, str]:
    """The table's column headers, in the current language (JSON and CSV keep their English keys)."""
    return {"for": _("FOR"), "claimed": _("CLAIMED"), "scope": _("SCOPE"), "kind": _("KIND"), "speaker": _("SPEAKER"),
            "organization_name": _("ORGANIZATION"), "said": _("SAID"), "differs": _("DIFFERS")}


def _table(rows: list[dict]) -> str:
    cols = [("for", 11), ("claimed", 34), ("scope", 8), ("kind", 8), ("speaker", 29), ("organization_name", 22),
            ("said", 14), ("differs", 11)]
    kinds = {"achieved": _("achieved"), "forecast": _("forecast")}

    def cell(r: dict, key: str) -> str:
        if key == "differs":
            return join(w for w, on in ((_("value"), r["value_differs"]), (_("scope"), r["scope_differs"])) if on)
        if key == "speaker":
            return r["speaker"] or (r["voice"] if not r["organization_name"] else "")
        if key == "kind":
            return kinds.get(r["kind"], r["kind"])
        if key == "said":
            return r["said_text"] or ""
        return "" if r[key] is None else str(r[key])

    heads = _headers()
    out = ["  ".join(table_cell(heads[k], w) for k, w in cols).rstrip()]
    for r in rows:  # a newline or ESC in data is shown escaped: it never forges a row
        out.append("  ".join(table_cell(cell(r, k), w) for k, w in cols).rstrip())
    return "\n".join(out)


def cmd_claims(args) -> int:
    from nevroadmap.core.claims import MetricNotFound, claim_rows, comparison, pick_metric
    from nevroadmap.core.query import apply_filter

    loaded = load_filtered(args, "claims")
    if isinstance(loaded, int):
        return loaded
    roadmap, f = loaded
    rows = claim_rows(roadmap, apply_filter(roadmap, f), with_dates=args.all_claims and not args.metric)
    if args.metric:
        try:
            rows = pick_metric(roadmap, rows, args.metric)[1]
        except MetricNotFound as exc:
            return fail("claims", str(exc), 2)
    out = [_record(c) for c in comparison(rows)]
    if args.format == "json":
        for r in out:
            r.pop("said_text", None)
        print(for_terminal(json.dumps(out, ensure_ascii=False, indent=2), "json"))
    elif args.format == "csv":  # the CSV writer of our layouts: formulas neutralised
        from nevroadmap.core.formats.csv_cells import write_rows

        for r in out:
            r.pop("said_text", None)
        head = list(out[0]) if out else ["claim"]
        cells = [[_csv_text(r[k]) for k in head] for r in out]
        sys.stdout.write(for_terminal(write_rows([head, *cells]), "csv"))
    else:
        print(for_terminal(_table(out), "table"))
        print(ngettext("{n} claimed figure", "{n} claimed figures", len(out)).format(n=len(out)), file=sys.stderr)
    return 0
