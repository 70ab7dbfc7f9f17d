"""The model as plain data, for `inspect --json` and tests."""

from __future__ import annotations

from typing import Any

from briefing_app.pack.model import Document, Note, Pack


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    return {
        "pack": {"id": pack.id, "title": pack.title},
        "documents": [document_to_dict(d) for d in pack.documents],
        "problems": [{"file": p.file, "line": p.line, "message": p.message} for p in pack.problems],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "format": doc.format,
        "blocks": [
            {
                "id": b.id,
                "kind": b.kind,
                "level": b.level,
                "number": b.number,
                "page": b.page,
                "text": b.text,
                "note_refs": list(b.note_refs),
            }
            for b in doc.blocks
        ],
        "notes": [note_to_dict(n) for n in doc.notes],
    }


def note_to_dict(note: Note) -> dict[str, Any]:
    return {
        "key": note.key,
        "label": note.label,
        "kind": note.kind,
        "status": note.status,
        "text": note.text,
        "ibid_of": note.ibid_of,
    }
