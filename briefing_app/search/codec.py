"""Whoosh's W3 codec, writing a term's postings at once, in blocks pickled with a current
pickle protocol.

Writing: Whoosh's postings writer takes one posting per call, with type checks, and keeps a
buffer object, statistics and a term info object per term; most terms of a segment have a
single small block, so the per-term work dominated. `write_term` (fed by bulk.py) encodes all
of a term's blocks and its term info in one go, in the same bytes.

Reading: W3 pickles each block of postings with protocol 2, which stores every bytes value (a
posting's positions) as a call to `_codecs.encode`. Unpickling a block of a common word then
took 137 microseconds; with protocol 5 it takes 15, and the block is half the size. Whoosh reads
either protocol, so the index is still a plain W3 index: tests read every posting and term info
back and compare them with what W3Codec writes.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
    W3TermInfo,
)
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte as _length_to_byte

BLOCK_PROTOCOL = 5  # Python 3.8 and later read it
_TERM_INFO = struct.Struct(W3TermInfo._struct.format)
_RECORD_LENGTHS = struct.Struct("!ii")  # whoosh.filedb.filetables: key and value lengths
length_to_byte = lru_cache(maxsize=4096)(_length_to_byte)  # a bisect in Python, twice a block


def _compress(data: bytes, level: int) -> bytes:
    """zlib at W3's level, with the smallest hash table (memLevel 1). Blocks are a few hundred
    bytes; zlib.compress sets up (and clears) 256 KB of tables for each, which took longer
    than compressing. The stream is a standard zlib stream, a fraction of a percent larger."""
    packer = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS, 1)
    return packer.compress(data) + packer.flush()


def encode_block(
    ids: Sequence[int],
    weights: array,
    values: list[bytes],
    fixed_size: int | None,
    compression: int,
    stats: tuple[float, int | None, int],
    last: bool,
) -> bytes:
    """One block as W3PostingsWriter._write_block writes it: its length (negative for a term's
    last block), its statistics, then its entry numbers as gaps, weights and values, pickled.
    `weights` are float32 as W3 keeps them; `stats` is the block's highest weight and its
    shortest and longest entry lengths."""
    first = weights[0]
    if weights.count(first) == len(weights):
        mini_weights = None if first == 1.0 else first
    else:
        mini_weights = tuple(weights)
    if fixed_size is None or fixed_size < 0:
        mini_values: Any = tuple(values)
    elif fixed_size == 0:
        mini_values = None
    else:
        mini_values = b"".join(values)
    mini_ids = (ids[0], *map(sub, ids[1:], ids[:-1]))
    data = dumps((mini_ids, mini_weights, mini_values), BLOCK_PROTOCOL)
    if len(data) < COMPRESSION_MIN_SIZE:
        compression = 0
    if compression:
        data = _compress(data, compression)
    maxweight, minlength, maxlength = stats
    info = dumps(
        (len(ids), ids[-1], maxweight, compression, length_to_byte(minlength), length_to_byte(maxlength)), 2
    )
    length = len(info) + len(data)
    return pack_int(-length if last else length) + info + data


class _TermAtATimeWriter(W3FieldWriter):
    """write_term keeps a field's postings and term records in memory, with their positions,
    and writes them when the field ends: BufferedWriter.tell() asks the operating system each
    time, and the terms table's own add() makes a dozen calls per term, a third of the time
    spent writing a segment."""

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        super().start_field(fieldname, fieldobj)
        self._postings_at = self._postfile.tell()
        self._terms_at = self._tindex.dbfile.tell()
        self._pending_postings: list[bytes] = []
        self._pending_terms: list[bytes] = []

    def finish_field(self) -> None:
        self._postfile.write(b"".join(self._pending_postings))
        self._tindex.dbfile.write(b"".join(self._pending_terms))
        self._pending_postings, self._pending_terms = [], []
        super().finish_field()

    def start_term(self, btext: bytes) -> None:
        if self._pending_terms:
            raise RuntimeError("start_term after write_term in one field")
        super().start_term(btext)

    def write_term(
        self,
        btext: bytes,
        ids: list[int],
        weights: list[float | int],
        values: list[bytes],
        length_of: Callable[[int], int | None],
    ) -> None:
        """A term's postings, in entry order, written as start_term, add for each posting and
        finish_term would write them, with the same block and term statistics."""
        offset = self._postings_at
        limit = self._codec._blocklimit
        fixed_size = self._format.fixed_value_size()
        compression = self._codec._compression
        count = len(ids)
        parts = [WHOOSH3_HEADER_MAGIC]
        total: float = 0
        minlength: int | None = None
        maxlength = 0
        maxweight: float = 0
        for start in range(0, count, limit):
            end = start + limit
            block = ids[start:end]
            given = weights[start:end]
            block_weights = array("f", given)
            known = list(filter(None, map(length_of, block)))
            top = max(given)
            top = float(top) if top > 0 else 0  # W3 keeps the highest weight above 0, as given
            stats = (top, min(known), max(known)) if known else (top, None, 0)
            parts.append(
                encode_block(
                    block,
                    block_weights,
                    list(filter(None, values[start:end])),
                    fixed_size,
                    compression,
                    stats,
                    end >= count,
                )
            )
            # W3TermInfo.add_block, block by block (the float sums are made in the same order).
            total += sum(block_weights)
            minlength = stats[1] if minlength is None else min(minlength, stats[1])
            maxlength = max(maxlength, stats[2])
            maxweight = max(maxweight, stats[0])
        postings = b"".join(parts)
        self._pending_postings.append(postings)
        self._postings_at += len(postings)
        info = _TERM_INFO.pack(
            False,
            total,
            count,
            0 if minlength is None else length_to_byte(minlength),
            length_to_byte(maxlength),
            maxweight,
            ids[0],
            ids[-1],
        )
        self._add_term(pack_ushort(self._fieldid) + btext, info + pack_long(offset) + pack_int(len(postings)))

    def _add_term(self, key: bytes, value: bytes) -> None:
        # What OrderedHashWriter.add records for a term: its position in the ordered index and
        # its hash bucket, then the record (two lengths, the key, the value).
        tindex = self._tindex
        if key <= tindex.lastkey:
            raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{key!r}")
        at = self._terms_at
        tindex.index.append(at)
        record = _RECORD_LENGTHS.pack(len(key), len(value)) + key + value
        self._pending_terms.append(record)
        self._terms_at = at + len(record)
        h = tindex.hashfn(key)
        tindex.buckets[h & 255].append((h, at))
        tindex.lastkey = key


class _BlockWriter(W3PostingsWriter):
    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block, with the block's data pickled with BLOCK_PROTOCOL.
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        stats = (self._maxweight, self._minlength, self._maxlength)
        fixed_size = self._format.fixed_value_size()
        self._postfile.write(
            encode_block(self._ids, self._weights, self._values, fixed_size, self._compression, stats, last)
        )
        self._blockcount += 1
        self._new_block()


class BriefingCodec(W3Codec):
    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        if byteids:  # term vectors, which Briefing does not write
            return super().postings_writer(dbfile, byteids)
        return _BlockWriter(
            dbfile,
            blocklimit=self._blocklimit,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return _TermAtATimeWriter(self, storage, segment)
