"""Re-anchoring 1,000 orphaned annotations on the bundled pack: the first open (every quote searched
for fuzzily, the answers remembered in the cache folder), then later opens (read back), against the
search without its pruning or memory (the code before issue 17) on a sample, scaled up.

    .venv/bin/python bench/orphans_bench.py
"""

from __future__ import annotations

import difflib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("BRIEFING_CACHE_DIR", tempfile.mkdtemp(prefix="orphans-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the orphans are made as the tests make them

from briefing_app.annotations import anchor  # noqa: E402
from briefing_app.annotations.export import resolve_all  # noqa: E402
from briefing_app.pack import load_pack  # noqa: E402
from briefing_app.paths import bundled_pack_dir  # noqa: E402
from tests.hostile.helpers import orphaned_annotations  # noqa: E402

N, SAMPLE = 1000, 50


def _old_fuzzy(text: str, quote: str):
    """The fuzzy search as it was: every window scored, a new matcher for each."""
    if len(quote) < 8:
        return None
    best = None
    words = [w for w in quote.split() if len(w) >= 5][:6] or quote.split()[:3]
    seen: set[int] = set()
    for word in words:
        offset = quote.find(word)
        at = text.find(word)
        while at != -1:
            start = max(0, at - offset)
            if start not in seen:
                seen.add(start)
                for length in (len(quote) - 10, len(quote), len(quote) + 10):
                    window = text[start : start + max(1, length)]
                    ratio = difflib.SequenceMatcher(None, window, quote, autojunk=False).ratio()
                    if best is None or ratio > best[2]:
                        best = (start, start + len(window), ratio)
            at = text.find(word, at + 1)
    return best


def main() -> None:
    pack = load_pack(bundled_pack_dir())
    orphans = orphaned_annotations(pack, N)
    t = time.perf_counter()
    for a in orphans[:SAMPLE]:
        anchor.resolve(a, pack.document(a.doc), None, _old_fuzzy)
    before = (time.perf_counter() - t) * N / SAMPLE
    t = time.perf_counter()
    first = resolve_all(pack, orphans)
    cold = time.perf_counter() - t
    warm = []
    for _ in range(5):
        t = time.perf_counter()
        resolve_all(pack, orphans)
        warm.append(time.perf_counter() - t)
    orphaned = sum(r.status == "orphaned" for r in first)
    print(f"{N} annotations, {orphaned} orphaned, on the bundled pack")
    print(f"  before (every window scored, nothing kept; {SAMPLE} timed, scaled): {before:7.2f} s")
    print(f"  first open (pruned search, answers remembered): {cold:7.2f} s ({before / cold:.1f}x)")
    print(f"  each later open (best of 5): {min(warm) * 1000:7.1f} ms ({before / min(warm):.0f}x)")


if __name__ == "__main__":
    main()
