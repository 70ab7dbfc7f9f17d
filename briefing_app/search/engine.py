"""Run queries against an open index: parse, match and score (Whoosh), then group the hits."""

from __future__ import annotations

import re
from contextlib import suppress

from whoosh import index as windex
from whoosh import query as wquery
from whoosh.searching import Searcher

from briefing_app.errors import BriefingError, IndexDamaged
from briefing_app.pack.model import Pack
from briefing_app.search.entries import Entry, iter_entries
from briefing_app.search.lexicon import Lexicon
from briefing_app.search.query import DocumentName, make_parser, parse, plain_words
from briefing_app.search.results import SearchHit, SearchResult, grouped
from briefing_app.search.snippets import marks_of


class SearchEngine:
    def __init__(self, pack: Pack, ix: windex.Index, entries: list[Entry] | None = None) -> None:
        """`entries`: the pack's index entries (entries.iter_entries), if already read."""
        self.pack = pack
        self.ix = ix
        self.searcher: Searcher = ix.searcher()
        self.parser = make_parser(ix.schema)
        self.documents = [
            DocumentName(d.id, tuple(n for n in (d.id, d.meta.short_title, d.title) if n))
            for d in pack.documents
        ]
        self._pack_entries = entries
        self._lexicon: Lexicon | None = None
        self._entries: list[Entry | None] | None = None  # by index entry number

    def warm(self) -> None:
        """Read now what the first searches would stop to read: the entries behind the index's
        numbers and the unstemmed vocabulary (a first test of the files, too)."""
        self._entries_by_docnum()
        self.lexicon  # noqa: B018 - built on first access

    def close(self) -> None:
        with suppress(Exception):  # a damaged (or already closed) index is closed all the same
            self.searcher.close()
        self.ix.close()

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            reader = self.searcher.reader()
            terms = [t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon("exact")]
            self._lexicon = Lexicon(terms, lambda t: reader.doc_frequency("exact", t))
        return self._lexicon

    def search(self, text: str) -> SearchResult:
        """Every hit of the query, best first and by document. Raises QuerySyntaxError, or
        IndexDamaged when Whoosh fails on the index's files, whatever it raises."""
        q = parse(self.parser, text, self.documents, lambda: self._checked(lambda: self.lexicon))
        return self._checked(lambda: self._search(text, q))

    def _checked(self, work):
        try:
            return work()
        except BriefingError:
            raise
        except Exception as exc:
            raise IndexDamaged(f"The search index is damaged ({type(exc).__name__}: {exc}).") from exc

    def _search(self, text: str, q: wquery.Query) -> SearchResult:
        marks = marks_of(q)
        entries = self._entries_by_docnum()
        wanted, unwanted = _exclusions_apart(q)
        # Whoosh's order: best first, then index order.
        found = self.searcher.search(wanted, limit=None, mask=unwanted)
        ranked = [
            SearchHit(entry, round(score, 4), marks)
            for docnum, score in found.items()
            if (entry := entries[docnum]) is not None
        ]
        return SearchResult(
            query=text,
            suggestion=self.suggest(text),
            groups=grouped(ranked),
            ranked=tuple(ranked),
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


def _exclusions_apart(q: wquery.Query) -> tuple[wquery.Query, wquery.Query | None]:
    """`word -other` as the words and a mask of what to leave out: Whoosh walks an AND holding a
    NOT through every entry of the index, where a mask is one set of the entries to drop."""
    if isinstance(q, wquery.And):
        unwanted = [c.query for c in q.subqueries if isinstance(c, wquery.Not)]
        wanted = [c for c in q.subqueries if not isinstance(c, wquery.Not)]
        if unwanted and wanted:
            a = wanted[0] if len(wanted) == 1 else wquery.And(wanted, boost=q.boost)
            return a, unwanted[0] if len(unwanted) == 1 else wquery.Or(unwanted)
    return q, None
