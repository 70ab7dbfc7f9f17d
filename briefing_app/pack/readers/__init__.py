"""One reader per source style, each a pure function `read(text, meta) -> Document`."""

from __future__ import annotations

import re

from briefing_app.pack.model import Document, DocumentMeta
from briefing_app.pack.readers import markdown, pdftext, report

FORMATS = ("auto", "markdown", "pdf", "pdf-text", "report")  # "pdf": see pack/pdfsource.py
_READERS = {"markdown": markdown.read, "pdf-text": pdftext.read, "report": report.read}


def detect_format(text: str) -> str:
    """Guess the source style from telltale features; plain text with none of them is a report."""
    lines = text.splitlines()
    md_signals = len(re.findall(r"<sup>\s*\d+\s*</sup>", text))
    md_signals += sum(1 for ln in lines if re.match(r"#{1,6}\s+\S", ln))
    md_signals += len(re.findall(r"\[[^\]]+\]\([^)]*\)", text))
    if md_signals >= 3:
        return "markdown"
    body = [ln for ln in lines if ln.strip()]
    if body:
        trailing = sum(1 for ln in body if ln != ln.rstrip()) / len(body)
        wrapped = sum(1 for ln in body if 50 <= len(ln.rstrip()) <= 100) / len(body)
        if trailing >= 0.3 and wrapped >= 0.3:
            return "pdf-text"
    return "report"


def read_document(text: str, meta: DocumentMeta) -> Document:
    fmt = meta.format if meta.format != "auto" else detect_format(text)
    return _READERS[fmt](text, meta)
