"""Quitting leaves no worker behind: a process that searched and rendered PDF pages exits with status 0.

Worker threads (search queries, the index opener, page rendering) still running when the interpreter
exits crashed it after every test had passed (exit status 139): closing a window now stops and waits
for them. The crash is at exit, so only a separate process can see it.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

# Tests that leave a search worker and page renderers (with their PDFs open) behind when they end.
WORKERS_LEFT_RUNNING = [
    "tests/gui/test_page_view.py",
    "tests/gui/test_search_ui.py::test_typing_searches_after_a_pause_and_groups_by_document",
    "tests/gui/test_search_ui.py::test_opening_a_hit_shows_the_passage_with_every_hit_highlighted",
]


def test_a_run_that_searched_and_rendered_pages_exits_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *WORKERS_LEFT_RUNNING],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert "passed" in done.stdout and "failed" not in done.stdout, done.stdout[-2000:]
    assert done.returncode == 0, f"exit status {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
