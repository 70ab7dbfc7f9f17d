"""Word-level differences between two wordings (standard library difflib)."""

from __future__ import annotations

import difflib
import re

_WORD = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]")


def words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def changed_ranges(base: str, other: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the words only `base` has, and of the words only `other` has.

    Compared case-insensitively: "Common ground" and "common ground" are the same words.
    """
    a, b = words(base), words(other)
    matcher = difflib.SequenceMatcher(None, [w for *_, w in a], [w for *_, w in b], autojunk=False)
    only_base: list[tuple[int, int]] = []
    only_other: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            only_base.append((a[i1][0], a[i2 - 1][1]))
        if j2 > j1:
            only_other.append((b[j1][0], b[j2 - 1][1]))
    return only_base, only_other
