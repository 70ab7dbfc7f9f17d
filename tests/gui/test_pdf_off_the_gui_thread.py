"""Export as PDF (a document, a comparison, the annotations) is written off the GUI thread: the
window keeps answering while it is written, and the file is a PDF carrying its title."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from tests.gui.test_paper import pdf_title


class Ticks:
    """Counts the event loop's turns (a 5 ms timer) and notes which thread wrote a PDF."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.count += 1


def writer_threads(monkeypatch) -> list[str]:
    """The names of the threads that print a document to a PDF (the real printing, only watched)."""
    import briefing_app.gui.pdf as pdf

    seen: list[str] = []
    real = pdf.document_to_pdf

    def watched(*args, **kwargs):
        seen.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "document_to_pdf", watched)
    return seen


def test_export_document_as_pdf_leaves_the_event_loop_running(window, qtbot, tmp_path, monkeypatch):
    threads = writer_threads(monkeypatch)
    window.open_document("sn05993")  # the longest paper of the bundled pack
    ticks = Ticks()
    path = tmp_path / "sn05993.pdf"
    with qtbot.waitSignal(window.exports.pdf.finished, timeout=60000) as written:
        assert window.exports.export_pdf(path, with_annotations=True)
        # Written on the GUI thread, the PDF would be done (and `finished` sent) before this timer
        # starts, and the wait would end at once, the loop never turning.
        ticks.timer.start()
    ticks.timer.stop()
    assert written.args == [str(path), ""]
    assert threads and threading.main_thread().name not in threads
    assert ticks.count > 0  # the loop turned while the PDF was written
    assert path.read_bytes().startswith(b"%PDF") and pdf_title(path) == "Preventing violent extremism"
    assert window.statusBar().currentMessage() == f"Saved {path}"


def test_a_comparison_and_the_annotations_export_to_pdf_off_the_gui_thread(
    window, qtbot, tmp_path, monkeypatch
):
    threads = writer_threads(monkeypatch)
    window.open_comparison("prevent-objectives")
    title = window.comparison_view.comparison.title
    with qtbot.waitSignal(window.exports.pdf.finished, timeout=60000):
        assert window.exports.export_comparison(tmp_path / "objectives.pdf")
    assert pdf_title(tmp_path / "objectives.pdf") == title

    with qtbot.waitSignal(window.annotating.pdf.finished, timeout=60000) as written:
        assert window.annotating.export(tmp_path / "note.pdf") is False  # not yet written: on its way
    assert written.args[1] == ""
    assert (tmp_path / "note.pdf").read_bytes().startswith(b"%PDF")
    assert len(threads) == 2 and "MainThread" not in threads
    assert window.annotating.export(tmp_path / "note.html") is True  # a web page is small: written at once
    assert "<html" in (tmp_path / "note.html").read_text(encoding="utf-8").lower()


def test_a_pdf_that_cannot_be_written_says_so(window, qtbot, tmp_path):
    window.open_document("sn05993")
    where = tmp_path / "no-such-folder" / "out.pdf"
    with qtbot.waitSignal(window.exports.pdf.finished, timeout=60000) as written:
        window.exports.export_pdf(where)
    assert written.args[0] == str(where) and written.args[1]
    box = window.findChild(QMessageBox, "pdfNotWrittenBox")
    qtbot.waitUntil(box.isVisible, timeout=2000)
    assert str(where) in box.text() and "could not be written" in box.text()
    box.accept()
