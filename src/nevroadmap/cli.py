"""Command line: ``nevroadmap [PATH]`` opens the app; subcommands ``validate``,
``list`` and ``export`` work headless.

Qt is imported only inside the commands that need it, so ``validate`` and
``list`` start fast and run anywhere.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence

from nevroadmap import __version__

SUBCOMMANDS = ("validate", "list", "claims", "export", "gui")


def _add_filter_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filter (same meaning in list, export and the app)")
    g.add_argument("--company", action="append", default=[], metavar="X",
                   help="organization id or name (repeatable; any of them)")
    g.add_argument("--technology", action="append", default=[], metavar="Y",
                   help="technology or area id or name (repeatable; any of them)")
    g.add_argument("--status", action="append", default=[], metavar="S",
                   help="achieved, announced, planned or forecast (repeatable)")
    g.add_argument("--from", dest="year_from", type=int, metavar="YEAR", help="first year shown")
    g.add_argument("--to", dest="year_to", type=int, metavar="YEAR", help="last year shown")
    g.add_argument("--search", default="", metavar="TEXT",
                   help="words that must all appear in a milestone or its claims")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nevroadmap",
        description="NEV Roadmap: new-energy-vehicle technology roadmap built from attributed claims. "
                    "With no subcommand, opens the desktop app (on PATH, or the bundled dataset).",
    )
    parser.add_argument("--version", action="version", version=f"nevroadmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    g = sub.add_parser("gui", help="open the desktop app (the default)")
    g.add_argument("path", nargs="?", help="data file or folder (default: bundled dataset)")

    v = sub.add_parser("validate", help="check a data file or folder and report every problem")
    v.add_argument("path", nargs="?", help="data file or folder (default: bundled dataset)")

    ls = sub.add_parser("list", help="print the milestones that match a filter")
    ls.add_argument("path", nargs="?", help="data file or folder (default: bundled dataset)")
    _add_filter_options(ls)
    ls.add_argument("--format", choices=("table", "csv", "json"), default="table")

    from nevroadmap.claims_cli import add_parser as _add_claims_parser  # evidence (issue 10)

    _add_claims_parser(sub, _add_filter_options)

    ex = sub.add_parser("export", help="write the roadmap as PNG, SVG or PDF (no display needed)")
    ex.add_argument("path", nargs="?", help="data file or folder (default: bundled dataset)")
    ex.add_argument("-o", "--output", required=True, metavar="OUT", help="output file: .png, .svg or .pdf")
    ex.add_argument("--width", type=int, default=None, metavar="W", help="width in pixels (default 1920)")
    ex.add_argument("--height", type=int, default=None, metavar="H", help="height in pixels (default 1080)")
    ex.add_argument("--dpi", type=int, default=None, metavar="D", help="resolution for PDF/PNG metadata")
    ex.add_argument("--group-by", choices=("technology", "company"), default="technology")
    ex.add_argument("--title", default=None, metavar="TEXT")
    ex.add_argument("--theme", choices=("light", "dark"), default="light")
    ex.add_argument("--no-legend", action="store_true")
    ex.add_argument("--no-title", action="store_true")
    ex.add_argument("--no-attribution", action="store_true")
    ex.add_argument("--allow-empty", action="store_true", help="exit 0 even when the filter matches nothing")
    ex.add_argument("--metric", default=None, metavar="M",
                    help="add the metrics pane for metric M below the roadmap (as `claims --metric`)")
    ex.add_argument("--footnotes", action="store_true", help="list the sources behind the shown milestones, numbered")
    _add_filter_options(ex)
    return parser


def _load(path: str | None):
    from nevroadmap.core.loader import RoadmapError, load

    try:
        return load(path)
    except RoadmapError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        n = len(exc.problems)
        print(f"{n} problem{'s' * (n != 1)} found; nothing loaded", file=sys.stderr)
        return None


def filter_from_args(roadmap, args) -> "RoadmapFilter":  # noqa: F821
    """Build the shared filter from CLI options; raise UnknownNameError for unknown names."""
    from nevroadmap.core.query import RoadmapFilter, resolve_organizations, resolve_statuses, resolve_technologies

    return RoadmapFilter(
        organizations=resolve_organizations(roadmap, args.company),
        technologies=resolve_technologies(roadmap, args.technology),
        statuses=resolve_statuses(args.status),
        year_from=args.year_from,
        year_to=args.year_to,
        text=args.search,
    )


def _filter_error(exc: Exception) -> str:
    """One line for a filter that cannot be built (pydantic wraps the validator's words)."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        return "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors(include_url=False))
    return str(exc)


def cmd_validate(args) -> int:
    roadmap = _load(args.path)
    if roadmap is None:
        return 1
    print(f"OK: {roadmap.summary()}, {len(roadmap.people)} people, {len(roadmap.sources)} sources")
    return 0


def _milestone_rows(roadmap, milestones) -> list[dict]:
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


def load_filtered(args, command: str):
    """The dataset and the filter the options ask for, or the exit code when they cannot be had.

    Shared by ``list`` and ``export``: data problems exit 1, a bad filter exits 2.
    """
    from nevroadmap.core.query import UnknownNameError

    roadmap = _load(args.path)
    if roadmap is None:
        return 1
    try:
        return roadmap, filter_from_args(roadmap, args)
    except (UnknownNameError, ValueError) as exc:  # unknown names, --from after --to
        print(f"nevroadmap {command}: {_filter_error(exc)}", file=sys.stderr)
        return 2


def cmd_list(args) -> int:
    from nevroadmap.core.query import apply_filter

    loaded = load_filtered(args, "list")
    if isinstance(loaded, int):
        return loaded
    roadmap, f = loaded
    rows = _milestone_rows(roadmap, apply_filter(roadmap, f))
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
        print(f"{len(rows)} of {len(roadmap.milestones)} milestones", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    from nevroadmap.export_cli import run_export

    return run_export(args)


def cmd_claims(args) -> int:
    from nevroadmap.claims_cli import cmd_claims as run

    return run(args, load_filtered)


def cmd_gui(args) -> int:
    from nevroadmap.gui.app import run_app

    return run_app(args.path)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # "nevroadmap PATH" opens the app on PATH
    if argv and not argv[0].startswith("-") and argv[0] not in SUBCOMMANDS:
        argv = ["gui", *argv]
    if not argv:
        argv = ["gui"]
    args = parser.parse_args(argv)
    try:
        return {"validate": cmd_validate, "list": cmd_list, "claims": cmd_claims, "export": cmd_export, "gui": cmd_gui}[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
