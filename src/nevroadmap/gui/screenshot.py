"""Save a picture of the main window: ``python -m nevroadmap.gui.screenshot OUT.png [--theme dark] [--lang zh_CN]``.

Runs off-screen (no display needed) on the bundled dataset unless told
otherwise, with throw-away settings so the user's window layout is neither
used nor changed.  Used for docs/screenshot.png, docs/screenshot-dark.png and
(``--lang zh_CN``) docs/screenshot-zh_CN.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile


def _pick_milestone(roadmap) -> str | None:
    """A milestone worth showing in the details panel: a quoted, attributed claim."""
    best, best_score = None, -1
    for m in roadmap.milestones:
        claims = roadmap.claims_for(m.id)
        score = sum(2 * bool(c.quote) + 2 * bool(c.speaker) + bool(c.said) for c in claims) + len(m.metrics)
        if score > best_score:
            best, best_score = m.id, score
    return best


def _size(text: str) -> tuple[int, int]:
    """``1600x1000`` -> (1600, 1000); argparse turns the ValueError into a usage error."""
    w, sep, h = text.lower().partition("x")
    if not (sep and w.isascii() and w.isdigit() and h.isascii() and h.isdigit() and len(w) <= 5 and len(h) <= 5
            and 200 <= int(w) <= 10000 and 200 <= int(h) <= 10000):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, each 200-10000 (such as 1600x1000), not {text!r}")
    return int(w), int(h)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m nevroadmap.gui.screenshot", description=__doc__.splitlines()[0])
    ap.add_argument("output", help="PNG file to write")
    ap.add_argument("--theme", choices=("light", "dark"), default="light")
    ap.add_argument("--data", default=None, help="data file or folder (default: bundled dataset)")
    ap.add_argument("--size", type=_size, default="1600x1000", help="window size WxH (default 1600x1000)")
    ap.add_argument("--select", default=None, help="milestone id to show in the details panel")
    ap.add_argument("--group-by", choices=("technology", "company"), default="technology")
    ap.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="interface language (default en)")
    args = ap.parse_args(argv)
    w, h = args.size
    from nevroadmap.core.atomic_file import ExportError, check_output_path

    try:  # a link, FIFO or folder in the output's place is refused before any work
        check_output_path(args.output)
    except ExportError as exc:
        print(f"cannot write: {exc}", file=sys.stderr)
        return 1

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    tmp = tempfile.TemporaryDirectory(prefix="nevroadmap-shot-")
    os.environ["NEVROADMAP_SETTINGS_DIR"] = tmp.name

    from nevroadmap.gui.app import build_main_window, make_application

    app = make_application()
    from nevroadmap.gui.language import apply_language

    apply_language(args.lang)
    window = build_main_window(args.data, theme=args.theme, fallback=False, background=False)
    window.state.set_group_by(args.group_by)
    window.resize(w, h)
    window.show()
    for _ in range(3):
        app.processEvents()
    sel = args.select or _pick_milestone(window.state.roadmap)
    if sel:
        window.state.select_milestone(sel)
    for _ in range(3):
        app.processEvents()
    from nevroadmap.render.output import encode_png, write_atomic

    image = window.grab().toImage()
    window.close()
    tmp.cleanup()
    try:  # all or nothing, never through a link (the atomic writer)
        write_atomic(args.output, encode_png(image))
    except ExportError as exc:
        print(f"cannot write: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
