"""``nevroadmap export``: write the roadmap as PNG, SVG or PDF without a display.

Exit status: 0 written; 1 the data cannot be loaded or the file cannot be
written; 2 a bad request (format, folder, size, unknown name, a filter that
matches nothing without ``--allow-empty``).  Nothing is written on error.
"""

from __future__ import annotations

import os
import sys

__all__ = ["run_export"]

DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_DPI = 1920, 1080, 96


def _fail(message: str, code: int) -> int:
    print(f"nevroadmap export: {message}", file=sys.stderr)
    return code


def run_export(args) -> int:
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import PySide6.QtWidgets  # noqa: F401  (before pyqtgraph, so it picks PySide6)

    from nevroadmap.cli import load_filtered
    from nevroadmap.core.layout import LayoutEngine
    from nevroadmap.core.query import FilterIndex
    from nevroadmap.render.export import ExportError, ExportOptions, check_request, export_roadmap, label_years_per_char

    opts = ExportOptions(
        width=args.width if args.width is not None else DEFAULT_WIDTH,
        height=args.height if args.height is not None else DEFAULT_HEIGHT,
        dpi=args.dpi if args.dpi is not None else DEFAULT_DPI,
        theme=args.theme, title=args.title, show_title=not args.no_title, show_legend=not args.no_legend,
        show_attribution=not args.no_attribution, group_by=args.group_by,
    )
    try:
        check_request(args.output, opts)
    except ExportError as exc:
        return _fail(str(exc), 2)
    loaded = load_filtered(args, "export")
    if isinstance(loaded, int):
        return loaded
    roadmap, flt = loaded
    mask = FilterIndex(roadmap).mask(flt)
    if not mask.any() and not args.allow_empty:
        return _fail("no milestones match the filter; nothing written (use --allow-empty to export an empty chart)", 2)
    opts.filter_text = flt.describe(roadmap)
    if args.year_from is not None or args.year_to is not None:
        lo = float(args.year_from) if args.year_from is not None else None
        hi = float(args.year_to + 1) if args.year_to is not None else None
        opts.time_range = (lo, hi)  # open sides are filled from the data below

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["nevroadmap"])  # noqa: F841 (must outlive the export)
    probe = LayoutEngine(roadmap).layout(args.group_by, None if mask.all() else mask)
    lo, hi = probe.x_range
    if opts.time_range is not None:
        t0, t1 = opts.time_range
        # an open side comes from the data, but never crosses the side that was given
        t0 = t0 if t0 is not None else min(lo - 0.3, t1 - 5.0)
        t1 = t1 if t1 is not None else max(hi + 0.3, t0 + 5.0)
        opts.time_range = (t0, t1)
        lo, hi = opts.time_range
    scale = min(max(min(opts.width / 1920, opts.height / 1080), 0.7), 12.0)
    plot_w = opts.width / scale * 0.78
    engine = LayoutEngine(roadmap, label_years_per_char(hi - lo, plot_w))
    layout = engine.layout(args.group_by, None if mask.all() else mask)
    try:
        if getattr(args, "metric", None) or getattr(args, "footnotes", False):  # issue 10: pane, footnotes
            from nevroadmap.render.evidence_export import export_evidence

            metric = None
            if args.metric:
                from nevroadmap.claims_cli import metric_rows
                from nevroadmap.core.claims import claim_rows
                from nevroadmap.core.query import apply_filter

                picked = metric_rows(roadmap, claim_rows(roadmap, apply_filter(roadmap, flt)), args.metric, "export")
                if isinstance(picked, int):
                    return picked
                metric = picked
            export_evidence(roadmap, layout, args.output, opts, metric=metric, footnotes=args.footnotes)
        else:
            export_roadmap(roadmap, layout, args.output, opts)
    except ExportError as exc:
        return _fail(str(exc), 1)
    n = int(mask.sum())
    print(f"wrote {args.output} ({opts.width}x{opts.height}, {n} milestone{'s' * (n != 1)})", file=sys.stderr)
    return 0
