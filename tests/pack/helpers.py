from __future__ import annotations

from textwrap import dedent

from briefing_app.pack.model import Document, DocumentMeta
from briefing_app.pack.readers import read_document


def read(text: str, fmt: str = "auto", doc_id: str = "doc") -> Document:
    meta = DocumentMeta(id=doc_id, title="Test", file="test.txt", format=fmt)
    return read_document(dedent(text).lstrip("\n"), meta)


def texts(doc: Document, kind: str | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]
