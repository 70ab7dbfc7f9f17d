"""The index schema. Bump SCHEMA_VERSION whenever fields or analysis change: old indexes rebuild."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import formats
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, TEXT, Schema

from briefing_app.search.analysis import FusedTokenizer, Posting, postings, terms

SCHEMA_VERSION = 8

# Stop words are kept: "right wing", "the threat we face" are phrases readers quote.
STEMMED = FusedTokenizer(stemming=True)
EXACT = FusedTokenizer(stemming=False)


class IndexedText(TEXT):
    """A TEXT field whose values become postings in one pass over their words rather than token
    by token through the analyser: the bulk writer (bulk.py) gathers them through `terms_of`, and
    Whoosh's own writer through `index` (analysis.postings), sharing the encoded values, so both
    writers give the same bytes. Queries still go through the analyser."""

    @property
    def fused(self) -> bool:
        return isinstance(self.analyzer, FusedTokenizer)

    @property
    def has_positions(self) -> bool:
        return isinstance(self.format, formats.Positions)

    def terms_of(self, value: str | list[str]) -> list[bytes]:
        """The terms of a value or of its words (analysis.words), in order, for a fused field."""
        return terms(value, self.analyzer.stemming)

    def index(self, value: Any, **kwargs: Any) -> Iterator[Posting]:
        if not isinstance(value, str) or not self.fused:
            return super().index(value, **kwargs)
        return iter(postings(value, self.analyzer.stemming, self.has_positions))


def make_schema() -> Schema:
    return Schema(
        # The model holds each entry's text and where it sits; the index only needs to find it
        # and lead back to it. The key is a column, read as it is: stored fields cost a pickle
        # and a zlib call for every entry, a quarter of the indexing time on a 10 MB pack.
        key=COLUMN(VarBytesColumn()),
        doc=ID(),  # doc:ID
        # Stemmed with positions for phrases; an unstemmed copy for prefix, fuzzy and "did you
        # mean" (a stemmed prefix such as unde* would match every stem that starts that way).
        text=IndexedText(analyzer=STEMMED, phrase=True, multitoken_query="phrase"),  # counter-terrorism
        exact=IndexedText(analyzer=EXACT, phrase=False),
    )
