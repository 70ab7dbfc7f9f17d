"""Indexing's quicker paths write exactly what Whoosh's own paths write."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import TEXT

from briefing_app.search.bulk import _FieldPostings, write_index
from briefing_app.search.codec import BriefingCodec
from briefing_app.search.entries import iter_entries
from briefing_app.search.schema import EXACT, STEMMED, make_schema

TRICKY = [
    "Integrated, integration and INTEGRATING: the Prevent duty's 2011 review.",
    "e.g. 5.2 and para 5.2.1 said so; see www.example.gov.uk and counter-terrorism.",
    "Spy, spies, spying; the word * alone, pre* and *post.",
    "Ünïcödé naïve café İstanbul façade — “quoted” ‘words’ 1,000,000.",
    "repeat repeat repeat the the the repeat",
    "",
]


@pytest.mark.parametrize("field", ["text", "exact"])
def test_postings_match_what_the_analyser_gives(field, bundled_pack):
    ours = make_schema()[field]
    analyser = STEMMED if field == "text" else EXACT
    stock = TEXT(analyzer=analyser, phrase=(field == "text"))
    texts = TRICKY + [e.text for e in iter_entries(bundled_pack)]
    for text in texts:
        assert sorted(ours.index(text)) == sorted(stock.index(text)), text


@pytest.mark.parametrize("field", ["text", "exact"])
def test_bulk_writer_gathers_what_the_analyser_gives(field, bundled_pack):
    """The bulk writer's one pass over the words gives each text the postings Whoosh's own
    token-by-token path gives (term, frequency as weight, encoded positions or count)."""
    ours = _FieldPostings(make_schema()[field], 0)
    analyser = STEMMED if field == "text" else EXACT
    stock = TEXT(analyzer=analyser, phrase=(field == "text"))
    texts = TRICKY + [e.text for e in iter_entries(bundled_pack)]
    ours.lengths = [None] * len(texts)
    expected: dict[bytes, list] = {}
    for entry, text in enumerate(texts):
        ours.add(entry, text, {})
        for term, _, weight, value in stock.index(text):
            expected.setdefault(term, []).append((entry, weight, value))
    assert {term: list(zip(*ours.postings(term), strict=True)) for term in ours.terms} == expected


def _index(folder: Path, codec, entries):
    folder.mkdir()
    ix = windex.create_in(str(folder), make_schema())
    writer = ix.writer(codec=codec, compound=False)
    for e in entries:
        writer.add_document(**e.index_fields())
    writer.commit()
    return ix


def _postings(ix) -> dict:
    """Every term's postings: (entry, weight, value) in order, read through Whoosh's own matchers."""
    out = {}
    with ix.reader() as reader:
        for field, term in reader.all_terms():
            m = reader.postings(field, term)
            found = []
            while m.is_active():
                found.append((m.id(), m.weight(), m.value()))
                m.next()
            out[field, term] = found
    return out


def _files(folder: Path, suffix: str) -> dict[str, bytes]:
    # Segment files are named after a random segment id: key them by what follows it.
    return {p.name.split(".", 1)[1]: p.read_bytes() for p in folder.iterdir() if p.suffix == suffix}


def _segment_files(ix) -> dict[str, bytes]:
    """The files of a one-segment index, keyed by what follows the segment id, read from its
    compound file if it has one."""
    (segment,) = ix._segments()
    storage = segment.open_compound_file(ix.storage) if segment.is_compound() else ix.storage
    prefix = f"{segment.indexname}_{segment.segid}"
    try:
        return {n[len(prefix) :]: storage.open_file(n).read() for n in storage.list() if n.startswith(prefix)}
    finally:
        if segment.is_compound():
            storage.close()


def test_codec_writes_what_whoosh_writes(tmp_path, bundled_pack):
    entries = list(iter_entries(bundled_pack))
    stock = _index(tmp_path / "stock", W3Codec(), entries)
    ours = _index(tmp_path / "ours", BriefingCodec(), entries)
    try:
        expected = _postings(stock)
        assert len(expected) > 4000
        assert _postings(ours) == expected
        # Lengths, the key column and the (empty) stored fields are Whoosh's own, byte for byte.
        assert _files(tmp_path / "ours", ".col") == _files(tmp_path / "stock", ".col")
        # The postings are smaller: their blocks are pickled with a current protocol.
        assert sum(map(len, _files(tmp_path / "ours", ".pst").values())) < 0.8 * sum(
            map(len, _files(tmp_path / "stock", ".pst").values())
        )
    finally:
        stock.close()
        ours.close()


def _bulk(folder: Path, entries, processes: int = 1):
    folder.mkdir()
    write_index(folder, make_schema(), [e.index_fields() for e in entries], processes)
    return windex.open_dir(str(folder))


def test_bulk_writer_writes_the_bytes_whoosh_writes(tmp_path, bundled_pack):
    """Every file of the segment (stored fields, lengths, columns, terms and term infos,
    postings) is what Whoosh's own SegmentWriter writes with the same codec, byte for byte."""
    entries = list(iter_entries(bundled_pack))
    theirs = _index(tmp_path / "segment-writer", BriefingCodec(), entries)
    ours = _bulk(tmp_path / "bulk", entries)
    try:
        expected = _segment_files(theirs)
        assert sorted(expected) == [
            "._exact_len.col",
            "._stored.col",
            "._text_len.col",
            ".key.col",
            ".pst",
            ".trm",
        ]
        assert _segment_files(ours) == expected
        assert ours.doc_count() == len(entries)
    finally:
        theirs.close()
        ours.close()


def test_bulk_writer_in_two_processes_numbers_entries_in_order(tmp_path, bundled_pack):
    entries = list(iter_entries(bundled_pack))
    stock = _index(tmp_path / "stock", W3Codec(), entries)
    ours = _bulk(tmp_path / "bulk", entries, processes=2)
    try:
        assert len(ours._segments()) == 2
        # Postings read across both segments are the stock index's, entry numbers included.
        assert _postings(ours) == _postings(stock)
        with ours.reader() as reader, stock.reader() as theirs:
            assert list(reader.column_reader("key")) == [e.key.encode() for e in entries]
            assert list(theirs.column_reader("key")) == [e.key.encode() for e in entries]
            assert [reader.doc_field_length(n, "text") for n in range(len(entries))] == [
                theirs.doc_field_length(n, "text") for n in range(len(entries))
            ]
        # Nothing is left over from writing: the two segments and the table of contents.
        assert sorted(p.suffix for p in (tmp_path / "bulk").iterdir()) == [".seg", ".seg", ".toc"]
    finally:
        stock.close()
        ours.close()
