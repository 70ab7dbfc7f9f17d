"""Start-up with --pack on PDF papers not read before: the window is shown at once, before any paper
is read, and the pack appears as the papers are read off the GUI thread (as File > Open Pack)."""

from __future__ import annotations

from pathlib import Path

from briefing_app.app import start_window
from briefing_app.pack.create import new_pack
from tests.pdf_inputs import text_pdf


def _papers(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    lines = ["Budget monitoring report {n}", "", "The council will balance its budget this year.", ""]
    return [
        text_pdf(folder / f"Report {n}.pdf", [[line.format(n=n) for line in lines]] * 3)
        for n in range(1, count + 1)
    ]


def test_the_window_is_shown_before_a_pdf_pack_is_read(qtbot, tmp_path: Path):
    pack_dir = tmp_path / "cabinet"
    new_pack(pack_dir, _papers(tmp_path / "incoming", 3))
    w = start_window(pack_dir)
    qtbot.addWidget(w)
    # Nothing of the pack yet: start_window returned before a paper was read, and the window is up.
    assert w.isVisible() and w.pack is None
    assert "Reading the papers" in w.statusBar().currentMessage()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.pack is not None and w.complete, timeout=30000)
    assert len(w.pack.documents) == 3 and w.reader.document_model.id == w.pack.documents[0].id
    qtbot.waitUntil(lambda: w.searching.is_ready or bool(w.searching.unavailable), timeout=120000)


def test_a_text_pack_or_a_screenshot_is_read_before_the_window_shows(qtbot, tmp_path: Path, bundled_pack):
    w = start_window(bundled_pack.root)
    qtbot.addWidget(w)
    assert w.pack is not None and w.pack.id == bundled_pack.id and w.complete

    pack_dir = tmp_path / "cabinet"
    new_pack(pack_dir, _papers(tmp_path / "incoming", 1))
    shot = start_window(pack_dir, screenshot=str(tmp_path / "shot.png"))
    qtbot.addWidget(shot)
    assert shot.pack is not None and shot.complete and len(shot.pack.documents) == 1
    qtbot.waitUntil(lambda: shot.searching.is_ready or bool(shot.searching.unavailable), timeout=120000)


WATCH_IMPORTS = r"""
import json, os, sys, threading, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
first = {}
class Watch:  # records the thread each watched module is first imported on
    def find_spec(self, name, path=None, target=None):
        if name in ("briefing_app.gui.page_view", "briefing_app.annotations.export"):
            first.setdefault(name, threading.current_thread().name)
        return None
sys.meta_path.insert(0, Watch())
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefing_app.app import start_window
w = start_window(__import__("pathlib").Path(sys.argv[1]))
deadline = time.monotonic() + 60
while not (w.pack is not None and w.complete) and time.monotonic() < deadline:
    app.processEvents(); time.sleep(0.01)
w.workspace.settle()
print(json.dumps(first))
w.searching.close(wait=5.0)
"""


def test_a_pdf_pack_s_page_view_and_annotations_code_is_loaded_off_the_gui_thread(tmp_path: Path):
    """Their first imports (~9 and ~40 ms) are made by the thread reading the papers, so the
    window does not stop for them when the first paper is shown and when the pack is whole."""
    import json
    import os
    import subprocess
    import sys

    pack_dir = tmp_path / "cabinet"
    new_pack(pack_dir, _papers(tmp_path / "incoming", 2))
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_DATA_DIR": str(tmp_path / "d"),
    }
    done = subprocess.run(
        [sys.executable, "-c", WATCH_IMPORTS, str(pack_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    first = json.loads(done.stdout.strip().splitlines()[-1])
    assert first == {
        "briefing_app.annotations.export": "pack-reader",
        "briefing_app.gui.page_view": "pack-reader",
    }
