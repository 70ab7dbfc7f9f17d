"""Note markers and the notes they point to, in a PDF: raised small figures, page-foot notes, end notes.

A marker is a run of small characters set above the baseline (the layout stage keeps them apart
from the text). A footnote is a run of small lines near the page foot that starts with its label,
raised or not; an end-notes section is a heading such as "Notes" or "References" followed by
numbered lines. A raised run counts as a marker only when a note with its label exists; otherwise
it is text set small and high (an ordinal's "th", a square metre's "2") and stays in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.pack.readers.pdflayout import Line

_LABEL = re.compile(r"^(\d{1,3}|[*†‡§])$")
_PLAIN_LABEL = re.compile(r"^(?P<label>\d{1,3})[.)]?\s+(?P<rest>\S.*)$")
_ENDNOTES = re.compile(r"^(end\s*notes?|notes|footnotes|references)$", re.IGNORECASE)
_FOOT_ZONE = 0.45  # footnotes sit in the lower part of the page (fraction of its height from the top)


@dataclass
class FoundNote:
    label: str
    kind: str  # "footnote" | "endnote"
    lines: list[Line] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    order: int = 0  # the reading-order index of its first line


def find_notes(
    pages: list[list[Line]], heights: list[float], body_size: float
) -> tuple[list[FoundNote], set[int]]:
    """Return the notes found and the ids (id(line)) of the lines that hold them."""
    notes: list[FoundNote] = []
    used: set[int] = set()
    order = 0
    in_endnotes = False
    for page, lines in enumerate(pages):
        current: FoundNote | None = None
        for ln in lines:
            order += 1
            if _ENDNOTES.match(ln.text.strip()) and ln.cells is None:
                in_endnotes = True
                current = None
                continue
            small = ln.size <= 0.92 * body_size
            low = heights[page] > 0 and ln.top >= _FOOT_ZONE * heights[page]
            start = _note_start(ln)
            if in_endnotes and start is None and (ln.bold or ln.size > 1.1 * body_size):
                in_endnotes = False  # a heading after the notes: the section is over
                current = None
            where = in_endnotes or (small and low)
            if (
                start is not None
                and start[2]
                and start[0] != (_next_label(notes[-1].label) if notes else "1")
            ):
                start = None  # "10 seconds." continuing a note, "1 work-hour" in a table: not a new note
            if start is not None and where:
                label, rest, _ = start
                current = FoundNote(label, "endnote" if in_endnotes else "footnote", [ln], [rest], order)
                notes.append(current)
                used.add(id(ln))
            elif (
                current is not None
                and where
                and ln.cells is None
                and abs(ln.size - current.lines[0].size) <= 0.5
            ):
                current.lines.append(ln)
                current.text_parts.append(_with_raised(ln))
                used.add(id(ln))
            else:
                current = None
    return notes, used


def _next_label(label: str) -> str:
    # ASCII digits only: "²" is a digit to isdigit() but not to int().
    return str(int(label) + 1) if label.isascii() and label.isdigit() and len(label) <= 9 else ""


def _note_start(ln: Line) -> tuple[str, str, bool] | None:
    """A note's first line -> (label, text, plain): its label raised at the start, or printed plainly
    before the text (then only the next label in sequence is believed)."""
    if ln.raised and ln.raised[0][0] == 0 and _LABEL.match(ln.raised[0][1].strip()):
        rest = Line(**{**ln.__dict__, "raised": ln.raised[1:]})
        return ln.raised[0][1].strip(), _with_raised(rest), False
    if ln.cells is None and (m := _PLAIN_LABEL.match(ln.text)) and ln.raised == []:
        return m.group("label"), m.group("rest"), True
    return None


def _with_raised(ln: Line) -> str:
    """The line's text with raised runs put back where they were printed (inside a note's text)."""
    text = ln.text
    for offset, raised in sorted(ln.raised, reverse=True):
        text = text[:offset] + raised + text[offset:]
    return text.strip()


def is_marker_label(label: str) -> bool:
    return bool(_LABEL.match(label.strip()))
