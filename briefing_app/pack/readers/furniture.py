"""Page furniture: lines that repeat at one place across pages, and page-number stamps.

Every reader feeds this one stage with its pages as lines: text readers give each line's index on
its page; the PDF reader also gives each line's top and bottom as fractions of the page height. A
line is furniture when its wording, with digit runs and roman numerals taken as "a number",
recurs at the same place (same index from the top or from the foot, or for PDFs the same height
within a small tolerance) on several pages. Known header words are never listed: a header in any
wording is found because it repeats, and a date mentioned in the body is kept because it does not
sit at the same place. A lone page number ("12", "- 5 -", "Page 6 of 20", "iv") at the top or foot
of a page is furniture even though it changes from page to page.

The work is one pass to group lines by their normalised wording, then a sort within each group:
no line is compared with every other line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PageLine:
    page: int  # 0-based page index in the source
    index: int  # the line's index on its page, counted from the top, 0-based (non-blank lines)
    text: str
    top: float | None = None  # PDF sources: the line's top as a fraction of page height (0 = top, 1 = foot)
    bottom: float | None = None  # PDF sources: its bottom, same units


@dataclass(frozen=True)
class Furniture:
    lines: frozenset[tuple[int, int]]  # (page, index) of every line that is furniture
    page_numbers: tuple[str | None, ...]  # per page: the printed page number in its furniture, else None


# How close to the edge a text line must be to count as a header or footer position, and how far
# down (or up) a lone page number may sit: extraction sometimes puts a title line above it.
_TEXT_EDGE = 4
_NUMBER_EDGE = 2
# PDFs: lines at the same place differ by less than this fraction of the page height; a lone
# number counts as a page stamp inside these bands at the top and foot.
_TOLERANCE = 0.012
_TOP_BAND = 0.12
_FOOT_BAND = 0.88
_MAX_LENGTH = 200  # longer lines are body text, whatever repeats

_ROMAN = r"(?=[ivxlcdm]+\b)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_ROMAN_TOKEN = re.compile(rf"\b{_ROMAN}\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_DASHES = r"\-–—‒―"
_LONE_NUMBER = re.compile(
    rf"^[\s{_DASHES}|\[(]*(?:page|p\.|pg\.?)?\s*(?P<num>\d{{1,3}}|{_ROMAN})\s*"
    rf"(?:(?:of|/)\s*\d{{1,4}})?[\s{_DASHES}|\])]*$",
    re.IGNORECASE,
)
_PAGE_WORD = re.compile(rf"\bpage\s+(?P<num>\d{{1,4}}|{_ROMAN})\b", re.IGNORECASE)


def normalise(text: str) -> str:
    """The wording of a line with every number taken as the same number."""
    text = _DIGITS.sub("#", text.strip().lower())
    text = _ROMAN_TOKEN.sub(lambda m: "#" if m.group(0) else "", text)
    return re.sub(r"\s+", " ", text)


def lone_page_number(text: str) -> str | None:
    """ "12", "- 5 -", "Page 6 of 20", "iv" -> the page number it prints; anything else -> None."""
    m = _LONE_NUMBER.match(text)
    if not m or not m.group("num"):
        return None
    return m.group("num")


def find_furniture(pages: Sequence[Sequence[PageLine]]) -> Furniture:
    found: set[tuple[int, int]] = set()
    numbers: list[str | None] = [None] * len(pages)
    need = _pages_needed(len(pages))

    groups: dict[str, list[tuple[PageLine, int]]] = {}  # wording -> (line, lines on its page)
    for page_lines in pages:
        count = len(page_lines)
        for line in page_lines:
            if not line.text.strip():
                continue
            number = lone_page_number(line.text)
            if number is not None and _at_edge_for_number(line, count):
                found.add((line.page, line.index))
                if numbers[line.page] is None:
                    numbers[line.page] = number
                continue
            if len(line.text) <= _MAX_LENGTH:
                groups.setdefault(normalise(line.text), []).append((line, count))

    for members in groups.values():
        if len({line.page for line, _ in members}) < need:
            continue
        for cluster in _clusters(members):
            if len({line.page for line in cluster}) >= need:
                found.update((line.page, line.index) for line in cluster)
                _take_varying_number(cluster, numbers)
    return Furniture(frozenset(found), tuple(numbers))


def _pages_needed(page_count: int) -> int:
    """A two-page paper repeats its header twice; longer papers need three pages to agree."""
    return 2 if page_count <= 4 else 3


def _at_edge_for_number(line: PageLine, count: int) -> bool:
    if line.top is not None:
        return line.top <= _TOP_BAND or (line.bottom is not None and line.bottom >= _FOOT_BAND)
    return line.index < _NUMBER_EDGE or count - 1 - line.index < _NUMBER_EDGE


def _clusters(members: list[tuple[PageLine, int]]) -> list[list[PageLine]]:
    """Lines of one wording that sit at the same place: same height (PDF) or the same index from
    the top or from the foot (text), near enough to an edge for a header or footer."""
    out: list[list[PageLine]] = []
    if all(line.top is not None for line, _ in members):
        for value in (lambda ln: ln.top, lambda ln: ln.bottom):
            if any(value(line) is None for line, _ in members):
                continue
            ordered = sorted((line for line, _ in members), key=value)
            run = [ordered[0]]
            for line in ordered[1:]:
                if value(line) - value(run[-1]) <= _TOLERANCE:
                    run.append(line)
                else:
                    out.append(run)
                    run = [line]
            out.append(run)
        return out
    by_place: dict[tuple[str, int], list[PageLine]] = {}
    for line, count in members:
        from_foot = count - 1 - line.index
        if line.index < _TEXT_EDGE:
            by_place.setdefault(("top", line.index), []).append(line)
        if from_foot < _TEXT_EDGE:
            by_place.setdefault(("foot", from_foot), []).append(line)
    return list(by_place.values())


def _take_varying_number(cluster: list[PageLine], numbers: list[str | None]) -> None:
    """In a repeated line such as "Board report | 7", the number that changes page by page is the
    page number; numbers that stay the same (a date, an item number) are not."""
    for line in cluster:
        if numbers[line.page] is None and (m := _PAGE_WORD.search(line.text)):
            numbers[line.page] = m.group("num")
    runs = {line.page: _DIGITS.findall(line.text) for line in cluster}
    sizes = {len(r) for r in runs.values()}
    if len(runs) < 2 or len(sizes) != 1:
        return
    for slot in range(sizes.pop()):
        values = {page: r[slot] for page, r in runs.items()}
        if len(set(values.values())) == len(values):  # a different number on every page
            for page, value in values.items():
                if numbers[page] is None:
                    numbers[page] = value
            return
