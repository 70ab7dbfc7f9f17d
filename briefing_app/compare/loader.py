"""Comparison YAML -> verified Comparison. Every problem names the file and line; the rest shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing_app.compare.model import MAPPINGS, Cell, Column, Comparison, Quote, Row
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
    root = pack.root.resolve()
    for name in pack.comparisons:
        path = (pack.root / name).resolve()
        if not path.is_relative_to(root):
            problems.append(Problem(name, None, "this comparison file is outside the pack folder"))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(Problem(name, None, "the comparison file is missing"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, None, f"the comparison file cannot be read ({exc})"))
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

    def problem(message: str, *path: Any) -> None:
        problems.append(Problem(name, src.line(*path), message))

    if not isinstance(data, dict):
        problem("a comparison must be a mapping with id, title, columns and rows")
        return None
    _unknown(data, TOP_KEYS, problem)
    comp_id = str(data.get("id") or Path(name).stem)
    if not SLUG.match(comp_id):
        problem("'id' must be lower-case letters, digits and hyphens", "id")
    columns = []
    for i, col in enumerate(data.get("columns") or []):
        if not isinstance(col, dict) or not col.get("id") or not col.get("title"):
            problem("each column needs an id and a title", "columns", i)
            continue
        _unknown(col, COLUMN_KEYS, problem, "columns", i)
        columns.append(
            Column(
                str(col["id"]),
                str(col["title"]),
                _opt(col.get("source")),
                _opt(col.get("date")),
                _opt(col.get("paper")),
            )
        )
    if len(columns) < 2:
        problem("a comparison needs at least two columns", "columns")
    known_columns = {c.id for c in columns}
    rows = []
    for i, row in enumerate(data.get("rows") or []):
        where = ("rows", i)
        if not isinstance(row, dict) or not row.get("label"):
            problem("each row needs a label", *where)
            continue
        _unknown(row, ROW_KEYS, problem, *where)
        mapping = str(row.get("mapping", "none"))
        if mapping not in MAPPINGS:
            problem(f"unknown mapping '{mapping}' (use one of: {', '.join(MAPPINGS)})", *where, "mapping")
            mapping = "none"
        cells = []
        for column, quotes in (row.get("cells") or {}).items():
            if column not in known_columns:
                problem(f"'{column}' is not one of this comparison's columns", *where, "cells", column)
                continue
            found = _quotes(quotes, pack, problem, *where, "cells", column)
            cells.append(Cell(str(column), tuple(found)))
        evidence = _quotes(row.get("evidence") or [], pack, problem, *where, "evidence")
        rows.append(
            Row(
                id=str(row.get("id") or f"row-{i + 1}"),
                label=str(row["label"]),
                mapping=mapping,
                note=_opt(row.get("note")),
                cells=tuple(cells),
                evidence=tuple(evidence),
            )
        )
    return Comparison(
        id=comp_id,
        title=str(data.get("title") or comp_id),
        file=name,
        columns=tuple(columns),
        rows=tuple(rows),
        description=_opt(data.get("description")),
    )


def _quotes(items: Any, pack: Pack, problem, *where: Any) -> list[Quote]:
    out = []
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        problem("quotes must be a list of {doc, quote}", *where)
        return out
    for j, item in enumerate(items):
        at = (*where, j)
        if not isinstance(item, dict) or not item.get("doc") or not item.get("quote"):
            problem("each quote needs a doc and the quoted words", *at)
            continue
        _unknown(item, QUOTE_KEYS, problem, *at)
        doc = pack.document(str(item["doc"]))
        if doc is None:
            problem(f"there is no document '{item['doc']}' in this pack", *at, "doc")
            continue
        found = locate(doc, str(item["quote"]))
        if found is None:
            short = " ".join(str(item["quote"]).split())[:60]
            problem(f'the quote "{short}…" is not in {doc.meta.cite_name}', *at, "quote")
            continue
        out.append(Quote(doc.id, found.text, found.block, found.start, found.end))
    return out


def _unknown(data: dict, known: tuple[str, ...], problem, *where: Any) -> None:
    for key in data:
        if key not in known:
            problem(unknown_key_message(key, known), *where, key)


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)
