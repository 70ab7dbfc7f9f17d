"""The search bench's window figures: the index opened (or built) while the pack is readable,
each query's results painted after the pause in typing, and the longest stall of the event loop
while a scripted typist types queries into the search box."""

from __future__ import annotations

import time

from briefing_app.pack import Pack

TYPED_QUERIES = 30
KEY_GAP_MS = 60  # a brisk typist
PAUSE_MS = 400  # after each query: the debounce, the search, the paint, a glance


def wait(ms: int, until=None) -> None:
    """Run the event loop for `ms` (or until the signal `until` fires), as the app's own loop
    runs: QTest.qWait polls, holding Python's lock between polls, which slows the worker."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    if until is not None:
        until.connect(loop.quit)
    loop.exec()
    if until is not None:
        until.disconnect(loop.quit)


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


class Heartbeat:
    """A 1 ms timer: the longest gap between its ticks is the longest the window stopped."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, QTimer, Slot

        class _Beat(QObject):
            def __init__(self, owner: Heartbeat) -> None:
                super().__init__()
                self.owner = owner

            @Slot()
            def tick(self) -> None:
                now = time.perf_counter()
                self.owner.gaps.append(now - self.owner.last)
                self.owner.last = now

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self._beat = _Beat(self)
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat.tick)

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        gaps = sorted(self.gaps)
        return {
            "longest_stall_ms": round(gaps[-1] * 1000, 1) if gaps else 0.0,
            "p99_gap_ms": round(gaps[int(0.99 * (len(gaps) - 1))] * 1000, 1) if gaps else 0.0,
            "ticks": len(gaps),
        }


def open_window(pack: Pack) -> tuple[object, dict]:
    """The window on `pack`, once search is ready; how long that took, whether progress was
    shown and whether a document could be read meanwhile."""
    from briefing_app.app import build_services
    from briefing_app.gui.main_window import MainWindow

    app = _app()
    started = time.perf_counter()
    window = MainWindow(build_services())
    window.resize(1280, 800)
    window.show()
    window.set_pack(pack)
    seen = {"progress": 0, "readable": False}
    while window.reader.document_model is None and not window.search_ready:
        wait(5)  # the window's first paint and first document
    seen["readable"] = not window.search_ready
    heartbeat = Heartbeat()  # from here on: only the index being opened (or built) competes
    heartbeat.start()
    while not window.search_ready:
        wait(20)
        seen["progress"] = max(seen["progress"], _progress_value(window))
    stalls = heartbeat.stop()
    app.processEvents()
    return window, {
        "ready_s": round(time.perf_counter() - started, 2),
        "progress_seen_percent": seen["progress"],
        "document_readable_before_search_ready": seen["readable"],
        "longest_stall_while_opening_ms": stalls["longest_stall_ms"],
    }


def _progress_value(window) -> int:
    dialog = window.searching._progress  # noqa: SLF001 - the bench reads what the user would see
    if dialog is None or dialog.maximum() <= 0:
        return 0
    return int(100 * dialog.value() / dialog.maximum())


def painted_after_pause(window, queries: list[str]) -> list[float]:
    """For each query: from the pause ending (the search starting) to its results painted."""
    panel = window.searching.show_results()
    out = []
    for q in queries:
        started = time.perf_counter()
        panel.run(q)
        wait(5000, until=panel.resultShown)
        panel.results.viewport().repaint()
        panel.status.repaint()
        out.append((time.perf_counter() - started) * 1000)
    return out


def typing_stalls(window, queries: list[str]) -> dict[str, float]:
    """A typist types each query into the search box, key by key, then pauses."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    field = window.search_field
    field.setFocus()
    heartbeat = Heartbeat()
    heartbeat.start()
    for q in queries[:TYPED_QUERIES]:
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(field, Qt.Key.Key_Backspace)
        for ch in q:
            QTest.keyClicks(field, ch)
            wait(KEY_GAP_MS)
        wait(PAUSE_MS)
    out = heartbeat.stop()
    out["queries_typed"] = min(TYPED_QUERIES, len(queries))
    return out
