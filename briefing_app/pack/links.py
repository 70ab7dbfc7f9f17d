"""The links of a document: names of the pack's other documents in its text, as spans to them."""

from __future__ import annotations

from briefing_app.pack.crossrefs import MentionFinder
from briefing_app.pack.model import Document, Span


def document_links(doc: Document, finder: MentionFinder | None) -> dict[str, list[Span]]:
    """Block id -> "doclink" spans naming another document of the pack (none without a finder)."""
    if finder is None:
        return {}
    out: dict[str, list[Span]] = {}
    for block in doc.blocks:
        found = finder.find(block.text, doc.id, block.spans)
        if found:
            out[block.id] = [Span(m.start, m.end, "doclink", m.doc) for m in found]
    return out
