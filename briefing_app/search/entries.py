"""What gets indexed: one entry per block and per note, taken from the model, never from source text."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from operator import attrgetter

from briefing_app.pack.model import Document, Pack
from briefing_app.search.schema import WORD

SECTION_SEPARATOR = " › "


@dataclass(frozen=True)
class Entry:
    key: str  # "doc/block" or "doc/note:key"
    doc: str
    block: str  # block id, or note key for notes
    kind: str  # block kind, or "note"
    title: str  # document title
    section: str  # heading path above the block
    number: str
    page: int  # 0 when unknown (Whoosh numeric fields need a value)
    order: int  # position in pack reading order
    text: str

    def index_fields(self) -> dict[str, object]:
        """The entry as the index's fields (schema.make_schema): its key leads back to it."""
        text = self.text
        # No pairs for a text with no word ("—"): whoosh3 3.54's BiWordFilter fails, hanging a build.
        pairs = {"pairs": text} if WORD.search(text) else {}
        return {"key": self.key.encode("utf-8"), "doc": self.doc, "text": text, "exact": text, **pairs}


def iter_entries(pack: Pack) -> Iterator[Entry]:
    order = 0
    for doc in pack.documents:
        for entry in _document_entries(doc, order):
            yield entry
            order += 1
        order += 1


def _document_entries(doc: Document, order: int) -> Iterator[Entry]:
    path: list[tuple[int, str]] = []
    sections: dict[str, str] = {}
    for block in doc.blocks:
        if block.role == "contents":
            continue  # a contents list only repeats the headings, with page numbers
        if block.kind == "heading":
            level = block.level or 1
            path = [(lv, t) for lv, t in path if lv < level]
            section = SECTION_SEPARATOR.join(t for _, t in path)
            if block.text.casefold() != doc.title.casefold():
                path.append((level, block.text))  # the document's own title adds nothing to a location
        else:
            section = SECTION_SEPARATOR.join(t for _, t in path)
        for ref in block.note_refs:
            sections.setdefault(ref, section)
        yield Entry(
            key=f"{doc.id}/{block.id}",
            doc=doc.id,
            block=block.id,
            kind=block.kind,
            title=doc.title,
            section=section,
            number=block.number or "",
            page=block.page or 0,
            order=order,
            text=block.text,
        )
        order += 1
    for note in doc.notes:
        if not note.text:
            continue
        yield Entry(
            key=f"{doc.id}/note:{note.key}",
            doc=doc.id,
            block=note.key,
            kind="note",
            title=doc.title,
            section=sections.get(note.key, ""),
            number=note.label,
            page=0,
            order=order,
            text=note.text,
        )
        order += 1


def fingerprint(entries: list[Entry], schema_version: int) -> str:
    """Changes whenever anything that would be indexed changes (text, pages, numbers, schema)."""
    digest = hashlib.sha256(f"schema {schema_version}\n{ENTRY_FIELDS}\n".encode())
    # One JSON line per entry: field values in field order (asdict's deep copies were slow).
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    values = attrgetter(*ENTRY_FIELDS)
    digest.update("\n".join(dumps(values(e)) for e in entries).encode())
    return digest.hexdigest()


ENTRY_FIELDS = tuple(f.name for f in fields(Entry))
