"""Where a block sits, as a meeting would cite it: "LGA Item 3, para 5.2",
"Creating the conditions, section 3, p. 15"."""

from __future__ import annotations

import re

from briefing_app.pack.model import Document

_SECTION = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")


def section_number(doc: Document, block_id: str) -> str | None:
    """The number of the numbered section the block is in ("3" for "3. Government action")."""
    number = None
    for block in doc.blocks:
        if block.kind == "heading" and (m := _SECTION.match(block.text)):
            number = m.group(1)
        if block.id == block_id:
            return number
    return None


def cite_location(doc: Document, block_id: str) -> str:
    parts = [doc.meta.cite_name]
    number = doc.paragraph_number(block_id)
    if number:
        parts.append(f"para {number}")
    elif section := section_number(doc, block_id):
        parts.append(f"section {section}")
    block = doc.block(block_id)
    if block is not None and block.page:
        parts.append(f"p. {block.page}")
    return ", ".join(parts)
