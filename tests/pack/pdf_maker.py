"""Small PDFs for the PDF reader's tests, drawn with Qt's QPdfWriter: text at set places, fonts and sizes.

A page is a list of `Text` items placed by their baseline in points from the page's top-left
corner, so each test states its layout exactly and keeps the ground truth beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

A4 = (595.0, 842.0)


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline, points from the top
    text: str
    size: float = 11.0
    bold: bool = False
    family: str = "DejaVu Sans"
    after: float | None = None  # set, x is ignored: drawn this far after the previous item's end


def follow(text: str, y: float, size: float = 11.0, gap: float = 0.0, bold: bool = False) -> Text:
    """Text set right after the previous item (a note marker against its word, the words after it)."""
    return Text(0.0, y, text, size, bold, after=gap)


def make_pdf(path: Path, pages: list[list[Text]], *, size=A4, title: str | None = None) -> Path:
    writer = QPdfWriter(str(path))
    writer.setResolution(72)  # one device pixel per point: coordinates below are points
    writer.setPageSize(QPageSize(QSizeF(*size), QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    if title is not None:
        writer.setTitle(title)
    painter = QPainter(writer)
    try:
        for i, page in enumerate(pages):
            if i:
                writer.newPage()
            end = 0.0
            for item in page:
                font = QFont(item.family)
                font.setPointSizeF(item.size)
                font.setBold(item.bold)
                painter.setFont(font)
                x = item.x if item.after is None else end + item.after
                painter.drawText(QPointF(x, item.y), item.text)
                end = x + QFontMetricsF(font, writer).horizontalAdvance(item.text)
    finally:
        painter.end()
    return path


def wrap(
    words: str,
    x: float,
    y: float,
    *,
    width: int = 70,
    size: float = 11.0,
    leading: float = 14.0,
    indent: float = 0.0,
) -> tuple[list[Text], float]:
    """Set `words` as left-aligned lines of at most `width` characters; return them and the next y."""
    lines: list[str] = []
    current = ""
    for w in words.split():
        if current and len(current) + 1 + len(w) > width:
            lines.append(current)
            current = w
        else:
            current = f"{current} {w}".strip()
    if current:
        lines.append(current)
    out = [Text(x + (indent if i == 0 else 0.0), y + i * leading, ln, size) for i, ln in enumerate(lines)]
    return out, y + len(lines) * leading


def read_pdf(tmp_path: Path, pages: list[list[Text]], name: str = "paper.pdf", **kw):
    """Write the pages to a PDF and read it with the PDF reader (a Qt application must exist)."""
    from briefing_app.pack.model import DocumentMeta
    from briefing_app.pack.readers import pdf

    path = make_pdf(tmp_path / name, pages, **kw)
    return pdf.read(path, DocumentMeta(id="paper", title="Paper", file=name, format="pdf"))


LOREM = (
    "Members considered the report of the Corporate Director on the proposed changes to the service and the "
    "responses received during the consultation period from residents partners and staff across the county"
).split()


def filler(seed: int, count: int) -> str:
    """Distinct ordinary words, a different run for each seed, so every paragraph can be told apart."""
    return " ".join(LOREM[(seed * 7 + i) % len(LOREM)] for i in range(count))


def minimal_pdf(path: Path, pages: list[list[tuple[float, float, str]]], page_labels: str = "") -> Path:
    """A PDF written by hand (Helvetica, one text object per line) for what Qt cannot write, such
    as page labels: `page_labels` is the /Nums array of the catalog's /PageLabels, e.g.
    "0 << /S /D /St 5 >>" for pages numbered from 5."""
    objects: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    labels = f" /PageLabels << /Nums [{page_labels}] >>" if page_labels else ""
    objects.append(f"<< /Type /Catalog /Pages 2 0 R{labels} >>".encode())
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    font_ref = 3 + 2 * n_pages
    for i, lines in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_ref} 0 R >> >> >>".encode()
        )
        ops = "".join(
            f"BT /F1 11 Tf {x:.1f} {842 - y:.1f} Td ({text.replace('(', '[').replace(')', ']')}) Tj ET\n"
            for x, y, text in lines
        ).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"endstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    path.write_bytes(assemble(objects))
    return path


def assemble(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file from its numbered objects (object 1 the catalog) with a correct cross-reference
    table; `trailer` adds entries to the trailer dictionary (an /Encrypt reference, an /ID)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)
