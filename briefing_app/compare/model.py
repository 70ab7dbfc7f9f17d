"""A comparison: columns with provenance, rows aligned by meaning, every quote verified."""

from __future__ import annotations

from typing import NamedTuple

# Records are NamedTuples rather than frozen dataclasses: they are read from the pack cache before
# the window's first paint, and each dataclass costs start-up about a millisecond to build.

MAPPINGS = {
    "retained": "Retained",
    "reworded": "Reworded",
    "broadened": "Broadened",
    "merged": "Merged",
    "new": "New",
    "moved": "Moved out",
    "dropped": "Dropped",
    "no counterpart": "No counterpart",
    "none": "Restatement",
}


class Quote(NamedTuple):
    doc: str
    text: str  # the words as the pack has them
    block: str
    start: int
    end: int


class Column(NamedTuple):
    id: str
    title: str
    source: str | None = None
    date: str | None = None
    paper: str | None = None


class Cell(NamedTuple):
    column: str
    quotes: tuple[Quote, ...] = ()


class Row(NamedTuple):
    id: str
    label: str
    mapping: str  # a key of MAPPINGS
    note: str | None
    cells: tuple[Cell, ...]
    evidence: tuple[Quote, ...] = ()

    @property
    def badge(self) -> str:
        return MAPPINGS.get(self.mapping, self.mapping)

    def cell(self, column: str) -> Cell:
        for c in self.cells:
            if c.column == column:
                return c
        return Cell(column)


class Comparison(NamedTuple):
    id: str
    title: str
    file: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    description: str | None = None
