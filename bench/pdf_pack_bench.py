"""A pack made from PDFs, as a user meets it: made, read the first time, opened again from the cache,
grown by a supplement; and in the window, how soon the first paper is readable and how long the
event loop ever stalls while the pack is read and indexed.

    .venv/bin/python bench/pdf_pack_bench.py [--runs N] [--no-window]

Uses the Kent Cabinet papers (../shared/real-packs/kent-cabinet-2025-01-30) in a temporary folder,
with a temporary cache. Prints JSON:
  make_s          `pack new` over the 38 papers (titles, dates, order, copies)
  first_read_s    the pack read with empty caches (every paper through the PDF reader)
  reopen_s        median of N openings from the cache (the second launch), with the baseline of
                  reading pack.yaml alone (yaml) in the same run, and the ratio
  supplement_s    opening again after `pack add` of one paper (that paper read, the rest cached)
  window          first_paper_s (a paper on screen while the rest are read), all_read_s,
                  search_ready_s, longest_stall_ms (largest gap between 10 ms timer ticks while
                  reading and indexing), from File > Open Pack on the uncached pack
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KENT = ROOT.parent / "shared" / "real-packs" / "kent-cabinet-2025-01-30"
SUPPLEMENT = "Item 7 - Supplementary - 24-00109 - Appendix B - EqIA Updated Jan 2025.pdf"


def timed(work):
    started = time.perf_counter()
    value = work()
    return time.perf_counter() - started, value


def core(folder: Path, runs: int) -> dict:
    import yaml

    from briefing_app.gui.pack_loader import open_pack
    from briefing_app.pack.create import add_papers, new_pack

    papers = sorted(p for p in KENT.glob("*.pdf") if p.name != SUPPLEMENT)
    make_s, _ = timed(lambda: new_pack(folder, papers, title="Kent Cabinet, 30 January 2025"))
    first_s, (pack, _, _) = timed(lambda: open_pack(folder))
    reopen = [timed(lambda: open_pack(folder))[0] for _ in range(runs)]
    baseline = [timed(lambda: yaml.safe_load((folder / "pack.yaml").read_text()))[0] for _ in range(runs)]
    add_papers(folder, [KENT / SUPPLEMENT])
    supplement_s, (grown, _, _) = timed(lambda: open_pack(folder))
    return {
        "papers": len(pack.documents),
        "pages_with_blocks": len(
            {(d.id, r.page) for d in pack.documents for b in d.blocks for r in b.regions}
        ),
        "make_s": round(make_s, 3),
        "first_read_s": round(first_s, 2),
        "reopen_s": round(statistics.median(reopen), 3),
        "reopen_max_s": round(max(reopen), 3),
        "yaml_baseline_s": round(statistics.median(baseline), 4),
        "reopen_vs_yaml": round(statistics.median(reopen) / statistics.median(baseline), 1),
        "supplement_s": round(supplement_s, 2),
        "papers_after_supplement": len(grown.documents),
    }


def window(folder: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_app.app import build_services
    from briefing_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    w = MainWindow(build_services())
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    clock, tick = QElapsedTimer(), QElapsedTimer()
    marks: dict[str, float] = {}
    gaps: list[float] = []
    clock.start()
    tick.start()

    stalls: list[tuple[float, int]] = []  # (when, how long) for every gap over 200 ms

    def on_tick() -> None:
        gaps.append(tick.restart())
        if gaps[-1] > 200 and len(gaps) > 1:
            stalls.append((round(clock.elapsed() / 1000, 2), gaps[-1]))
        if w.pack is not None and w.pack.root == folder:
            if "first_paper_s" not in marks and w.reader.document_model is not None:
                marks["first_paper_s"] = clock.elapsed() / 1000
            if w.complete and "all_read_s" not in marks:
                marks["all_read_s"] = clock.elapsed() / 1000
            if w.search_ready and "search_ready_s" not in marks:
                marks["search_ready_s"] = clock.elapsed() / 1000
                app.quit()
        if clock.elapsed() > 600_000:
            app.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(on_tick)
    timer.start()
    w.packs.open_folder(folder)
    app.exec()
    timer.stop()
    w.close()
    return {
        **{k: round(v, 2) for k, v in marks.items()},
        "longest_stall_ms": round(max(gaps[1:], default=0)),
        "stalls_over_200ms": stalls,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-window", action="store_true")
    args = parser.parse_args()
    if not KENT.is_dir():
        print(f"the Kent papers are not here: {KENT}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="pdf-pack-bench-"))
    try:
        os.environ["BRIEFING_CACHE_DIR"] = str(work / "cache")
        os.environ["BRIEFING_DATA_DIR"] = str(work / "data")
        os.environ["XDG_CONFIG_HOME"] = str(work / "config")
        out = core(work / "kent", args.runs)
        if not args.no_window:
            shutil.rmtree(work / "cache")  # the window reads the pack as a first opening does
            shutil.copytree(work / "kent", work / "kent-window")
            out["window"] = window(work / "kent-window")
        print(json.dumps(out, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
