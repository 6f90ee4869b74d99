"""Compile the bundled dataset: ``python tools/bundled_snapshot.py [--check]``.

Loads ``data/`` with the full loader (every record validated, every reference
checked) and writes what it read to ``resources/bundled-data.json``, which the
app reads at start-up instead (see ``nevroadmap.core.loader.snapshot``).  Run it
after editing anything in ``data/`` and commit the result; ``--check`` (and
``tests/test_snapshot.py``) fail when the snapshot is not of the current data.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nevroadmap.core.atomic_file import write_atomic  # noqa: E402
from nevroadmap.core.loader.checked import load_checked  # noqa: E402
from nevroadmap.core.loader.files import data_files  # noqa: E402
from nevroadmap.core.loader.snapshot import SNAPSHOT_NAME, snapshot_text  # noqa: E402


def main(argv: list[str]) -> int:
    data, target = ROOT / "data", ROOT / "resources" / SNAPSHOT_NAME
    files = data_files(data)
    text = snapshot_text(load_checked(data, files), files)
    if "--check" in argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is not of the current data/: run python tools/bundled_snapshot.py", file=sys.stderr)
            return 1
        return 0
    write_atomic(target, text.encode("utf-8"))
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
