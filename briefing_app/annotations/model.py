"""An annotation: what was marked (a W3C-style quote and position selector) and what was said."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.annotations.colours import COLOURS

__all__ = ["COLOURS", "Annotation", "Selector"]


@dataclass(frozen=True)
class Selector:
    doc: str
    block: str
    start: int  # offsets within the block's text
    end: int
    quote: str  # TextQuoteSelector: the exact words...
    prefix: str  # ...and about 32 characters either side
    suffix: str
    position_start: int  # TextPositionSelector over the whole document text
    position_end: int
    doc_hash: str  # the document text the selector was made against


@dataclass(frozen=True)
class Annotation:
    id: str
    pack: str
    selector: Selector
    colour: str = "yellow"
    comment: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    created: str = ""
    modified: str = ""

    @property
    def doc(self) -> str:
        return self.selector.doc
