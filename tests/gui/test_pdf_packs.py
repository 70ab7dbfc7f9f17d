"""PDF packs in the window: made with New Pack from PDFs, grown by Add Papers, read off the GUI thread,
a scan shown as its pages."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import make_window
from tests.pdf_inputs import encrypted_pdf, scan_pdf


def test_a_new_pack_from_pdfs_opens_and_grows_when_papers_are_added(qtbot, tmp_path: Path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    first = scan_pdf(incoming / "Agenda scan.pdf")
    locked = encrypted_pdf(incoming / "Exempt report.pdf")
    w = make_window(qtbot)
    folder = tmp_path / "cabinet"
    w.packs.making.make(folder, [first, locked])
    qtbot.waitUntil(lambda: w.pack is not None and w.pack.root == folder and w.complete, timeout=15000)
    assert [d.id for d in w.pack.documents] == ["agenda-scan"]
    # The locked paper is named in the banner; the scan is shown as its pages.
    assert any("Exempt report.pdf" in str(p) and "password" in str(p) for p in w.banner.problems)
    assert w.reader.document_model.id == "agenda-scan"
    sync = w.workspace.page_sync
    assert sync.mode == "pages" and sync.page_view.isVisible() and not sync.switch.isHidden()
    qtbot.waitUntil(lambda: len(sync.page_view.sizes) == 2)

    supplement = scan_pdf(tmp_path / "Supplement.pdf", pages=1)
    assert w.packs.making.cannot_add() is None
    w.packs.making.add([supplement])
    qtbot.waitUntil(lambda: w.pack is not None and len(w.pack.documents) == 2 and w.complete, timeout=15000)
    assert [d.id for d in w.pack.documents] == ["agenda-scan", "supplement"]
    assert (folder / "papers" / "Supplement.pdf").read_bytes() == supplement.read_bytes()


def test_papers_are_never_added_to_the_bundled_pack(qtbot, bundled_pack):
    w = make_window(qtbot, bundled_pack)
    assert "cannot be changed" in w.packs.making.cannot_add()
    with qtbot.waitSignal(w.packs.making.failed) as said:
        w.packs.making.add([Path("whatever.pdf")])
    assert "New Pack from PDFs" in said.args[0]


def test_a_text_paper_has_no_page_view_and_the_file_menu_offers_pdf_packs(qtbot, bundled_pack):
    w = make_window(qtbot, bundled_pack)
    sync = w.workspace.page_sync
    assert sync.switch.isHidden() and sync.page_view.isHidden() and w.reader.isVisible()
    file_menu = w.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&New Pack from PDFs…" in texts and "&Add Papers to Pack…" in texts
