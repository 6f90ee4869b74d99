"""Validating a section's records through pydantic, and wording what it finds.

Records are validated by a :class:`~pydantic.TypeAdapter` built the first time
a section needs it; each pydantic error becomes one :class:`Problem` with the
line of the field it is about.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any, get_args, get_type_hints

from pydantic import ValidationError

from nevroadmap.core.loader.document import Document
from nevroadmap.core.i18n import _
from nevroadmap.core.loader.problems import MAX_PROBLEMS, Problem, quoted, record_noun, suggest
from nevroadmap.core.model import SECTIONS, _Record
from nevroadmap.core.record_types import adapter

__all__ = ["validate_section", "section_adapter", "record_adapter"]


def section_adapter(section: str) -> Any:
    """Validates a list of the records of ``section`` (built on first use)."""
    return adapter(list[SECTIONS[section]])


def record_adapter(cls: type) -> Any:
    """Validates one record of type ``cls`` (built on first use)."""
    return adapter(cls)


def _fields(cls: Any) -> dict[str, Any]:
    """Field name -> its type (without the rule markers), for a record class; {} for anything else."""
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and issubclass(cls, _Record)):
        return {}
    return get_type_hints(cls)


def _is_record(cls: Any) -> bool:
    return isinstance(cls, type) and bool(_fields(cls))


def _describe(err: dict, model: type) -> str:
    loc = [str(x) for x in err["loc"] if not isinstance(x, int)]
    name = ".".join(quoted(x)[1:-1] for x in loc) if loc else ""
    kind = err["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # models / dataclass records
        parent_fields = _fields_at(model, err["loc"][:-1])
        return _("unknown field {name}{hint}; valid fields: {valid}").format(
            name=quoted(err["loc"][-1]), hint=suggest(err["loc"][-1], parent_fields), valid=", ".join(parent_fields))
    if kind == "missing":
        return _("missing required field {name}").format(name=quoted(name))
    msg = err["msg"]
    if kind == "string_pattern_mismatch" and "A-Za-z0-9_" in str(err.get("ctx", {}).get("pattern", "")):
        return _("{name}: {value} is not a valid id: use letters, digits and _ . : - (starting with a letter "
                 "or digit; no spaces)").format(name=name, value=quoted(err.get("input")))
    if kind == "value_error" and msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if kind == "enum":
        got = err.get("input")
        return f"{name}: {quoted(got)} is not one of {err.get('ctx', {}).get('expected', '')}{suggest(got, [e.value for e in _enum_at(model, err['loc'])])}"
    return f"{name}: {msg}" if name else msg


def _fields_at(model: type, loc: tuple) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        ann = _fields(current).get(part)
        if ann is None:
            break
        nested = [a for a in (get_args(ann) or (ann,)) if isinstance(a, type) and _is_record(a)]
        for a in get_args(ann):
            nested += [b for b in get_args(a) if isinstance(b, type) and _is_record(b)]
        if nested:
            current = nested[0]
    return list(_fields(current))


def _enum_at(model: type, loc: tuple) -> list:
    ann = _fields(model).get(loc[0]) if loc else None
    return list(ann) if isinstance(ann, type) and issubclass(ann, Enum) else []


_CHUNK = 20_000


def validate_section(doc: Document, section: str, items: Any, problems: list[Problem], base: int = 0) -> list:
    model = SECTIONS[section]
    if not isinstance(items, list):
        problems.append(Problem(doc.file, doc.line_of((section,)), f"{section!r} must be a list of records"))
        return []
    if len(items) > _CHUNK:  # bounded memory for pydantic's errors on junk
        good = []
        for k in range(0, len(items), _CHUNK):
            if len(problems) > MAX_PROBLEMS:
                break
            part = validate_section(doc, section, items[k:k + _CHUNK], problems, k)
            good += part
        return good
    try:
        return section_adapter(section).validate_python(items)
    except ValidationError as exc:
        bad: set[int] = set()
        for err in exc.errors(include_url=False):
            loc = err["loc"]
            index = loc[0] if loc and isinstance(loc[0], int) else None
            inner = tuple(loc[1:]) if index is not None else tuple(loc)
            if index is not None:
                bad.add(index)
            field = getattr((err.get("ctx") or {}).get("error"), "field", None)  # a FieldRuleError's field
            if isinstance(field, str):
                inner += (field,)
            path = (section, base + index) + inner if index is not None else (section,)
            err = dict(err, loc=inner)
            if not inner and err["type"] in ("model_type", "dataclass_type", "dict_type"):
                message = f"each entry of {section!r} must be a mapping of fields"
            else:
                message = _describe(err, model)
            rid = items[index].get("id") if index is not None and isinstance(items[index], dict) else None
            where = f"{record_noun(section)} {quoted(rid)}: " if isinstance(rid, str) else ""
            problems.append(Problem(doc.file, doc.line_of(path), where + message))
        good = []
        one = record_adapter(model).validate_python
        for i, item in enumerate(items):
            if i in bad:
                continue
            good.append(one(item))
        return good
