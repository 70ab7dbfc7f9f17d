"""Whoosh's W3 codec, writing a segment's postings a term at a time, in blocks pickled with a
current pickle protocol.

Writing: Whoosh passes every posting through three method calls with type assertions and looks
up the entry's field length with a file read each time, most of the time spent writing a segment.
Here each field's lengths are read once, and each term's postings are cut into blocks and handed
to the W3 postings writer one block at a time.

Reading: W3 pickles each block of postings with protocol 2, which stores every bytes value (a
posting's positions) as a call to `_codecs.encode`. Unpickling a block of a common word then
took 137 microseconds; with protocol 5 it takes 15, and the block is half the size. Whoosh reads
either protocol, so the index is still a plain W3 index: a test reads every posting back and
compares it with what W3Codec writes.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from itertools import groupby
from operator import itemgetter, sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PerDocReader,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.util.numeric import byte_to_length, length_to_byte

BLOCK_PROTOCOL = 5  # Python 3.8 and later read it

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
                postings = list(term_items)
                if postings[0][2] == -1:  # Whoosh's spelling-only rows (none in Briefing's schema)
                    postings = [p for p in postings if p[2] != -1]
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
            ids = list(map(_ID, block))
            weights = list(map(_WEIGHT, block))
            writer._ids.extend(ids)
            writer._weights.extend(weights)
            writer._maxweight = max(0, *weights)
            writer._values.extend(filter(None, map(_VALUE, block)))
            known = list(filter(None, map(length_of, ids)))
            if known:
                writer._minlength = min(known)
                writer._maxlength = max(known)


_ID, _WEIGHT, _VALUE = itemgetter(2), itemgetter(3), itemgetter(4)


class _BlockWriter(W3PostingsWriter):
    def _mini_ids(self) -> tuple:
        # W3's gaps between ids, subtracted in C rather than by a generator.
        ids = self._ids
        if self._byteids:
            return tuple(ids)
        return (ids[0], *map(sub, ids[1:], ids[:-1]))

    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block, with the block's data pickled with BLOCK_PROTOCOL.
        postfile = self._postfile
        if not self._blockcount:
            postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = dumps((self._mini_ids(), self._mini_weights(), self._mini_values()), BLOCK_PROTOCOL)
        compression = self._compression if len(data) >= COMPRESSION_MIN_SIZE else 0
        if compression:
            data = zlib.compress(data, compression)
        ids = self._ids
        info = (
            len(ids),
            ids[-1],
            self._maxweight,
            compression,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
        )
        infobytes = dumps(info, 2)
        length = len(infobytes) + len(data)
        postfile.write_int(-length if last else length)  # negative: the term's last block
        postfile.write(infobytes)
        postfile.write(data)
        self._blockcount += 1
        self._new_block()


class BriefingCodec(W3Codec):
    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return _BlockWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def per_document_reader(self, storage: Any, segment: Any) -> W3PerDocReader:
        return _WholeLengthsReader(storage, segment)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return _TermAtATimeWriter(self, storage, segment)
