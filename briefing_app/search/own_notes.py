"""The reader's own comments and tags, searched with the same word forms as the pack.

They change with every keystroke of a comment, so they are matched in memory rather than
indexed; the analyser is the index's own, so "spying" finds a comment that says "spies".
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.search.entries import Entry
from briefing_app.search.results import SearchHit
from briefing_app.search.schema import STEMMED
from briefing_app.search.snippets import Marks


@dataclass(frozen=True)
class OwnNote:
    id: str
    doc: str
    block: str | None
    quote: str
    comment: str
    tags: tuple[str, ...]


def _stems(text: str) -> set[str]:
    return {t.text for t in STEMMED(text)}


def search_own_notes(query: str, notes: list[OwnNote]) -> list[SearchHit]:
    """Notes whose comment or tags hold every plain word of the query (operators are not applied)."""
    words = [
        w for w in query.replace('"', " ").split() if w.upper() not in ("AND", "OR", "NOT") and ":" not in w
    ]
    wanted = [_stems(w.strip("-*~")) for w in words if not w.startswith("-")]
    wanted = [s for s in wanted if s]
    if not wanted:
        return []
    hits = []
    for note in notes:
        text = " ".join(x for x in (note.comment, ", ".join(note.tags)) if x)
        have = _stems(text)
        if text and all(s & have for s in wanted):
            section = f"your note on “{note.quote[:60]}”"
            entry = Entry(
                f"annotation:{note.id}", note.doc, note.block or "", "annotation", "", section, "", 0, 0, text
            )
            hits.append(SearchHit(entry, 0.0, Marks(stems=frozenset(set().union(*wanted)))))
    return hits
