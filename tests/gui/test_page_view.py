"""The page view: real PDF pages rendered by PDFium, kept in step with the text both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from briefing_app.gui.page_sync import PageSync
from briefing_app.gui.page_view import PageView
from briefing_app.gui.reader import ReaderView
from briefing_app.pack.model import Block, Document, DocumentMeta, Region
from briefing_app.pack.page_places import Box
from tests.pdf_inputs import text_pdf

FILL = " and more words of the paragraph" * 12
SIZE = 11  # text_pdf draws line i of a page at y = 72 + i * 16.5 points, x from 72


def _line(page: int, i: int, start: int = 0) -> Region:
    top = 72 + i * SIZE * 1.5
    return Region(page, 72.0, top, 300.0, top + SIZE * 1.3, start)


@pytest.fixture
def paper(tmp_path: Path) -> tuple[Path, Document]:
    pages = [[f"Paragraph {p + 1}.{i + 1} of the paper" for i in range(3)] for p in range(3)]
    pdf = text_pdf(tmp_path / "paper.pdf", pages)
    blocks = tuple(
        # The model's text runs on past the printed line so that the text view has room to scroll.
        Block(id=f"b{p}{i}", kind="paragraph", text=pages[p][i] + FILL, page=p + 1, regions=(_line(p, i),))
        for p in range(3)
        for i in range(3)
    )
    meta = DocumentMeta(id="paper", title="Paper", file="paper.pdf", format="pdf")
    return pdf, Document(meta=meta, format="pdf", blocks=blocks)


def _view(qtbot, pdf: Path, doc: Document | None) -> PageView:
    view = PageView()
    qtbot.addWidget(view)
    view.resize(800, 900)
    view.show()
    qtbot.waitExposed(view)
    view.show_pdf(pdf, doc)
    qtbot.waitUntil(lambda: bool(view.sizes))
    qtbot.waitUntil(lambda: 0 in view._images)  # noqa: SLF001 - the first page has been drawn
    return view


def _dark_pixels(view: PageView, rect) -> int:
    image = view.viewport().grab(rect.toRect()).toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 100
    )


def _tinted(view: PageView, rect) -> int:
    view.viewport().repaint()
    image = view.viewport().grab(rect).toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if (c := image.pixelColor(x, y)).red() > 200 and c.blue() < c.red() - 60
    )


def test_pages_are_rendered_from_the_pdf_and_text_is_on_them(qtbot, paper):
    pdf, doc = paper
    view = _view(qtbot, pdf, doc)
    assert len(view.sizes) == 3 and view.sizes[0] == pytest.approx((595.0, 842.0), abs=1.5)
    line = view.box_rect(Box(0, 72, 72, 300, 72 + SIZE * 1.3))
    margin = view.box_rect(Box(0, 350, 400, 550, 500))  # where nothing is printed
    assert _dark_pixels(view, line) > 10
    assert _dark_pixels(view, margin) == 0


def test_a_click_on_a_line_asks_for_its_passage(qtbot, paper):
    pdf, doc = paper
    view = _view(qtbot, pdf, doc)
    centre = view.box_rect(Box(0, 100, 72 + 16.5, 200, 72 + 16.5 + 12)).center().toPoint()
    with qtbot.waitSignal(view.blockClicked) as clicked:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert clicked.args == ["b01"]
    with qtbot.assertNotEmitted(view.blockClicked):  # the margin is no passage
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


def test_the_outlined_passage_is_scrolled_into_view_and_search_hits_are_drawn(qtbot, paper):
    pdf, doc = paper
    view = _view(qtbot, pdf, doc)
    assert view.outline_block("b21")
    assert 2 in view.visible_pages()
    qtbot.waitUntil(lambda: 2 in view._images)  # noqa: SLF001
    line = view.box_rect(Box(2, 72, 72 + 16.5, 300, 72 + 16.5 + 14)).toRect()
    assert _tinted(view, line) == 0
    assert view.set_search_marks({"b21": ((0, 120),)}, current="b21") == 1
    assert _tinted(view, line) > 50  # yellow over white paper where the hit is
    assert not view.outline_block("nowhere")


def test_a_paper_of_thousands_of_pages_opens_without_rendering_them_all(qtbot, tmp_path: Path):
    pdf = text_pdf(tmp_path / "long.pdf", [[f"Page {n + 1}"] for n in range(3000)])
    view = _view(qtbot, pdf, None)
    assert len(view.sizes) == 3000
    assert len(view._images) <= 4  # noqa: SLF001 - only what is on screen and next to it
    view.scroll_to_page(2500)
    assert view.page_at_top() == 2500
    qtbot.waitUntil(lambda: 2500 in view._images)  # noqa: SLF001


def test_a_damaged_pdf_says_so_in_the_view(qtbot, tmp_path: Path):
    bad = tmp_path / "damaged.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    view = PageView()
    qtbot.addWidget(view)
    view.show_pdf(bad)
    qtbot.waitUntil(lambda: bool(view.message))
    assert view.message.startswith("damaged.pdf: this file is damaged")


def _pane(qtbot, width: int = 1100, height: int = 300) -> tuple[ReaderView, PageSync, QWidget]:
    """A reader and its page view in a reading splitter, as the window lays them out."""
    box = QWidget()
    splitter = QSplitter(box)
    reader = ReaderView(splitter)
    splitter.addWidget(reader)
    pane = PageSync(reader, splitter, box)
    # Closed as the window closes its page views: the render thread stopped, not left to exit.
    qtbot.addWidget(box, before_close_func=lambda _box: pane.page_view.renderer.finish(5.0))
    layout = QVBoxLayout(box)
    layout.addWidget(pane.switch)
    layout.addWidget(splitter)
    box.resize(width, height)
    box.show()
    qtbot.waitExposed(box)
    return reader, pane, box  # the caller keeps the box, which owns the widgets


def test_the_pane_keeps_text_and_pages_in_step_both_ways(qtbot, paper):
    pdf, doc = paper
    reader, pane, _box = _pane(qtbot)  # short, so the text scrolls
    reader.show_document(doc)
    pane.show_paper(doc, pdf)
    assert pane.mode == "both" and reader.isVisible() and pane.page_view.isVisible()
    qtbot.waitUntil(lambda: bool(pane.page_view.sizes))
    # Text -> page: the passage at the top of the text is outlined on its page.
    reader.scroll_to_block("b12")
    qtbot.waitUntil(lambda: reader.block_at_top() == "b12")
    qtbot.waitUntil(lambda: [b.page for b in pane.page_view._outline] == [1])  # noqa: SLF001
    # Page -> text: a click on a line brings its passage to the top of the text.
    view = pane.page_view
    view.scroll_to_page(2)
    target = view.box_rect(Box(2, 100, 72 + 33 + 2, 200, 72 + 33 + 10)).center().toPoint()
    with qtbot.waitSignal(pane.blockChosen) as chosen:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert chosen.args == ["b22"]
    assert reader.block_at_top() == "b22"
    # The switch: pages alone, then text alone.
    QTest.mouseClick(
        pane.switch.findChild(type(pane.buttons.buttons()[0]), "view-pages"), Qt.MouseButton.LeftButton
    )
    assert pane.mode == "pages" and not reader.isVisible() and view.isVisible()
    pane.set_mode("text")
    assert reader.isVisible() and not view.isVisible()


def test_a_text_only_paper_has_no_page_view(qtbot, paper):
    _, doc = paper
    reader, pane, _box = _pane(qtbot)
    reader.show_document(doc)
    pane.show_paper(doc, None)
    assert pane.switch.isHidden() and pane.page_view.isHidden() and reader.isVisible()
    pane.set_mode("pages")
    assert pane.mode == "text"
