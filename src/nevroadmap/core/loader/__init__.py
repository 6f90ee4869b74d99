"""Load a roadmap from a YAML/JSON/TOML file or a folder of them.

The loader never executes anything from a file: YAML is parsed with the safe
parser into plain nodes (tags that would construct objects and aliases are
refused), JSON and TOML with the standard library.  Every problem found is
collected as a :class:`Problem` with its file and line, and one
:class:`RoadmapError` holding them all is raised at the end.  Loading changes
nothing process-wide (the garbage collector is left as it is).

Rooms: :mod:`.files` (which files, reading them), :mod:`.problems` (what is
wrong and its wording), :mod:`.document` with :mod:`.yaml_source`,
:mod:`.json_source`, :mod:`.toml_source` (parsing with line maps),
:mod:`.validate` (pydantic), :mod:`.references` (the one table of references),
:mod:`.checked` (the full path), :mod:`.json_fast` (the fast path) and
:mod:`.snapshot` (the bundled dataset as compiled: how the app starts without pydantic).
The paths that need pydantic are imported when a file needs them.
"""

from __future__ import annotations

import os
from pathlib import Path

from nevroadmap.core.loader.files import DATA_SUFFIXES, MAX_FILE_BYTES, MAX_VALUES, data_files
from nevroadmap.core.loader.problems import MAX_PROBLEMS, Problem, RoadmapError
from nevroadmap.core.model import Roadmap
from nevroadmap.core.resources import bundled_data_path, bundled_resources_path

__all__ = ["Problem", "RoadmapError", "load", "repeated_json_keys", "bundled_data_path", "bundled_resources_path",
           "DATA_SUFFIXES", "MAX_FILE_BYTES", "MAX_VALUES", "MAX_PROBLEMS"]


def load(path: str | os.PathLike | None = None, strict: bool = False) -> Roadmap:
    """Load and check a dataset; raise :class:`RoadmapError` listing every problem.

    ``strict`` (``nevroadmap validate``) also reads valid JSON once more with every
    key kept, to report a key given twice in one record: the fast reader, like every
    JSON parser, keeps the last value (a repeated ``id`` or section it sends to the
    careful path itself; YAML and TOML always report repeats)."""
    root = Path(path) if path is not None else bundled_data_path()
    files = data_files(root)
    roadmap = None
    if not strict and root.resolve() == bundled_data_path().resolve():
        from nevroadmap.core.loader.snapshot import read_snapshot

        roadmap = read_snapshot(root, files)  # None when the data files are not the ones it was compiled from
    if roadmap is None and all(f.suffix.lower() == ".json" for f in files):
        from nevroadmap.core.loader.json_fast import load_json_fast

        roadmap = load_json_fast(root, files)
        if roadmap is not None and strict:
            _check_json_keys(files)
    if roadmap is None:
        from nevroadmap.core.loader.checked import load_checked

        roadmap = load_checked(root, files)
    return roadmap


def _check_json_keys(files: list[Path]) -> None:
    problems = _json_key_problems(files)
    if problems:
        raise RoadmapError(problems)


def _json_key_problems(files: list[Path]) -> list[Problem]:
    from nevroadmap.core.loader.files import one_line_end, read_text, shown_name
    from nevroadmap.core.loader.json_source import repeated_key_problems

    return [p for f in files for p in repeated_key_problems(one_line_end(read_text(f, shown_name(f))), shown_name(f))]


def repeated_json_keys(path: str | os.PathLike | None = None, max_bytes: int | None = None) -> list[Problem]:
    """The keys given twice in one record of a JSON dataset that :func:`load` opened on its fast
    path (which keeps the last value, as every JSON parser does); ``[]`` for other datasets, and
    for datasets over ``max_bytes`` (the check reads the text once more: about twice its size in
    memory).  What ``load(path, strict=True)`` refuses, for a caller that has shown the roadmap."""
    root = Path(path) if path is not None else bundled_data_path()
    files = data_files(root)
    if not files or not all(f.suffix.lower() == ".json" for f in files):
        return []
    if max_bytes is not None and sum(f.stat().st_size for f in files) > max_bytes:
        return []
    try:
        return _json_key_problems(files)
    except RoadmapError as exc:  # the file changed under us: the next load words it
        return list(exc.problems)
