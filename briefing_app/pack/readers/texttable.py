"""Tables in plain text: rows of short cells set apart by runs of spaces or tabs.

A run of at least two lines that split into the same number of cells (two or more), each cell
short, is a table. Sentences with two spaces after a full stop split into long cells, so they
stay prose. Blank lines and page furniture inside the run are passed over, which is what joins a
table that a page break cut in two; a repeated header row on the new page is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_GAP = re.compile(r"\t+|[ \t]{2,}")
_MAX_CELL = 40


def cells(line: str) -> list[str] | None:
    parts = [c.strip() for c in _GAP.split(line.strip())]
    if len(parts) < 2 or any(not c or len(c) > _MAX_CELL for c in parts):
        return None
    return parts


def read_table(lines: list[str], i: int, skip: Callable[[int], bool]) -> tuple[list[list[str]], int]:
    """Rows of the table starting at line i (none if it is not one) and the line after it."""
    first = cells(lines[i])
    if first is None:
        return [], i
    rows = [first]
    j = i + 1
    end = j
    while j < len(lines):
        if not lines[j].strip() or skip(j):
            j += 1
            continue
        row = cells(lines[j])
        if row is None or len(row) != len(first):
            break
        if row != first:  # the header row again, at the top of the next page
            rows.append(row)
        j += 1
        end = j
    if len(rows) < 2:
        return [], i
    return rows, end
