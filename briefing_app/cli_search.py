"""`briefing-app search` and `briefing-app index`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_app.errors import IndexDamaged
from briefing_app.pack import load_pack
from briefing_app.search import QuerySyntaxError, open_engine
from briefing_app.search.store import build_index, index_path


class ProgressBar:
    """A one-line bar on stderr when it is a terminal; silent otherwise (logs stay clean)."""

    def __init__(self, stream=None, width: int = 30) -> None:
        self.stream = stream or sys.stderr  # looked up now: a test may have replaced it
        self.width = width
        self.live = self.stream.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.live or total <= 0:
            return
        filled = self.width * done // total
        bar = f"{what}: [{'#' * filled}{'.' * (self.width - filled)}] {100 * done // total}%"
        self.stream.write(f"\r{bar:<60}")  # padded: a shorter step name overwrites a longer one
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace, pack_dir: Path) -> int:
    pack = load_pack(pack_dir)
    for problem in pack.problems:
        print(f"briefing-app: {problem}", file=sys.stderr)
    if args.command == "index":
        return _index(pack)
    return _search(pack, args)


def _index(pack) -> int:
    target = index_path(pack)  # the bundled pack's: index/, shipped with it
    bar = ProgressBar()
    try:
        report = build_index(pack, target, bar)
    finally:
        bar.close()
    print(
        f"Indexed {report.entries} entries from {len(pack.documents)} documents into {report.path} "
        f"in {report.seconds:.1f} s ({report.processes} process{'es' if report.processes > 1 else ''})."
    )
    return 0


def _search(pack, args: argparse.Namespace) -> int:
    for rebuild in (False, True):
        bar = ProgressBar()
        try:
            engine, built = open_engine(pack, bar, rebuild=rebuild)
        finally:
            bar.close()
        if built is not None:
            print(f"briefing-app: the search index was rebuilt ({built.why}).", file=sys.stderr)
        try:
            result = engine.search(args.query)
            break
        except QuerySyntaxError as exc:
            print(f"briefing-app: {exc}", file=sys.stderr)
            return 2
        except IndexDamaged as exc:
            if rebuild:
                raise
            print(f"briefing-app: {exc} Rebuilding it.", file=sys.stderr)
        finally:
            engine.close()
    best = result.ranked[: max(1, args.limit)]  # the best N, as a terminal has room for
    if args.json:
        data = {
            "query": result.query,
            "suggestion": result.suggestion,
            "total": result.total,
            "hits": [
                {
                    "doc": h.doc,
                    "block": h.block,
                    "kind": h.kind,
                    "number": h.number,
                    "page": h.page,
                    "score": h.score,
                    "snippet": h.snippet,
                    "text": h.text,
                }
                for h in best
            ],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f'{result.total} match{"es" if result.total != 1 else ""} for "{result.query}"')
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}?")
    for h in best:
        doc = pack.document(h.doc)
        print(f"\n  {doc.meta.cite_name if doc else h.doc} — {h.location(', ')}")
        print(f"    {h.snippet}")
    return 0
