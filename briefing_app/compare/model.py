"""A comparison: columns with provenance, rows aligned by meaning, every quote verified."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Quote:
    doc: str
    text: str  # the words as the pack has them
    block: str
    start: int
    end: int


@dataclass(frozen=True)
class Column:
    id: str
    title: str
    source: str | None = None
    date: str | None = None
    paper: str | None = None


@dataclass(frozen=True)
class Cell:
    column: str
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Row:
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


@dataclass(frozen=True)
class Comparison:
    id: str
    title: str
    file: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    description: str | None = None
