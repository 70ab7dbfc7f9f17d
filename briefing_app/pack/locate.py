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
_RUNS = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Located:
    doc: str
    block: str
    start: int
    end: int
    text: str  # the words as the model has them


def normalise_quote(quote: str) -> str:
    return _SPACE.sub(" ", parse_inline(quote).text).strip()


def _original_offsets(text: str) -> list[int]:
    """For each character of the squeezed text, its offset in `text` (a whitespace run maps to its start)."""
    offsets: list[int] = []
    for m in _RUNS.finditer(text):
        if m.group().isspace():
            offsets.append(m.start())
        else:
            offsets.extend(range(m.start(), m.end()))
    return offsets


def _squeezed_blocks(doc: Document) -> list[tuple[str, str]]:
    """(block id, text with whitespace runs made single spaces), worked out once per document."""
    cached = doc.__dict__.get("_squeezed")
    if cached is None:
        cached = [(b.id, _SPACE.sub(" ", b.text)) for b in doc.blocks]
        object.__setattr__(doc, "_squeezed", cached)  # a derived cache on a frozen object
    return cached


def locate(doc: Document, quote: str) -> Located | None:
    wanted = normalise_quote(quote)
    if not wanted:
        return None
    for block_id, squeezed in _squeezed_blocks(doc):
        block = doc.block(block_id)
        at = squeezed.find(wanted)
        if at != -1 and block is not None:
            where = _original_offsets(block.text)
            start = where[at]
            end = where[at + len(wanted) - 1] + 1
            return Located(doc.id, block.id, start, end, block.text[start:end])
    return None
