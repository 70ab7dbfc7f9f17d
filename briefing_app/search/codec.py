"""Whoosh's W3 codec, writing a segment's postings a term at a time instead of a posting at a time.

The files are the ones W3Codec writes, byte for byte (a test compares them); only the writing
is cheaper. Whoosh passes every posting through three method calls with type assertions and
looks up the entry's field length with a file read each time: most of the time spent writing
a segment. Here each field's lengths are read once, and each term's postings are cut into
blocks and handed to the W3 postings writer one block at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3FieldWriter, W3PerDocReader, _lenfield
from whoosh.util.numeric import byte_to_length

Item = tuple[str, bytes, int, float, bytes | None]  # field, term, entry number, weight, value


class _WholeLengthsReader(W3PerDocReader):
    def doc_field_length_reader(self, fieldname: str, default: int = 0) -> Callable[[int], Any]:
        column = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return lambda docnum: default
        # One byte per entry up to the last entry with a length; None where Whoosh gives None.
        stored = column._dbfile.get(column._basepos, column._count)
        table = [byte_to_length(b) if b else None for b in stored]
        table.extend([None] * (self._doccount - len(table)))
        return table.__getitem__


class _TermAtATimeWriter(W3FieldWriter):
    def add_postings(self, schema: Any, lengths: Any, items: Iterable[Item]) -> None:
        for fieldname, field_items in groupby(items, key=itemgetter(0)):
            self.start_field(fieldname, schema[fieldname])
            length_of = lengths.doc_field_length_reader(fieldname) if lengths else (lambda docnum: 0)
            for btext, term_items in groupby(field_items, key=itemgetter(1)):
                postings = [p for p in term_items if p[2] != -1]  # -1: Whoosh's spelling-only rows
                if postings:
                    self.start_term(btext)
                    self._add_term_postings(postings, length_of)
                    self.finish_term()
            self.finish_field()

    def _add_term_postings(self, postings: list[Item], length_of: Callable[[int], Any]) -> None:
        # What W3PostingsWriter.add_posting does for each posting, a block at a time: a full
        # block is written when another posting follows; the last one is left for finish_term.
        writer = self._postwriter
        limit = writer._blocklimit
        for start in range(0, len(postings), limit):
            if start:
                writer._write_block()
            block = postings[start : start + limit]
            ids = [p[2] for p in block]
            weights = [p[3] for p in block]
            writer._ids.extend(ids)
            writer._weights.extend(weights)
            writer._maxweight = max(0, *weights)
            writer._values.extend(v for v in (p[4] for p in block) if v)
            known = [n for n in map(length_of, ids) if n]
            if known:
                writer._minlength = min(known)
                writer._maxlength = max(known)


class BriefingCodec(W3Codec):
    def per_document_reader(self, storage: Any, segment: Any) -> W3PerDocReader:
        return _WholeLengthsReader(storage, segment)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return _TermAtATimeWriter(self, storage, segment)
