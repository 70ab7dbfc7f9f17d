"""The order of a new pack's papers, taken from its agenda when it has one.

The agenda is found by what it does, not by its name: the paper whose first page numbers items that
other papers of the batch answer to. A paper answers to an item that prints its decision number
("24/00108" for "24-00108 - PROD.pdf") or most of its title's words. The agenda comes first, then each
item's papers (the one closest to the item's wording first, the rest by name), then papers no item
names, by name. Without an agenda the papers keep the order they were given in.
"""

from __future__ import annotations

import re

_ITEM = re.compile(r"^\s*(\d{1,2})\.\s+(\S.*)$")
_DECISION = re.compile(r"\b(\d{2})\s*[/-]\s*(\d{5})\b")
_WORD = re.compile(r"[^\W\d_]{4,}")


def agenda_items(first_page: str) -> list[str]:
    """Numbered items on an agenda page, each with the lines that continue it."""
    items: list[str] = []
    for line in first_page.splitlines():
        found = _ITEM.match(line)
        if found:
            items.append(found.group(2).strip())
        elif items and line.strip() and line[:1].isspace():
            items[-1] += " " + line.strip()
        elif not line.strip() and items:
            items.append("")  # a blank line ends an item's continuation
    return [item for item in items if item]


def order(names: list[str], first_pages: list[str], sort_names: list[str]) -> list[int]:
    """Indexes of the papers in pack order; `names` are what each paper is called (title and file),
    `sort_names` what orders papers with nothing else to go by (their file names)."""
    common = _common_words(names)
    words = [_words(name) - common for name in names]
    best: tuple[int, int, dict[int, tuple[int, float]]] | None = None  # (matched, agenda, matches)
    for candidate, page in enumerate(first_pages):
        items = agenda_items(page)
        if len(items) < 3:
            continue
        matches = {}
        for paper, name in enumerate(names):
            if paper == candidate:
                continue
            found = _match(name, words[paper], items)
            if found is not None:
                matches[paper] = found
        if len(matches) >= 2 and (best is None or len(matches) > best[0]):
            best = (len(matches), candidate, matches)
    if best is None:
        return list(range(len(names)))
    _, agenda, matches = best
    rest = [i for i in range(len(names)) if i != agenda]

    def key(i: int) -> tuple:
        if i in matches:
            item, score = matches[i]
            return (0, item, -score, sort_names[i].casefold())
        return (1, 0, 0.0, sort_names[i].casefold())

    return [agenda, *sorted(rest, key=key)]


def _match(name: str, words: set[str], items: list[str]) -> tuple[int, float] | None:
    decisions = {"".join(m) for m in _DECISION.findall(name)}
    for index, item in enumerate(items):
        if decisions & {"".join(m) for m in _DECISION.findall(item)}:
            return index, 1.0 + _overlap(words, item)
    scored = [(_overlap(words, item), index) for index, item in enumerate(items)]
    score, index = max(scored)
    if score >= 0.5 and len(words & _words(items[index])) >= 2:
        return index, score
    return None


def _overlap(words: set[str], item: str) -> float:
    return len(words & _words(item)) / len(words) if words else 0.0


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _common_words(names: list[str]) -> set[str]:
    """Words in at least half the papers' names ("appendix"): they tell papers apart from nothing."""
    counts: dict[str, int] = {}
    for name in names:
        for word in _words(name):
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if len(names) >= 4 and n * 2 >= len(names)}
