"""The full loader path: parse every file with its line map, validate every
section, check ids and references, and collect every problem with its
``file:line`` before raising one :class:`RoadmapError`."""

from __future__ import annotations

from pathlib import Path

from nevroadmap.core.loader.document import Document, parse_file
from nevroadmap.core.loader.files import shown_name
from nevroadmap.core.i18n import _
from nevroadmap.core.loader.problems import MAX_PROBLEMS, Problem, RoadmapError, quoted, stop_problem, suggest
from nevroadmap.core.loader.references import check_references
from nevroadmap.core.loader.validate import validate_section
from nevroadmap.core.model import SECTIONS, Roadmap

__all__ = ["load_checked"]


def load_checked(root: Path, files: list[Path]) -> Roadmap:
    """The full path: parse with line numbers, validate, collect every problem."""
    problems: list[Problem] = []
    docs: list[Document] = []
    unread = False  # a file that could not be parsed may hold the records others refer to
    for f in files:
        try:
            docs.append(parse_file(f, shown_name(f)))
            problems.extend(docs[-1].problems)  # an import's problems in cells
        except RoadmapError as exc:
            problems.extend(exc.problems)
            unread = True

    records: dict[str, list] = {sec: [] for sec in SECTIONS}
    where: dict[tuple[str, str], tuple[Document, tuple]] = {}
    # where each id was first seen; lines are looked up only for a duplicate,
    # so a valid JSON file never pays for the location pass
    seen_ids: dict[tuple[str, str], tuple[Document, int]] = {}
    for doc in docs:
        if not isinstance(doc.data, dict):
            problems.append(Problem(doc.file, doc.line_of(()),
                                    f"the file must be a mapping with sections such as {', '.join(SECTIONS)}"))
            continue
        for section, items in doc.data.items():
            if section not in SECTIONS:
                problems.append(Problem(doc.file, doc.line_of((section,)),
                                        _("unknown section {name}{hint}; valid sections: {valid}").format(
                                            name=quoted(section), hint=suggest(section, SECTIONS), valid=", ".join(SECTIONS))))
                continue
            if items is None:
                continue
            if isinstance(items, list):
                for i, it in enumerate(items):
                    rid = it.get("id") if isinstance(it, dict) else None
                    if not isinstance(rid, str):
                        continue
                    first_doc, first_i = seen_ids.setdefault((section, rid), (doc, i))
                    if first_doc is not doc or first_i != i:
                        here = (doc.file, doc.line_of((section, i, "id")))
                        first = (first_doc.file, first_doc.line_of((section, first_i, "id")))
                        problems.append(Problem(*here, _("duplicate id {id} in {section} (first defined at {file}:{line})").format(
                            id=quoted(rid), section=section, file=first[0], line=first[1])))
            good = validate_section(doc, section, items, problems)
            if not isinstance(items, list):  # reported by validate_section
                continue
            # map each valid record back to its place for reference errors
            if len(good) == len(items):
                pairs = zip(range(len(items)), good)
            else:
                pos = {it.get("id"): i for i, it in enumerate(items) if isinstance(it, dict)}
                pairs = ((pos.get(r.id, 0), r) for r in good)
            for i, rec in pairs:
                key = (section, rec.id)
                if key in where:  # a duplicate, reported above
                    continue
                where[key] = (doc, (section, i))
                records[section].append(rec)

    # with a file unread, "unknown id" would bury its one real problem under follow-on ones
    if len(problems) < MAX_PROBLEMS and not unread:
        def locate(section: str, rid: str, sub: tuple) -> tuple[str, int]:
            doc, path = where[(section, rid)]
            return doc.file, doc.line_of(path + sub)

        check_references(records, locate, problems, seen_ids)
    stopped = len(problems) > MAX_PROBLEMS  # validation stopped early: say so, whatever is left after
    problems = list(dict.fromkeys(problems))[:MAX_PROBLEMS]  # the same problem twice is listed once
    if stopped:
        problems.append(stop_problem(str(root)))
    if problems:
        raise RoadmapError(problems)
    return Roadmap(origin=str(root), name=next((d.name for d in docs if d.name), ""),
                   warnings=tuple(str(w) for d in docs for w in d.warnings),
                   **{k: tuple(v) for k, v in records.items()})
