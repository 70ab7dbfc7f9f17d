"""Exports by format, and PDF through Qt's own printing: no extra dependency."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

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
    path: Path, fmt: str, render: Callable[[str], str], landscape: bool = True, title: str = ""
) -> None:
    """Write `path` in `fmt`: render(fmt) gives the text for md, html or json; a PDF is laid out
    from render("html"), with `title` as its title."""
    if fmt == "pdf":
        html_to_pdf(render("html"), path, landscape, title)
    else:
        path.write_text(render(fmt), encoding="utf-8")


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


def html_to_pdf(html: str, path: Path, landscape: bool = True, title: str = "") -> None:
    """Lay `html` out on A4 pages with 15 mm margins and write them to `path`."""
    _ensure_app()
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )
    doc = QTextDocument()
    doc.setHtml(html)
    document_to_pdf(doc, path, layout, title)
