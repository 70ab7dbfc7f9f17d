"""Exports by format, and PDF through Qt's own printing: no extra dependency."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

if TYPE_CHECKING:
    from briefing_app.gui.pdf_jobs import PdfJobs

EXPORT_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".json": "json",
}
_APP: QGuiApplication | None = None  # one made here for command-line exports must outlive the printing


def format_of(path: Path) -> str | None:
    """The export format a file name asks for ("md", "html", "pdf", "json"), or None."""
    return EXPORT_FORMATS.get(path.suffix.lower())


def write_export(
    path: Path,
    fmt: str,
    render: Callable[[str], str],
    landscape: bool = True,
    title: str = "",
    jobs: PdfJobs | None = None,
) -> bool:
    """Write `path` in `fmt`: render(fmt) gives the text for md, html or json; a PDF is laid out
    from render("html"), with `title` as its title. With `jobs` (the window) a PDF is written off
    the GUI thread and False returned (`jobs.finished` tells when it is written); text files, small,
    are written here. True when the file is written on return."""
    if fmt != "pdf":
        path.write_text(render(fmt), encoding="utf-8")
        return True
    if jobs is None:  # the command line: no window to keep answering
        html_to_pdf(render("html"), path, landscape, title)
        return True
    jobs.write(html_document(render("html")), path, page_layout(landscape), title)
    return False


def _ensure_app() -> None:
    global _APP
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the command line may have no display
        _APP = QGuiApplication(["briefing-app"])


def document_to_pdf(
    doc: QTextDocument, path: Path, layout: QPageLayout | None = None, title: str = ""
) -> None:
    """Print `doc` to a PDF at `path` whose title (in its metadata) is `title`."""
    _ensure_app()
    writer = QPdfWriter(str(path))
    writer.setTitle(title or doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("Briefing")
    if layout is not None:
        writer.setPageLayout(layout)
    writer.setResolution(150)
    doc.print_(writer)


def page_layout(landscape: bool = True) -> QPageLayout:
    """A4 pages with 15 mm margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )


def html_document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def html_to_pdf(html: str, path: Path, landscape: bool = True, title: str = "") -> None:
    """Lay `html` out on A4 pages with 15 mm margins and write them to `path`."""
    _ensure_app()
    document_to_pdf(html_document(html), path, page_layout(landscape), title)
