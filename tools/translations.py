"""Build the translations: ``python tools/translations.py update|compile|check``.

* ``update``  extracts every marked string of ``src/nevroadmap`` with
  ``pyside6-lupdate`` into ``resources/translations/nevroadmap_<lang>.ts``
  (Qt's ``tr``/``translate``/``QT_TRANSLATE_NOOP`` in Qt code, and the core's
  ``_``/``ngettext`` marks, read as ``tr``).  New strings arrive
  ``unfinished``: translate them with Qt Linguist (``pyside6-linguist``) or
  any editor.  The English catalogue holds only the plural messages (English
  needs its one / other forms; the ``ngettext`` ones are filled in from
  their source and plural).
* ``compile`` runs ``pyside6-lrelease`` to write the ``.qm`` files beside
  them (shipped in the package; commit them).
* ``check``   fails when a string in the code has no finished translation or
  a ``.qm`` is older than its ``.ts`` (what the tests check).

Run ``update``, translate, then ``compile``.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "nevroadmap"
OUT = ROOT / "resources" / "translations"
LANGUAGES = ("en", "zh_CN")
ALIASES = "tr+=_,tr+=ngettext"


def qt_tool(name: str) -> str:
    """The path of a Qt Linguist tool shipped with PySide6 (lupdate, lrelease)."""
    import PySide6

    exe = Path(PySide6.__file__).resolve().parent / (name + (".exe" if sys.platform == "win32" else ""))
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"translations: cannot find Qt's {name} (install PySide6-Essentials)")
    return found


def ts_file(lang: str, folder: Path = OUT) -> Path:
    return folder / f"nevroadmap_{lang}.ts"


def _fill_english_plurals(path: Path) -> None:
    """English forms for ``ngettext`` messages: the singular and the plural the code gives."""
    text = path.read_text(encoding="utf-8")
    tree = ET.ElementTree(ET.fromstring(text))
    changed = False
    for msg in tree.getroot().iter("message"):
        comment = msg.findtext("comment")
        tr = msg.find("translation")
        if msg.get("numerus") != "yes" or comment is None or tr is None or tr.get("type") != "unfinished":
            continue
        for child in list(tr):
            tr.remove(child)
        for form in (msg.findtext("source") or "", comment):
            ET.SubElement(tr, "numerusform").text = form
        del tr.attrib["type"]
        tr.text = None
        changed = True
    if changed:
        write_ts(tree, path)


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    tmp = path.with_suffix(".ts.tmp")
    tmp.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    tmp.replace(path)


def update(folder: Path = OUT, quiet: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = ts_file(lang, folder)
        cmd = [qt_tool("lupdate"), "-extensions", "py", "-tr-function-alias", ALIASES, "-locations", "none",
               "-no-obsolete", "-source-language", "en", "-target-language", lang]
        if lang == "en":
            cmd.append("-pluralonly")
        cmd += [str(SRC), "-ts", str(ts)]
        subprocess.run(cmd, check=True, capture_output=quiet)
        if lang == "en":
            _fill_english_plurals(ts)


def compile_(folder: Path = OUT, out: Path | None = None, quiet: bool = False) -> list[Path]:
    out = out or folder
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in LANGUAGES:
        qm = out / f"nevroadmap_{lang}.qm"
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts_file(lang, folder)), "-qm", str(qm)], check=True,
                       capture_output=quiet)
        written.append(qm)
    return written


def unfinished(folder: Path) -> dict[str, list[str]]:
    """lang -> the source texts with no finished translation in that folder's catalogues."""
    out = {}
    for lang in LANGUAGES:
        root = ET.parse(ts_file(lang, folder)).getroot()
        missing = []
        for msg in root.iter("message"):
            tr = msg.find("translation")
            forms = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
            if tr.get("type") == "unfinished" or not all(forms):
                missing.append(msg.findtext("source") or "")
        out[lang] = missing
    return out


def check() -> list[str]:
    """Problems: strings without a finished translation, ``.qm`` files not compiled from the ``.ts``."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for lang in LANGUAGES:
            shutil.copy(ts_file(lang), ts_file(lang, tmp_path))
        update(tmp_path, quiet=True)
        for lang, missing in unfinished(tmp_path).items():
            problems += [f"{ts_file(lang).name}: no translation for {s!r}" for s in missing]
        built = tmp_path / "qm"
        for qm in compile_(out=built, quiet=True):
            shipped = OUT / qm.name
            if not shipped.exists() or not filecmp.cmp(qm, shipped, shallow=False):
                problems.append(f"{shipped.name} is not compiled from the current .ts (run compile)")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["update"]:
        update()
    elif args == ["compile"]:
        for qm in compile_():
            print(f"wrote {qm.relative_to(ROOT)}")
    elif args == ["check"]:
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
