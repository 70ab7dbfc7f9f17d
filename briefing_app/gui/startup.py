"""--startup-report: when the window has first painted, print when and how much memory, and quit."""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


def resident_mb() -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


class FirstPaint(QObject):
    """Watches a widget for its first paint, then reports once the event loop is idle again."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(json.dumps({"painted_at": time.time(), "rss_mb": resident_mb()}), flush=True)
        QApplication.instance().quit()


def watch(widget) -> FirstPaint:
    return FirstPaint(widget)
