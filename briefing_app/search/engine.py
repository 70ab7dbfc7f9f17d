"""Run queries against an open index and return plain results."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from whoosh import index as windex
from whoosh import query as wquery
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from briefing_app.pack.model import Pack
from briefing_app.search.entries import Entry, iter_entries
from briefing_app.search.lexicon import Lexicon
from briefing_app.search.matches import matching_entries
from briefing_app.search.query import DocumentName, make_parser, parse, plain_words
from briefing_app.search.scoring import MemoryLengthBM25F
from briefing_app.search.snippets import hit_ranges, snippet
from briefing_app.search.topk import top_hits
from briefing_app.search.wordset import WordSet


@dataclass(frozen=True)
class SearchHit:
    doc: str
    block: str  # block id, or the note key for a note
    kind: str  # block kind, or "note"
    number: str | None
    page: int | None
    section: str
    score: float
    snippet: str
    snippet_ranges: tuple[tuple[int, int], ...]
    text: str
    ranges: tuple[tuple[int, int], ...]  # every matched word in `text`

    @property
    def is_note(self) -> bool:
        return self.kind == "note"

    def location(self, separator: str = " · ") -> str:
        """ "note 12 · p. 3 · 2.2 Outcome": where the hit sits, for a results list."""
        parts = []
        if self.kind == "annotation":
            return self.section  # "your note on ..."
        if self.is_note:
            parts.append(f"note {self.number or self.block}")
        elif self.number:
            parts.append(f"para {self.number}")
        if self.page:
            parts.append(f"p. {self.page}")
        if self.section:
            parts.append(self.section)
        return separator.join(parts) or "Opening of the document"


@dataclass(frozen=True)
class SearchResult:
    query: str
    suggestion: str | None
    total: int
    hits: tuple[SearchHit, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)  # matches per document, over all results


class _Top(NamedTuple):
    docnum: int
    score: float


class SearchEngine:
    def __init__(self, pack: Pack, ix: windex.Index, entries: list[Entry] | None = None) -> None:
        """`entries`: the pack's index entries (entries.iter_entries), if already read."""
        self.pack = pack
        self._pack_entries = entries
        self.ix = ix
        self.weighting = MemoryLengthBM25F()
        self.searcher: Searcher = ix.searcher(weighting=self.weighting)
        self.parser = make_parser(ix.schema)
        self.documents = [
            DocumentName(d.id, tuple(n for n in (d.id, d.meta.short_title, d.title) if n))
            for d in pack.documents
        ]
        self._lexicon: Lexicon | None = None
        # The index keeps only each entry's key; the model it was built from says the rest.
        self._entries: list[Entry | None] | None = None  # by docnum
        self._doc_of: list[str] | None = None  # document id of every index entry, by docnum

    def warm(self) -> None:
        """Read now what the first searches would otherwise stop to read: each entry's document
        and field lengths, and the unstemmed vocabulary (half a second on a 10 MB pack). For a
        thread that opens the engine before handing it over."""
        reader = self.searcher.reader()
        self._documents_by_docnum()
        for leaf, _ in reader.leaf_readers():  # words are scored segment by segment
            for name in ("text", "exact"):
                self.weighting.lengths(leaf, name)
        self.lexicon  # noqa: B018 - built on first access

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            reader = self.searcher.reader()
            terms = [_text(t) for t in reader.lexicon("exact")]
            self._lexicon = Lexicon(terms, lambda t: reader.doc_frequency("exact", t))
        return self._lexicon

    def search(self, text: str, limit: int | None = 50, snippets: bool = True) -> SearchResult:
        q = parse(self.parser, text, self.documents, lambda: self.lexicon)
        doc_of = self._documents_by_docnum()
        # Every match first, as a set, for the counts per document (matches.py); then the top
        # hits scored from those matches (topk.py). Where either does not know a part of the
        # query, Whoosh's own walk and collector do it.
        reader = self.searcher.reader()
        found = matching_entries(q, reader)
        if found is not None and isinstance(q, WordSet) and q.unscored(reader):
            # All alike: Whoosh's top hits are the first entries, after walking every one.
            top = [_Top(n, q.boost) for n in sorted(found)[:limit]]
        elif found is not None and (ranked := top_hits(q, self.searcher, found, limit)) is not None:
            top = [_Top(n, score) for n, score in ranked]
        else:
            top = self.searcher.search(q, limit=limit)
        if found is None:
            found = self.searcher.docs_for_query(q)
        counts = dict(Counter(map(doc_of.__getitem__, found)))
        matched = _positive_terms(q, reader)
        stems = frozenset(t for f, t in matched if f == "text")
        words = frozenset(t for f, t in matched if f == "exact")
        entries = self._entries_by_docnum()
        hits = tuple(
            self._hit(entry, hit.score, stems, words, snippets)
            for hit in top
            if (entry := entries[hit.docnum]) is not None
        )
        total = sum(counts.values())
        return SearchResult(
            query=text,
            suggestion=self.suggest(text) if total == 0 or self._has_unknown_word(text) else None,
            total=total,
            hits=hits,
            counts=counts,
        )

    def _entries_by_docnum(self) -> list[Entry | None]:
        if self._entries is None:
            by_key = {e.key: e for e in self._pack_entries or iter_entries(self.pack)}
            self._pack_entries = None
            keys = self.searcher.reader().column_reader("key")
            # None for an entry the model no longer has: the index was checked against the
            # pack's fingerprint when opened, so only a pack edited since then gives one.
            self._entries = [by_key.get(k.decode("utf-8")) for k in keys]
        return self._entries

    def _documents_by_docnum(self) -> list[str]:
        if self._doc_of is None:
            self._doc_of = [e.doc if e else "" for e in self._entries_by_docnum()]
        return self._doc_of

    def _hit(self, entry: Entry, score: float, stems: set[str], words: set[str], snippets: bool) -> SearchHit:
        doc = self.pack.document(entry.doc)
        if entry.kind == "note":
            note = doc.note(entry.block) if doc else None
            text = note.text if note and note.text else ""
        else:
            block = doc.block(entry.block) if doc else None
            text = block.text if block else ""
        ranges = hit_ranges(text, stems, words) if snippets else ()
        snip, snip_ranges = snippet(text, ranges) if snippets else ("", ())
        return SearchHit(
            doc=entry.doc,
            block=entry.block,
            kind=entry.kind,
            number=entry.number or None,
            page=entry.page or None,
            section=entry.section,
            score=round(float(score), 4),
            snippet=snip,
            snippet_ranges=tuple(snip_ranges),
            text=text,
            ranges=tuple(ranges),
        )

    def _has_unknown_word(self, text: str) -> bool:
        reader = self.searcher.reader()
        return any(reader.doc_frequency("exact", w.lower()) == 0 for w in plain_words(text) if len(w) >= 3)

    def suggest(self, text: str) -> str | None:
        """ "Did you mean": each word unknown to the unstemmed field replaced by its nearest known word."""
        reader = self.searcher.reader()
        suggestion = text
        for word in plain_words(text):
            lower = word.lower()
            if len(lower) < 3 or reader.doc_frequency("exact", lower) > 0:
                continue
            better = self.lexicon.suggest(lower)
            if better:
                suggestion = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", better, suggestion, count=1)
        return suggestion if suggestion != text else None


def _text(term) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _positive_terms(q: wquery.Query, reader: IndexReader) -> set[tuple[str, str]]:
    """The index terms a hit can contain because of the query: prefixes and fuzzy words expanded,
    words under NOT left out (they are never in a hit, and must not be highlighted)."""
    if isinstance(q, wquery.Not):
        return set()
    if isinstance(q, wquery.AndNot):
        return _positive_terms(q.a, reader)
    if q.is_leaf():
        found = set()
        for field, term in q.expanded_terms(reader, phrases=True):
            word = _text(term)
            if field in ("text", "exact") and (field, word) in reader:
                found.add((field, word))
        return found
    out: set[tuple[str, str]] = set()
    for child in q.children():
        out |= _positive_terms(child, reader)
    return out
