"""Start-up benchmark: process start to the main window painted, with the bundled pack, against a
bare PySide6 window measured the same way in the same run; and resident memory after start-up.

    .venv/bin/python bench/startup_bench.py [--runs N]

Each run starts a fresh process (offscreen when there is no display), app and baseline in pairs
run back to back in alternating order; the figures are medians, and `ratio_paired` is the median
of each pair's ratio, which this machine's drifting speed disturbs least. Prints JSON.

The app is measured as a user's second and later launches are: Python's bytecode cache and the
app's cache of the opened pack are warm (a warm-up run fills them). PYTHONDONTWRITEBYTECODE is
dropped for the children, since a machine that set it would compile every module on every start.
A first launch (an empty pack cache) is measured separately and reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(command: list[str], env: dict) -> tuple[float, float | None]:
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise SystemExit(f"no start-up report from {command}: {done.stderr[-400:]}")
    report = json.loads(line)
    return (report["painted_at"] - started) * 1000, report["rss_mb"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["BRIEFING_DATA_DIR"] = tempfile.mkdtemp()  # no annotations or settings
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    env["BRIEFING_CACHE_DIR"] = tempfile.mkdtemp()
    app = [sys.executable, "-m", "briefing_app", "--startup-report"]
    bare = [sys.executable, str(HERE / "bare_window.py")]
    one(app, env)  # warm the file cache for both, as a second launch would be
    one(bare, env)
    app_ms, bare_ms, app_rss, bare_rss, first_ms = [], [], [], [], []
    for i in range(args.runs):
        # Each pair runs back to back, in alternating order: this machine's speed drifts over
        # seconds, and a pair's ratio is taken at one speed.
        for which in (app, bare) if i % 2 == 0 else (bare, app):
            ms, rss = one(which, env)
            (app_ms if which is app else bare_ms).append(ms)
            (app_rss if which is app else bare_rss).append(rss)
        first_ms.append(one(app, {**env, "BRIEFING_CACHE_DIR": tempfile.mkdtemp()})[0])
    result = {
        "runs": args.runs,
        "app_to_painted_ms": round(statistics.median(app_ms), 1),
        "bare_window_to_painted_ms": round(statistics.median(bare_ms), 1),
        "ratio": round(statistics.median(app_ms) / statistics.median(bare_ms), 2),
        "ratio_of_fastest": round(min(app_ms) / min(bare_ms), 2),
        "ratio_paired": round(statistics.median(a / b for a, b in zip(app_ms, bare_ms, strict=True)), 2),
        "app_first_launch_ms": round(statistics.median(first_ms), 1),
        "app_rss_mb": statistics.median(r for r in app_rss if r is not None),
        "bare_rss_mb": statistics.median(r for r in bare_rss if r is not None),
    }
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
