"""Start-up's one rule: at the first paint, nothing heavy (whoosh, sqlite3, yaml, pypdfium2) has
been imported, nor the parts of the window the first screen does not show (the page view, caret
browsing and screen-reader support); the index and the annotations are opened after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def first_paint(env: dict) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--startup-report"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("{"))
    return json.loads(line)


def test_nothing_heavy_is_imported_before_the_first_paint(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    first_paint(env)  # a first launch reads the pack (with yaml) and fills the cache
    assert first_paint(env)["heavy_at_first_paint"] == []
