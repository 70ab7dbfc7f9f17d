"""The index schema. Bump SCHEMA_VERSION whenever fields or analysis change: old indexes rebuild."""

from __future__ import annotations

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from briefing_app.search.analysis import FusedTokenizer

SCHEMA_VERSION = 4

# Stop words are kept: "right wing", "the threat we face" are phrases readers quote.
STEMMED = FusedTokenizer(stemming=True)
EXACT = FusedTokenizer(stemming=False)


def make_schema() -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),
        doc=ID(stored=True, sortable=True),  # sortable: per-document counts in the same pass
        block=STORED(),
        kind=ID(stored=True),
        section=STORED(),
        number=STORED(),
        page=STORED(),
        order=NUMERIC(stored=True),
        # The model holds the text; the index only needs to find it. Stemmed with positions for
        # phrases; an unstemmed copy for prefix, fuzzy and "did you mean" (a stemmed prefix such
        # as unde* would match every stem that starts that way).
        text=TEXT(analyzer=STEMMED, phrase=True, multitoken_query="phrase"),  # counter-terrorism
        exact=TEXT(analyzer=EXACT, phrase=False),
    )
