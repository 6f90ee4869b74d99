"""NEV Roadmap performance benchmark (headless).

    python benchmarks/bench.py [--sizes 1000,10000,100000] [--json OUT.json]

Prints one table (figure | N | median | target | ok) and, with ``--json``,
writes the same figures.  Every measurement that depends on process state
runs in a fresh subprocess (startup, memory, load); the GUI figures of one
size share one subprocess.  Datasets come from ``benchmarks/generate.py``
(seeded, fictional) and are cached in ``benchmarks/.data/``.

Figures (see benchmarks/README.md for the exact protocol):
  load_s[N]           load() of a generated JSON file, fresh process
  first_paint_s       process start -> main window painted with the bundled data
  bare_pyqtgraph_s    process start -> bare QMainWindow + empty PlotWidget painted
  startup_ratio       first_paint_s / bare_pyqtgraph_s
  frame_ms[N]         one pan/zoom step of a 1920x1080 TimelineWidget until painted (one paint)
  frame_bare_pyqtgraph_ms[N]  the same steps on an empty PlotWidget (the floor; same process)
  filter_ms[N]        filter change -> mask -> layout -> set_data -> painted
  export_png_s[N]     3840x2160 PNG of the whole roadmap (export_roadmap)
  matplotlib_png_s[N] the same bars with matplotlib (one broken_barh per lane, Agg)
  export_ratio[N]     matplotlib_png_s / export_png_s
  peak_rss_mb[N]      peak RSS of a process that loads N milestones and shows them
  open_s[N]           File > Open in a shown window: from the request to the first frame painted
                      with the N milestones (load + prepare + first paint), fresh process
  open_cpu_s[N]       the CPU time (all threads) of that wait: the figure to read on a busy machine

A piece that is not available (e.g. no exporter yet) is reported as n/a.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA_DIR = HERE / ".data"
SEED = 7

# figure -> (N it applies to or None for all/none, comparison, limit)
TARGETS: dict[str, tuple[int | None, str, float]] = {
    "load_s": (100_000, "<=", 2.0),
    "frame_ms@100000": (100_000, "<=", 16.0),
    "frame_ms@10000": (10_000, "<=", 8.0),
    "filter_ms": (100_000, "<=", 50.0),
    "export_png_s": (100_000, "<=", 0.5),
    "export_ratio": (100_000, ">=", 5.0),
    "startup_ratio": (None, "<=", 1.25),
    "peak_rss_mb": (100_000, "<=", 500.0),
    "open_s": (100_000, "<=", 2.0),
}


# -- helpers ---------------------------------------------------------------------
def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYQTGRAPH_QT_LIB"] = "PySide6"
    env.setdefault("MPLBACKEND", "Agg")
    # settings and logs of the app under test go to a throwaway place
    tmp = Path(tempfile.gettempdir()) / "nevroadmap-bench-home"
    tmp.mkdir(exist_ok=True)
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["XDG_DATA_HOME"] = str(tmp / "data")
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    src = str(REPO / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _run_worker(kind: str, *args: str, timeout: float = 900) -> dict:
    """Run ``bench.py --worker kind args`` and return its last JSON line (or an error)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, *args]
    t0 = time.time()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_child_env())
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    for line in reversed(r.stdout.splitlines()):
        if line.startswith("{"):
            out = json.loads(line)
            out.setdefault("_spawned_at", t0)
            return out
    err = (r.stderr.strip().splitlines() or ["no output"])[-1]
    return {"error": f"worker {kind} failed (exit {r.returncode}): {err}"}


def _tune_gc_as_the_entry_point_does() -> None:
    """Workers run the app's code as ``nevroadmap`` runs it: with the process settings its main() makes."""
    try:
        from nevroadmap.runtime import start_up
    except ImportError:  # an older tree
        try:
            from nevroadmap.runtime import tune_gc_for_big_datasets as start_up
        except ImportError:  # older still: the loader tuned the GC itself
            return
    start_up()


def dataset(n: int) -> Path:
    """The generated dataset of ``n`` milestones (cached)."""
    DATA_DIR.mkdir(exist_ok=True)
    p = DATA_DIR / f"synthetic-{n}-seed{SEED}.json"
    if not p.exists():
        sys.path.insert(0, str(HERE))
        import generate

        generate.write(n, p, SEED)
    return p


def machine_info() -> dict:
    info: dict = {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        info["nproc"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    code = ("import json, PySide6, pyqtgraph, pydantic, numpy\n"
            "out = {'qt': PySide6.QtCore.qVersion(), 'pyside6': PySide6.__version__, 'pyqtgraph': pyqtgraph.__version__,"
            " 'pydantic': pydantic.VERSION, 'numpy': numpy.__version__}\n"
            "try:\n import matplotlib; out['matplotlib'] = matplotlib.__version__\nexcept ImportError: pass\n"
            "print(json.dumps(out))")
    try:
        r = subprocess.run([sys.executable, "-c", "import PySide6.QtCore\n" + code], capture_output=True, text=True,
                           timeout=60, env=_child_env())
        info.update(json.loads(r.stdout.strip().splitlines()[-1]))
    except Exception as exc:  # noqa: BLE001 - informational only
        info["versions_error"] = str(exc)
    return info


def _median(xs: list[float]) -> float | None:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# -- workers (run in subprocesses) ------------------------------------------------
def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KB on Linux


def worker_load(path: str) -> dict:
    from nevroadmap.core.loader import load

    t = time.perf_counter()
    rm = load(path)
    dt = time.perf_counter() - t
    return {"load_s": dt, "milestones": len(rm.milestones), "claims": len(rm.claims), "rss_mb": _rss_mb()}


def _paint_waiter(app, ready):
    """An event filter that quits the app just after the first paint for which ``ready()`` holds."""
    from PySide6 import QtCore

    class Waiter(QtCore.QObject):
        done_at: float | None = None

        def eventFilter(self, obj, ev):  # noqa: N802 - Qt override
            if ev.type() == QtCore.QEvent.Paint and self.done_at is None and ready():
                self.done_at = -1.0
                QtCore.QTimer.singleShot(0, self._finish)  # after the whole repaint pass
            return False

        def _finish(self):
            self.done_at = time.time()
            self.cpu_at = time.process_time()
            app.quit()

    w = Waiter()
    app.installEventFilter(w)
    return w


def worker_startup_bare() -> dict:
    from PySide6 import QtCore, QtWidgets
    import pyqtgraph as pg

    app = QtWidgets.QApplication([sys.argv[0]])
    win = QtWidgets.QMainWindow()
    win.setCentralWidget(pg.PlotWidget())
    win.resize(1280, 800)
    waiter = _paint_waiter(app, lambda: True)
    QtCore.QTimer.singleShot(60_000, app.quit)
    win.show()
    app.exec()
    return {"painted_at": waiter.done_at, "cpu_s": getattr(waiter, "cpu_at", None)}


def worker_startup_app() -> dict:
    """``nevroadmap`` on the bundled dataset (gui.app.start_gui, as run_app calls it, without
    reopening the last dataset); done at the first paint once it is loaded."""
    # imported in the entry point's order (nevroadmap.cli -> gui.app.run_app): the app's module first,
    # PySide6 by make_application()
    import nevroadmap.gui.app as gui_app

    if hasattr(gui_app, "start_gui"):
        app, window = gui_app.start_gui(None, reopen=False)  # the bundled dataset, not the last one opened
    else:  # an older tree
        app = gui_app.make_application()
        window = gui_app.build_main_window(None, reopen=False)
        window.show()
    from PySide6 import QtCore

    def ready() -> bool:
        loading = window.is_loading() if hasattr(window, "is_loading") else False
        return not loading and len(window.state.roadmap.milestones) > 0

    waiter = _paint_waiter(app, ready)  # before the event loop, which paints the shown window
    QtCore.QTimer.singleShot(60_000, app.quit)
    app.exec()
    return {"painted_at": waiter.done_at, "cpu_s": getattr(waiter, "cpu_at", None),
            "milestones": len(window.state.roadmap.milestones)}


def worker_rss(path: str) -> dict:
    """Load ``path`` and show it in the main window (as the app does), then report peak RSS."""
    from PySide6 import QtCore

    from nevroadmap.gui.app import build_main_window, make_application

    app = make_application()
    t = time.perf_counter()
    window = build_main_window(path, background=False)
    window.resize(1920, 1080)
    waiter = _paint_waiter(app, lambda: True)
    QtCore.QTimer.singleShot(120_000, app.quit)
    window.show()
    app.exec()
    return {"peak_rss_mb": _rss_mb(), "shown_s": time.perf_counter() - t, "painted": waiter.done_at is not None,
            "milestones": len(window.state.roadmap.milestones)}


def worker_open(path: str) -> dict:
    """Open ``path`` in a shown, painted, empty main window as File > Open does (worker thread).

    Timed from the request to the end of the first repaint pass that shows the
    loaded milestones; wall and CPU time of the whole process (both threads).
    """
    from PySide6 import QtCore

    from nevroadmap.gui.app import make_application
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    app = make_application()
    window = MainWindow(AppState())
    window.resize(1920, 1080)
    window.show()
    for _ in range(5):  # the empty window is painted and settled before the clock starts
        app.processEvents()
    marks: dict = {}
    window.state.sigRoadmapChanged.connect(
        lambda: marks.setdefault("loaded_at", (time.perf_counter(), time.process_time())))

    def ready() -> bool:
        return not window.is_loading() and len(window.state.roadmap.milestones) > 0

    waiter = _paint_waiter(app, ready)
    QtCore.QTimer.singleShot(300_000, app.quit)
    t0, c0 = time.perf_counter(), time.process_time()
    w0 = time.time()
    window.open_path(path)
    app.exec()
    if waiter.done_at is None or waiter.done_at < 0:
        return {"error": "the opened dataset was never painted"}
    return {"open_s": waiter.done_at - w0, "open_cpu_s": waiter.cpu_at - c0,
            "until_loaded_s": marks.get("loaded_at", (t0, c0))[0] - t0,
            "until_loaded_cpu_s": marks.get("loaded_at", (t0, c0))[1] - c0,
            "milestones": len(window.state.roadmap.milestones), "rss_mb": _rss_mb()}


def _zoom_sequence(lo: float, hi: float, center: float, steps_in: int = 15, pans: int = 10) -> list[tuple[float, float]]:
    """Whole span -> 3 months (geometric), pan at 3 months, and back out: 2*steps_in + pans steps."""
    full, narrow = hi - lo, 0.25
    seq = []
    for k in range(1, steps_in + 1):
        w = full * (narrow / full) ** (k / steps_in)
        c = lo + full / 2 + (center - lo - full / 2) * (k / steps_in)
        seq.append((c - w / 2, c + w / 2))
    c = center
    for _ in range(pans):
        c += narrow * 0.4
        seq.append((c - narrow / 2, c + narrow / 2))
    for k in range(steps_in - 1, -1, -1):
        w = full * (narrow / full) ** (k / steps_in)
        cc = lo + full / 2 + (c - lo - full / 2) * (k / steps_in)
        seq.append((cc - w / 2, cc + w / 2))
    return seq


def _stats(xs: list[float]) -> dict:
    xs = sorted(xs)
    return {"median": statistics.median(xs), "p90": xs[int(0.9 * (len(xs) - 1))], "max": xs[-1], "n": len(xs)}


def worker_gui(path: str, out_dir: str, skip: str = "") -> dict:
    """frame_ms, filter_ms, export_png_s and matplotlib_png_s for one dataset, in one process."""
    import numpy as np
    from PySide6 import QtGui, QtWidgets

    from nevroadmap.core.loader import load

    skip_set = set(filter(None, skip.split(",")))
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    out: dict = {}
    t = time.perf_counter()
    roadmap = load(path)
    out["load_s"] = time.perf_counter() - t

    # -- the app's own pipeline objects ------------------------------------------
    try:
        from nevroadmap.gui.state import AppState
    except ImportError:
        AppState = None  # noqa: N806
    t = time.perf_counter()
    if AppState is not None:
        state = AppState(roadmap)
        layout = state.layout
        out["prepare_s"] = time.perf_counter() - t  # index + both full packings (once per dataset)
    else:
        from nevroadmap.core.layout import LayoutEngine

        state = None
        layout = LayoutEngine(roadmap).layout("technology")
        out["prepare_s"] = time.perf_counter() - t

    try:
        from nevroadmap.gui.timeline_widget import TimelineWidget
    except ImportError as exc:
        TimelineWidget = None  # noqa: N806
        out["timeline_error"] = str(exc)

    images: dict = {}

    def render(widget) -> None:
        """Paint the whole widget (as a repaint of its window would) into a reused image."""
        size = (widget.width(), widget.height())
        img = images.get(size)
        if img is None:
            img = images[size] = QtGui.QImage(*size, QtGui.QImage.Format_ARGB32_Premultiplied)
        QtWidgets.QWidget.render(widget, img)  # the widget path, also for QGraphicsViews

    # -- the floor: the same steps on an empty pyqtgraph PlotWidget -----------------
    if "frame" not in skip_set:
        import pyqtgraph as pg

        pw = pg.PlotWidget()
        pw.resize(1920, 1080)
        pw.show()
        app.processEvents()
        times = []
        for t0, t1 in _zoom_sequence(1990.0, 2063.0, 2027.0) * 2:
            t = time.perf_counter()
            pw.setXRange(t0, t1, padding=0)
            app.processEvents()  # the shown widget repaints here: one paint, as on screen
            times.append((time.perf_counter() - t) * 1000)
        out["frame_bare_pyqtgraph_ms"] = statistics.median(times[len(times) // 2:])
        pw.close()
        pw.deleteLater()
        app.processEvents()

    # -- frame_ms: pan/zoom steps on a 1920x1080 timeline ------------------------
    if TimelineWidget is not None and "frame" not in skip_set:
        tw = TimelineWidget()
        tw.resize(1920, 1080)
        tw.show()
        app.processEvents()
        tw.set_data(roadmap, layout)
        tw.fit_all()
        app.processEvents()
        render(tw)
        lo, hi = tw.visible_range()
        center = float(np.median(layout.x0)) if len(layout) else (lo + hi) / 2
        seq = _zoom_sequence(lo, hi, center)
        passes = []
        for _ in range(2):  # the first pass warms caches; both are kept
            times = []
            for t0, t1 in seq:
                t = time.perf_counter()
                tw.set_visible_range(t0, t1)
                app.processEvents()  # one paint of the shown widget into its backing store
                times.append((time.perf_counter() - t) * 1000)
            passes.append(times)
        out["frame_ms"] = _stats(passes[1])["median"]
        out["frame_detail"] = {"steps": len(seq), "first_pass": _stats(passes[0]), "second_pass": _stats(passes[1])}
        tw.close()
        tw.deleteLater()
        app.processEvents()

    # -- filter_ms: through the main window when there is one ----------------------
    if TimelineWidget is not None and state is not None and "filter" not in skip_set:
        # rounds of: one company -> one technology -> a text search -> cleared;
        # each step replaces the whole filter; the clears are reported apart
        orgs = _busiest(roadmap, "organizations", 4)
        techs = [t.id for t in roadmap.technologies[::15]]
        words = ["sodium", "robotaxis", "Fictional Org 0042", "solid-state"]
        steps: list[tuple[str, dict]] = []
        for k in range(4):
            steps += [("company", {"organizations": frozenset({orgs[k % len(orgs)]})}),
                      ("technology", {"technologies": frozenset({techs[k % len(techs)]})}),
                      ("text", {"text": words[k % len(words)]}), ("clear", {})]
        window = None
        try:
            from nevroadmap.gui.main_window import MainWindow

            window = MainWindow(state)
            window.resize(1920, 1080)
            window.show()
            app.processEvents()
            target = window.timeline
            via = "MainWindow(AppState).state.set_filter -> sigLayoutChanged -> timeline.set_data"
        except Exception as exc:  # noqa: BLE001 - fall back to the bare pipeline
            out["main_window_error"] = f"{type(exc).__name__}: {exc}"
            target = TimelineWidget()
            target.resize(1920, 1080)
            target.show()
            target.set_data(roadmap, state.layout)
            via = "AppState.set_filter; TimelineWidget.set_data(state.roadmap, state.layout)"
        from nevroadmap.core.query import RoadmapFilter

        render(target)
        per_kind: dict[str, list[float]] = {}
        shown: dict[str, list[int]] = {}
        for kind, change in steps:
            f = RoadmapFilter(**change)
            t = time.perf_counter()
            state.set_filter(f)
            if window is None:
                target.set_data(state.roadmap, state.layout)
            app.processEvents()  # the window repaints what changed
            per_kind.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
            shown.setdefault(kind, []).append(int(state.mask.sum()))
        alls = [x for k, v in per_kind.items() if k != "clear" for x in v]
        out["filter_ms"] = statistics.median(alls)
        out["filter_detail"] = {"via": via, "all": _stats(alls),
                                "median_by_kind": {k: statistics.median(v) for k, v in per_kind.items()},
                                "shown_by_kind": shown}
        if window is not None:
            window.close()
        app.processEvents()

    # -- export_png_s and matplotlib_png_s ------------------------------------------
    if "export" not in skip_set:
        try:
            from nevroadmap.render.export import ExportRequest, export_roadmap
        except ImportError as exc:
            out["export_error"] = str(exc)
        else:
            full = state.layout if state is not None and state.filter.is_empty else layout
            times = []
            png = Path(out_dir) / "export.png"
            for _ in range(3):
                t = time.perf_counter()
                export_roadmap(roadmap, png, ExportRequest(width=3840, height=2160), reuse=full)
                times.append(time.perf_counter() - t)
            out["export_png_s"] = statistics.median(times)
            out["export_detail"] = {"runs": times, "bytes": png.stat().st_size}
        try:
            full = state.layout if state is not None else layout
            times = []
            for _ in range(3):
                times.append(_matplotlib_png(full, Path(out_dir) / "matplotlib.png"))
            out["matplotlib_png_s"] = statistics.median(times)
        except ImportError as exc:
            out["matplotlib_error"] = str(exc)
    out["rss_mb"] = _rss_mb()
    return out


def _busiest(roadmap, what: str, k: int) -> list[str]:
    from collections import Counter

    c: Counter = Counter()
    for m in roadmap.milestones:
        c.update(m.organizations)
    return [o for o, _ in c.most_common(k)] or [o.id for o in roadmap.organizations[:k]]


def _matplotlib_png(layout, path: Path) -> float:
    """The layout's bars drawn by matplotlib the fast way: one broken_barh per lane, 3840x2160, Agg.

    Each lane's call draws all its entries at their own sub-rows (broken_barh
    builds one PolyCollection; its vertices are set to the real rows), points
    and deadlines as narrow bars.  Timed from figure creation to file written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np
    from matplotlib.figure import Figure

    t = time.perf_counter()
    fig = Figure(figsize=(19.2, 10.8), dpi=200)
    ax = fig.add_subplot()
    x0 = layout.x0
    x1 = np.where(layout.x1 > layout.x0, layout.x1, layout.x0 + 0.08)
    colors = layout.colors
    order = np.argsort(layout.lane, kind="stable")
    lanes = layout.lane[order]
    bounds = np.flatnonzero(np.diff(lanes)) + 1
    for part in np.split(order, bounds):
        if not len(part):
            continue
        xs = x0[part]
        ws = x1[part] - xs
        ys = layout.row[part].astype(float)
        coll = ax.broken_barh(list(zip(xs.tolist(), ws.tolist())), (0, 0.8),
                              facecolors=colors[int(layout.color[part[0]])] if colors else "C0")
        verts = np.empty((len(part), 4, 2))
        verts[:, 0, 0] = verts[:, 1, 0] = xs
        verts[:, 2, 0] = verts[:, 3, 0] = xs + ws
        verts[:, 0, 1] = verts[:, 3, 1] = ys + 0.1
        verts[:, 1, 1] = verts[:, 2, 1] = ys + 0.9
        coll.set_verts(verts)
    if len(layout):
        lo, hi = layout.x_range
        ax.set_xlim(lo, hi)
        ax.set_ylim(layout.n_rows, 0)
    fig.savefig(path, dpi=200)
    return time.perf_counter() - t


WORKERS = {"load": worker_load, "startup-bare": worker_startup_bare, "startup-app": worker_startup_app,
           "rss": worker_rss, "gui": worker_gui,
           "open": worker_open}


# -- the driver ---------------------------------------------------------------------
def measure(sizes: list[int], reps: int, startup_reps: int, skip: set[str], log=print) -> dict:
    res: dict = {"machine": machine_info(), "sizes": sizes, "seed": SEED, "time": time.strftime("%Y-%m-%d %H:%M:%S")}
    for key in ("load_s", "frame_ms", "frame_bare_pyqtgraph_ms", "filter_ms", "export_png_s", "matplotlib_png_s", "export_ratio", "peak_rss_mb",
                "open_s", "open_cpu_s"):
        res[key] = {}
    res["details"] = {}
    paths = {n: dataset(n) for n in sizes}
    if "startup" not in skip:
        log("startup ...")
        # An installed app runs from byte-compiled modules (pip compiles them, as it did
        # pyqtgraph's); an editable checkout under PYTHONDONTWRITEBYTECODE would compile
        # ours from source in every process.  Compile once so both sides start alike.
        import compileall

        import nevroadmap

        compileall.compile_dir(str(Path(nevroadmap.__file__).parent), quiet=1)
        bare, appl = [], []
        cpu: dict[str, list] = {"startup-bare": [], "startup-app": []}
        errors = []
        for _ in range(startup_reps):  # alternate so both see the same machine state
            for kind, acc in (("startup-bare", bare), ("startup-app", appl)):
                t0 = time.time()
                r = _run_worker(kind, timeout=120)
                if r.get("painted_at"):
                    acc.append(r["painted_at"] - t0)
                    cpu[kind].append(r.get("cpu_s"))
                else:
                    errors.append(r.get("error", f"{kind}: not painted"))
        res["first_paint_s"] = _median(appl)
        res["bare_pyqtgraph_s"] = _median(bare)
        res["startup_ratio"] = (res["first_paint_s"] / res["bare_pyqtgraph_s"]
                                if res["first_paint_s"] and res["bare_pyqtgraph_s"] else None)
        # CPU time of the process until the paint (a busy machine stretches wall time, much less this)
        cpu_app, cpu_bare = _median(cpu["startup-app"]), _median(cpu["startup-bare"])
        res["details"]["startup"] = {"app_runs": appl, "bare_runs": bare, "errors": errors[:3],
                                     "app_cpu_runs": cpu["startup-app"], "bare_cpu_runs": cpu["startup-bare"],
                                     "cpu_ratio": cpu_app / cpu_bare if cpu_app and cpu_bare else None}
    for n in sizes:
        key = str(n)
        det = res["details"].setdefault(key, {})
        if "load" not in skip:
            log(f"load {n} ...")
            runs = [_run_worker("load", str(paths[n])) for _ in range(reps)]
            res["load_s"][key] = _median([r.get("load_s") for r in runs])
            det["load"] = runs
        if "rss" not in skip:
            log(f"peak rss {n} ...")
            r = _run_worker("rss", str(paths[n]))
            res["peak_rss_mb"][key] = r.get("peak_rss_mb")
            det["rss"] = r
        if "open" not in skip:
            log(f"open {n} ...")
            runs = [_run_worker("open", str(paths[n])) for _ in range(reps)]
            res["open_s"][key] = _median([r.get("open_s") for r in runs])
            res["open_cpu_s"][key] = _median([r.get("open_cpu_s") for r in runs])
            det["open"] = runs
        if not {"frame", "filter", "export"} <= skip:
            log(f"frames, filters, export {n} ...")
            with tempfile.TemporaryDirectory() as tmp:
                r = _run_worker("gui", str(paths[n]), tmp, ",".join(sorted(skip)), timeout=1800)
            for k in ("frame_ms", "frame_bare_pyqtgraph_ms", "filter_ms", "export_png_s", "matplotlib_png_s"):
                res[k][key] = r.get(k)
            if r.get("export_png_s") and r.get("matplotlib_png_s"):
                res["export_ratio"][key] = r["matplotlib_png_s"] / r["export_png_s"]
            det["gui"] = r
    return res


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "n/a"
    if unit == "ms":
        return f"{v:.1f}"
    if unit == "mb":
        return f"{v:.0f}"
    return f"{v:.3f}" if v < 10 else f"{v:.2f}"


def rows(res: dict) -> list[tuple[str, str, str, str, str]]:
    """(figure, N, median, target, ok) for the table."""
    out = []

    def target_for(fig: str, n: int | None) -> tuple[str, float, str] | None:
        for key, (tn, op, lim) in TARGETS.items():
            name = key.split("@")[0]
            if name == fig and (tn is None or tn == n):
                return op, lim, key
        return None

    def add(fig: str, n: int | None, v: float | None, unit: str) -> None:
        t = target_for(fig, n)
        tgt = f"{t[0]} {t[1]:g}" if t else ""
        ok = ""
        if t and v is not None:
            ok = "yes" if (v <= t[1] if t[0] == "<=" else v >= t[1]) else "NO"
        elif t:
            ok = "n/a"
        out.append((fig, "bundled" if n is None else str(n), _fmt(v, unit), tgt, ok))

    for n in res["sizes"]:
        add("load_s", n, res["load_s"].get(str(n)), "s")
    if "first_paint_s" in res:
        add("first_paint_s", None, res["first_paint_s"], "s")
        add("bare_pyqtgraph_s", None, res["bare_pyqtgraph_s"], "s")
        add("startup_ratio", None, res["startup_ratio"], "x")
    for fig, unit in (("frame_ms", "ms"), ("frame_bare_pyqtgraph_ms", "ms"), ("filter_ms", "ms"), ("export_png_s", "s"), ("matplotlib_png_s", "s"),
                      ("export_ratio", "x"), ("peak_rss_mb", "mb"), ("open_s", "s"),
                      ("open_cpu_s", "s")):
        for n in res["sizes"]:
            add(fig, n, res[fig].get(str(n)), unit)
    return out


def print_table(res: dict) -> None:
    head = ("figure", "N", "median", "target", "ok")
    body = rows(res)
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(5)]
    line = " | ".join(h.ljust(w) for h, w in zip(head, widths))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for r in body:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))


def markdown(res: dict) -> str:
    """The table as markdown, with the machine and the command."""
    m = res.get("machine", {})
    lines = [
        "# NEV Roadmap benchmark results", "",
        f"Run {res.get('time', '')} with `python benchmarks/bench.py --sizes {','.join(map(str, res['sizes']))}` "
        "(headless, QT_QPA_PLATFORM=offscreen).", "",
        f"- Machine: {m.get('nproc', '?')} cores, {m.get('cpu', '?')}; {m.get('platform', '')}",
        f"- Python {m.get('python', '?')}, Qt {m.get('qt', '?')} (PySide6 {m.get('pyside6', '?')}), "
        f"pyqtgraph {m.get('pyqtgraph', '?')}, pydantic {m.get('pydantic', '?')}, numpy {m.get('numpy', '?')}, "
        f"matplotlib {m.get('matplotlib', '?')}",
        f"- Datasets: `benchmarks/generate.py N` (seed {res.get('seed')}, fictional)", "",
        "| figure | N | median | target | ok |", "|---|---|---|---|---|",
    ]
    lines += [f"| {' | '.join(r)} |" for r in rows(res)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="NEV Roadmap benchmark (headless)")
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated milestone counts")
    ap.add_argument("--json", metavar="OUT.json", help="also write the figures as JSON")
    ap.add_argument("--markdown", metavar="OUT.md", help="also write the table as markdown")
    ap.add_argument("--reps", type=int, default=3, help="fresh-process repetitions of load and open (default 3)")
    ap.add_argument("--startup-reps", type=int, default=5, help="repetitions of each startup measurement")
    ap.add_argument("--skip", default="", help="comma-separated: startup,load,rss,open,frame,filter,export")
    ap.add_argument("--no-gc-tuning", action="store_true",
                    help="run the app's code without the process settings nevroadmap.cli.main makes at start-up "
                         "(garbage-collector thresholds, painting on one thread: nevroadmap.runtime.start_up)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
        if a.worker != "startup-bare" and not os.environ.get("NEVROADMAP_BENCH_NO_GC_TUNING"):
            _tune_gc_as_the_entry_point_does()
        try:
            out = WORKERS[a.worker](*a.args)
        except Exception as exc:  # noqa: BLE001 - reported by the driver as n/a
            import traceback

            traceback.print_exc()
            out = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(out, default=str), flush=True)
        return 0
    try:
        sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error("--sizes takes comma-separated integers, e.g. 1000,10000")
    skip = set(filter(None, a.skip.split(",")))
    if a.no_gc_tuning:
        os.environ["NEVROADMAP_BENCH_NO_GC_TUNING"] = "1"  # inherited by the workers
    res = measure(sizes, a.reps, a.startup_reps, skip, log=lambda s: print(s, file=sys.stderr, flush=True))
    print_table(res)
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    if a.markdown:
        Path(a.markdown).write_text(markdown(res), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
