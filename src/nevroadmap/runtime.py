"""Process-wide settings the program decides once, at start-up, on the main
thread.  Only entry points (``nevroadmap.cli.main``) call this; the core and
the GUI's loading never change process state.
"""

from __future__ import annotations

import gc
import os

__all__ = ["start_up", "tune_gc_for_big_datasets", "skip_pydantic_plugins", "paint_on_one_thread",
           "hold_collections", "release_collections"]

# A 100,000-milestone tracker builds ~10**6 records, none of them in cycles.  With
# the default thresholds (700, 10, 10) the cyclic collector rescans them over and
# over while they are built: load() of the benchmark file takes ~1.75 s instead of
# ~1.35 s.  The young generation counts objects created and still alive (an object
# freed again does not count), so a first threshold of a million is reached only by
# building a dataset of that size: opening the 100,000-milestone benchmark file makes
# no collection at all (at 100,000 it made 7, 0.11 s), and panning or filtering, which
# keep little, never reach it.  Reference counting frees everything as before.
GC_THRESHOLDS = (1_000_000, 50, 100)


def tune_gc_for_big_datasets() -> None:
    """Make the cyclic garbage collector run rarely (see :data:`GC_THRESHOLDS`)."""
    gc.set_threshold(*GC_THRESHOLDS)


def skip_pydantic_plugins() -> None:
    """Do not look for third-party pydantic plugins (the app uses none).

    Looking for them reads the metadata of every installed distribution when the
    first schema is built: 30-60 ms of every start-up.  An explicit
    ``PYDANTIC_DISABLE_PLUGINS`` in the environment is kept.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def paint_on_one_thread() -> None:
    """Qt paints without its helper threads (``QT_NO_GUI_THREADPOOL``), unless
    ``NEVROADMAP_QT_PAINT_THREADS`` asks for them (1, true, yes or on).

    Qt 6's raster engine splits every fill taller than some 96 lines among a pool
    of threads and waits for them.  The app paints hundreds of small shapes and
    narrow widgets a frame, where the hand-over costs more than the fill: on a
    2-core machine a Fusion scroll bar repaints in 2.2 ms with the pool and
    0.11 ms without, and a filter change of the 100,000-milestone benchmark
    spends a fifth of its time waiting for those threads.  Must be decided before
    Qt paints for the first time; an explicit setting in the environment is kept.
    """
    if os.environ.get("NEVROADMAP_QT_PAINT_THREADS", "").strip().lower() not in ("1", "true", "yes", "on"):
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def start_up() -> None:
    """Everything the entry point settles for the process, once, before any dataset is loaded."""
    tune_gc_for_big_datasets()
    skip_pydantic_plugins()
    paint_on_one_thread()


def hold_collections() -> None:
    """No cyclic garbage collection until :func:`release_collections` (the app's start-up).

    Starting the app allocates some 100,000 objects (modules, Qt wrappers, the
    window, the bundled dataset) that nearly all live as long as the app; the
    collector would scan them all once before the first frame, a pause of about
    25 ms for nothing.  The GUI's entry point holds it until the window is painted.
    """
    gc.disable()


def release_collections() -> None:
    """Collections again, with what the start-up built set aside for good (``gc.freeze``: never
    scanned again, still freed as usual when no longer referenced)."""
    gc.freeze()
    gc.enable()
