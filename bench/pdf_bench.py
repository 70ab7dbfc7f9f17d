"""The PDF reader on real papers, against pdftotext run on the same files in the same run.

    .venv/bin/python bench/pdf_bench.py [FOLDER_OR_PDF ...] [--workers N] [--show PAPER]

Defaults to the Kent Cabinet pack (../shared/real-packs/kent-cabinet-2025-01-30, its 38 papers and
its public-packs/) and ../shared/real-pdfs. Per paper it prints:
  cover    share of the words pdftotext finds outside headers and footers that the model's text holds
  leak     header/footer lines (repeating at the top or foot of at least half the pages) found in blocks
  nums     numbered paragraphs: starts of lines in pdftotext that look like "2.3 Text" / "10. Text",
           and how many of those numbers the model's blocks carry
  nopage   blocks without a printed page
  notes    notes found / markers linked to a defined note
Then the time for the pack's pages to a model (a process pool over files) against pdftotext's.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KENT = SHARED / "real-packs" / "kent-cabinet-2025-01-30"
_WORD = re.compile(r"\w+")
_NUMBERED = re.compile(r"^\s*(?P<num>(?!0)\d{1,2}(?:\.\d{1,2})+|\d{1,2}\.)\s+[A-Z(‘“'\"]")


def read_model(path: str):
    from briefing_app.pack.model import DocumentMeta
    from briefing_app.pack.readers import pdf

    meta = DocumentMeta(id="bench", title=Path(path).stem, file=Path(path).name, format="pdf")
    return pdf.read(path, meta)


def pdftotext(path: Path, *options: str) -> str:
    run = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False
    )
    return run.stdout.decode("utf-8", "replace")


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.strip().lower()))


def furniture_lines(text: str):
    """pdftotext's pages as lines; the (page, line) of every header or footer line: a line whose
    wording (numbers aside) recurs at the same place among the first or last three lines of at
    least half the pages, or a lone page number there; and those with the lines whose wording
    recurs among the first or last three lines of half the pages at any of those places (the text
    whose coverage is measured leaves both out)."""
    pages = [[ln for ln in p.split("\n") if ln.strip()] for p in text.split("\f")]
    pages = pages[:-1] if pages and not pages[-1] else pages
    places: dict[tuple[str, int], set[int]] = {}
    for pi, lines in enumerate(pages):
        for li, ln in enumerate(lines):
            for place in (li, li - len(lines)):  # from the top (0, 1, 2) and the foot (-1, -2, -3)
                if -3 <= place < 3:
                    places.setdefault((_norm(ln), place), set()).add(pi)
    need = max(2, (len(pages) + 1) // 2)
    found, edge = set(), set()
    for pi, lines in enumerate(pages):
        for li, ln in enumerate(lines):
            at = [p for p in (li, li - len(lines)) if -3 <= p < 3]
            lone = re.fullmatch(r"\s*(page\s+)?\d{1,4}(\s+of\s+\d+)?\s*", ln, re.I)
            if at and (lone or any(len(places[(_norm(ln), p)]) >= need for p in at)):
                found.add((pi, li))
            if at and len(set().union(*(places[(_norm(ln), p)] for p in at))) >= need:
                edge.add((pi, li))  # repeats at the head or foot, if not always at one place
    return pages, found, found | edge


def _words(text: str) -> list[str]:
    return _WORD.findall(re.sub(r"(\w)-\s*(\w)", r"\1\2", text.lower()))


def measure(path: Path, doc, text: str) -> dict:
    pages, furniture, near_edges = furniture_lines(text)
    body = "\n".join(
        ln for pi, lines in enumerate(pages) for li, ln in enumerate(lines) if (pi, li) not in near_edges
    )
    theirs = Counter(_words(body))
    model_text = "\n".join(
        [b.text for b in doc.blocks]
        + [c for b in doc.blocks if b.rows for r in b.rows for c in r]
        + [n.text or "" for n in doc.notes]
        + [n.label for n in doc.notes]
        + [b.number or "" for b in doc.blocks]
        + [b.marker or "" for b in doc.blocks]
    )
    ours = Counter(_words(model_text))
    covered = sum(min(c, ours[w]) for w, c in theirs.items())
    total = sum(theirs.values())
    missing = Counter({w: c - ours[w] for w, c in theirs.items() if c > ours[w]})
    block_text = "\n".join(b.text for b in doc.blocks)
    repeated = {pages[pi][li].strip() for pi, li in furniture}
    leaks = sorted(r for r in repeated if len(r) >= 6 and not r.isdigit() and r in block_text)
    wanted = Counter(m.group("num").rstrip(".") for p in pages for ln in p if (m := _NUMBERED.match(ln)))
    have = Counter(b.number for b in doc.blocks if b.number)
    nums_missing = sorted((wanted - have).elements())
    refs = [s.target for b in doc.blocks for s in b.spans if s.kind == "note_ref"]
    defined = {n.key for n in doc.notes if n.status == "defined"}
    return {
        "paper": path.name,
        "pages": len(pages),
        "cover": covered / total if total else 1.0,
        "words": (covered, total),
        "missing": missing.most_common(8),
        "leaks": leaks,
        "nums": (sum(wanted.values()), sum(wanted.values()) - len(nums_missing)),
        "nums_missing": nums_missing[:12],
        "nopage": sum(1 for b in doc.blocks if b.page is None),
        "blocks": len(doc.blocks),
        "notes": len(doc.notes),
        "linked": sum(1 for r in refs if r in defined),
        "markers": len(refs),
    }


def _files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--show", help="print the missing words and numbers of papers whose name contains this")
    opts = ap.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext is not installed (apt-get install poppler-utils)")
        return 1
    paths = opts.paths or ([str(KENT), str(SHARED / "real-pdfs")] if KENT.is_dir() else [])
    files = _files(paths)
    if not files:
        print("no PDFs found (is ../shared there?)")
        return 1
    pack = [f for f in files if f.parent == KENT] or files

    # The baseline is pdftotext's plain (fastest) mode; its -layout text, which keeps each page's
    # lines in their places, is what the figures are measured against.
    t0 = time.perf_counter()
    for f in pack:
        pdftotext(f)
    t_pdftotext = time.perf_counter() - t0
    texts = {f: pdftotext(f, "-layout") for f in files}
    t0 = time.perf_counter()
    with ProcessPoolExecutor(opts.workers) as pool:
        # Longest first, so the last file to finish is a short one.
        ordered = sorted(pack, key=lambda f: -f.stat().st_size)
        docs = dict(zip(ordered, pool.map(read_model, [str(f) for f in ordered], chunksize=1), strict=True))
    t_model = time.perf_counter() - t0
    for f in files:
        if f not in docs:
            docs[f] = read_model(str(f))

    rows = [measure(f, docs[f], texts[f]) for f in files]
    head = f"{'paper':60} {'pages':>5} {'cover':>7} {'leak':>4} {'nums':>9} {'nopage':>6} {'notes':>5}"
    print(f"{head} {'linked':>9}")
    for r in rows:
        print(
            f"{r['paper'][:60]:60} {r['pages']:5d} {r['cover']:7.2%} {len(r['leaks']):4d} "
            f"{r['nums'][1]:4d}/{r['nums'][0]:<4d} {r['nopage']:6d} {r['notes']:5d} "
            f"{r['linked']:4d}/{r['markers']:<4d}"
        )
        if opts.show and opts.show.lower() in r["paper"].lower():
            print("    missing words:", r["missing"])
            print("    numbers missing:", r["nums_missing"])
            print("    leaked furniture:", r["leaks"][:10])
    low = [r["paper"] for r in rows if r["cover"] < 0.99]
    leaky = [r["paper"] for r in rows if r["leaks"]]
    pages = sum(r["pages"] for r in rows if Path(r["paper"]).name in {f.name for f in pack})
    print()
    print(f"papers below 99% cover: {len(low)}: {', '.join(low) or '-'}")
    print(f"papers with furniture in blocks: {len(leaky)}: {', '.join(leaky) or '-'}")
    covered, total = sum(r["words"][0] for r in rows), sum(r["words"][1] for r in rows)
    print(
        f"words pdftotext finds outside headers and footers that the models hold: {covered}/{total}"
        f" ({covered / max(total, 1):.2%})"
    )
    nums = sum(r["nums"][0] for r in rows), sum(r["nums"][1] for r in rows)
    print(f"numbered paragraphs carrying their number: {nums[1]}/{nums[0]}")
    print(
        f"blocks without a printed page: {sum(r['nopage'] for r in rows)} of {sum(r['blocks'] for r in rows)}"
    )
    print(
        f"time, {len(pack)} papers ({pages} pages): pdftotext {t_pdftotext:.2f} s, model {t_model:.2f} s "
        f"with {opts.workers} processes: {t_model / t_pdftotext:.1f}x (target <= 10x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
