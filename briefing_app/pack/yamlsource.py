"""Safe YAML loading that remembers the source line of every value, so problems can name it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import yaml

# libyaml's parser when PyYAML has it (the wheels do): the same safe loading, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlSyntaxError(Exception):
    line: int | None
    message: str


class Located:
    """A loaded YAML document plus the 1-based line of each key path: ("documents", 0, "file")."""

    def __init__(self, data: Any, lines: dict[tuple, int]) -> None:
        self.data = data
        self._lines = lines

    def line(self, *path: Any) -> int | None:
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return self._lines.get((), None)


def load_located(text: str) -> Located:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise YamlSyntaxError(line, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, f"not valid YAML: {exc}") from None
    lines: dict[tuple, int] = {}
    if node is None:
        return Located(None, lines)
    try:
        data = _convert(node, (), lines)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise YamlSyntaxError(mark.line + 1 if mark else None, f"not valid YAML: {exc.problem}") from None
    return Located(data, lines)


def _convert(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            out[key] = _convert(value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), lines) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    # SafeConstructor resolves the tag (int, bool, date...) exactly as yaml.safe_load would.
    return yaml.SafeLoader("").construct_object(node, deep=True)


def unknown_key_message(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
    return f"unknown key '{key}'{hint}"
