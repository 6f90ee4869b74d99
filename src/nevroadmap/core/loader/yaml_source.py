"""YAML data files: the safe parser composes plain nodes (object-building tags,
anchors and aliases are refused) and every path's line is recorded on the way."""

from __future__ import annotations

from typing import Any

import yaml

from nevroadmap.core.loader.document import PathLines
from nevroadmap.core.i18n import _
from nevroadmap.core.loader.problems import Problem, RoadmapError, quoted

__all__ = ["parse", "MAX_DEPTH"]

MAX_DEPTH = 64

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


class _Refused(Exception):
    pass


def parse(text: str, shown: str) -> tuple[Any, PathLines]:
    try:
        _check_no_aliases(text, shown)
        node = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RoadmapError([_yaml_error(exc, shown)]) from None
    except RecursionError:
        raise RoadmapError([Problem(shown, 1, "invalid YAML: nested too deeply")]) from None
    if node is None:
        raise RoadmapError([Problem(shown, 1, "the file holds no data (only comments?)")])
    problems: list[Problem] = []
    lines = PathLines()
    try:
        data = _node_to_data(node, (), lines, shown, problems)
    except _Refused:
        data = None
    if problems:
        raise RoadmapError(problems)
    return data, lines


def _node_to_data(node: yaml.Node, path: tuple, lines: dict, file: str, problems: list, depth: int = 0) -> Any:
    """Turn a composed YAML node into plain data, recording lines.

    Scalars stay text (pydantic converts them), so ``when: 2027`` and
    ``said: 2025-09-28`` keep the text the author wrote.
    """
    if depth > MAX_DEPTH:
        problems.append(Problem(file, node.start_mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels"))
        raise _Refused
    lines[path] = node.start_mark.line + 1
    if node.tag not in _SAFE_TAGS:
        problems.append(Problem(file, node.start_mark.line + 1,
                                _("YAML tag {tag} is not allowed (data files hold plain data only)").format(tag=quoted(node.tag))))
        raise _Refused
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                problems.append(Problem(file, knode.start_mark.line + 1, "a key must be plain text"))
                continue
            key = knode.value
            if key in out:
                problems.append(Problem(file, knode.start_mark.line + 1, _("key {key} appears twice in one record").format(key=quoted(key))))
            out[key] = _node_to_data(vnode, path + (key,), lines, file, problems, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_data(v, path + (i,), lines, file, problems, depth + 1) for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _check_no_aliases(text: str, file: str) -> None:
    """Refuse anchors and aliases before composing: they are what alias bombs use."""
    if "&" not in text and "*" not in text:
        return  # no anchor or alias can be written without these: skip a whole extra parse
    for event in yaml.parse(text, Loader=_YAML_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise RoadmapError([Problem(file, event.start_mark.line + 1,
                                        "YAML anchors and aliases (&, *) are not allowed in data files")])


def _yaml_error(exc: yaml.YAMLError, file: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    ctx = getattr(exc, "context", None)
    return Problem(file, line, f"invalid YAML: {what}" + (f" ({ctx})" if ctx else ""))
