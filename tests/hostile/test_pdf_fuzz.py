"""Seeded fuzzing of the PDF reader: a few hundred byte mutations of small PDFs, each read by the
function the pack loading path reads a PDF paper with (`readers.pdf.read`, on the file's bytes, as
`pack/pdfsource.py` calls it). Each must come back as a Document or as Briefing's own error; any
other exception fails the test, naming the case so it can be replayed.

The mutations aim where damage hurts a reader: numbers in content streams and page boxes made huge,
negative or tiny (absurd coordinates, sizes and counts), operators and dictionary keys thrown in,
bytes flipped, spans cut, repeated or dropped. A damaged file must cost time in proportion to its
characters, not to the values written in it; bench/pdf_fuzz_bench.py times the slowest case.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefing_app.pack.model import DocumentMeta
from briefing_app.pack.pdffile import PDFIUM_LOCK
from briefing_app.pack.pdfsource import read_pdf
from briefing_app.pack.readers import pdf as reader
from tests.hostile.test_fuzz import _run
from tests.pack.pdf_maker import Text, filler, make_pdf, minimal_pdf

SEED = 23
CASES = 300

_NUMBERS = [
    b"999999999",
    b"-999999999",
    b"99999999999999999999",
    b"0",
    b"-0.0001",
    b"0.000001",
    b"1e30",
    b"340282346638528859811704183484516925440",
    b"-1",
    b"2147483648",
]
_INSERTS = [
    b" 99999999 Tz ",
    b" 99999 Tc ",
    b" 99999 Tw ",
    b" 0.0001 0 0 99999 0 0 Tm ",
    b" 99999999 0 0 99999999 -99999999 99999999 Tm ",
    b" 0 99999 Td ",
    b" /F1 999999 Tf ",
    b" /F1 0.00001 Tf ",
    b" 99999 TL T* ",
    b" 3 Tr ",
    b" 99999999 0 0 1 0 0 cm ",
    b" /MediaBox [0 0 99999999 99999999] ",
    b" /MediaBox [-99999999 -99999999 99999999 99999999] ",
    b" /CropBox [0 0 0 0] ",
    b" /MediaBox [595 842 0 0] ",
    b" /Rotate 90 ",
    b" /Rotate 45 ",
    b" /UserUnit 75000 ",
    b" /Count 2147483647 ",
    b" /PageLabels << /Nums [0 << /S /D /St 2147483647 >>] >> ",
    b" /Length 999999999 ",
    b"(",
    b")",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"BT ",
    b" ET",
    b"stream\n",
    b"endstream",
    b"\x00",
    b"\xff\xfe",
]


@pytest.fixture(scope="module")
def samples(qapp, tmp_path_factory) -> list[bytes]:
    return make_samples(tmp_path_factory.mktemp("pdfs"))


def make_samples(root: Path) -> list[bytes]:
    """Two-page papers: hand-written (uncompressed, so coordinates can be hit) and Qt's (a Qt
    application must exist)."""
    columns = [
        [(x, 80 + 14 * i, filler(i + 3 * p, 6)) for i in range(16) for x in (60, 320)] for p in range(2)
    ]
    plain = [[(60, 80 + 14 * i, filler(i, 9)) for i in range(10)], [(60, 80, "1. A numbered line")]]
    drawn = [
        [Text(60, 60, "Kent County Council", 16, True), Text(60, 90, "12 March 2024")]
        + [Text(60, 120 + 14 * i, filler(i, 10)) for i in range(12)],
        [Text(60, 60 + 14 * i, filler(i + 1, 10)) for i in range(6)] + [Text(290, 800, "2")],
    ]
    return [
        minimal_pdf(root / "columns.pdf", columns).read_bytes(),
        minimal_pdf(root / "plain.pdf", plain, "0 << /S /D /St 5 >>").read_bytes(),
        make_pdf(root / "drawn.pdf", drawn, title="Fuzz").read_bytes(),
    ]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four damages at random places."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        at = rng.randrange(len(out))
        if kind < 0.35:
            numbers = [m.span() for m in re.finditer(rb"-?\d+(?:\.\d+)?", bytes(out))]
            start, end = rng.choice(numbers)
            out[start:end] = rng.choice(_NUMBERS)
        elif kind < 0.6:
            out[at:at] = rng.choice(_INSERTS)
        elif kind < 0.75:
            out[at] = rng.randrange(256)
        elif kind < 0.85:
            del out[at : at + rng.randint(1, 200)]
        elif kind < 0.95:
            piece = out[at : at + rng.randint(1, 300)]
            out[at:at] = piece * rng.randint(1, 3)
        else:
            del out[at:]
    return bytes(out)


def cases(samples: list[bytes], n: int = CASES, seed: int = SEED) -> list[bytes]:
    rng = random.Random(seed)
    return [mutate(rng.choice(samples), rng) for _ in range(n)]


def read(data: bytes) -> None:
    meta = DocumentMeta(id="fuzz", title="Fuzz", file="fuzz.pdf", format="pdf")
    with PDFIUM_LOCK:
        reader.read(data, meta)


def test_the_pdf_reader_survives_damaged_files(samples: list[bytes]):
    _run(cases(samples), read)


def test_the_samples_are_read_whole(samples: list[bytes], tmp_path: Path):
    """The mutations start from papers the reader reads, so a failure is the damage's."""
    meta = DocumentMeta(id="fuzz", title="Fuzz", file="fuzz.pdf", format="pdf")
    for data in samples:
        doc = reader.read(data, meta)
        assert len(" ".join(b.text for b in doc.blocks).split()) >= 60


def test_the_pack_loading_path_names_damage_without_a_reader_slip(samples: list[bytes], tmp_path: Path):
    """Through pdfsource.read_pdf, as a pack opens a paper: damage is a sentence about the file,
    never the catch-all that reports the reader raising something it should have handled."""
    meta = DocumentMeta(id="fuzz", title="Fuzz", file="fuzz.pdf", format="pdf")
    slips = []
    for i, data in enumerate(cases(samples, 60, SEED + 1)):
        path = tmp_path / f"case{i}.pdf"
        path.write_bytes(data)
        _doc, problems = read_pdf(path, data, meta)
        slips += [f"case {i}: {p.message}" for p in problems if "reader could not read" in p.message]
    assert not slips, "\n".join(slips[:10])
