"""Writing a whole index in one go: one W3 segment per process, its postings gathered per term.

Briefing only writes an index from scratch, into an empty folder (store.build_index). Whoosh's
SegmentWriter is made for adding to a live index: every posting becomes a tuple in a sorting
pool, all the tuples are sorted, and the segment is written from the sorted pool. On a 10 MB
pack that took most of the build. Here each process gathers its share of the entries' postings
term by term in memory, sorts only the terms, and hands each term's postings to the codec whole.

What is written is an ordinary W3 index: Whoosh's own per-document writer, field writer, segments
and table of contents. A test compares every file of a segment, byte for byte, with what
Whoosh's SegmentWriter writes with the same codec. Entries are shared out in runs, so their
numbers across segments follow the order they were given in.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import accumulate
from pathlib import Path
from typing import Any, TypeVar

from whoosh.fields import Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, clean_files
from whoosh.util.numeric import byte_to_length

from briefing_app.search.analysis import (
    frequency_value,
    positions_value,
    single_position_value,
    where,
    words,
)
from briefing_app.search.codec import BriefingCodec, length_to_byte
from briefing_app.search.schema import IndexedText

INDEX_NAME = "MAIN"  # Whoosh's default, which open_dir reads
Fields = dict[str, Any]  # one entry's field values, as add_document takes them
Progress = Callable[[int, int, str], None]  # done, total, what is happening
T = TypeVar("T")
# The part of writing a segment spent reading entries into postings, before terms are written
# (measured on the 10 MB pack): the progress bar runs on through both steps.
GATHERING = 0.6


def write_index(
    folder: Path,
    schema: Schema,
    docs: Sequence[Fields],
    processes: int = 1,
    progress: Progress | None = None,
    start_method: str | None = None,
    while_waiting: Callable[[], T] | None = None,
) -> T | None:
    """Write `docs` as a new index in the empty `folder`. The other processes start with
    `start_method` ("spawn" from a program that runs threads: forking one is unsafe). This
    process writes the first share, then runs `while_waiting` (if given) while the others
    finish theirs (they start later), and returns its result."""
    storage = FileStorage(str(folder)).create()
    storage.create_index(schema, INDEX_NAME)
    shares = _shares(docs, processes)
    own = _share_progress(progress, len(docs), len(shares))
    extra = None
    if len(shares) == 1:
        segments = [write_segment(str(folder), schema, shares[0], own)]
        extra = while_waiting() if while_waiting else None
    else:
        context = multiprocessing.get_context(start_method)
        with ProcessPoolExecutor(len(shares) - 1, mp_context=context) as pool:
            others = [pool.submit(write_segment, str(folder), schema, share) for share in shares[1:]]
            segments = [write_segment(str(folder), schema, shares[0], own)]
            extra = while_waiting() if while_waiting else None
            segments += [f.result() for f in others]
    if progress:
        progress(len(docs), len(docs), "Writing the index")
    TOC(schema, segments, 1).write(storage, INDEX_NAME)
    clean_files(storage, INDEX_NAME, 1, segments)
    storage.temp_storage(f"{INDEX_NAME}.tmp").destroy()  # the per-document writers' scratch
    return extra


def write_segment(
    folder: str, schema: Schema, docs: Sequence[Fields], progress: Progress | None = None
) -> Any:
    """Write `docs` as one new segment in the index folder and return it (not yet listed)."""
    storage = FileStorage(folder)
    codec = BriefingCodec()
    segment = codec.new_segment(storage, INDEX_NAME)
    with _cyclic_gc_paused():
        fields = _gather(storage, codec, segment, schema, docs, _part(progress, len(docs), 0, GATHERING))
        segment.set_doc_count(len(docs))
        writer = codec.field_writer(storage, segment)
        terms, written = sum(len(f.terms) for f in fields.values()), 0
        step = max(1, terms // 50)
        writing = _part(progress, len(docs), GATHERING, 1 - GATHERING)
        for name in sorted(fields):
            table = fields[name]
            if not table.terms:
                continue  # as Whoosh: a field with no postings is not listed
            writer.start_field(name, table.field)
            length_of = table.lengths.__getitem__
            for term in sorted(table.terms):
                writer.write_term(term, *table.postings(term), length_of)
                written += 1
                if writing and written % step == 0:
                    writing(written, terms, "Writing the index")
            writer.finish_field()
        writer.close()
    if segment.should_assemble():
        segment.create_compound_file(storage)
        segment.compound = True
    return segment


class _FieldPostings:
    """One field's postings in a segment, per term, and each entry's length as the index
    stores it (one byte: the field writer records the shortest and longest in each block)."""

    def __init__(self, field: Any, count: int) -> None:
        if field.vector or field.separate_spelling():
            raise ValueError("bulk writing has no term vectors or separate spelling words")
        self.field = field
        # Each term's postings as one flat list, (entry number, weight, value) after one
        # another: one list operation per posting instead of three.
        self.terms: dict[bytes, list] = {}
        self.lengths: list[int | None] = [None] * count
        self.fused = isinstance(field, IndexedText) and field.fused

    def postings(self, term: bytes) -> tuple[list[int], list[float | int], list[bytes]]:
        flat = self.terms[term]
        return flat[0::3], flat[1::3], flat[2::3]

    def add(self, docnum: int, value: Any, split: dict[str, list[str]]) -> int:
        """Gather one entry's postings; return the length the per-document writer records.
        `split` keeps the entry's texts already split into words: the stemmed and the exact
        field index the same text."""
        field = self.field
        if self.fused and isinstance(value, str):
            if value not in split:
                split[value] = words(value)
            terms = field.terms_of(split[value])
            if field.has_positions:
                self._add_positions(docnum, terms)
            else:
                self._add_counts(docnum, terms)
            length = len(terms)
        else:
            length = 0
            table = self.terms
            for term, freq, weight, value_bytes in field.index(value):
                table.setdefault(term, []).extend((docnum, weight, value_bytes))
                length += freq
        if not field.scorable:
            return 0
        if length:
            self.lengths[docnum] = byte_to_length(length_to_byte(length))
        return length

    # Weights are kept as the int frequencies they are (small ints are shared objects, a float
    # per posting is not); the codec writes them as W3 does, as float32.

    def _add_positions(self, docnum: int, terms: list[bytes]) -> None:
        table = self.terms
        get = table.get
        for term, positions in where(terms).items():
            n = len(positions)
            value = single_position_value(positions[0]) if n == 1 else positions_value(positions)
            found = get(term)
            if found is None:
                table[term] = [docnum, n, value]
            else:
                found += (docnum, n, value)

    def _add_counts(self, docnum: int, terms: list[bytes]) -> None:
        table = self.terms
        get = table.get
        for term, n in Counter(terms).items():
            found = get(term)
            if found is None:
                table[term] = [docnum, n, frequency_value(n)]
            else:
                found += (docnum, n, frequency_value(n))


def _gather(
    storage: FileStorage,
    codec: BriefingCodec,
    segment: Any,
    schema: Schema,
    docs: Sequence[Fields],
    progress: Progress | None,
) -> dict[str, _FieldPostings]:
    """Stored fields, lengths and columns go to Whoosh's per-document writer, as SegmentWriter
    sends them; postings are gathered per field and term."""
    perdoc = codec.per_document_writer(storage, segment)
    fields = {name: _FieldPostings(field, len(docs)) for name, field in schema.items() if field.indexed}
    total = len(docs)
    step = max(1, total // 50)
    for docnum, doc in enumerate(docs):
        perdoc.start_doc(docnum)
        split: dict[str, list[str]] = {}
        for name in sorted(doc):
            value = doc[name]
            if value is None:
                continue
            field = schema[name]
            length = fields[name].add(docnum, value, split) if field.indexed else 0
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        if progress and docnum % step == 0:
            progress(docnum, total, "Indexing")
    perdoc.close()
    return fields


def _shares(docs: Sequence[Fields], processes: int) -> list[Sequence[Fields]]:
    """Runs of entries with about the same amount of text each."""
    if processes <= 1 or len(docs) < 2 * processes:
        return [docs]
    sizes = list(accumulate(sum(len(v) for v in d.values() if isinstance(v, str)) + 1 for d in docs))
    bounds, i = [0], 0
    for k in range(1, processes):
        goal = sizes[-1] * k / processes
        while sizes[i] < goal:
            i += 1
        bounds.append(i + 1)
    bounds.append(len(docs))
    return [docs[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _part(progress: Progress | None, total: int, start: float, size: float) -> Progress | None:
    """A step's own progress (done of its own total) as its part of one bar over `total`."""
    if progress is None:
        return None
    return lambda done, of, what: progress(round(total * (start + size * done / max(1, of))), total, what)


def _share_progress(progress: Progress | None, total: int, shares: int) -> Progress | None:
    """This process's own share stands for the whole: the others go at about the same pace."""
    if progress is None:
        return None
    return lambda done, _share_total, what: progress(min(total, done * shares), total, what)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Writing creates millions of small objects that live until the segment is written, and
    the cyclic collector rescans them all again and again (a third of the indexing time on a
    10 MB pack). Postings hold no cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
