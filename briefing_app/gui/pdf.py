"""PDF through Qt's own printing: no extra dependency."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def html_to_pdf(html: str, path: Path, landscape: bool = True) -> None:
    """Lay `html` out on A4 pages and write them to `path` (needs a QGuiApplication)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("html_to_pdf needs a QGuiApplication")
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    doc = QTextDocument()
    doc.setHtml(html)
    doc.print_(writer)
