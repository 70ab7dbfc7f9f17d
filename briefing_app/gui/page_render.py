"""Pages of a PDF rendered by PDFium into QImages, one at a time, off the GUI thread.

One worker thread per page view. The view says which PDF and which pages it wants at what scale;
the worker renders the first wanted page it has not done, so a page scrolled past before its turn
is never rendered, and the latest wish always wins. Results cross back as signals of this QObject,
which lives in the GUI thread. Every PDFium call holds the process-wide PDFIUM_LOCK.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from briefing_app.pack.pdffile import PDFIUM_LOCK, PdfUnreadable, open_document

MAX_PIXELS = 6000 * 6000  # a page drawn bigger than this is drawn at this size and scaled up


def render_page(pdf, index: int, scale: float) -> QImage:
    """Page `index` of an open pypdfium2 document at `scale` pixels per point, as a QImage.

    pypdfium2's `to_pil` needs Pillow; its bitmap's buffer and stride map straight onto a QImage.
    `rev_byteorder` makes PDFium write RGB, which is QImage's Format_RGB888 byte for byte.
    """
    page = pdf[index]
    try:
        width, height = page.get_size()
        scale = min(scale, (MAX_PIXELS / max(1.0, width * height)) ** 0.5)
        bitmap = page.render(scale=scale, rev_byteorder=True)
        try:
            image = QImage(
                bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
            ).copy()  # the copy owns its pixels once the bitmap is closed
        finally:
            bitmap.close()
    finally:
        page.close()
    return image


class PageRenderer(QObject):
    described = Signal(str, object)  # path, [(width, height) in points] for every page
    rendered = Signal(str, int, float, QImage)  # path, page index, scale, image
    failed = Signal(str, str)  # path, the sentence saying why its pages cannot be shown

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._wake = threading.Condition()
        self._path: str | None = None
        self._wanted: list[int] = []
        self._scale = 1.0
        self._done: set[tuple[int, float]] = set()
        self._stopped = False
        self._thread: threading.Thread | None = None

    def open(self, path: Path | None) -> None:
        """Show `path` from now on (None: nothing); its page sizes arrive through `described`."""
        with self._wake:
            self._path = str(path) if path else None
            self._wanted, self._done = [], set()
            self._stopped = False  # a window shown again after closing renders again
            self._wake.notify()
        if self._thread is None and path is not None:
            self._thread = threading.Thread(target=self._run, name="page-renderer", daemon=True)
            self._thread.start()

    def want(self, pages: list[int], scale: float) -> None:
        """Render these pages (most wanted first) at `scale`; replaces any earlier wish."""
        with self._wake:
            self._wanted, self._scale = list(pages), round(scale, 3)
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()

    def finish(self, timeout: float) -> None:
        """Stop, and wait up to `timeout` seconds for the worker to close its PDF and end. One still
        running at interpreter exit crashes it: pypdfium2's exit handler destroys PDFium under it,
        and Qt is torn down under a signal on its way."""
        self.stop()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if not thread.is_alive():
                self._thread = None

    def _next(self, opened: str | None) -> tuple[str, int | None, float] | None:
        """What to do next, waiting until there is something: open a PDF (page None) or render a page
        of the open one; None once stopped. Called with the lock held."""
        while not self._stopped:
            if self._path is not None and self._path != opened:
                return self._path, None, self._scale
            if self._path is not None:
                for page in self._wanted:
                    if (page, self._scale) not in self._done:
                        self._done.add((page, self._scale))
                        return self._path, page, self._scale
            self._wake.wait()
        return None

    def _run(self) -> None:
        pdf, pdf_path = None, None
        try:
            while True:
                with self._wake:
                    job = self._next(pdf_path)
                if job is None:
                    return
                path, page, scale = job
                if page is None:
                    pdf, pdf_path = self._switch(pdf, path)
                    continue
                with PDFIUM_LOCK:
                    image = render_page(pdf, page, scale) if pdf is not None and page < len(pdf) else None
                if image is not None:
                    self._emit(self.rendered, path, page, scale, image)
        finally:
            self._close(pdf)

    def _switch(self, pdf, path: str):
        """Close the open document and open `path`, announcing its page sizes."""
        self._close(pdf)
        try:
            with PDFIUM_LOCK:
                doc = open_document(Path(path))
                sizes = [doc.get_page_size(i) for i in range(len(doc))]
        except PdfUnreadable as exc:
            self._emit(self.failed, path, str(exc))
            return None, path
        except OSError as exc:
            self._emit(self.failed, path, f"the file cannot be read ({exc.strerror})")
            return None, path
        self._emit(self.described, path, sizes)
        return doc, path

    @staticmethod
    def _close(pdf) -> None:
        if pdf is not None:
            with PDFIUM_LOCK:
                pdf.close()

    @staticmethod
    def _emit(signal, *args) -> None:
        with contextlib.suppress(RuntimeError):  # the view that asked was closed meanwhile
            signal.emit(*args)
