"""PDF packs in the window: made with New Pack from PDFs, grown by Add Papers, read off the GUI thread,
a scan shown as its pages."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from tests.gui.conftest import make_window
from tests.pdf_inputs import encrypted_pdf, scan_pdf, text_pdf


def _index_done(qtbot, w) -> None:
    """Wait for the search index the opened pack builds in the background, so that no build is
    still writing when the test's window is taken down."""
    qtbot.waitUntil(lambda: w.searching.is_ready or bool(w.searching.unavailable), timeout=120000)


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
    _index_done(qtbot, w)


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


def test_highlights_keep_their_places_when_a_supplement_arrives_and_show_on_the_page(qtbot, tmp_path: Path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    lines = ["Budget monitoring report", "", "The council will balance its budget this year.", ""]
    report = text_pdf(incoming / "Budget report.pdf", [lines + ["The reserves stay at their present level."]])
    w = make_window(qtbot)
    folder = tmp_path / "cabinet"
    w.packs.making.make(folder, [report])
    qtbot.waitUntil(lambda: w.pack is not None and w.pack.root == folder and w.complete, timeout=20000)
    doc = w.reader.document_model
    block = next(b for b in doc.blocks if "balance" in b.text)
    assert block.regions, "the reader places the paragraph on its page"
    place = w.reader.render_map.blocks[block.id]
    start = block.text.index("balance")
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(place.position(start))
    cursor.setPosition(place.position(start + len("balance its budget")), QTextCursor.MoveMode.KeepAnchor)
    w.reader.setTextCursor(cursor)
    (annotation_id,) = w.annotating.highlight("yellow")
    page_view = w.workspace.page_sync.page_view
    assert page_view._highlights  # noqa: SLF001 - the highlight is drawn on the page too

    w.packs.making.add([text_pdf(tmp_path / "Supplement.pdf", [["An updated appendix"]])])
    qtbot.waitUntil(lambda: len(w.pack.documents) == 2 and w.complete, timeout=20000)
    found = next(r for r in w.annotating.resolved if r.annotation.id == annotation_id)
    assert (found.status, found.block, found.start) == ("anchored", block.id, start)
    _index_done(qtbot, w)


def test_a_paper_of_thousands_of_pages_is_read_while_the_window_answers_and_the_first_paper_shows(
    qtbot, tmp_path: Path
):
    words = "budget council report member cabinet service school road housing care finance plan".split()
    draw = random.Random(1)  # a different sentence on every page: a line repeated at one place is furniture
    pages = [[" ".join(draw.choice(words) for _ in range(9)) + "."] for _ in range(2000)]
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    short = text_pdf(incoming / "Agenda.pdf", [["Agenda", "", "1. Apologies for absence."]])
    long = text_pdf(incoming / "Statistics annex.pdf", pages)
    from briefing_app.pack.create import new_pack

    new_pack(tmp_path / "pack", [short, long])
    w = make_window(qtbot)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(len(w.pack.documents) if w.pack else 0))
    timer.start(20)
    w.packs.open_folder(tmp_path / "pack")
    # The agenda is readable while the annex is still being read, and the window keeps answering.
    qtbot.waitUntil(
        lambda: w.pack is not None and not w.complete and w.reader.document_model is not None, timeout=60000
    )
    assert [d.id for d in w.pack.documents] == ["agenda"]
    qtbot.waitUntil(lambda: w.complete and len(w.pack.documents) == 2, timeout=120000)
    timer.stop()
    assert ticks.count(1) >= 3  # the event loop ran all the while the annex was read
    annex = w.pack.document("statistics-annex")
    assert len({r.page for b in annex.blocks for r in b.regions}) == 2000
    w.navigator.jump("statistics-annex")
    qtbot.waitUntil(lambda: len(w.workspace.page_sync.page_view.sizes) == 2000)
    _index_done(qtbot, w)


def test_each_paper_read_is_left_out_of_full_garbage_collections(qtbot):
    # A full collection walks every object not frozen, holding Python's lock: three of 50-70 ms
    # while Kent's 38 PDFs were read, the window stopped meanwhile (bench/pdf_pack_bench.py).
    import gc
    from types import SimpleNamespace

    from briefing_app.gui.pack_reading import PackReading

    frozen: list[int] = []

    def open_pack(_folder, progress):
        gc.unfreeze()
        progress(SimpleNamespace(documents=("the first paper",)), 2)
        frozen.append(gc.get_freeze_count())
        return None, "the second paper could not be read", None

    reading = PackReading(open_pack)
    with qtbot.waitSignal(reading.finished, timeout=10_000):
        reading.start(Path("pack"))
    assert frozen[0] > 0
