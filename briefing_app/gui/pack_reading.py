"""Reading a pack off the GUI thread: the first paper is on screen while the rest are read.

A folder of PDFs that has never been opened takes seconds to read; the window must keep answering
and show what it can as soon as it can. The reading is the plain `services.open_pack`, run in a
thread; what it has read so far crosses back as `partial` (after the first paper, then at most
every PARTIAL_EVERY seconds; a pack read in under FIRST_AFTER is only shown whole), the whole pack
as `finished`. A newer request wins: a pack read for a
folder the user has since left is dropped.
"""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

PARTIAL_EVERY = 2.0  # seconds between two showings of a pack still being read
FIRST_AFTER = 0.5  # a pack read faster than this is shown once, whole


class PackReading(QObject):
    partial = Signal(object, int)  # Pack read so far (not all its papers), papers listed
    finished = Signal(object, object, object)  # Pack | None, error | None, LoadedComparisons | None

    def __init__(self, open_pack, parent=None) -> None:
        super().__init__(parent)
        self._open_pack = open_pack
        self._generation = 0
        self._lock = threading.Lock()
        self.busy = False

    def start(self, folder: Path) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        self.busy = True
        threading.Thread(
            target=self._run, args=(Path(folder), generation), name="pack-reader", daemon=True
        ).start()

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _run(self, folder: Path, generation: int) -> None:
        started = time.monotonic()
        last = [started - PARTIAL_EVERY]

        def progress(pack, total: int) -> None:
            # Papers from the cache arrive in a blink: only a slow read is shown part by part.
            now = time.monotonic()
            slow = now - started >= FIRST_AFTER and now - last[0] >= PARTIAL_EVERY
            if pack.documents and len(pack.documents) < total and slow and self._current(generation):
                last[0] = now
                self._emit(self.partial, pack, total)

        try:
            result = self._open_pack(folder, progress)
        except Exception as exc:  # noqa: BLE001 - a reader's slip must reach the user as a sentence
            result = (None, f"{folder}: the pack could not be read ({type(exc).__name__}: {exc})", None)
        if self._current(generation):
            self.busy = False
            self._emit(self.finished, *result)

    @staticmethod
    def _emit(signal, *args) -> None:
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            signal.emit(*args)
