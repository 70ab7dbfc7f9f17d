"""The index schema. Bump SCHEMA_VERSION whenever fields or analysis change: old indexes rebuild."""

from __future__ import annotations

from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter2 import stem

SCHEMA_VERSION = 3

# Stop words are kept: "right wing", "the threat we face" are phrases readers quote.
# Porter2 (Snowball English): unlike the original Porter stemmer it gives "integrated" and
# "integration", "segregated" and "segregation", "spy" and "spies" one stem each.
STEMMED = StemmingAnalyzer(stemfn=stem, stoplist=None, minsize=1, cachesize=100_000)
EXACT = StandardAnalyzer(stoplist=None, minsize=1)


def make_schema() -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),
        doc=ID(stored=True, sortable=True),  # sortable: per-document counts in the same pass
        block=STORED(),
        kind=ID(stored=True),
        section=STORED(),
        number=STORED(),
        page=STORED(),
        order=NUMERIC(stored=True, sortable=True),
        # The model holds the text; the index only needs to find it. Stemmed with positions for
        # phrases; an unstemmed copy for prefix, fuzzy and "did you mean" (a stemmed prefix such
        # as unde* would match every stem that starts that way).
        text=TEXT(analyzer=STEMMED, phrase=True, multitoken_query="phrase"),  # counter-terrorism
        exact=TEXT(analyzer=EXACT, phrase=False),
    )
