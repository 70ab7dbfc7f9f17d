"""Search benchmark: Briefing's Whoosh index against SQLite FTS5 on the same text, same run.

    .venv/bin/python bench/search_bench.py            # bundled pack and the ~10 MB pack
    .venv/bin/python bench/search_bench.py --quick    # bundled pack only
    .venv/bin/python bench/search_bench.py --window-only  # the ~10 MB pack's window figures only

Prints JSON: build seconds, query p50/p95/max (every hit, no snippets), query with the snippets
of the first screenful (20 hits), over a fixed mix of at least 200 queries (words, phrases,
boolean, doc filter, prefix, fuzzy); the same for FTS5 beside them (porter tokenizer, best 20 and
counts per document; fuzzy has no FTS5 equivalent, so the misspelled word is searched as
written); the build time of one plain Whoosh writer on the same text (a reference point that
moves with this machine's speed); the ratios; and, for each pack, the window (offscreen, see
search_window.py): opening its index with progress while a document is readable, each query's
results painted after the pause in typing, and the longest event-loop stall while a scripted
typist types 30 queries into the search box.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from synthetic_pack import make_pack  # noqa: E402
from whoosh.analysis import STOP_WORDS  # noqa: E402

from briefing_app.pack import Pack, load_pack  # noqa: E402
from briefing_app.paths import bundled_pack_dir  # noqa: E402
from briefing_app.search.engine import SearchEngine  # noqa: E402
from briefing_app.search.entries import iter_entries  # noqa: E402
from briefing_app.search.store import build_index  # noqa: E402

LIMIT = 20
SEED = 7


def query_mix(pack: Pack, n_target: int = 220) -> list[tuple[str, str]]:
    """(kind, query) pairs drawn with a fixed seed from the pack's own words."""
    rng = random.Random(SEED)
    texts = [b.text for d in pack.documents for b in d.blocks if b.kind != "table"]
    # Content words, as readers search: function words ("that", "with") are left out.
    words = Counter(
        w.lower() for t in texts for w in re.findall(r"[A-Za-z]{4,}", t) if w.lower() not in STOP_WORDS
    )
    common = [w for w, _ in words.most_common(400)]
    rare = [w for w, c in words.items() if 2 <= c <= 5]
    rng.shuffle(rare)
    bigrams = []
    for t in texts:
        toks = re.findall(r"[A-Za-z]{3,}", t)
        bigrams += [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
    docs = [d.id for d in pack.documents]
    mix: list[tuple[str, str]] = []
    mix += [("word", w) for w in rng.sample(common, 30) + rare[:30]]
    mix += [("and", f"{rng.choice(common)} {rng.choice(common)}") for _ in range(40)]
    mix += [("phrase", f'"{p}"') for p in rng.sample(bigrams, 30)]
    mix += [("or", f"{rng.choice(rare)} OR {rng.choice(common)}") for _ in range(25)]
    mix += [("not", f"{rng.choice(common)} -{rng.choice(common)}") for _ in range(15)]
    mix += [("doc", f"doc:{rng.choice(docs)} {rng.choice(common)}") for _ in range(15)]
    mix += [("prefix", f"{w[:4]}*") for w in rng.sample(common, 20)]
    fuzzy = []
    for w in rng.sample(common, 20):
        i = rng.randrange(1, len(w))
        fuzzy.append(("fuzzy", f"{w[:i]}{w[i + 1 :]}~"))
    mix += fuzzy
    return mix[:n_target] if len(mix) > n_target else mix


def percentiles(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    return {
        "p50_ms": round(statistics.median(ms), 3),
        "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 3),
        "max_ms": round(ms[-1], 3),
    }


def time_each(fn, queries: list[str]) -> list[float]:
    for q in queries[:10]:
        fn(q)  # warm caches, as a reader's first few searches do
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def bench_whoosh(pack: Pack, workdir: Path, mix: list[tuple[str, str]]) -> dict:
    from whoosh import index as windex

    target = workdir / "whoosh"
    report = build_index(pack, target)
    engine = SearchEngine(pack, windex.open_dir(str(target), readonly=True))
    started = time.perf_counter()
    engine.warm()  # as the window's index opener does before search is offered
    warm_s = time.perf_counter() - started
    queries = [q for _, q in mix]
    plain = time_each(engine.search, queries)
    snippets = time_each(lambda q: [h.snippet for h in engine.search(q).hits[:LIMIT]], queries)
    by_kind: dict[str, list[float]] = {}
    for (kind, _), ms in zip(mix, snippets, strict=True):
        by_kind.setdefault(kind, []).append(ms)
    engine.close()
    return {
        "build_s": round(report.seconds, 2),
        "build_processes": report.processes,
        "warm_s": round(warm_s, 2),
        "entries": report.entries,
        "query": percentiles(plain),
        "query_with_snippets": percentiles(snippets),
        "with_snippets_p95_by_kind_ms": {k: percentiles(v)["p95_ms"] for k, v in by_kind.items()},
        "queries_over_250ms": sum(1 for ms in snippets if ms > 250),
    }


def bench_plain_writer(pack: Pack, workdir: Path) -> float:
    """The issue's reference point: one plain Whoosh writer with one default TEXT field, same text."""
    from whoosh import index as windex
    from whoosh.fields import ID, TEXT, Schema

    target = workdir / "plain-whoosh"
    target.mkdir()
    ix = windex.create_in(str(target), Schema(key=ID(stored=True), text=TEXT))
    started = time.perf_counter()
    writer = ix.writer()
    for e in iter_entries(pack):
        writer.add_document(key=e.key, text=e.text)
    writer.commit()
    ix.close()
    return round(time.perf_counter() - started, 2)


def to_fts(query: str) -> tuple[str, str | None]:
    doc = None
    if m := re.match(r"doc:(\S+)\s+(.*)", query):
        doc, query = m.group(1), m.group(2)
    query = re.sub(r"\s-(\w+)", r" NOT \1", query)
    query = query.replace("~", "")
    return query, doc


def bench_fts5(pack: Pack, workdir: Path, mix: list[tuple[str, str]]) -> dict:
    db = sqlite3.connect(workdir / "fts.sqlite")
    started = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, doc UNINDEXED, tokenize='porter')")
    with db:
        db.executemany(
            "INSERT INTO fts(text, doc) VALUES (?, ?)", ((e.text, e.doc) for e in iter_entries(pack))
        )
    build = time.perf_counter() - started
    top = "SELECT rowid FROM fts WHERE fts MATCH ? {doc} ORDER BY rank LIMIT {limit}"
    snip = (
        "SELECT rowid, snippet(fts, 0, '[', ']', '…', 24) FROM fts "
        "WHERE fts MATCH ? {doc} ORDER BY rank LIMIT {limit}"
    )
    counts = "SELECT doc, count(*) FROM fts WHERE fts MATCH ? {doc} GROUP BY doc"

    def run(sql: str, q: str, with_counts: bool = True) -> None:
        text, doc = to_fts(q)
        where = "AND doc = ?" if doc else ""
        args = (text, doc) if doc else (text,)
        try:
            db.execute(sql.format(doc=where, limit=LIMIT), args).fetchall()
            if with_counts:
                db.execute(counts.format(doc=where), args).fetchall()
        except sqlite3.OperationalError:
            pass  # FTS5 rejects some queries Briefing accepts; time spent is still counted

    queries = [q for _, q in mix]
    plain = time_each(lambda q: run(top, q), queries)
    snippets = time_each(lambda q: run(snip, q), queries)
    db.close()
    return {
        "build_s": round(build, 2),
        "query": percentiles(plain),
        "query_with_snippets": percentiles(snippets),
    }


def bench_window(pack: Pack, mix: list[tuple[str, str]]) -> dict:
    """The window on the pack: opening its index, each query's results painted after the pause
    (search off the GUI thread, then a synchronous repaint), and the longest event-loop stall
    while a scripted typist types queries into the search box."""
    from search_window import open_window, painted_after_pause, typing_stalls

    window, opening = open_window(pack)
    queries = [q for _, q in mix]
    painted = painted_after_pause(window, queries)
    out = {
        "opening": opening,
        "results_painted_after_pause": percentiles(painted),
        "queries_over_300ms": sum(1 for ms in painted if ms > 300),
        # The three slowest, by kind, so a slow one can be looked into.
        "slowest_painted": [
            {"ms": round(ms, 1), "kind": kind, "query": q}
            for ms, (kind, q) in sorted(zip(painted, mix, strict=True), key=lambda p: -p[0])[:3]
        ],
        # Typed in an order that mixes kinds, as a reader's searches do.
        "typing": typing_stalls(window, queries[::7]),
    }
    window.close()
    return out


def ratios(whoosh: dict, fts: dict) -> dict:
    return {
        "query_p50_whoosh_over_fts5": round(whoosh["query"]["p50_ms"] / max(fts["query"]["p50_ms"], 1e-6), 2),
        "with_snippets_p95_whoosh_over_fts5": round(
            whoosh["query_with_snippets"]["p95_ms"] / max(fts["query_with_snippets"]["p95_ms"], 1e-6), 2
        ),
        "build_whoosh_over_fts5": round(whoosh["build_s"] / max(fts["build_s"], 1e-6), 2),
    }


def bench_pack(name: str, pack: Pack, workdir: Path, window: bool) -> dict:
    mix = query_mix(pack)
    chars = sum(len(e.text) for e in iter_entries(pack))
    out = {
        "pack": name,
        "documents": len(pack.documents),
        "text_mb": round(chars / 1e6, 2),
        "queries": len(mix),
    }
    out["whoosh"] = bench_whoosh(pack, workdir, mix)
    out["fts5"] = bench_fts5(pack, workdir, mix)
    out["ratios"] = ratios(out["whoosh"], out["fts5"])
    # The machine's speed drifts from run to run: a same-run plain writer shows where it stands.
    out["plain_single_writer_build_s"] = bench_plain_writer(pack, workdir)
    out["ratios"]["build_over_plain_single_writer"] = round(
        out["whoosh"]["build_s"] / max(out["plain_single_writer_build_s"], 1e-6), 2
    )
    if window:
        out["window"] = bench_window(pack, mix)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the bundled pack only")
    parser.add_argument(
        "--window-only", action="store_true", help="the ~10 MB pack's window figures only (no engine or FTS5)"
    )
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["BRIEFING_CACHE_DIR"] = str(work / "cache")  # the window builds its index here
        os.environ["BRIEFING_DATA_DIR"] = str(work / "data")
        if args.window_only:  # the same window figures as the full run, without its other parts
            big = make_pack(work / "synthetic-pack")
            results.append({"pack": "generated-10mb", "window": bench_window(big, query_mix(big))})
            json.dump(
                {"python": sys.version.split()[0], "cpus": os.cpu_count(), "results": results}, sys.stdout
            )
            sys.stdout.write("\n")
            return 0
        (work / "bundled").mkdir()
        results.append(bench_pack("bundled", load_pack(bundled_pack_dir()), work / "bundled", window=True))
        if not args.quick:
            started = time.perf_counter()
            big = make_pack(work / "synthetic-pack")
            load_s = time.perf_counter() - started
            (work / "big").mkdir()
            entry = bench_pack("generated-10mb", big, work / "big", window=True)
            entry["generate_and_load_s"] = round(load_s, 1)
            results.append(entry)
    json.dump(
        {"python": sys.version.split()[0], "cpus": os.cpu_count(), "results": results}, sys.stdout, indent=1
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
