"""Where a block or note names another document of the pack, so the name can link to it.

Titles are often ordinary phrases ("Preventing violent extremism" is also a programme, a fund
and a committee report), so a name counts as a reference only when the text presents it as one:
enclosed exactly in quotation marks or emphasis; or, for a document's short title, written as a
name (capital first letter) and not running on into a longer name ("...Pathfinder Fund").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing_app.pack.model import Pack, Span

MIN_NAME = 12  # shorter names are too easily something else
_OPEN = "'\"‘“"
_CLOSE = "'\"’”"


class Mention(NamedTuple):  # not a dataclass: one fewer built at start-up
    start: int
    end: int
    doc: str  # the document named


class MentionFinder:
    def __init__(self, pack: Pack) -> None:
        names: list[tuple[str, str, bool]] = []  # name, document, may stand bare
        for d in pack.documents:
            if len(d.title) >= MIN_NAME:
                names.append((d.title, d.id, False))
            short = d.meta.short_title or ""
            if len(short) >= MIN_NAME and short.casefold() != d.title.casefold():
                names.append((short, d.id, True))
        names.sort(key=lambda n: -len(n[0]))  # the longest name wins where names overlap
        self._names = [
            (n.casefold(), re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE), doc, bare)
            for n, doc, bare in names
        ]

    def find(self, text: str, own_doc: str, spans: tuple[Span, ...] = ()) -> list[Mention]:
        emphasised = {(s.start, s.end) for s in spans if s.kind in ("emphasis", "strong")}
        found: list[Mention] = []
        folded = text.casefold()
        for name, pattern, doc, bare in self._names:
            if doc == own_doc or name not in folded:
                continue  # a document naming itself is not a link anywhere; most blocks name none
            for m in pattern.finditer(text):
                start, end = m.span()
                quoted = start > 0 and end < len(text) and text[start - 1] in _OPEN and text[end] in _CLOSE
                if not (quoted or (start, end) in emphasised or (bare and _as_name(text, start, end))):
                    continue
                if all(end <= f.start or start >= f.end for f in found):
                    found.append(Mention(start, end, doc))
        return sorted(found, key=lambda f: f.start)


def _as_name(text: str, start: int, end: int) -> bool:
    following = re.match(r"\s+(\w)", text[end:])
    return text[start].isupper() and not (following and following.group(1).isupper())
