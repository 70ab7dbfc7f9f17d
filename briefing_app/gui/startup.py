"""--startup-report: when the window has first painted, print when and how much memory, and quit."""

from __future__ import annotations

import json
import sys
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


# Opened after the first paint, never before: the heavy libraries, and the window's parts that the
# first screen does not show (a PDF paper's page view; caret browsing and screen-reader support).
HEAVY = (
    "whoosh",
    "sqlite3",
    "datetime",  # the first notes' dates are checked without it
    "yaml",
    "pypdfium2",
    "briefing_app.gui.page_view",
    "briefing_app.gui.accessibility",
    "briefing_app.gui.caret",
)


def heavy_modules() -> list[str]:
    """Which of the heavy libraries have been imported so far."""
    return [name for name in HEAVY if name in sys.modules]


class FirstPaint(QObject):
    """Watches a widget for its first paint, then reports once the event loop is idle again."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.done = False
        self.heavy: list[str] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            self.heavy = heavy_modules()  # at the first paint, before the work that waits for it
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        report = {"painted_at": time.time(), "rss_mb": resident_mb(), "heavy_at_first_paint": self.heavy}
        print(json.dumps(report), flush=True)
        QApplication.instance().quit()


def watch(widget) -> FirstPaint:
    return FirstPaint(widget)
