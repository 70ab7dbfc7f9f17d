"""Reading a pack off the GUI thread: the first paper is on screen while the rest are read.

A folder of PDFs that has never been opened takes seconds to read; the window must keep answering
and show what it can as soon as it can. The reading is the plain `services.open_pack`, run in a
thread that notes the pack as read so far after each paper. A timer in the GUI thread shows that
(`partial`) once the read has lasted FIRST_AFTER, then at most every PARTIAL_EVERY seconds, so a
pack read from the cache in a blink is only shown whole (`finished`). A newer request wins: a pack
read for a folder the user has since left is dropped.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

FIRST_AFTER = 0.5  # seconds: a pack read faster than this is shown once, whole
PARTIAL_EVERY = 2.0  # seconds between two showings of a pack still being read


class PackReading(QObject):
    partial = Signal(object, int)  # Pack read so far (not all its papers), papers listed
    finished = Signal(object, object, object)  # Pack | None, error | None, LoadedComparisons | None

    def __init__(self, open_pack, parent=None) -> None:
        super().__init__(parent)
        self._open_pack = open_pack
        self._generation = 0
        self._lock = threading.Lock()
        self._latest: tuple | None = None  # (pack so far, papers listed), from the reading thread
        self._shown: tuple | None = None
        self.busy = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self.finished.connect(self._on_finished)

    def start(self, folder: Path) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._latest = self._shown = None
        self.busy = True
        self._timer.start(int(FIRST_AFTER * 1000))
        threading.Thread(
            target=self._run, args=(Path(folder), generation), name="pack-reader", daemon=True
        ).start()

    def _run(self, folder: Path, generation: int) -> None:
        def progress(pack, total: int) -> None:
            # The papers read so far are kept as long as the pack is open: out of the collector's
            # sight, the full collections set off by reading the next papers no longer walk them all
            # holding Python's lock (50-70 ms each, three times over Kent's 38 PDFs, the window
            # stopped meanwhile). They are unfrozen with the pack's index, when it closes (Searching).
            gc.freeze()
            with self._lock:
                if generation == self._generation and len(pack.documents) < total:
                    self._latest = (pack, total)

        # Once the pack is whole the window reads its annotations, and once a paper is shown it makes
        # its page view, both on the GUI thread; imported here first, their first imports (~40 ms
        # and ~9 ms) no longer stop the window then.
        import briefing_app.annotations.export  # noqa: F401
        import briefing_app.gui.page_view  # noqa: F401

        try:
            result = self._open_pack(folder, progress)
        except Exception as exc:  # noqa: BLE001 - a reader's slip must reach the user as a sentence
            result = (None, f"{folder}: the pack could not be read ({type(exc).__name__}: {exc})", None)
        with self._lock:
            current = generation == self._generation
        if current:
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self.finished.emit(*result)

    @Slot()
    def _on_tick(self) -> None:
        with self._lock:
            latest = self._latest
        if latest is not None and latest is not self._shown and latest[0].documents:
            self._shown = latest
            self._timer.setInterval(int(PARTIAL_EVERY * 1000))
            self.partial.emit(*latest)

    @Slot(object, object, object)
    def _on_finished(self, *_result) -> None:
        self._timer.stop()
        self.busy = False
