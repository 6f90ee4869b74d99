"""Probe: the index-and-pack part of opening a tracker, without Qt.

    .venv/bin/python benchmarks/layout_probe.py [N ...] [--reps 9] [--profile]

For each N: the benchmark's generated dataset (``bench.dataset(N)``, fictional,
seeded), loaded once; then, ``--reps`` times, a fresh ``LayoutEngine`` at the
app's label width packs both groupings and the renderer's row index is built
for the technology layout.  Prints medians of wall and CPU time per step (CPU
time is steadier on a shared machine); ``--profile`` adds a cProfile top list.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

LABEL_YEARS_PER_CHAR = 0.11  # as gui.state


def probe(n: int, reps: int, profile: bool) -> None:
    import bench

    from nevroadmap.core.layout import LayoutEngine
    from nevroadmap.core.loader import load
    from nevroadmap.render.row_index import RowIndex

    roadmap = load(bench.dataset(n))
    roadmap.milestone_organizations  # noqa: B018 - built once per roadmap (the filter index needs it too)
    steps = ("engine", "technology", "company", "row_index", "total")
    wall: dict[str, list[float]] = {k: [] for k in steps}
    cpu: dict[str, list[float]] = {k: [] for k in steps}
    prof = cProfile.Profile() if profile else None
    for _ in range(reps):
        marks = [(time.perf_counter(), time.process_time())]
        if prof:
            prof.enable()
        engine = LayoutEngine(roadmap, LABEL_YEARS_PER_CHAR)
        marks.append((time.perf_counter(), time.process_time()))
        tech = engine.full("technology")
        marks.append((time.perf_counter(), time.process_time()))
        engine.full("company")
        marks.append((time.perf_counter(), time.process_time()))
        RowIndex(tech)
        marks.append((time.perf_counter(), time.process_time()))
        if prof:
            prof.disable()
        for k, (a, b) in zip(steps, zip(marks, marks[1:])):
            wall[k].append(b[0] - a[0])
            cpu[k].append(b[1] - a[1])
        wall["total"].append(marks[-1][0] - marks[0][0])
        cpu["total"].append(marks[-1][1] - marks[0][1])
    print(f"N={n} reps={reps}   median wall / cpu, seconds")
    for k in steps:
        print(f"  {k:<11} {statistics.median(wall[k]):7.3f} / {statistics.median(cpu[k]):7.3f}")
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(15)
        print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100_000])
    ap.add_argument("--reps", type=int, default=9)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    for n in args.sizes:
        probe(n, args.reps, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
