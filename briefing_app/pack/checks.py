"""Warnings about what looks wrong in a document as read, for `pack check`.

Errors stop a pack opening right; warnings point at what a reader probably got wrong, so the
person making a pack knows where to look: a note marker with no note, a note no marker refers
to, a line repeated through the text as page furniture would be, a heading that reads like a
sentence, a paragraph that stops mid-sentence before a heading. Each names the source line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_app.pack.model import Block, Document, Problem

_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”)\]]*$")
_LONG_HEADING = 12  # words: a heading longer than this is a sentence that lost its paragraph
_OPEN_END = re.compile(r"\b(and|or|of|for|the|to|in|on|a|an|with|by|from|at|as|that|which)$", re.IGNORECASE)
_REPEATS = 3
_SECTION_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s")


def document_warnings(doc: Document) -> list[Problem]:
    found = [
        *_unlinked_markers(doc),
        *_unreferenced_notes(doc),
        *_repeated_lines(doc),
        *_sentence_headings(doc),
        *_cut_before_heading(doc),
    ]
    return sorted(found, key=lambda p: (p.line or 0, p.message))


def _warn(doc: Document, line: int | None, message: str) -> Problem:
    return Problem(doc.meta.file, line, message)


def _marker_lines(doc: Document) -> dict[str, int | None]:
    lines: dict[str, int | None] = {}
    for b in doc.blocks:
        for key in b.note_refs:
            lines.setdefault(key, b.line)
    return lines


def _unlinked_markers(doc: Document) -> Iterable[Problem]:
    """A missing note is the source's own gap when the notes either side of it in the sequence are
    there (the printer left it out); otherwise the reader probably missed where the notes are. A
    document whose remarks already tell the reader the notes are not in this copy is not warned."""
    if doc.remarks and any("not included" in r or "not given" in r for r in doc.remarks):
        return
    defined = {n.label for n in doc.notes if n.status != "missing"}
    where = _marker_lines(doc)
    for n in doc.notes:
        if n.status != "missing":
            continue
        if n.label.isdigit() and {str(int(n.label) - 1), str(int(n.label) + 1)} <= defined:
            continue
        yield _warn(doc, where.get(n.key), f"warning: note marker {n.label} has no note in the document")


def _unreferenced_notes(doc: Document) -> Iterable[Problem]:
    used = set(_marker_lines(doc))
    for n in doc.notes:
        if n.status != "missing" and n.key not in used:
            yield _warn(doc, n.line, f"warning: note {n.label} is not referred to by any marker in the text")


def _repeated_lines(doc: Document) -> Iterable[Problem]:
    """The same short block three times or more, with nothing between two of them that would make
    it a section's heading again: a running header or footer left in the text."""
    by_text: dict[str, list[int]] = {}
    for i, b in enumerate(doc.blocks):
        # A running line is short and leads into nothing; "What we heard:" above each of several
        # lists is the paper's own wording.
        text = b.text.strip()
        if (
            b.role is None
            and b.kind in ("heading", "paragraph")
            and 0 < len(text) <= 80
            and len(text.split()) <= 10
            and not text.endswith(":")
        ):
            by_text.setdefault(text.lower(), []).append(i)
    heading_at = [i for i, b in enumerate(doc.blocks) if b.kind == "heading"]
    for places in by_text.values():
        if len(places) < _REPEATS:
            continue
        heading = doc.blocks[places[0]].kind == "heading"
        if heading and all(
            _heading_between(heading_at, a, b) for a, b in zip(places, places[1:], strict=False)
        ):
            continue  # the same sub-heading in each of several sections
        first = doc.blocks[places[0]]
        yield _warn(
            doc,
            first.line,
            f'warning: "{first.text}" is repeated {len(places)} times in the text: page furniture left in?',
        )


def _heading_between(heading_at: list[int], a: int, b: int) -> bool:
    return any(a < h < b for h in heading_at)


def _sentence_headings(doc: Document) -> Iterable[Problem]:
    if doc.format == "markdown":
        return  # a markdown heading is one because its author marked it so
    for b in doc.blocks:
        if b.kind != "heading" or b.role is not None:
            continue
        text = b.text.strip()
        words = len(text.split())
        sentence = text.endswith(".") and words > 3 and not text[:-1].isupper()
        # A numbered section title may be long ("4. The Breadth, Contribution and Impact of ...").
        long = words > _LONG_HEADING and not _SECTION_NUMBER.match(text)
        if long or sentence or _OPEN_END.search(text):
            yield _warn(doc, b.line, f'warning: the heading "{_short(text)}" reads like a sentence')


def _cut_before_heading(doc: Document) -> Iterable[Problem]:
    for b, nxt in zip(doc.blocks, doc.blocks[1:], strict=False):
        if nxt.kind == "heading" and _prose(b) and not _SENTENCE_END.search(b.text.rstrip()):
            yield _warn(
                doc, b.line, f'warning: the paragraph "{_short(b.text)}" stops mid-sentence before a heading'
            )


def _prose(b: Block) -> bool:
    # Lines kept apart (an address, contact details) are a list, not a sentence.
    return b.kind == "paragraph" and b.role is None and "\n" not in b.text and len(b.text.split()) >= 8


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def location(problem: Problem) -> str:
    """`path:line: message`, the form editors and terminals jump to."""
    return str(problem)
