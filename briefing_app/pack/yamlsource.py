"""Safe YAML loading with limits, remembering the source line of every value so problems can name it.

The values are built here from libyaml's event stream, one event at a time, instead of by PyYAML's
composer: its C composer recurses once per nesting level (30,000 `[` overflow the C stack and the
process dies with no message), and its Python composer and constructor raise RecursionError a few
thousand levels down or on an alias inside itself. Counting as the events arrive lets us stop at
the first event past a limit (nesting, number of values including what aliases repeat, size), so a
"billion laughs" file costs its first hundred thousand values and no more.

A scalar that cannot be what its tag says (`date: 2025-02-30`, `!!int xyz`, an unknown `!tag`) is
not the end of the file: it becomes None and a problem naming its line, so the pack still opens
without that one field. Tags and implicit types resolve exactly as `yaml.safe_load` does.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

# libyaml's parser when PyYAML has it (the wheels do): the same events, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_CHARS = 1_000_000  # a pack.yaml or comparison file is a few kilobytes; this is hundreds of pages
MAX_DEPTH = 64  # lists and mappings inside each other; the pack's own files use four
MAX_VALUES = 100_000  # every value built, counting each time an alias repeats one

_MERGE = "tag:yaml.org,2002:merge"
_RESOLVER = Resolver()  # the implicit types (int, bool, null, date...) exactly as safe_load resolves them
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "binary", "timestamp", "str")
)
_COLLECTION_TAGS = {
    yaml.MappingStartEvent: ("tag:yaml.org,2002:map", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:set"),
    yaml.SequenceStartEvent: ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"),
}
_TYPE_NAMES = {
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:int": "whole number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "true or false",
}


@dataclass(frozen=True)
class YamlSyntaxError(Exception):
    line: int | None
    message: str


class Located:
    """A loaded YAML document plus the 1-based line of each key path: ("documents", 0, "file").

    `problems` lists (line, message) for each value that was dropped (set to None, or a key left
    out) because it could not be read as written; the caller reports them with its file name.
    """

    def __init__(self, data: Any, lines: dict[tuple, int], problems: list[tuple[int | None, str]]) -> None:
        self.data = data
        self._lines = lines
        self.problems = problems

    def line(self, *path: Any) -> int | None:
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return self._lines.get((), None)


class _Frame:
    """A list or mapping being filled: its value, its path, and for a mapping the key awaiting a value."""

    __slots__ = ("anchor", "bad_key", "drop", "key", "key_line", "merged", "path", "start", "value")

    def __init__(self, value: list | dict, path: tuple, anchor: str | None, start: int) -> None:
        self.value, self.path, self.anchor, self.start = value, path, anchor, start
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.bad_key = False
        self.drop = False  # a tag this file cannot use: the whole list or mapping becomes None
        self.merged: set = set()  # keys a '<<' brought in, which the mapping's own keys override


_NO_KEY = object()


def load_located(text: str) -> Located:
    if len(text) > MAX_CHARS:
        raise YamlSyntaxError(
            None, f"the file is too large ({len(text):,} characters; the limit is {MAX_CHARS:,})"
        )
    try:
        return _Builder().build(yaml.parse(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise YamlSyntaxError(line, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, f"not valid YAML: {exc}") from None


class _Builder:
    def __init__(self) -> None:
        self.lines: dict[tuple, int] = {}
        self.problems: list[tuple[int | None, str]] = []
        self.anchors: dict[str, tuple[Any, int] | None] = {}  # None: still being built
        self.stack: list[_Frame] = []
        self.count = 0
        self.documents = 0
        self.root: Any = None
        self.constructor = SafeConstructor()

    def build(self, events) -> Located:
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise YamlSyntaxError(_line(event), "the file holds more than one YAML document")
            elif kind is yaml.ScalarEvent:
                self._add(self._scalar(event), event)
            elif kind is yaml.AliasEvent:
                self._add(self._alias(event), event)
            elif kind in _COLLECTION_TAGS:
                self._start(event)
            elif kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
                frame = self.stack.pop()
                value = None if frame.drop else frame.value
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (value, self.count - frame.start)
                self._add(value, None, placed=True, path=frame.path)
        return Located(self.root, self.lines, self.problems)

    # -- values ---------------------------------------------------------------------------------
    def _count(self, size: int, event) -> None:
        self.count += size
        if self.count > MAX_VALUES:
            raise YamlSyntaxError(
                _line(event), f"the file holds more than {MAX_VALUES:,} values (counting what aliases repeat)"
            )

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        self._count(1, event)
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        value = None
        if tag == _MERGE:
            value = _MERGE_KEY
        else:
            if tag not in _SCALAR_TAGS:
                self.problems.append(
                    (_line(event), f"'{_short(event.value)}' has a tag this file cannot use ({tag})")
                )
            else:
                node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
                try:
                    value = SafeConstructor.yaml_constructors[tag](self.constructor, node)
                except Exception as exc:  # noqa: BLE001 - any constructor failure is this one value's problem
                    self.problems.append((_line(event), _bad_scalar(event.value, tag, exc)))
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        return value

    def _alias(self, event: yaml.AliasEvent) -> Any:
        if event.anchor not in self.anchors:
            self.problems.append((_line(event), f"the alias '*{event.anchor}' names no anchor before it"))
            self._count(1, event)
            return None
        found = self.anchors[event.anchor]
        if found is None:
            self.problems.append((_line(event), f"the alias '*{event.anchor}' is inside the value it names"))
            self._count(1, event)
            return None
        value, size = found
        self._count(size, event)
        return value

    def _start(self, event) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise YamlSyntaxError(_line(event), f"lists and mappings are nested more than {MAX_DEPTH} deep")
        self._count(1, event)
        kind = type(event)
        path = self._child_path()
        if event.anchor is not None:
            self.anchors[event.anchor] = None
        self.lines[path] = _line(event)
        frame = _Frame({} if kind is yaml.MappingStartEvent else [], path, event.anchor, self.count - 1)
        if event.tag is not None and event.tag != "!" and event.tag not in _COLLECTION_TAGS[kind]:
            self.problems.append(
                (_line(event), f"a list or mapping has a tag this file cannot use ({event.tag})")
            )
            frame.drop = True
        self.stack.append(frame)

    def _child_path(self) -> tuple:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        if parent.key is _NO_KEY or parent.bad_key:
            return (*parent.path, _NO_KEY)  # a key, or the value of a dropped key: no path of its own
        return (*parent.path, parent.key)

    def _add(self, value: Any, event, *, placed: bool = False, path: tuple | None = None) -> None:
        if not placed:
            path = self._child_path()
            self.lines.setdefault(path, _line(event))
        if not self.stack:
            self.root = value
            return
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        if parent.key is _NO_KEY:
            parent.key_line = self.lines.get(path, 0) if placed else _line(event)
            parent.key = value
            parent.bad_key = isinstance(value, (list, dict)) or not _hashable(value)
            if parent.bad_key:
                self.problems.append((parent.key_line, "a key must be a single name, not a list or mapping"))
            return
        key, parent.key = parent.key, _NO_KEY
        if parent.bad_key:
            parent.bad_key = False
            return
        if key is _MERGE_KEY:
            self._merge(parent, value)
            return
        if key in parent.value and key not in parent.merged:
            self.problems.append(
                (parent.key_line, f"the key '{_short(key)}' is given twice; the last one is used")
            )
        parent.value[key] = value
        parent.merged.discard(key)
        self.lines[(*parent.path, key)] = parent.key_line

    def _merge(self, parent: _Frame, value: Any) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            self.problems.append(
                (parent.key_line, "'<<' must name a mapping (or a list of mappings) to merge")
            )
            return
        for source in sources:
            for key, item in source.items():
                if key not in parent.value:
                    parent.value[key] = item
                    parent.merged.add(key)


class _MergeKey:
    def __repr__(self) -> str:
        return "<<"


_MERGE_KEY = _MergeKey()


def _line(event) -> int:
    return event.start_mark.line + 1


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _bad_scalar(text: str, tag: str, exc: Exception) -> str:
    what = _TYPE_NAMES.get(tag, tag.rsplit(":", 1)[-1])
    # A date's reason is worth reading ("day is out of range for month"); int()'s is not.
    reason = str(exc).split("\n")[0] if what == "date" and isinstance(exc, ValueError) else ""
    return f"'{_short(text)}' is not a valid {what}" + (f" ({reason})" if reason else "")


def unknown_key_message(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
    return f"unknown key '{key}'{hint}"
