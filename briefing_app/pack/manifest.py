"""pack.yaml -> Pack. Collect every problem, open every document that can be opened."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing_app.errors import PackError
from briefing_app.pack import files
from briefing_app.pack.model import Document, DocumentMeta, Pack, Problem
from briefing_app.pack.pdffile import is_pdf
from briefing_app.pack.pdfsource import read_pdf
from briefing_app.pack.readers import FORMATS, read_document
from briefing_app.pack.yamlsource import Located, YamlSyntaxError, load_located, unknown_key_message

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
    located = _manifest(root)
    data = located.data
    if not isinstance(data, dict):
        raise PackError(MANIFEST, "pack.yaml must be a mapping with id, title and documents", 1)

    problems = [Problem(MANIFEST, line, message) for line, message in located.problems]

    def problem(message: str, *path: Any) -> None:
        problems.append(Problem(MANIFEST, located.line(*path), message))

    def text(mapping: dict, key: str, *where: Any) -> str | None:
        return _text(
            mapping.get(key), lambda: problem(f"'{key}' must be text, not a list or mapping", *where, key)
        )

    for key in data:
        if key not in PACK_KEYS:
            problem(unknown_key_message(key, PACK_KEYS), key)
    pack_id = text(data, "id")
    if not pack_id or not SLUG.match(pack_id):
        problem("the pack needs an 'id' made of lower-case letters, digits and hyphens", "id")
        pack_id = pack_id or root.name
    title = text(data, "title")
    if not title:
        problem("the pack needs a 'title'", "title")
        title = root.name

    metas = _document_metas(data.get("documents"), problem, text)
    documents: list[Document] = []
    for meta in metas:
        doc = _read(meta, root, problems)
        if doc is not None:
            documents.append(doc)
        if progress is not None:
            progress(Pack(pack_id, title, root, _text(data.get("meeting")), tuple(documents)), len(metas))

    return Pack(
        id=pack_id,
        title=title,
        root=root,
        meeting=text(data, "meeting"),
        documents=tuple(documents),
        comparisons=_comparison_names(data.get("comparisons"), problem),
        problems=tuple(problems),
    )


def listed_files(root: Path | str) -> list[str]:
    """The file names pack.yaml in `root` gives its documents (those that are usable names), without
    reading any document; [] when pack.yaml cannot be read."""
    try:
        data = _manifest(Path(root)).data
    except PackError:
        return []
    entries = data.get("documents") if isinstance(data, dict) else None
    names = [e.get("file") for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    return [n.strip() for n in names if isinstance(n, str) and files.name_problem(n.strip()) is None]


def _manifest(root: Path) -> Located:
    """pack.yaml in `root`, loaded, or PackError saying why it cannot be."""
    manifest = root / MANIFEST
    if not root.is_dir():
        raise PackError(str(root), "this folder does not exist")
    try:
        raw = files.read_bytes(root, MANIFEST, files.MAX_YAML_BYTES)
    except files.PackFileError as exc:
        if exc.missing:
            raise PackError(str(manifest), "there is no pack.yaml in this folder") from None
        raise PackError(str(manifest), f"pack.yaml cannot be used: {exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PackError(MANIFEST, "pack.yaml is not UTF-8 text", line) from None
    try:
        return load_located(text)
    except YamlSyntaxError as exc:
        raise PackError(MANIFEST, exc.message, exc.line) from None


def _comparison_names(names: Any, problem) -> tuple[str, ...]:
    if names is None:
        return ()
    if not isinstance(names, list):
        problem("'comparisons' must be a list of file names", "comparisons")
        return ()
    out = []
    for i, name in enumerate(names):
        why = files.name_problem(name)
        if why:
            problem(f"comparison file {i + 1}: {why}", "comparisons", i)
        else:
            out.append(name)
    return tuple(out)


def _document_metas(entries: Any, problem, text) -> list[DocumentMeta]:
    if entries is None:
        problem("the pack lists no 'documents'")
        return []
    if not isinstance(entries, list):
        problem("'documents' must be a list", "documents")
        return []
    seen: set[str] = set()
    out = []
    for i, entry in enumerate(entries):
        where = ("documents", i)
        if not isinstance(entry, dict):
            problem("each document must be a mapping with id, file and title", *where)
            continue
        for key in entry:
            if key not in DOCUMENT_KEYS:
                problem(unknown_key_message(key, DOCUMENT_KEYS), *where, key)
        doc_id = text(entry, "id", *where)
        if not doc_id or not SLUG.match(doc_id):
            problem("a document needs an 'id' made of lower-case letters, digits and hyphens", *where, "id")
            continue
        if doc_id in seen:
            problem(f"document id '{doc_id}' is used twice", *where, "id")
            continue
        seen.add(doc_id)
        file = entry.get("file")
        file = file.strip() if isinstance(file, str) else file
        if not file:
            problem(f"document '{doc_id}' needs a 'file'", *where)
            continue
        why = files.name_problem(file)
        if why:
            problem(f"document '{doc_id}': {why}", *where, "file")
            continue
        fmt = text(entry, "format", *where) or "auto"
        if fmt not in FORMATS:
            problem(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})", *where, "format")
            fmt = "auto"
        date = _date(entry.get("date"))
        if entry.get("date") is not None and date is None:
            problem("'date' must be YYYY, YYYY-MM or YYYY-MM-DD", *where, "date")
        title = text(entry, "title", *where)
        if not title:
            problem(f"document '{doc_id}' needs a 'title'", *where)
            title = Path(file).stem
        meta = DocumentMeta(
            id=doc_id,
            title=title,
            file=file,
            format=fmt,
            short_title=text(entry, "short_title", *where),
            publisher=text(entry, "publisher", *where),
            author=text(entry, "author", *where),
            date=date,
            licence=text(entry, "licence", *where),
        )
        out.append(meta)
    return out


def _read(meta: DocumentMeta, root: Path, problems: list[Problem]) -> Document | None:
    try:
        raw = files.read_bytes(root, meta.file)
    except files.PackFileError as exc:
        problems.append(Problem(meta.file, None, str(exc)))
        return None
    if meta.format == "pdf" or (meta.format == "auto" and is_pdf(raw)):
        doc, found = read_pdf(root / meta.file, raw, meta)
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
    try:
        doc = read_document(text, meta)
    except RecursionError:
        problems.append(Problem(meta.file, None, "the document is nested too deeply to read"))
        return None
    except Exception as exc:  # noqa: BLE001 - a reader's fault in one paper must not close the whole pack
        problems.append(
            Problem(
                meta.file,
                None,
                f"this document could not be read (a fault in Briefing: {type(exc).__name__})",
            )
        )
        return None
    if not doc.blocks:
        problems.append(Problem(meta.file, None, "no readable text was found in the file"))
        return None
    return doc


def _text(value: Any, wrong=None) -> str | None:
    """A scalar as stripped text (numbers and dates as written); a list or mapping is `wrong()`."""
    if value is None:
        return None
    if isinstance(value, (list, dict, bytes)):
        if wrong is not None:
            wrong()
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
