"""Frozen dataclasses for a pack and its documents.

Block text is plain text, already repaired by a reader: no markup, no page numbers, no note
markers. Inline structure lives in spans whose offsets index into that text; a note reference is
a zero-width span at the point where the marker was printed.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

BLOCK_KINDS = ("heading", "paragraph", "list_item", "quote", "table")
SPAN_KINDS = ("emphasis", "strong", "link", "note_ref", "superscript")
NOTE_STATUSES = ("defined", "missing", "duplicate")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    target: str | None = None  # a URL for links, a note key for note_ref


@dataclass(frozen=True)
class Region:
    """Where one printed line of a block sits on a page of the source PDF.

    `page` is the 0-based page index in the file (not the printed number); the box is in PDF points
    measured from the page's top-left corner; `start` is the offset in the block's text where this
    line's text begins, so a search hit or a highlight at offset k lies on the last region whose
    start is at most k.
    """

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    start: int = 0


@dataclass(frozen=True)
class Block:
    id: str
    kind: str
    text: str
    level: int | None = None  # headings only
    number: str | None = None  # printed paragraph number, e.g. "4.3"
    page: int | None = None  # printed page the block starts on, when the source establishes it
    spans: tuple[Span, ...] = ()
    marker: str | None = None  # list items: the printed bullet or ordinal ("•", "1.")
    rows: tuple[tuple[str, ...], ...] | None = None  # tables only
    role: str | None = None  # "attribution", "figure", "front-matter": how to present it
    line: int | None = None  # 1-based line in the source where the block starts
    regions: tuple[Region, ...] = ()  # PDF sources only: the block's lines on the pages, in order

    @property
    def note_refs(self) -> tuple[str, ...]:
        return tuple(s.target for s in self.spans if s.kind == "note_ref" and s.target)


@dataclass(frozen=True)
class Note:
    key: str  # unique in the document; "23" and "23~2" for a printed label used twice
    label: str  # as printed
    kind: str  # "footnote" | "endnote"
    status: str  # "defined" | "missing" | "duplicate"
    text: str | None
    ibid_of: str | None = None
    spans: tuple[Span, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class DocumentMeta:
    id: str
    title: str
    file: str
    format: str = "auto"
    short_title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    licence: str | None = None

    @property
    def cite_name(self) -> str:
        return self.short_title or self.title


@dataclass(frozen=True)
class Document:
    meta: DocumentMeta
    format: str  # the format actually used to read it
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...] = ()
    remarks: tuple[str, ...] = ()  # what the reader wants a user to know about this copy

    @property
    def id(self) -> str:
        return self.meta.id

    def __reduce__(self):
        # Pickled as bytes of its own: pickle holds the interpreter lock for a whole dump, and a
        # pack in one piece (Kent's: 0.34 s) stalls the window while a thread caches it or hands it
        # to the index's worker processes. Paper by paper, the longest hold is the largest paper's.
        # The lookup tables built on first use are left out; they are built again when needed.
        fields = (self.meta, self.format, self.blocks, self.notes, self.remarks)
        return _document_from, (pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL),)

    @property
    def title(self) -> str:
        return self.meta.title

    def block(self, block_id: str) -> Block | None:
        return self._blocks_by_id.get(block_id)

    def note(self, key: str) -> Note | None:
        return self._notes_by_key.get(key)

    def paragraph_number(self, block_id: str) -> str | None:
        """The number a meeting would cite for the block: its own, or for a bullet, the number of
        the paragraph its list belongs to ("para 2.5" for the factors listed under 2.5)."""
        index = next((i for i, b in enumerate(self.blocks) if b.id == block_id), None)
        if index is None:
            return None
        if self.blocks[index].number:
            return self.blocks[index].number
        while index > 0 and self.blocks[index].kind == "list_item":
            index -= 1
            if self.blocks[index].number:
                return self.blocks[index].number
        return None

    @property
    def headings(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "heading")

    @property
    def _blocks_by_id(self) -> dict[str, Block]:
        cache = self.__dict__.get("_block_index")
        if cache is None:
            cache = {b.id: b for b in self.blocks}
            object.__setattr__(self, "_block_index", cache)
        return cache

    @property
    def _notes_by_key(self) -> dict[str, Note]:
        cache = self.__dict__.get("_note_index")
        if cache is None:
            cache = {n.key: n for n in self.notes}
            object.__setattr__(self, "_note_index", cache)
        return cache


def _document_from(fields: bytes) -> Document:
    return Document(*pickle.loads(fields))


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        # path:line: message, the form editors and terminals jump to
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    root: Path
    meeting: str | None = None
    documents: tuple[Document, ...] = ()
    comparisons: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def document(self, doc_id: str) -> Document | None:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        return None
