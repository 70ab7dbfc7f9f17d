"""Annotations out and in: a briefing note (Markdown, HTML; PDF via the GUI layer) and W3C Web
Annotation JSON, one collection per pack, that a colleague can import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing_app.annotations.anchor import Resolved, resolve_each
from briefing_app.annotations.model import Annotation
from briefing_app.annotations.store import AnnotationStore
from briefing_app.annotations.w3c_import import ImportError_, parse_collection
from briefing_app.markup import escape
from briefing_app.pack.location import cite_location
from briefing_app.pack.model import Pack

__all__ = ["ImportError_", "ImportReport", "import_w3c", "render", "resolve_all", "to_w3c"]

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def resolve_all(pack: Pack, annotations: list[Annotation]) -> list[Resolved]:
    """Each annotation resolved against the pack, in pack order then reading order; orphans last."""
    from briefing_app.paths import cache_dir

    order = {d.id: i for i, d in enumerate(pack.documents)}
    resolved = resolve_each(annotations, {d.id: d for d in pack.documents}, cache_dir())
    # Each block's place in reading order, found once rather than per annotation, in the documents
    # annotated only (every block of a 38-paper pack took the window 6 ms when the pack opened).
    annotated = {a.doc for a in annotations}
    place = {(d.id, b.id): i for d in pack.documents if d.id in annotated for i, b in enumerate(d.blocks)}
    return sorted(
        resolved,
        key=lambda r: (
            r.status == "orphaned",
            order.get(r.annotation.doc, 999),
            place.get((r.annotation.doc, r.block), 0),
            r.start,
        ),
    )


def location(pack: Pack, r: Resolved) -> str:
    doc = pack.document(r.annotation.doc)
    if doc is None or r.block is None:
        name = doc.meta.cite_name if doc else r.annotation.doc
        return f"{name} (no longer found in the document)"
    return cite_location(doc, r.block)


def sections(pack: Pack, resolved: list[Resolved]):
    """(heading, resolved annotation) in note order: a heading per document, orphans apart at the end."""
    for r in resolved:
        doc = pack.document(r.annotation.doc)
        orphan = r.status == "orphaned"
        heading = "Notes that could not be placed" if orphan else (doc.title if doc else r.annotation.doc)
        yield heading, r


def to_markdown(pack: Pack, resolved: list[Resolved]) -> str:
    lines = [f"# Briefing note: {pack.title}", ""]
    if pack.meeting:
        lines += [pack.meeting, ""]
    current = None
    for heading, r in sections(pack, resolved):
        a = r.annotation
        if heading != current:
            if lines[-1] != "":
                lines.append("")
            lines += [f"## {heading}", ""]
            current = heading
        lines.append(f"- **{location(pack, r)}** ({a.colour}): “{a.selector.quote}”")
        if a.comment:
            lines.append(f"  - {a.comment}")
        if a.tags:
            lines.append(f"  - Tags: {', '.join(a.tags)}")
        if r.status == "moved":
            lines.append("  - (the document changed: this note was re-attached to the passage shown)")
    return "\n".join(lines) + "\n"


def to_html(pack: Pack, resolved: list[Resolved]) -> str:
    from briefing_app.annotations.model import COLOURS

    parts = [f"<h1>Briefing note: {escape(pack.title)}</h1>"]
    if pack.meeting:
        parts.append(f"<p>{escape(pack.meeting)}</p>")
    current = None
    for heading, r in sections(pack, resolved):
        a = r.annotation
        if heading != current:
            parts.append(f"<h2>{escape(heading)}</h2>")
            current = heading
        colour = COLOURS.get(a.colour, "#ffe066")
        parts.append(
            f"<p><b>{escape(location(pack, r))}</b> <small>({escape(a.colour)})</small><br>"
            f"<span style='background:{colour}'>“{escape(a.selector.quote)}”</span>"
            + (f"<br>{escape(a.comment)}" if a.comment else "")
            + (f"<br><small>Tags: {escape(', '.join(a.tags))}</small>" if a.tags else "")
            + (
                "<br><small><i>The document changed: re-attached to the passage shown.</i></small>"
                if r.status == "moved"
                else ""
            )
            + "</p>"
        )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Briefing note</title></head>"
        "<body style='font-family:serif'>" + "".join(parts) + "</body></html>"
    )


def render(pack: Pack, annotations: list[Annotation], fmt: str) -> str:
    """An export of the pack's annotations as text: "md" or "html" briefing note, or "json" (W3C)."""
    if fmt == "json":
        import json

        return json.dumps(to_w3c(pack, annotations), ensure_ascii=False, indent=1)
    resolved = resolve_all(pack, annotations)
    return to_html(pack, resolved) if fmt == "html" else to_markdown(pack, resolved)


# --- W3C Web Annotation JSON -------------------------------------------------------------------


def collection_id(pack: Pack) -> str:
    return f"urn:briefing:pack:{pack.id}"


def to_w3c(pack: Pack, annotations: list[Annotation]) -> dict:
    items = []
    for a in annotations:
        s = a.selector
        body = [{"type": "TextualBody", "purpose": "highlighting", "value": a.colour}]
        if a.comment:
            body.append(
                {"type": "TextualBody", "purpose": "commenting", "value": a.comment, "format": "text/plain"}
            )
        body += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in a.tags]
        items.append(
            {
                "id": f"urn:uuid:{a.id}",
                "type": "Annotation",
                "created": a.created,
                "modified": a.modified,
                "body": body,
                "target": {
                    "source": f"{collection_id(pack)}:doc:{s.doc}",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": s.quote,
                            "prefix": s.prefix,
                            "suffix": s.suffix,
                        },
                        {"type": "TextPositionSelector", "start": s.position_start, "end": s.position_end},
                    ],
                    "briefing:block": {"id": s.block, "start": s.start, "end": s.end, "docHash": s.doc_hash},
                },
            }
        )
    return {
        "@context": W3C_CONTEXT,
        "id": collection_id(pack),
        "type": "AnnotationCollection",
        "label": pack.title,
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }


@dataclass(frozen=True)
class ImportReport:
    added: int
    skipped: int
    orphaned: int

    def __str__(self) -> str:
        return (
            f"Imported {self.added} annotation{'s' if self.added != 1 else ''}; "
            f"{self.skipped} already here and skipped; {self.orphaned} could not be placed in the documents "
            "(listed apart, with their quotes)."
        )


def import_w3c(store: AnnotationStore, pack: Pack, data: Any) -> ImportReport:
    """Add the annotations of a W3C export to `store`: all of them, or (ImportError_ or StoreError
    saying why) none."""
    from briefing_app.paths import cache_dir

    annotations = parse_collection(pack, data, collection_id(pack))
    existing = {a.id for a in store.list(pack.id)}
    new: dict[str, Annotation] = {}
    for annotation in annotations:
        if annotation.id not in existing:
            new.setdefault(annotation.id, annotation)
    store.restore_many(list(new.values()))
    # Placing them now also leaves the fuzzy searches remembered for the next window open.
    placed = resolve_each(list(new.values()), {d.id: d for d in pack.documents}, cache_dir())
    orphaned = sum(1 for r in placed if r.status == "orphaned")
    return ImportReport(len(new), len(annotations) - len(new), orphaned)
