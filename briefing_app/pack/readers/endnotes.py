"""End-note sections: a heading such as "End notes", "Notes" or "References" and numbered notes.

The notes under the heading may come one to a block ("1. Home Office, 2011"), as a list, or run
together into one paragraph by the extraction ("1 CLG 2011 2 Home Office 2011 3 ..."). They are
split by looking for the next label in sequence (1, 2, 3 ... or i, ii, iii ...), which is what
keeps a year or a figure inside a note from being taken for the next note.
"""

from __future__ import annotations

import re

from briefing_app.pack.readers.draft import Draft, NoteDef, PageBreak, normalise_title

_TITLES = ("end notes", "endnotes", "notes", "references", "notes and references", "footnotes")
_ROMANS = (
    "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx xxi xxii xxiii xxiv xxv"
).split()


def is_notes_title(raw: str) -> bool:
    return normalise_title(re.sub(r"^\d+(\.\d+)*\.?\s+", "", raw.strip())) in _TITLES


def take_endnotes(
    items: list[Draft | PageBreak], *, same_level_ends: bool = True
) -> tuple[list[Draft | PageBreak], list[NoteDef]]:
    """Remove the end-note section (if one is found) and return its notes as definitions.

    The section runs from its heading to the next heading of higher rank (or of the same rank,
    where `same_level_ends`), or to the end. A heading whose section does not open with note 1
    (or i) is a bibliography, not notes, and stays as text.
    """
    drafts = [(k, it) for k, it in enumerate(items) if isinstance(it, Draft)]
    for pos, (k, head) in enumerate(drafts):
        if head.kind != "heading" or head.role == "contents" or not is_notes_title(head.raw):
            continue
        end = len(items)
        for k2, d in drafts[pos + 1 :]:
            if d.kind == "heading" and not _opens_note(d.raw) and _ends_section(d, head, same_level_ends):
                end = k2
                break
        body = [it for it in items[k + 1 : end] if isinstance(it, Draft)]
        defs = split_notes(body)
        if not defs:
            continue
        # The section's page breaks stay, so pages after it still count right.
        kept = items[:k] + [it for it in items[k + 1 : end] if isinstance(it, PageBreak)] + items[end:]
        return kept, defs
    return items, []


def _ends_section(d: Draft, head: Draft, same_level_ends: bool) -> bool:
    level, top = d.level or 1, head.level or 1
    return level < top or (level == top and (same_level_ends or d.start_page is not None))


def _opens_note(raw: str) -> bool:
    return bool(re.match(r"^\s*(<sup>)?\s*(\d{1,3}|[ivx]{1,5})\b", raw))


def split_notes(body: list[Draft]) -> list[NoteDef]:
    """Notes 1, 2, 3 (or i, ii, iii) in the blocks of an end-note section, in order."""
    pieces: list[tuple[str, int, Draft]] = []
    for d in body:
        raw = d.raw
        if d.kind == "list_item" and d.marker and d.marker != "•":
            raw = f"{d.marker} {raw}"
        elif d.number:
            raw = f"{d.number} {raw}"  # "1. Home Office ..." read as a numbered paragraph
        pieces.append((raw, d.line, d))
    for labels in (None, _ROMANS):
        defs = _scan(pieces, labels)
        if defs:
            return defs
    return []


def _label(labels: list[str] | None, n: int) -> str | None:
    if labels is None:
        return str(n)
    return labels[n - 1] if n <= len(labels) else None


def _scan(pieces: list[tuple[str, int, Draft]], labels: list[str] | None) -> list[NoteDef]:
    defs: list[NoteDef] = []
    expected = 1
    current: list[str] = []
    current_start: tuple[str, int] | None = None
    for raw, _, d in pieces:
        pos = 0
        while True:
            label = _label(labels, expected)
            hit = _find_label(raw, label, pos) if label else None
            if hit is None:
                break
            start, text_start = hit
            if current_start is not None:
                current.append(raw[pos:start])
                defs.append(NoteDef(current_start[0], _clean(" ".join(current)), current_start[1], "endnote"))
            elif raw[:start].strip():
                return []  # text before note 1: not a notes section
            current_start = (label, d.line_at(start))
            current = []
            pos = text_start
            expected += 1
        if current_start is None:
            return []
        current.append(raw[pos:])
    if current_start is not None:
        defs.append(NoteDef(current_start[0], _clean(" ".join(current)), current_start[1], "endnote"))
    return defs


def _find_label(raw: str, label: str, pos: int) -> tuple[int, int] | None:
    """Where the label opens a note: at the start or after a space, as "3", "3.", "3)", "[3]" or
    <sup>3</sup>, followed by the note's text."""
    pattern = (
        rf"(?:^|(?<=\s))(?:<sup>\s*{re.escape(label)}\s*</sup>|\[{re.escape(label)}\]|\*\*{re.escape(label)}\*\*"
        rf"|{re.escape(label)}[.)]?)\s+(?=\S)"
    )
    m = re.compile(pattern).search(raw, pos)
    return None if m is None else (m.start(), m.end())


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
