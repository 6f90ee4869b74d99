"""``nevroadmap export``: write the roadmap as PNG, SVG or PDF without a display.

This module only turns options into an :class:`~nevroadmap.render.export.ExportRequest`
and calls :func:`~nevroadmap.render.export.export_roadmap`, the exporter the app uses too.

Exit status: 0 written; 1 the data cannot be loaded or the file cannot be
written; 2 a bad request (format, folder, size, an output that is a link, a
device or a FIFO, unknown name, a filter that matches nothing without
``--allow-empty``).  Nothing is written on error.
"""

from __future__ import annotations

import os
import sys

from nevroadmap.cli.common import fail, load_filtered
from nevroadmap.cli.parser import DEFAULT_DPI, DEFAULT_HEIGHT, DEFAULT_WIDTH
from nevroadmap.core.i18n import _, ngettext
from nevroadmap.core.safe_text import visible

__all__ = ["cmd_export", "request_from_args"]


def _headless_qt() -> None:
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import PySide6.QtWidgets  # noqa: F401  (before pyqtgraph, so it picks PySide6)
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def quiet(kind, _context, _message) -> None:  # Qt's own warnings would add lines to our one-line errors
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(f"Qt: {_message}", file=sys.stderr)

    qInstallMessageHandler(quiet)


def request_from_args(args):
    """The export request the options ask for (without data: mask and filter text come later)."""
    from nevroadmap.render.export import ExportRequest

    time_range = None
    if args.year_from is not None or args.year_to is not None:
        # a window in whole years: --to 2030 ends at the end of 2030; an open side comes from the data
        time_range = (float(args.year_from) if args.year_from is not None else None,
                      float(args.year_to + 1) if args.year_to is not None else None)
    return ExportRequest(
        width=args.width if args.width is not None else DEFAULT_WIDTH,
        height=args.height if args.height is not None else DEFAULT_HEIGHT,
        dpi=args.dpi if args.dpi is not None else DEFAULT_DPI,
        theme=args.theme, title=args.title, show_title=not args.no_title, show_legend=not args.no_legend,
        show_attribution=not args.no_attribution, group_by=args.group_by, time_range=time_range,
        metric=args.metric, footnotes=args.footnotes,
    )


def cmd_export(args) -> int:
    _headless_qt()
    from nevroadmap.core.query import FilterIndex
    from nevroadmap.render.export import ExportError, check_request, export_roadmap

    request = request_from_args(args)
    try:
        check_request(args.output, request)
    except ExportError as exc:
        return fail("export", str(exc), 2)
    loaded = load_filtered(args, "export")
    if isinstance(loaded, int):
        return loaded
    roadmap, flt = loaded
    if args.metric:  # a metric the data does not hold is a bad request, as in `claims --metric`
        from nevroadmap.core.claims import MetricNotFound, pick_metric

        try:
            pick_metric(roadmap, (), args.metric)
        except MetricNotFound as exc:
            return fail("export", str(exc), 2)
    mask = FilterIndex(roadmap).mask(flt)
    if not mask.any() and not args.allow_empty:
        return fail("export", _("no milestones match the filter; nothing written "
                                "(use --allow-empty to export an empty chart)"), 2)
    request = request.replace(mask=None if mask.all() else mask, filter_text=flt.describe(roadmap))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["nevroadmap"])  # noqa: F841 (must outlive the export)
    try:
        export_roadmap(roadmap, args.output, request)
    except ExportError as exc:
        return fail("export", str(exc), 1)
    n = int(mask.sum())
    try:  # the file is written: a report that cannot be shown (2>/dev/full) does not undo that
        print(ngettext("wrote {path} ({w}x{h}, {n} milestone)", "wrote {path} ({w}x{h}, {n} milestones)", n).format(
            path=visible(args.output), w=request.width, h=request.height, n=n), file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
    return 0
