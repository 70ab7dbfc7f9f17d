"""pack.yaml -> Pack. Collect every problem, open every document that can be opened."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing_app.errors import PackError
from briefing_app.pack.model import Document, DocumentMeta, Pack, Problem
from briefing_app.pack.pdffile import is_pdf
from briefing_app.pack.pdfsource import read_pdf
from briefing_app.pack.readers import FORMATS, read_document
from briefing_app.pack.yamlsource import YamlSyntaxError, load_located, unknown_key_message

MANIFEST = "pack.yaml"
PACK_KEYS = ("id", "title", "meeting", "documents", "comparisons")
DOCUMENT_KEYS = (
    "id",
    "file",
    "title",
    "short_title",
    "publisher",
    "author",
    "date",
    "format",
    "licence",
)
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def load_pack(root: Path | str, progress: Callable[[Pack, int], None] | None = None) -> Pack:
    """Open the pack in folder `root`. Raises PackError only when nothing at all can be opened.

    `progress(pack, total)`, when given, is called after each document is read with the pack as
    far as it has been read, so that a window can show the first paper while the rest are read."""
    root = Path(root)
    manifest = root / MANIFEST
    if not root.is_dir():
        raise PackError(str(root), "this folder does not exist")
    try:
        text = manifest.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(str(manifest), "there is no pack.yaml in this folder") from None
    except UnicodeDecodeError:
        raise PackError(str(manifest), "pack.yaml is not UTF-8 text") from None
    except OSError as exc:
        raise PackError(str(manifest), f"pack.yaml cannot be read ({exc.strerror})") from None
    try:
        located = load_located(text)
    except YamlSyntaxError as exc:
        raise PackError(MANIFEST, exc.message, exc.line) from None
    data = located.data
    if not isinstance(data, dict):
        raise PackError(MANIFEST, "pack.yaml must be a mapping with id, title and documents", 1)

    problems: list[Problem] = []

    def problem(message: str, *path: Any) -> None:
        problems.append(Problem(MANIFEST, located.line(*path), message))

    for key in data:
        if key not in PACK_KEYS:
            problem(unknown_key_message(key, PACK_KEYS), key)
    pack_id = _text(data.get("id"))
    if not pack_id or not SLUG.match(pack_id):
        problem("the pack needs an 'id' made of lower-case letters, digits and hyphens", "id")
        pack_id = pack_id or root.name
    title = _text(data.get("title"))
    if not title:
        problem("the pack needs a 'title'", "title")
        title = root.name

    metas = _document_metas(data.get("documents"), root, problem)
    documents: list[Document] = []
    for meta, path, line in metas:
        doc = _read(meta, path, line, problems)
        if doc is not None:
            documents.append(doc)
        if progress is not None:
            progress(Pack(pack_id, title, root, _text(data.get("meeting")), tuple(documents)), len(metas))

    comparisons = data.get("comparisons") or []
    if not isinstance(comparisons, list):
        problem("'comparisons' must be a list of file names", "comparisons")
        comparisons = []
    return Pack(
        id=pack_id,
        title=title,
        root=root,
        meeting=_text(data.get("meeting")),
        documents=tuple(documents),
        comparisons=tuple(str(c) for c in comparisons),
        problems=tuple(problems),
    )


def _document_metas(entries: Any, root: Path, problem) -> list[tuple[DocumentMeta, Path, int | None]]:
    if entries is None:
        problem("the pack lists no 'documents'")
        return []
    if not isinstance(entries, list):
        problem("'documents' must be a list", "documents")
        return []
    seen: set[str] = set()
    out = []
    base = root.resolve()
    for i, entry in enumerate(entries):
        where = ("documents", i)
        if not isinstance(entry, dict):
            problem("each document must be a mapping with id, file and title", *where)
            continue
        for key in entry:
            if key not in DOCUMENT_KEYS:
                problem(unknown_key_message(key, DOCUMENT_KEYS), *where, key)
        doc_id = _text(entry.get("id"))
        if not doc_id or not SLUG.match(doc_id):
            problem("a document needs an 'id' made of lower-case letters, digits and hyphens", *where, "id")
            continue
        if doc_id in seen:
            problem(f"document id '{doc_id}' is used twice", *where, "id")
            continue
        seen.add(doc_id)
        file = _text(entry.get("file"))
        if not file:
            problem(f"document '{doc_id}' needs a 'file'", *where)
            continue
        path = (root / file).resolve()
        if not path.is_relative_to(base):
            problem(f"'{file}' points outside the pack folder; documents must live inside it", *where, "file")
            continue
        fmt = _text(entry.get("format")) or "auto"
        if fmt not in FORMATS:
            problem(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})", *where, "format")
            fmt = "auto"
        date = _date(entry.get("date"))
        if entry.get("date") is not None and date is None:
            problem("'date' must be YYYY, YYYY-MM or YYYY-MM-DD", *where, "date")
        title = _text(entry.get("title"))
        if not title:
            problem(f"document '{doc_id}' needs a 'title'", *where)
            title = Path(file).stem
        meta = DocumentMeta(
            id=doc_id,
            title=title,
            file=file,
            format=fmt,
            short_title=_text(entry.get("short_title")),
            publisher=_text(entry.get("publisher")),
            author=_text(entry.get("author")),
            date=date,
            licence=_text(entry.get("licence")),
        )
        out.append((meta, path, None))
    return out


def _read(meta: DocumentMeta, path: Path, line: int | None, problems: list[Problem]) -> Document | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(meta.file, None, "the file is missing"))
        return None
    except IsADirectoryError:
        problems.append(Problem(meta.file, None, "this is a folder, not a document"))
        return None
    except OSError as exc:
        problems.append(Problem(meta.file, None, f"the file cannot be read ({exc.strerror})"))
        return None
    if meta.format == "pdf" or (meta.format == "auto" and is_pdf(raw)):
        doc, found = read_pdf(path, raw, meta)
        problems.extend(found)
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(meta.file, bad_line, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})")
        )
        return None
    if not text.strip():
        problems.append(Problem(meta.file, None, "the file is empty"))
        return None
    doc = read_document(text, meta)
    if not doc.blocks:
        problems.append(Problem(meta.file, None, "no readable text was found in the file"))
        return None
    return doc


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text if DATE.match(text) else None
