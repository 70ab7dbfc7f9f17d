"""A PDF paper listed in a pack -> its Document, or the sentence saying why not; read once, then cached.

The reader (`readers.pdf`) turns a PDF that has text into blocks. Around it this module decides what
a user hears about a file that is not that: empty, not a PDF at all, damaged, locked by a password,
cut short, or a scan with no text layer (kept, shown as pages, with a remark that search cannot
see it). A paper's Document is cached on
its bytes, so a pack that gains a supplement reads only the supplement.
"""

from __future__ import annotations

from pathlib import Path

from briefing_app.pack.cache import load_cached_paper
from briefing_app.pack.model import Document, DocumentMeta, Problem
from briefing_app.pack.pdffile import PDFIUM_LOCK, PdfUnreadable, is_pdf, opened

NO_TEXT_LAYER = (
    "This paper has no text layer (it is a scanned image): it is shown as pages, and search cannot see it."
)


def read_pdf(path: Path, data: bytes, meta: DocumentMeta) -> tuple[Document | None, list[Problem]]:
    """The paper at `path` (whose bytes are `data`) read as PDF, and the problems a user should see."""
    if not data.strip():
        return None, [Problem(meta.file, None, "the file is empty")]
    if not is_pdf(data):
        return None, [Problem(meta.file, None, "this file is not a PDF (it does not begin with %PDF-)")]
    from briefing_app.paths import cache_dir

    doc, problems = load_cached_paper(data, repr(meta), cache_dir(), lambda: _read(path, data, meta))
    return doc, list(problems)


def _read(path: Path, data: bytes, meta: DocumentMeta) -> tuple[Document | None, tuple[Problem, ...]]:
    with PDFIUM_LOCK:
        try:
            with opened(data) as pdf:
                has_text = _has_text(pdf)
        except PdfUnreadable as exc:
            # PDFium recovers nothing from a file cut short: it names the file as damaged.
            return None, (Problem(meta.file, None, str(exc)),)
        if not has_text:
            return Document(meta=meta, format="pdf", blocks=(), remarks=(NO_TEXT_LAYER,)), ()
        from briefing_app.pack.readers import pdf as reader

        try:
            # The bytes pack/files.py checked and read (no symlink, a regular file, within the size
            # limit), not the path opened again: the reader reads exactly what was checked.
            return reader.read(data, meta), ()
        except Exception as exc:  # noqa: BLE001 - a reader's slip on one odd file must not stop the pack
            message = f"Briefing's PDF reader could not read this file ({type(exc).__name__}: {exc})"
            return None, (Problem(meta.file, None, message),)


def _has_text(pdf) -> bool:
    """True when any page carries characters: a scan has none on any page. A page PDFium cannot
    load counts as text, so the reader reads the rest and names the damaged pages."""
    import pypdfium2

    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except pypdfium2.PdfiumError:
            return True
        text = page.get_textpage()
        try:
            if text.count_chars() > 0:
                return True
        finally:
            text.close()
            page.close()
    return False
