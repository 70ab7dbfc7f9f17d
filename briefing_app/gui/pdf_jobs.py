"""PDFs written off the GUI thread: laying out and printing a long document to a PDF takes long
enough to freeze the window, so it is done in a worker thread.

Qt's documents on threads (Thread-Support in Qt Modules): QTextDocument and its related classes are
reentrant, and "a QTextDocument instance created in the GUI thread may contain QPixmap image
resources. Use QTextDocument::clone() to create a copy of the document, and pass the copy to
another thread for further processing (such as printing)"; QPainter may paint on a printer's
paint device in a thread. So the GUI thread builds the document (cheap) and hands it over
untouched; the worker clones it (the clone is then the worker's own object, as are the children
QTextDocument.print_ makes of it) and prints the clone with QPdfWriter, which is not a widget.
The result comes back through a queued signal to a slot of this object, in the GUI thread, where
the document handed over is freed.

Printing on a real printer through the print dialog stays on the GUI thread (exports.py): the
dialog and the printer it configures belong to it, and the user is waiting on the dialog anyway.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QPageLayout, QTextDocument


class PdfJobs(QObject):
    finished = Signal(str, str)  # the file, and why it was not written ("" when it was)
    _done = Signal(object, str, str)  # from the worker: the document handed over, the file, why

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handed_over: list[QTextDocument] = []  # kept alive until their PDF is written
        self.started = 0  # PDFs asked for so far
        self._done.connect(self._on_done)

    @property
    def busy(self) -> bool:
        return bool(self._handed_over)

    def write(
        self, doc: QTextDocument, path: Path, layout: QPageLayout | None = None, title: str = ""
    ) -> None:
        """Write `doc` as a PDF at `path` in a worker thread; `finished` says when. The GUI thread
        must not touch `doc` again."""
        title = title or doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        self._handed_over.append(doc)
        self.started += 1
        args = (doc, Path(path), layout, title)
        threading.Thread(target=self._run, args=args, name="pdf-writer", daemon=True).start()

    def _run(self, doc: QTextDocument, path: Path, layout: QPageLayout | None, title: str) -> None:
        from briefing_app.gui.pdf import document_to_pdf

        try:
            copy = doc.clone()
            document_to_pdf(copy, path, layout, title)
            del copy  # freed in the thread it belongs to
            # QPdfWriter says nothing when it cannot open the file: look for what it wrote.
            why = "" if path.is_file() and path.stat().st_size else "the file could not be made there"
        except OSError as exc:
            why = exc.strerror or str(exc)
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self._done.emit(doc, str(path), why)

    @Slot(object, str, str)
    def _on_done(self, doc: QTextDocument, path: str, why: str) -> None:
        with contextlib.suppress(ValueError):
            self._handed_over.remove(doc)
        self.finished.emit(path, why)
