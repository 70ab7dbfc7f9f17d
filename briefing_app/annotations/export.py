"""Annotations out and in: a briefing note (Markdown, HTML; PDF via the GUI layer) and W3C Web
Annotation JSON, one collection per pack, that a colleague can import."""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.annotations.anchor import Resolved, resolve
from briefing_app.annotations.model import Annotation, Selector
from briefing_app.annotations.store import AnnotationStore
from briefing_app.errors import BriefingError
from briefing_app.markup import escape
from briefing_app.pack.location import cite_location
from briefing_app.pack.model import Pack

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def resolve_all(pack: Pack, annotations: list[Annotation]) -> list[Resolved]:
    """Each annotation resolved against the pack, in pack order then reading order; orphans last."""
    order = {d.id: i for i, d in enumerate(pack.documents)}
    resolved = [resolve(a, pack.document(a.doc)) for a in annotations]
    return sorted(
        resolved,
        key=lambda r: (
            r.status == "orphaned",
            order.get(r.annotation.doc, 999),
            _block_index(pack, r),
            r.start,
        ),
    )


def _block_index(pack: Pack, r: Resolved) -> int:
    doc = pack.document(r.annotation.doc)
    if doc is None or r.block is None:
        return 0
    return next((i for i, b in enumerate(doc.blocks) if b.id == r.block), 0)


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


class ImportError_(BriefingError):
    """The file cannot be imported; str() says why."""


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


def import_w3c(store: AnnotationStore, pack: Pack, data: dict) -> ImportReport:
    if not isinstance(data, dict) or data.get("type") != "AnnotationCollection":
        raise ImportError_("This file is not a Briefing annotations export (no annotation collection in it).")
    if data.get("id") != collection_id(pack):
        other = str(data.get("label") or data.get("id") or "another pack")
        raise ImportError_(
            f"These annotations belong to another pack ({other}), not to “{pack.title}”; "
            "nothing was imported."
        )
    existing = {a.id for a in store.list(pack.id)}
    added = skipped = orphaned = 0
    for item in (data.get("first") or {}).get("items", []):
        try:
            annotation = _from_w3c(pack, item)
        except (KeyError, TypeError, ValueError):
            skipped += 1
            continue
        if annotation.id in existing:
            skipped += 1
            continue
        store.restore(annotation)
        existing.add(annotation.id)
        added += 1
        if resolve(annotation, pack.document(annotation.doc)).status == "orphaned":
            orphaned += 1
    return ImportReport(added, skipped, orphaned)


def _from_w3c(pack: Pack, item: dict) -> Annotation:
    target = item["target"]
    doc = target["source"].rsplit(":doc:", 1)[1]
    quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
    position = next(
        (s for s in target["selector"] if s["type"] == "TextPositionSelector"), {"start": 0, "end": 0}
    )
    block = target.get("briefing:block", {})
    bodies = item.get("body", [])
    colour = next((b["value"] for b in bodies if b.get("purpose") == "highlighting"), "yellow")
    comment = next((b["value"] for b in bodies if b.get("purpose") == "commenting"), "")
    tags = tuple(b["value"] for b in bodies if b.get("purpose") == "tagging")
    selector = Selector(
        doc=doc,
        block=block.get("id", ""),
        start=int(block.get("start", 0)),
        end=int(block.get("end", 0)),
        quote=quote["exact"],
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        position_start=int(position["start"]),
        position_end=int(position["end"]),
        doc_hash=block.get("docHash", ""),
    )
    annotation_id = str(item["id"]).removeprefix("urn:uuid:")
    return Annotation(
        annotation_id,
        pack.id,
        selector,
        colour,
        comment,
        tags,
        item.get("created", ""),
        item.get("modified", ""),
    )
