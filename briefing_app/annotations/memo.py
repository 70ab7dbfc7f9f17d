"""Fuzzy re-anchoring done once and remembered: per document text, where each quote was found.

A quote that is no longer in its document exactly is looked for fuzzily, window by window, which
costs milliseconds per annotation; a thousand orphans cost seconds at every window open. The
answer depends only on the document's text and the quote, so it is kept in the cache folder under
a hash of the text: the next open (and the open after an import, which resolved them already)
reads it back. An edited document has a new hash and is searched afresh. A missing, damaged or
unwritable memo only costs the time it would have saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

FORMAT = 1
Found = tuple[int, int, float] | None


class FuzzyMemo:
    def __init__(self, folder: Path, text: str, search: Callable[[str, str], Found]) -> None:
        key = hashlib.sha256(f"{FORMAT}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
        self.path = folder / "anchoring" / f"{key[:32]}.json"
        self.text, self.search = text, search
        self.found: dict[str, list | None] = _load(self.path)
        self.dirty = False

    def search_in(self, text: str, quote: str) -> Found:
        """The search's answer for `quote` in this memo's text (`text`, given again to fit resolve())."""
        if quote in self.found:
            hit = self.found[quote]
            return None if hit is None else (int(hit[0]), int(hit[1]), float(hit[2]))
        hit = self.search(self.text, quote)
        self.found[quote] = None if hit is None else list(hit)
        self.dirty = True
        return hit

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".memo-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(self.found, fh, ensure_ascii=False)
                os.replace(temp, self.path)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError:
            return  # a read-only or full cache folder: the next open searches again
        self.dirty = False


def _load(path: Path) -> dict[str, list | None]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        q: v
        for q, v in data.items()
        if v is None or (isinstance(v, list) and len(v) == 3 and all(isinstance(x, (int, float)) for x in v))
    }
