"""Indexing's quicker paths write exactly what Whoosh's own paths write."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import TEXT

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


def _segment_files(folder: Path, codec, entries) -> dict[str, bytes]:
    folder.mkdir()
    ix = windex.create_in(str(folder), make_schema())
    writer = ix.writer(codec=codec, compound=False)
    for e in entries:
        writer.add_document(**e.index_fields())
    writer.commit()
    ix.close()
    # Segment files are named after a random segment id: key them by what follows it.
    return {
        p.name.split(".", 1)[1]: p.read_bytes()
        for p in folder.iterdir()
        if p.suffix in (".trm", ".pst", ".col")
    }


def test_codec_writes_the_same_bytes_as_whoosh(tmp_path, bundled_pack):
    entries = list(iter_entries(bundled_pack))
    stock = _segment_files(tmp_path / "stock", W3Codec(), entries)
    ours = _segment_files(tmp_path / "ours", BriefingCodec(), entries)
    assert set(stock) == set(ours) and {"trm", "pst", "_text_len.col"} <= set(stock)
    for name in stock:
        assert ours[name] == stock[name], name
