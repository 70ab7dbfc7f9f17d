"""Comparison YAML -> verified Comparison. Every problem names the file and line; the rest shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing_app.compare.model import MAPPINGS, Cell, Column, Comparison, Quote, Row
from briefing_app.pack import files
from briefing_app.pack.locate import locate
from briefing_app.pack.model import Pack, Problem
from briefing_app.pack.yamlsource import YamlSyntaxError, load_located, unknown_key_message

TOP_KEYS = ("id", "title", "description", "columns", "rows")
COLUMN_KEYS = ("id", "title", "source", "date", "paper")
ROW_KEYS = ("id", "label", "mapping", "note", "cells", "evidence")
QUOTE_KEYS = ("doc", "quote")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def load_comparisons(pack: Pack) -> tuple[list[Comparison], list[Problem]]:
    comparisons: list[Comparison] = []
    problems: list[Problem] = []
    for name in pack.comparisons:
        try:
            raw = files.read_bytes(pack.root, name, files.MAX_YAML_BYTES)
        except files.PackFileError as exc:
            why = (
                "the comparison file is missing"
                if exc.missing
                else f"the comparison file cannot be used: {exc}"
            )
            problems.append(Problem(name, None, why))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(name, raw[: exc.start].count(b"\n") + 1, "the comparison file is not UTF-8 text")
            )
            continue
        comparison = load_comparison(text, name, pack, problems)
        if comparison is not None:
            comparisons.append(comparison)
    return comparisons, problems


def load_comparison(text: str, name: str, pack: Pack, problems: list[Problem]) -> Comparison | None:
    try:
        src = load_located(text)
    except YamlSyntaxError as exc:
        problems.append(Problem(name, exc.line, exc.message))
        return None
    data = src.data
    problems.extend(Problem(name, line, message) for line, message in src.problems)

    def problem(message: str, *path: Any) -> None:
        problems.append(Problem(name, src.line(*path), message))

    def text(mapping: dict, key: str, *where: Any) -> str | None:
        value = mapping.get(key)
        if isinstance(value, (list, dict, bytes)):
            problem(f"'{key}' must be text, not a list or mapping", *where, key)
            return None
        return None if value is None or str(value).strip() == "" else str(value)

    if not isinstance(data, dict):
        problem("a comparison must be a mapping with id, title, columns and rows")
        return None
    _unknown(data, TOP_KEYS, problem)
    comp_id = text(data, "id") or Path(name).stem
    if not SLUG.match(comp_id):
        problem("'id' must be lower-case letters, digits and hyphens", "id")
    columns = []
    for i, col in enumerate(_list(data, "columns", problem)):
        col_id = text(col, "id", "columns", i) if isinstance(col, dict) else None
        col_title = text(col, "title", "columns", i) if isinstance(col, dict) else None
        if not col_id or not col_title:
            problem("each column needs an id and a title", "columns", i)
            continue
        _unknown(col, COLUMN_KEYS, problem, "columns", i)
        columns.append(
            Column(
                col_id,
                col_title,
                text(col, "source", "columns", i),
                text(col, "date", "columns", i),
                text(col, "paper", "columns", i),
            )
        )
    if len(columns) < 2:
        problem("a comparison needs at least two columns", "columns")
    known_columns = {c.id for c in columns}
    rows = []
    for i, row in enumerate(_list(data, "rows", problem)):
        where = ("rows", i)
        label = text(row, "label", *where) if isinstance(row, dict) else None
        if not label:
            problem("each row needs a label", *where)
            continue
        _unknown(row, ROW_KEYS, problem, *where)
        mapping = text(row, "mapping", *where) or "none"
        if mapping not in MAPPINGS:
            problem(f"unknown mapping '{mapping}' (use one of: {', '.join(MAPPINGS)})", *where, "mapping")
            mapping = "none"
        cells = []
        row_cells = row.get("cells") or {}
        if not isinstance(row_cells, dict):
            problem("'cells' must map column ids to quotes (column: [{doc, quote}])", *where, "cells")
            row_cells = {}
        for column, quotes in row_cells.items():
            if str(column) not in known_columns:
                problem(f"'{column}' is not one of this comparison's columns", *where, "cells", column)
                continue
            found = _quotes(quotes, pack, problem, *where, "cells", column)
            cells.append(Cell(str(column), tuple(found)))
        evidence = _quotes(row.get("evidence") or [], pack, problem, *where, "evidence")
        rows.append(
            Row(
                id=text(row, "id", *where) or f"row-{i + 1}",
                label=label,
                mapping=mapping,
                note=text(row, "note", *where),
                cells=tuple(cells),
                evidence=tuple(evidence),
            )
        )
    return Comparison(
        id=comp_id,
        title=text(data, "title") or comp_id,
        file=name,
        columns=tuple(columns),
        rows=tuple(rows),
        description=text(data, "description"),
    )


def _list(data: dict, key: str, problem) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problem(f"'{key}' must be a list", key)
        return []
    return value


def _quotes(items: Any, pack: Pack, problem, *where: Any) -> list[Quote]:
    out = []
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        problem("quotes must be a list of {doc, quote}", *where)
        return out
    for j, item in enumerate(items):
        at = (*where, j)
        doc_id = item.get("doc") if isinstance(item, dict) else None
        quote = item.get("quote") if isinstance(item, dict) else None
        if not _scalar(doc_id) or not _scalar(quote):
            problem("each quote needs a doc and the quoted words", *at)
            continue
        _unknown(item, QUOTE_KEYS, problem, *at)
        doc = pack.document(str(doc_id))
        if doc is None:
            problem(f"there is no document '{doc_id}' in this pack", *at, "doc")
            continue
        found = locate(doc, str(quote))
        if found is None:
            short = " ".join(str(quote).split())[:60]
            problem(f'the quote "{short}…" is not in {doc.meta.cite_name}', *at, "quote")
            continue
        out.append(Quote(doc.id, found.text, found.block, found.start, found.end))
    return out


def _unknown(data: dict, known: tuple[str, ...], problem, *where: Any) -> None:
    for key in data:
        if key not in known:
            problem(unknown_key_message(key, known), *where, key)


def _scalar(value: Any) -> bool:
    """True for a value that reads as text: not missing, empty, a list or a mapping."""
    return value is not None and not isinstance(value, (list, dict, bytes)) and str(value).strip() != ""
