"""`briefing-app annotations add|list|export|import`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_app.annotations import AnnotationStore, selector_for
from briefing_app.annotations.export import import_w3c, render, resolve_all
from briefing_app.errors import BriefingError
from briefing_app.pack import load_pack
from briefing_app.pack.locate import locate


def run(args: argparse.Namespace, pack_dir: Path) -> int:
    pack = load_pack(pack_dir)
    store = AnnotationStore()
    try:
        return _ACTIONS[args.action](args, pack, store)
    finally:
        store.close()


def _add(args, pack, store) -> int:
    doc = pack.document(args.doc)
    if doc is None:
        raise BriefingError(f"there is no document '{args.doc}' in this pack")
    found = locate(doc, args.quote)
    if found is None:
        raise BriefingError(f'the words "{args.quote[:60]}" are not in {doc.meta.cite_name}')
    annotation = store.add(
        pack.id, selector_for(doc, found.block, found.start, found.end), args.colour, args.comment, args.tag
    )
    print(annotation.id)
    return 0


def _list(args, pack, store) -> int:
    resolved = resolve_all(pack, store.list(pack.id))
    rows = [
        {
            "id": r.annotation.id,
            "doc": r.annotation.doc,
            "block": r.block,
            "quote": r.annotation.selector.quote,
            "comment": r.annotation.comment,
            "tags": list(r.annotation.tags),
            "colour": r.annotation.colour,
            "status": r.status,
        }
        for r in resolved
    ]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for row in rows:
            print(f"{row['status']:9} {row['doc']}: “{row['quote'][:60]}” {row['comment'][:40]}")
    return 0


def _export(args, pack, store) -> int:
    from briefing_app.gui.pdf import write_export  # Qt only for a PDF, and only when asked

    out = Path(args.out)
    annotations = store.list(pack.id)
    write_export(out, args.format, lambda fmt: render(pack, annotations, fmt), landscape=False)
    print(f"Wrote {len(annotations)} annotations to {out}")
    return 0


def _import(args, pack, store) -> int:
    from briefing_app.annotations.w3c_import import read_collection

    print(import_w3c(store, pack, read_collection(args.file)))
    return 0


_ACTIONS = {"add": _add, "list": _list, "export": _export, "import": _import}
