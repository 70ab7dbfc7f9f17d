"""Opening a PDF file with PDFium: one lock for the whole process, and a sentence for every failure.

PDFium is not thread-safe, not even across different documents (pypdfium2's documentation says so
plainly): reading a pack in one thread while the page view renders in another would corrupt the
process. Every PDFium call in Briefing therefore runs while holding `PDFIUM_LOCK`. pypdfium2 objects
are closed explicitly inside the lock, never left to the garbage collector of whichever thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PDFIUM_LOCK = threading.RLock()
_HEADER_WINDOW = 1024  # the PDF standard lets readers find "%PDF-" anywhere in the first 1024 bytes


class PdfUnreadable(Exception):
    """A PDF that PDFium cannot open; str() is the sentence to show, without the file name."""


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:_HEADER_WINDOW]


def _sentence(error: Exception) -> str:
    detail = str(error).lower()
    if "password" in detail:
        return "this PDF is protected by a password, so Briefing cannot read it; ask for an unprotected copy"
    if "security" in detail:
        return "this PDF uses a kind of protection Briefing cannot open; ask for an unprotected copy"
    if "file access" in detail:
        return "the file cannot be found or read"
    if "page not found" in detail:
        return "this PDF has no pages"
    return "this file is damaged or is not a complete PDF (it may have been cut short while copying)"


def open_document(source: Path | bytes):
    """A `pypdfium2.PdfDocument` for `source`, which the caller closes; the caller holds PDFIUM_LOCK.

    Raises PdfUnreadable with a sentence a user can act on.
    """
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pypdfium2.PdfiumError as exc:
        raise PdfUnreadable(_sentence(exc)) from None
    if len(doc) == 0:
        doc.close()
        raise PdfUnreadable("this PDF has no pages")
    return doc


@contextmanager
def opened(source: Path | bytes) -> Iterator[object]:
    """`open_document(source)`, closed afterwards. The caller holds PDFIUM_LOCK."""
    doc = open_document(source)
    try:
        yield doc
    finally:
        doc.close()
