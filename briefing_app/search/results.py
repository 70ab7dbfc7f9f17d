"""What a search gives back: plain records, no Whoosh objects."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from briefing_app.search.entries import Entry
from briefing_app.search.snippets import Marks, Ranges, hit_ranges, snippet


@dataclass(frozen=True)
class SearchHit:
    """One matching block or note. Its marks and snippet are worked out when first asked for:
    a query can match thousands of entries, and a list shows a screenful at a time."""

    entry: Entry
    score: float
    marks: Marks = Marks()

    doc = property(lambda self: self.entry.doc)
    block = property(lambda self: self.entry.block)  # block id, or the note key for a note
    kind = property(lambda self: self.entry.kind)  # block kind, "note" or "annotation"
    number = property(lambda self: self.entry.number or None)
    page = property(lambda self: self.entry.page or None)
    section = property(lambda self: self.entry.section)
    text = property(lambda self: self.entry.text)
    order = property(lambda self: self.entry.order)  # place in the pack's reading order
    is_note = property(lambda self: self.kind == "note")

    @cached_property
    def ranges(self) -> Ranges:
        """Every marked word (or phrase) in `text`."""
        return hit_ranges(self.entry.text, self.marks)

    @cached_property
    def _snippet(self) -> tuple[str, Ranges]:
        return snippet(self.entry.text, self.ranges)

    snippet = property(lambda self: self._snippet[0])  # the passage shown
    snippet_ranges = property(lambda self: self._snippet[1])  # its marks

    def location(self, separator: str = " · ") -> str:
        """ "note 12 · p. 3 · 2.2 Outcome": where the hit sits, for a results list."""
        if self.kind == "annotation":
            return self.section  # "your note on ..."
        first = f"note {self.number or self.block}" if self.is_note else self.number and f"para {self.number}"
        parts = (first, self.page and f"p. {self.page}", self.section)
        return separator.join(p for p in parts if p) or "Opening of the document"


@dataclass(frozen=True)
class DocumentHits:
    doc: str
    hits: tuple[SearchHit, ...]  # in reading order
    best: SearchHit  # the best ranked: the one a reader is taken to first


@dataclass(frozen=True)
class SearchResult:
    query: str
    suggestion: str | None = None
    groups: tuple[DocumentHits, ...] = ()  # documents in the order of their best hit
    ranked: tuple[SearchHit, ...] = ()  # every hit, best first

    @property
    def total(self) -> int:
        return len(self.ranked)

    @property
    def counts(self) -> dict[str, int]:
        """Matches per document."""
        return {g.doc: len(g.hits) for g in self.groups}

    @property
    def hits(self) -> list[SearchHit]:
        """Every hit as a results list shows them: document by document, each in reading order."""
        return [h for g in self.groups for h in g.hits]


def grouped(ranked: list[SearchHit]) -> tuple[DocumentHits, ...]:
    """Hits (best first) by document: documents in the order of their best hit, and each
    document's hits in reading order."""
    by_doc: dict[str, list[SearchHit]] = {}
    for hit in ranked:
        by_doc.setdefault(hit.doc, []).append(hit)
    return tuple(
        DocumentHits(doc, tuple(sorted(hits, key=lambda h: h.entry.order)), hits[0])
        for doc, hits in by_doc.items()
    )
