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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m nevroadmap.gui.screenshot", description=__doc__.splitlines()[0])
    ap.add_argument("output", help="PNG file to write")
    ap.add_argument("--theme", choices=("light", "dark"), default="light")
    ap.add_argument("--data", default=None, help="data file or folder (default: bundled dataset)")
    ap.add_argument("--size", default="1600x1000", help="window size WxH (default 1600x1000)")
    ap.add_argument("--select", default=None, help="milestone id to show in the details panel")
    ap.add_argument("--group-by", choices=("technology", "company"), default="technology")
    ap.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="interface language (default en)")
    args = ap.parse_args(argv)
    w, h = (int(x) for x in args.size.lower().split("x"))

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
    ok = window.grab().save(args.output)
    window.close()
    tmp.cleanup()
    if not ok:
        print(f"cannot write {args.output}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
