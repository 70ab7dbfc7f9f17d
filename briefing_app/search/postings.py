"""A word's postings read a block at a time.

Whoosh's matchers hand out one posting per method call, about a microsecond each. Its W3 posting
lists are stored in blocks of up to 128, each decompressed and unpickled whole; taking whole blocks
is two to three times quicker. Lists that Whoosh inlines in its term table (a single posting) have
no blocks and are read through the matcher.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import IndexReader

Block = tuple[int, tuple[int, ...], tuple]  # entry number offset, ids, weights or values (or ())


def indexed_term(reader: IndexReader, field: str, text) -> bytes | None:
    """The word as the index stores it in `field`, or None when no entry holds it there."""
    if field not in reader.schema:
        return None
    try:
        term = reader.schema[field].to_bytes(text)
    except ValueError:
        return None
    return term if (field, term) in reader else None


def _blocks(reader: IndexReader, field: str, term: bytes, part: str = "") -> Iterator[Block]:
    """Each block of the term's postings, with its "weights" or "values" when `part` names them."""
    for leaf, offset in reader.leaf_readers():
        if (field, term) not in leaf:
            continue
        m = leaf.postings(field, term)
        if not isinstance(m, W3LeafMatcher):
            ids, found = [], []
            while m.is_active():
                ids.append(m.id())
                if part:
                    found.append(m.weight() if part == "weights" else m.value())
                m.next()
            yield offset, tuple(ids), tuple(found)
            continue
        while m.is_active():
            m._read_data()
            ids = tuple(accumulate(m._data[0]))  # W3 stores a block's ids as gaps
            if part == "weights":
                m._read_weights()
                yield offset, ids, m._weights
            elif part == "values":
                m._read_values()
                yield offset, ids, m._values
            else:
                yield offset, ids, ()
            m._next_block()


def term_ids(reader: IndexReader, field: str, term: bytes) -> list[int]:
    """The numbers of the entries holding the term, ascending."""
    out: list[int] = []
    for offset, ids, _ in _blocks(reader, field, term):
        out.extend([i + offset for i in ids] if offset else ids)
    return out


def term_weight_lists(reader: IndexReader, field: str, term: bytes) -> tuple[list[int], list[float]]:
    """The entries holding the term, ascending, and the term's weight in each."""
    entries: list[int] = []
    weights: list[float] = []
    for offset, ids, found in _blocks(reader, field, term, "weights"):
        entries.extend([i + offset for i in ids] if offset else ids)
        weights.extend(found)
    return entries, weights


def term_values(reader: IndexReader, field: str, term: bytes) -> dict[int, bytes]:
    """Each entry holding the term, with its encoded posting value (positions, in a phrase field)."""
    out: dict[int, bytes] = {}
    for offset, ids, values in _blocks(reader, field, term, "values"):
        out.update(zip([i + offset for i in ids] if offset else ids, values, strict=True))
    return out
