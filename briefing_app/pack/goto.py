"""Go to a place the way a meeting names it: "para 5.2", "p. 8", "note 12", in one document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.pack.model import Document

_PATTERNS = (
    ("para", re.compile(r"^(?:paragraph|paras?|§|¶)\.?\s*(\d+(?:\.\d+)*[a-z]?)\.?$", re.IGNORECASE)),
    ("page", re.compile(r"^(?:pages?|pp?)\.?\s*(\d+)$", re.IGNORECASE)),
    ("note", re.compile(r"^(?:foot|end)?(?:notes?|fn|n)\.?\s*(\d+[a-z]?)$", re.IGNORECASE)),
    ("para", re.compile(r"^(\d+\.\d+(?:\.\d+)*)$")),  # a bare "5.2" is a paragraph number
)


@dataclass(frozen=True)
class Place:
    """Where a "go to" lands: a block, and for a note the note's key (its marker is the place)."""

    block: str
    note: str | None = None


@dataclass(frozen=True)
class Request:
    kind: str  # "para" | "page" | "note"
    value: str


def parse_request(text: str) -> Request | None:
    """ "para 5.2" -> Request("para", "5.2"); None when the text names no kind of place."""
    text = " ".join(text.strip().split())
    for kind, pattern in _PATTERNS:
        if m := pattern.match(text):
            return Request(kind, m.group(1))
    return None


def find_place(doc: Document, request: Request) -> Place | None:
    """The place in `doc`, or None when the document has no such paragraph, page or note."""
    if request.kind == "para":
        block = next((b for b in doc.blocks if b.number == request.value), None)
        return Place(block.id) if block else None
    if request.kind == "page":
        page = int(request.value)
        block = next((b for b in doc.blocks if b.page is not None and b.page >= page), None)
        return Place(block.id) if block is not None and block.page == page else None
    note = next((n for n in doc.notes if n.label == request.value), None)
    if note is None:
        return None
    block = next((b for b in doc.blocks if note.key in b.note_refs), None)
    return Place(block.id, note.key) if block else None
