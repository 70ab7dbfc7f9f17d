"""The query language: words (all must match), "phrases", OR, NOT or -word, doc:ID, prefix*, fuzzy~.

Whoosh's parser accepts almost anything and silently reads a stray quote or bracket as a word,
so the query is checked first and a mistake becomes a sentence the reader can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from whoosh import matching, qparser, query
from whoosh.fields import Schema
from whoosh.searching import SearchContext

from briefing_app.errors import QuerySyntaxError
from briefing_app.search.schema import EXACT

if TYPE_CHECKING:
    from briefing_app.search.lexicon import Lexicon

_OPERATORS = {"AND", "OR", "NOT"}
SCORED_LIMIT = 2000  # entries holding a prefix's (or fuzzy word's) words, above which all score alike
EXACT_BOOST = 3.0  # the word as typed, against 1 for any of its forms: enough to rank it first
_DOC_FILTER = re.compile(r'(?i)\bdoc:("([^"]*)"|(\S+))')
_LEADING_MINUS = re.compile(r"(^|\s|\()-(?=[\w\"(])")
# A word with * or ? (prefix, wildcard) or ending in ~ (fuzzy), not already given a field.
_PATTERN_WORD = re.compile(r"(?<![\w:.’'-])([\w’'-]*[*?][\w’'*?-]*|[\w’'-]+~\d*(?:/\d+)?)")


@dataclass(frozen=True)
class DocumentName:
    id: str
    names: tuple[str, ...]  # id, short title, title: what a reader may type after doc:


def normalise_name(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name.lower())


def resolve_documents(text: str, documents: list[DocumentName]) -> str:
    """Replace doc:NAME with doc:ID; a name that is no document of the pack is an error."""

    def replace(m: re.Match) -> str:
        wanted = m.group(2) if m.group(2) is not None else m.group(3)
        key = normalise_name(wanted)
        for d in documents:
            if any(normalise_name(n) == key for n in d.names):
                return f"doc:{d.id}"
        choices = ", ".join(d.names[1] if len(d.names) > 1 else d.id for d in documents)
        raise QuerySyntaxError(f"There is no document called '{wanted}' in this pack. Try one of: {choices}.")

    return _DOC_FILTER.sub(replace, text)


def check_syntax(text: str) -> None:
    if not text.strip():
        raise QuerySyntaxError("Type a word or a phrase to search for.")
    if text.count('"') % 2:
        raise QuerySyntaxError('A phrase is missing its closing quotation mark (").')
    depth = 0
    for ch in re.sub(r'"[^"]*"', "", text):
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            raise QuerySyntaxError("A closing bracket ) has no opening bracket before it.")
    if depth:
        raise QuerySyntaxError("A bracket ( is opened but never closed.")
    words = re.sub(r'"[^"]*"', " PHRASE ", text).replace("(", " ").replace(")", " ").split()
    if words and words[-1] in _OPERATORS:
        raise QuerySyntaxError(f"'{words[-1]}' needs a word after it.")
    if words and words[0] in ("AND", "OR"):
        raise QuerySyntaxError(f"'{words[0]}' needs a word before it.")
    for w in words:
        bare = w.lstrip("-")
        if "*" in bare or "?" in bare:
            head = re.split(r"[*?]", bare)[0]
            if len(head) < 2:
                raise QuerySyntaxError(
                    f"'{w}': a prefix search needs at least two letters before the * (e.g. integ*)."
                )
        if bare.startswith("~") or re.fullmatch(r"[\W_]*~\d*", bare):
            raise QuerySyntaxError(
                f"'{w}': put the ~ straight after a word to allow for typos (e.g. integraton~)."
            )
    positive = [
        w
        for i, w in enumerate(words)
        if w not in _OPERATORS
        and not w.startswith("-")
        and not w.lower().startswith("doc:")
        and not (i > 0 and words[i - 1] == "NOT")
    ]
    if not positive:
        raise QuerySyntaxError("Say what to look for, not only what to leave out or which document.")


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.QueryParser("text", schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    return parser


def parse(
    parser: qparser.QueryParser,
    text: str,
    documents: list[DocumentName],
    vocabulary: Callable[[], Lexicon] | None = None,
) -> query.Query:
    """`vocabulary()` gives the unstemmed words; it is only called when a prefix or fuzzy word
    needs them, since building it for a large pack costs the first search more than the search."""
    check_syntax(text)
    text = resolve_documents(text, documents)
    # "-word" means NOT word; a hyphen inside a word (counter-terrorism) stays part of it.
    text = _LEADING_MINUS.sub(lambda m: f"{m.group(1)}NOT ", text)
    # Send prefix, wildcard and fuzzy words to the unstemmed field before Whoosh analyses them:
    # given the stemmed field, the parser would stem "unde*" to "und*".
    text = _outside_phrases(text, lambda part: _PATTERN_WORD.sub(r"exact:\1", part))
    try:
        parsed = parser.parse(text)
    except Exception as exc:  # Whoosh raises several kinds; all mean the same to a reader
        raise QuerySyntaxError(f"This search could not be understood ({exc}).") from None
    return expand(parsed, text, vocabulary)


def _outside_phrases(text: str, change) -> str:
    parts = text.split('"')
    return '"'.join(change(p) if i % 2 == 0 else p for i, p in enumerate(parts))


def expand(q: query.Query, text: str, vocabulary: Callable[[], Lexicon] | None = None) -> query.Query:
    """A word also looks for itself as written (boosted, so the exact form ranks above the
    other forms of its stem); a prefix or fuzzy word becomes an OR of the known words it stands
    for, taken from the vocabulary in memory: Whoosh's own expansion walks its term automaton
    for a fuzzy word, tens of milliseconds a word."""
    if type(q) is query.Term and q.fieldname == "text" and q.startchar is not None:
        written = text[q.startchar : q.endchar].lower()
        if [t.text for t in EXACT(written)] == [written]:
            both = query.Or([q, query.Term("exact", written, boost=EXACT_BOOST * q.boost)])
            both.matcher_type = query.Or.ARRAY_MATCHER
            return both
        return q
    if type(q) is query.Phrase and q.fieldname == "text" and q.slop == 1 and len(q.words) > 1:
        return PairedPhrase(q.fieldname, q.words, boost=q.boost, char_ranges=q.char_ranges)
    if vocabulary is not None and isinstance(q, (query.FuzzyTerm, query.Prefix)):
        word, known = q.text.lower(), vocabulary()
        if isinstance(q, query.FuzzyTerm):
            words = known.near(word, max(1, min(q.maxdist, 2)))[:50]
        else:
            words = known.starting(word)
        if not words:
            return query.NullQuery
        terms = query.Or([query.Term("exact", w, boost=q.boost) for w in words])
        terms.matcher_type = query.Or.ARRAY_MATCHER  # many words: their entries read into one array
        # Many entries (inte*: 11,000 on a 10 MB pack) all score alike: a prefix says "any of
        # these", not which is best, and scoring each through Whoosh's tree of ORs costs
        # hundreds of milliseconds. Rare words (most typos) keep their scores.
        return AllAlike(terms, q.boost) if known.entries(words) > SCORED_LIMIT else terms
    return q.apply(lambda sub: expand(sub, text, vocabulary))


class PairedPhrase(query.Phrase):
    """A phrase whose word positions are read only in the entries that hold each pair of its
    words side by side (one term each in the pairs field). Whoosh reads them in every entry that
    holds all the words: "local and", 11,000 entries of a 10 MB pack for 693 hits, 110 ms."""

    def matcher(self, searcher, context=None):
        phrase = super().matcher(searcher, context)
        pairs = query.And([query.Term("pairs", f"{a} {b}") for a, b in pairwise(self.words)])
        where = pairs.matcher(searcher, context)
        if not (phrase.is_active() and where.is_active()):
            return matching.NullMatcher()
        # Whoosh's intersection steps its first matcher and skips the second to it. It scores the
        # sum of the two: the pairs' is held at 0, so the phrase scores as Whoosh's own does.
        return matching.IntersectionMatcher(matching.ConstantScoreWrapperMatcher(where, 0.0), phrase)


class AllAlike(query.ConstantScoreQuery):
    """Entries matching the query, all with one score. Its words are read without scoring
    (weighting None), as Whoosh's own prefix query does when told scores do not matter."""

    def matcher(self, searcher, context=None):
        return super().matcher(searcher, (context or SearchContext()).set(weighting=None))


def plain_words(text: str) -> list[str]:
    """The words of a query a reader might have misspelled, in order (operators, filters, prefix
    and fuzzy terms left out; "counter-terrorism" is two words, as the index has it)."""
    out = []
    for token in re.findall(r'doc:(?:"[^"]*"|\S+)|[\w’\'*~-]+', text):
        if token.lower().startswith("doc:") or token in _OPERATORS or any(c in token for c in "*~"):
            continue
        out.extend(w for w in re.split(r"[^\w’']+", token) if w and not w.isdigit())
    return out
