"""The PDF reader on real papers (../shared): counts pinned, so a change in reading shows up here."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.pack.model import DocumentMeta

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
KENT = SHARED / "real-packs" / "kent-cabinet-2025-01-30"
REAL = SHARED / "real-pdfs"

pytestmark = pytest.mark.skipif(not KENT.is_dir(), reason="../shared/real-packs is not beside the checkout")


def _read(path: Path):
    from briefing_app.pack.readers import pdf

    return pdf.read(path, DocumentMeta(id="paper", title=path.stem, file=path.name, format="pdf"))


def _report():
    return _read(
        KENT / "24-00109 - Transfer the 18-25 section of the Strengthening Independence Service - Report.pdf"
    )


def test_kent_report_numbered_paragraphs_and_pages():
    doc = _report()
    numbers = [b.number for b in doc.blocks if b.kind == "paragraph" and b.number]
    assert numbers[:10] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "2.1"]
    assert "10.1" in numbers
    assert [b.number for b in doc.blocks if b.kind == "heading" and b.number][:3] == ["1", "2", "3"]
    assert all(b.page is not None for b in doc.blocks)
    assert sorted({b.page for b in doc.blocks}) == list(range(1, 10))
    assert all(b.regions for b in doc.blocks)


def test_public_pack_stamps_and_blank_pages_are_gone():
    doc = _read(KENT / "public-packs" / "24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf")
    text = "\n".join(b.text for b in doc.blocks)
    assert "intentionally left blank" not in text
    assert "Page 1" not in text and "Page 2" not in text
    # The stamped "Page N" gives the pages; the covering letter before them has no printed number.
    assert sorted({b.page for b in doc.blocks if b.page is not None}) == [1, 2, 3]
    assert [b.number for b in doc.blocks if b.number][:3] == ["1.1", "1.2", "1.3"]


def test_federal_register_three_columns_and_footnotes():
    doc = _read(REAL / "federal-register-2020-17221.pdf")
    assert len(doc.notes) == 15
    assert all(n.status == "defined" and n.kind == "footnote" for n in doc.notes)
    assert sum(len(b.note_refs) for b in doc.blocks) == 15
    # Printed page numbers of the Register, not the file's page index.
    assert min(b.page for b in doc.blocks) == 47698 and max(b.page for b in doc.blocks) == 47712
    text = "\n".join(b.text for b in doc.blocks)
    assert "Federal Register / Vol. 85, No. 152" not in text
    first = next(b for b in doc.blocks if b.note_refs == ("1", "2", "3"))
    assert first.text.startswith("Indonesia, resulting in 189 fatalities.")


def test_appendix_k_links_its_two_footnotes():
    doc = _read(KENT / "Appendix K - Economic and Fiscal Context.pdf")
    assert [(n.label, n.status) for n in doc.notes] == [("1", "defined"), ("2", "defined")]
    assert sum(len(b.note_refs) for b in doc.blocks) == 2


def test_every_kent_paper_reads_with_pages_and_regions():
    papers = sorted(KENT.glob("*.pdf"))
    assert len(papers) == 38
    for path in papers:
        doc = _read(path)
        assert doc.blocks, path.name
        assert all(b.page is not None for b in doc.blocks), path.name
        assert all(b.regions and b.regions[0].start == 0 for b in doc.blocks), path.name


def test_treasury_strategy_keeps_its_paragraph_numbers_and_notes():
    doc = _read(KENT / "Appendix L - Treasury Management Strategy 2025-26.pdf")
    numbers = {b.number for b in doc.blocks if b.number}
    assert {"10", "49", "58", "94"} <= numbers  # set against their text: "10.Regarding", "49.PWLB"
    assert len(numbers) >= 95
    assert [(n.label, n.status) for n in doc.notes] == [("1", "defined"), ("2", "defined")]
