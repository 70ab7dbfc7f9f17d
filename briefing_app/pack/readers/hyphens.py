"""Line-end hyphenation: "commu-" / "nity" is one word; "ex-" / "servicemen" keeps its hyphen.

The joined word is taken as a word when the document itself uses it elsewhere; a compound is
kept when the document writes it with its hyphen elsewhere, when its first part is a prefix that
English joins with a hyphen (self-, non-, well-), when both halves are words of the document, or
when the second half is capitalised (non-Muslim). Two fragments that are neither are joined:
that is what a word broken by the typesetter looks like.
"""

from __future__ import annotations

import re

from briefing_app.pack.readers.draft import Draft

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+(?:-[A-Za-z\u00c0-\u024f']+)*")
_PREFIXES = frozenset(
    "self ex non anti pro co well counter cross multi inter post pre sub under over long short high low "
    "full part far wide one two three four five half mid semi socio all first second third inner "
    "outer".split()
)
_LEFT = re.compile(r"([A-Za-z\u00c0-\u024f]+)-$")
_RIGHT = re.compile(r"^([A-Za-z\u00c0-\u024f]+)")


def vocabulary(drafts: list[Draft]) -> tuple[set[str], set[str]]:
    """Words and hyphenated compounds of the document, leaving out the halves of line-end breaks."""
    words: set[str] = set()
    compounds: set[str] = set()
    for d in drafts:
        raw = d.raw
        if d.hyphens:
            chars = list(raw)
            for at in d.hyphens:
                chars[at] = "\x00"
            raw = "".join(chars)
        for token in re.split(r"\S*\x00\S*", raw):
            for w in _WORD.findall(token):
                w = w.lower()
                (compounds if "-" in w else words).add(w)
                words.update(w.split("-"))
    return words, compounds


def repair(drafts: list[Draft]) -> None:
    """Remove each line-end hyphen that splits a single word, in place."""
    if not any(d.hyphens for d in drafts):
        return
    words, compounds = vocabulary(drafts)
    for d in drafts:
        for at in sorted(d.hyphens, reverse=True):
            left = _LEFT.search(d.raw[: at + 1])
            right = _RIGHT.match(d.raw[at + 1 :])
            if left and right and _joins(left.group(1), right.group(1), words, compounds):
                d.raw = d.raw[:at] + d.raw[at + 1 :]
                d.line_starts = [(o - 1 if o > at else o, ln) for o, ln in d.line_starts]
        d.hyphens = []


def _joins(left: str, right: str, words: set[str], compounds: set[str]) -> bool:
    lo, ro = left.lower(), right.lower()
    if right[:1].isupper():
        return False
    if lo + ro in words:
        return True
    if f"{lo}-{ro}" in compounds or lo in _PREFIXES:
        return False
    return not (lo in words and ro in words)
