"""What a reader copies and reads about a place: the quotation with its citation, the status-bar
location, a bookmark's label. Pure functions of the document model."""

from __future__ import annotations

from collections.abc import Sequence

from briefing_app.pack.location import cite_location
from briefing_app.pack.model import Document

Selection = tuple[str, int, int]  # block id, start, end in that block's model text
LABEL_WIDTH = 60  # characters of a bookmark's passage shown in the menu


def selected_text(doc: Document, selection: Sequence[Selection]) -> str:
    """The model text of a selection over one or more blocks, paragraphs apart by a blank line.
    Note markers are not part of the model text, so none is glued to a word."""
    parts = []
    for block_id, start, end in selection:
        block = doc.block(block_id)
        if block is not None and end > start:
            parts.append(block.text[start:end])
    return "\n\n".join(parts)


def _range(doc: Document, first: str, last: str) -> str:
    """ "LGA Item 3, paras 5.1-5.2" for a selection from one numbered paragraph to another."""
    a, b = doc.paragraph_number(first), doc.paragraph_number(last)
    if a and b and a != b:
        where = [doc.meta.cite_name, f"paras {a}-{b}"]
        pages = [p for p in (doc.block(first).page, doc.block(last).page) if p]
        if pages and pages[0] != pages[-1]:
            where.append(f"pp. {pages[0]}-{pages[-1]}")
        elif pages:
            where.append(f"p. {pages[0]}")
        return ", ".join(where)
    start = cite_location(doc, first)
    end_page = doc.block(last).page
    first_page = doc.block(first).page
    if end_page and first_page and end_page != first_page:
        return start.replace(f"p. {first_page}", f"pp. {first_page}-{end_page}")
    return start


def quote_with_citation(doc: Document, selection: Sequence[Selection]) -> str:
    """“The words”, then where they are: “victims of state 'snooping'” (LGA Item 3, para 5.2).
    A selection over several paragraphs keeps all of them and cites the range."""
    chosen = [s for s in selection if doc.block(s[0]) is not None and s[2] > s[1]]
    if not chosen:
        return ""
    return f"“{selected_text(doc, chosen)}” ({_range(doc, chosen[0][0], chosen[-1][0])})"


def location_text(doc: Document, block_id: str) -> str:
    """The status bar's "where am I": the document's short name, the paragraph and the page."""
    block = doc.block(block_id)
    where = [doc.meta.cite_name]
    if block is None:
        return where[0]
    if block.number:
        where.append(f"para {block.number}")
    if block.page:
        where.append(f"p. {block.page}")
    return ", ".join(where)


def shorten(text: str, width: int = LABEL_WIDTH) -> str:
    """`text` cut to at most `width` characters at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width + 1].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
    return cut.rstrip(" ,;:.-–—") + "…"


def bookmark_label(doc: Document, block_id: str, width: int = LABEL_WIDTH) -> str:
    """ "LGA Item 3, para 5.2 — Councils are concerned that…": the citation, then the passage
    begins, never cut in the middle of a word."""
    block = doc.block(block_id)
    passage = shorten(block.text, width) if block is not None else ""
    place = cite_location(doc, block_id) if block is not None else doc.meta.cite_name
    return f"{place} — {passage}" if passage else place
