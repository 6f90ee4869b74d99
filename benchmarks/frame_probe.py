"""Probe: time of one pan/zoom step of the TimelineWidget until painted.

    .venv/bin/python benchmarks/frame_probe.py [N ...] [--steps 32] [--profile] [--theme dark]
        [--group technology|company] [--png OUT_PREFIX]

For each N: a fictional synthetic roadmap (``synthetic_roadmap(N, seed=1)``),
packed like the app packs it, shown in a 1920x1080 TimelineWidget (offscreen).
The scripted sequence zooms geometrically from the whole span to three
months around the data's median and back out (with a small pan each step),
``--steps`` steps in all (default: the 40-step sequence of bench.py); each step sets the new x range and renders the
widget into a 1920x1080 QImage.  Prints median / p90 / max per step and the
window width of the slowest steps; ``--profile`` adds a cProfile top list.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6 import QtGui, QtWidgets  # noqa: E402

from nevroadmap.core.layout import LayoutEngine  # noqa: E402
from nevroadmap.render.synthetic import synthetic_roadmap  # noqa: E402

LABEL_YEARS_PER_CHAR = 0.11  # as gui.state


def bench_sequence(lo: float, hi: float, center: float) -> list[tuple[float, float]]:
    """The sequence benchmarks/bench.py uses (15 steps in, 10 pans at 3 months, 15 out)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from bench import _zoom_sequence

    return _zoom_sequence(lo, hi, center)


def windows(lo: float, hi: float, center: float, steps: int) -> list[tuple[float, float]]:
    half = steps // 2
    w_max, w_min = hi - lo, 0.25
    out = []
    for k in range(half):
        f = k / max(half - 1, 1)
        w = w_max * (w_min / w_max) ** f
        c = lo + (hi - lo) / 2 + (center - (lo + hi) / 2) * f + 0.02 * w * (k % 3 - 1)  # drift + a little pan
        out.append((c - w / 2, c + w / 2))
    return out + out[::-1][: steps - half]


def run(n: int, steps: int, profile: bool, theme: str, group: str, png: str | None) -> list[float]:
    from nevroadmap.gui.timeline_widget import TimelineWidget

    rm = synthetic_roadmap(n, seed=1)
    lay = LayoutEngine(rm, LABEL_YEARS_PER_CHAR).layout(group)
    w = TimelineWidget(theme=theme)
    w.resize(1920, 1080)
    w.show()
    w.set_data(rm, lay)
    QtWidgets.QApplication.processEvents()
    w.fit_all()
    lo, hi = w.visible_range()
    import numpy as np

    center = float(np.median(lay.x0)) if len(lay) else (lo + hi) / 2
    seq = windows(lo, hi, center, steps) if steps else bench_sequence(lo, hi, center)
    app = QtWidgets.QApplication.instance()

    def step(t0, t1):  # as benchmarks/bench.py: set the range, let Qt paint, render into a fresh image
        w.set_visible_range(t0, t1)
        app.processEvents()
        img = QtGui.QImage(1920, 1080, QtGui.QImage.Format_ARGB32_Premultiplied)
        img.fill(0)
        w.render(img)
        return img

    for t0, t1 in seq[:3]:  # warm up caches
        step(t0, t1)
    times = []
    prof = cProfile.Profile() if profile else None
    for i, (t0, t1) in enumerate(seq):
        if prof:
            prof.enable()
        a = time.perf_counter()
        img = step(t0, t1)
        times.append((time.perf_counter() - a) * 1000)
        if prof:
            prof.disable()
        if png and i in (0, len(seq) // 4, len(seq) // 2 - 1):
            img.save(f"{png}-{n}-{i}.png")
    med = statistics.median(times)
    p90 = sorted(times)[int(0.9 * (len(times) - 1))]
    print(f"N={n:>7} rows={lay.n_rows:>6} steps={len(times)} median={med:6.2f} ms  p90={p90:6.2f} ms  max={max(times):6.2f} ms")
    worst = sorted(range(len(times)), key=lambda i: -times[i])[:4]
    print("   slowest: " + ", ".join(f"{times[i]:.1f} ms @ {seq[i][1] - seq[i][0]:.2f} y" for i in worst))
    per = sorted(zip([b - a for a, b in seq], times))
    print("   by width: " + ", ".join(f"{wd:.2g}y:{t:.1f}" for wd, t in per[:: max(1, len(per) // 10)]))
    if prof:
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
        print(s.getvalue())
    w.close()
    return times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="*", type=int, default=[10_000, 100_000])
    ap.add_argument("--steps", type=int, default=0, help="own zoom in/out sequence of this many steps (default: bench.py's)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--theme", default="light")
    ap.add_argument("--group", default="technology")
    ap.add_argument("--png", default=None, help="save a few frames as PREFIX-N-STEP.png")
    args = ap.parse_args(argv)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])  # noqa: F841
    for n in args.n:
        run(n, args.steps, args.profile, args.theme, args.group, args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
