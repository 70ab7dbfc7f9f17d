"""Every entry a query matches, as a set, from whole posting blocks.

The results list gives a count for every document, so a search needs all its matches, not only
the top hits. Whoosh finds them by walking its matcher tree a posting at a time; here each word's
postings are read a block at a time and combined as sets, in C. A query with a part this does
not know (a wildcard, a phrase with slop) returns None, and Whoosh's own walk is used.
"""

from __future__ import annotations

from whoosh import query
from whoosh.reading import IndexReader

from briefing_app.search.phrase import CheckedPhrase
from briefing_app.search.postings import indexed_term, term_ids
from briefing_app.search.wordset import WordSet


def matching_entries(q: query.Query, reader: IndexReader) -> set[int] | None:
    if reader.has_deletions():
        return None  # never so for Briefing's indexes, which are rebuilt rather than edited
    return _entries(q, reader)


def _entries(q: query.Query, reader: IndexReader) -> set[int] | None:
    if isinstance(q, query.Term):
        return _term(reader, q.fieldname, q.text)
    if isinstance(q, WordSet):
        return set().union(*(_term(reader, q.fieldname, w) for w in q.words))
    if isinstance(q, CheckedPhrase) and q._checkable(reader.schema):
        found: set[int] = set()
        for leaf, offset in reader.leaf_readers():
            found.update(entry + offset for entry, _ in q.matches(leaf))
        return found
    if isinstance(q, type(query.NullQuery)):
        return set()
    if isinstance(q, query.AndNot):
        return _minus(_entries(q.a, reader), _entries(q.b, reader))
    if isinstance(q, query.And):
        wanted = [c for c in q.subqueries if not isinstance(c, query.Not)]
        unwanted = [c.query for c in q.subqueries if isinstance(c, query.Not)]
        sets = [_entries(c, reader) for c in wanted]
        if not sets or any(s is None for s in sets):
            return None
        out = set.intersection(*sorted(sets, key=len))
        for c in unwanted:
            out = _minus(out, _entries(c, reader))
            if out is None:
                return None
        return out
    if isinstance(q, query.Or) and not q.minmatch:
        sets = [_entries(c, reader) for c in q.subqueries]
        return None if any(s is None for s in sets) else set().union(*sets)
    return None


def _minus(a: set[int] | None, b: set[int] | None) -> set[int] | None:
    return None if a is None or b is None else a - b


def _term(reader: IndexReader, field: str, text) -> set[int]:
    term = indexed_term(reader, field, text)
    return set() if term is None else set(term_ids(reader, field, term))
