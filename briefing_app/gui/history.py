"""Back and forward through every jump: links, search hits, comparison quotes, notes, contents."""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):  # a NamedTuple: a frozen dataclass costs start-up about a millisecond more
    kind: str  # "doc" | "comparison"
    id: str
    scroll: int


class History:
    def __init__(self, limit: int = 100) -> None:
        self.back: list[Place] = []
        self.forward: list[Place] = []
        self.limit = limit

    def leave(self, here: Place | None) -> None:
        """Record where the reader was before a jump; a new jump forgets the forward trail."""
        if here is None:
            return
        if not self.back or self.back[-1] != here:
            self.back.append(here)
            del self.back[: -self.limit]
        self.forward.clear()

    def go_back(self, here: Place | None) -> Place | None:
        if not self.back:
            return None
        if here is not None:
            self.forward.append(here)
        return self.back.pop()

    def go_forward(self, here: Place | None) -> Place | None:
        if not self.forward:
            return None
        if here is not None:
            self.back.append(here)
        return self.forward.pop()

    def clear(self) -> None:
        self.back.clear()
        self.forward.clear()
