"""Find a quoted passage in the pack: (document, block, character range) or nothing.

Whitespace, line wraps and markup are ignored; nothing else is: a quote must use the source's
own words, spelling and punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.pack.model import Document
from briefing_app.pack.readers.inline import parse_inline

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Located:
    doc: str
    block: str
    start: int
    end: int
    text: str  # the words as the model has them


def normalise_quote(quote: str) -> str:
    return _SPACE.sub(" ", parse_inline(quote).text).strip()


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs made single spaces, and for each kept character its offset."""
    out, where = [], []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(ch)
            previous_space = False
        where.append(i)
    return "".join(out), where


def locate(doc: Document, quote: str) -> Located | None:
    wanted = normalise_quote(quote)
    if not wanted:
        return None
    for block in doc.blocks:
        squeezed, where = _squeeze(block.text)
        at = squeezed.find(wanted)
        if at != -1:
            start = where[at]
            end = where[at + len(wanted) - 1] + 1
            return Located(doc.id, block.id, start, end, block.text[start:end])
    return None
