"""Where a block or note names another document of the pack, so the name can link to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.pack.model import Pack

MIN_NAME = 12  # shorter names ("Prevent") are too common to be taken as titles


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    doc: str  # the document named


class MentionFinder:
    def __init__(self, pack: Pack) -> None:
        names: list[tuple[str, str]] = []
        for d in pack.documents:
            for name in {d.title, d.meta.short_title or ""}:
                if len(name) >= MIN_NAME:
                    names.append((name, d.id))
        names.sort(key=lambda nd: -len(nd[0]))  # the longest name wins where names overlap
        self._names = [(re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE), doc) for n, doc in names]

    def find(self, text: str, own_doc: str) -> list[Mention]:
        found: list[Mention] = []
        for pattern, doc in self._names:
            if doc == own_doc:
                continue  # a document naming itself is not a link anywhere
            for m in pattern.finditer(text):
                if all(m.end() <= f.start or m.start() >= f.end for f in found):
                    found.append(Mention(m.start(), m.end(), doc))
        return sorted(found, key=lambda f: f.start)
