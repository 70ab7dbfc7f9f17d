"""PDFs a pack cannot read as text: each named with a sentence, the rest of the pack opening."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefing_app.pack import load_pack
from briefing_app.pack.pdfsource import NO_TEXT_LAYER
from tests.pdf_inputs import encrypted_pdf, scan_pdf, text_pdf


def _pack(root: Path, files: dict[str, str], formats: dict[str, str] | None = None) -> Path:
    docs = []
    for doc_id, file in files.items():
        entry = {"id": doc_id, "title": doc_id.title(), "file": file}
        if formats and doc_id in formats:
            entry["format"] = formats[doc_id]
        docs.append(entry)
    (root / "pack.yaml").write_text(
        yaml.safe_dump({"id": "bad", "title": "Bad papers", "documents": docs}), encoding="utf-8"
    )
    return root


def _problems(pack) -> dict[str, str]:
    return {p.file: p.message for p in pack.problems}


def test_each_unreadable_pdf_is_named_and_the_rest_of_the_pack_opens(tmp_path: Path):
    whole = text_pdf(tmp_path / "whole.pdf", [["A paper"], ["Its second page"]])
    data = whole.read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])  # a download that stopped halfway
    (tmp_path / "garbled.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "letter.pdf").write_text("Dear Chair, this is a letter saved with the wrong name.\n")
    encrypted_pdf(tmp_path / "locked.pdf")
    (tmp_path / "notes.md").write_text("# Officer's notes\n\nA paper that reads fine.\n", encoding="utf-8")
    files = {n: f"{n}.pdf" for n in ("cut", "garbled", "empty", "letter", "locked")}
    pack = load_pack(_pack(tmp_path, {**files, "notes": "notes.md"}, formats={"letter": "pdf"}))

    assert [d.id for d in pack.documents] == ["notes"]
    problems = _problems(pack)
    damaged = "this file is damaged or is not a complete PDF (it may have been cut short while copying)"
    assert problems == {
        "cut.pdf": damaged,
        "garbled.pdf": damaged,
        "empty.pdf": "the file is empty",
        "letter.pdf": "this file is not a PDF (it does not begin with %PDF-)",
        "locked.pdf": "this PDF is protected by a password, so Briefing cannot read it; ask for an "
        "unprotected copy",
    }
    assert all(p.line is None for p in pack.problems)
    # Nothing the user brought is touched.
    assert (tmp_path / "cut.pdf").read_bytes() == data[: len(data) // 2]


def test_a_scan_is_kept_as_pages_with_a_remark_that_search_cannot_see_it(tmp_path: Path):
    scan_pdf(tmp_path / "scan.pdf", pages=3)
    pack = load_pack(_pack(tmp_path, {"scan": "scan.pdf"}))
    assert not pack.problems
    (doc,) = pack.documents
    assert (doc.format, doc.blocks, doc.remarks) == ("pdf", (), (NO_TEXT_LAYER,))
    assert "search cannot see it" in NO_TEXT_LAYER


def test_a_pdf_is_recognised_by_its_first_bytes_whatever_its_name(tmp_path: Path):
    scan_pdf(tmp_path / "scan.bin")
    pack = load_pack(_pack(tmp_path, {"scan": "scan.bin"}))
    assert pack.documents[0].format == "pdf"


def test_a_second_opening_reads_the_papers_from_the_cache(tmp_path: Path, monkeypatch):
    scan_pdf(tmp_path / "scan.pdf")
    root = _pack(tmp_path, {"scan": "scan.pdf"})
    first = load_pack(root)
    from briefing_app.pack import pdfsource

    def fail(*args):
        raise AssertionError("the paper was read again")

    monkeypatch.setattr(pdfsource, "_read", fail)
    assert load_pack(root) == first
