"""The index schema and its analysers. Bump SCHEMA_VERSION whenever fields or analysis change:
old indexes are then rebuilt."""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import BiWordFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, TEXT, FieldType, Schema
from whoosh.formats import Existence
from whoosh.lang.porter2 import stem

SCHEMA_VERSION = 10

# A word: letters and digits, with inner dots kept (1.2, e.g). The snippets find words where this
# pattern does (snippets.py), so what they mark is what the index holds.
WORD = re.compile(r"\w+(?:\.?\w+)*")


@lru_cache(maxsize=100_000)
def stem_word(word: str) -> str:
    """Porter2 (Snowball English): unlike the original Porter stemmer it gives "integrated" and
    "integration", "segregated" and "segregation", "spy" and "spies" one stem each."""
    return stem(word)


# Stop words are kept: "right wing", "the threat we face" are phrases readers quote.
STEMMED = RegexTokenizer(WORD) | LowercaseFilter() | StemFilter(stemfn=stem)
EXACT = RegexTokenizer(WORD) | LowercaseFilter()
PAIRS = STEMMED | BiWordFilter(sep=" ")  # "local and": each two stems side by side, one term


def make_schema() -> Schema:
    return Schema(
        # The model holds each entry's text and where it sits; the index only needs to find it
        # and lead back to it, through its key (a column: read as it is, with no pickling).
        key=COLUMN(VarBytesColumn()),
        doc=ID(),  # doc:ID
        # Stemmed with positions for phrases. The unstemmed copy serves prefix, fuzzy and "did
        # you mean" (a stemmed prefix such as unde* would match every stem starting that way),
        # and ranks the word as typed above its other forms.
        text=TEXT(analyzer=STEMMED, phrase=True, multitoken_query="phrase"),
        exact=TEXT(analyzer=EXACT, phrase=False),
        # Where a phrase can be (query.PairedPhrase): which entries hold a pair, not how often.
        pairs=FieldType(Existence(), PAIRS),
    )
