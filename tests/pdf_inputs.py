"""PDFs made for tests: real files, written by Qt's QPdfWriter, or by hand where Qt cannot (a password).

Each maker writes a file and returns its path; the text drawn is the ground truth a test checks.
"""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMarginsF, QRectF  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.pack.pdf_maker import assemble  # noqa: E402

_APP = None


def _app() -> None:
    # A QApplication, not a QGuiApplication: pytest-qt reuses whatever application exists, and
    # widget tests later in the same run need one that can make widgets.
    global _APP
    if QApplication.instance() is None:
        _APP = QApplication([])


def text_pdf(
    path: Path,
    pages: list[list[str]],
    title: str | None = None,
    point_size: float = 11,
    first_line_size: float | None = None,
) -> Path:
    """One page per list, its lines drawn top to bottom at 72 dpi (1 unit = 1 point)."""
    _app()
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Point,
        )
    )
    if title:
        writer.setTitle(title)
    painter = QPainter(writer)
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        y = 72.0
        for i, line in enumerate(lines):
            size = first_line_size if (i == 0 and first_line_size) else point_size
            font = QFont("DejaVu Sans")
            font.setPointSizeF(size)
            painter.setFont(font)
            painter.drawText(QRectF(72, y, 460, size * 1.6), line)
            y += size * 1.5
    painter.end()
    return path


def scan_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are only pictures of text, as a scanner makes them: no text layer at all."""
    _app()
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    painter = QPainter(writer)
    for number in range(pages):
        if number:
            writer.newPage()
        image = QImage(400, 120, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        inner = QPainter(image)
        inner.setFont(QFont("DejaVu Sans", 20))
        inner.drawText(20, 60, f"Scanned page {number + 1}")
        inner.end()
        painter.drawImage(QRectF(72, 72, 400, 120), image)
    painter.end()
    return path


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def encrypted_pdf(path: Path, password: str = "secret") -> Path:
    """A one-page PDF under the standard security handler (RC4, 40-bit, revision 2), user password set.

    Qt's writer cannot encrypt, and a whole PDF library only for this is more than the 40 lines here.
    """
    file_id = hashlib.md5(path.name.encode()).digest()
    owner = (password.encode() + _PAD)[:32]
    o_entry = _rc4(hashlib.md5(owner).digest()[:5], (password.encode() + _PAD)[:32])
    perms = -4
    key = hashlib.md5(
        (password.encode() + _PAD)[:32] + o_entry + struct.pack("<i", perms) + file_id
    ).digest()[:5]
    u_entry = _rc4(key, _PAD)

    def obj_key(num: int) -> bytes:
        return hashlib.md5(key + struct.pack("<i", num)[:3] + b"\0\0").digest()[:10]

    content = _rc4(obj_key(4), b"BT /F1 12 Tf 72 720 Td (Confidential paper) Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + o_entry.hex().encode()
        + b"> /U <"
        + u_entry.hex().encode()
        + b"> /P %d >>" % perms,
    ]
    ident = file_id.hex().encode()
    path.write_bytes(assemble(objects, b" /Encrypt 6 0 R /ID [<" + ident + b"> <" + ident + b">]"))
    return path
