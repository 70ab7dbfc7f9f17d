"""The index schema. Bump SCHEMA_VERSION whenever fields or analysis change: old indexes rebuild."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import formats
from whoosh.fields import ID, STORED, TEXT, Schema

from briefing_app.search.analysis import FusedTokenizer, Posting, postings

SCHEMA_VERSION = 7

# Stop words are kept: "right wing", "the threat we face" are phrases readers quote.
STEMMED = FusedTokenizer(stemming=True)
EXACT = FusedTokenizer(stemming=False)


class IndexedText(TEXT):
    """A TEXT field that turns a value into postings in one pass (see analysis.postings) rather
    than token by token through the analyser; queries still go through the analyser."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[Posting]:
        analyzer = self.analyzer
        if not isinstance(value, str) or not isinstance(analyzer, FusedTokenizer):
            return super().index(value, **kwargs)
        return iter(postings(value, analyzer.stemming, isinstance(self.format, formats.Positions)))


def make_schema() -> Schema:
    return Schema(
        # Only the document is searched by (doc:ID); the rest say where a hit is. Indexing them
        # too cost every entry several postings (a numeric field adds eight) for nothing.
        key=STORED(),
        doc=ID(stored=True, sortable=True),  # sortable: each entry's document read as one column
        title=STORED(),
        block=STORED(),
        kind=STORED(),
        section=STORED(),
        number=STORED(),
        page=STORED(),
        order=STORED(),
        # The model holds the text; the index only needs to find it. Stemmed with positions for
        # phrases; an unstemmed copy for prefix, fuzzy and "did you mean" (a stemmed prefix such
        # as unde* would match every stem that starts that way).
        text=IndexedText(analyzer=STEMMED, phrase=True, multitoken_query="phrase"),  # counter-terrorism
        exact=IndexedText(analyzer=EXACT, phrase=False),
    )
