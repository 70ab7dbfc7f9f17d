"""`briefing-app compare`: the pack's comparisons as JSON, text, or an exported file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_app.compare import load_comparisons
from briefing_app.compare.export import render
from briefing_app.compare.model import Comparison, Quote
from briefing_app.pack import load_pack


def quote_dict(q: Quote) -> dict:
    return {"doc": q.doc, "block": q.block, "start": q.start, "end": q.end, "text": q.text}


def comparison_dict(c: Comparison) -> dict:
    return {
        "id": c.id,
        "title": c.title,
        "columns": [{"id": col.id, "title": col.title} for col in c.columns],
        "rows": [
            {
                "id": r.id,
                "label": r.label,
                "mapping": r.mapping,
                "note": r.note,
                "cells": [
                    {"column": cell.column, "quotes": [quote_dict(q) for q in cell.quotes]}
                    for cell in r.cells
                ],
                "evidence": [quote_dict(q) for q in r.evidence],
            }
            for r in c.rows
        ],
    }


def run(args: argparse.Namespace, pack_dir: Path) -> int:
    pack = load_pack(pack_dir)
    comparisons, problems = load_comparisons(pack)
    if args.id:
        comparisons = [c for c in comparisons if c.id == args.id]
        if not comparisons:
            print(f"briefing-app: there is no comparison '{args.id}' in this pack", file=sys.stderr)
            return 2
    if args.export:
        return _export(comparisons, pack, Path(args.export))
    if args.json:
        data = {
            "comparisons": [comparison_dict(c) for c in comparisons],
            "problems": [{"file": p.file, "line": p.line, "message": p.message} for p in problems],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for c in comparisons:
        print(f"{c.title} ({c.id}): {len(c.rows)} rows")
        for r in c.rows:
            print(f"  [{r.badge}] {r.label}")
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    return 0


def _export(comparisons: list[Comparison], pack, path: Path) -> int:
    if len(comparisons) != 1:
        print(
            "briefing-app: name one comparison to export (briefing-app compare ID --export FILE)",
            file=sys.stderr,
        )
        return 2
    (comparison,) = comparisons
    from briefing_app.gui.pdf import format_of, write_export  # Qt only for a PDF, and only when asked

    fmt = format_of(path)
    if fmt not in ("md", "html", "pdf"):
        print(f"briefing-app: cannot export to '{path.suffix}': use .html, .md or .pdf", file=sys.stderr)
        return 2
    write_export(path, fmt, lambda f: render(comparison, pack, f))
    print(f"Wrote {path}")
    return 0
