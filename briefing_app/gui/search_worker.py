"""Open (and if need be build) the search index off the GUI thread.

The work is a plain function; progress and the result cross back to the GUI thread as signals
of a QObject living there, connected to @Slot methods (bare lambdas lose queued calls).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from briefing_app.errors import BriefingError
from briefing_app.pack.model import Pack
from briefing_app.search import open_engine


class IndexOpener(QObject):
    progress = Signal(int, int, str)  # done, total, what
    ready = Signal(object, object)  # SearchEngine, BuildReport | None
    failed = Signal(str)

    def start(self, pack: Pack) -> None:
        threading.Thread(target=self._run, args=(pack,), name="index-opener", daemon=True).start()

    def _run(self, pack: Pack) -> None:
        try:
            engine, built = open_engine(pack, self.progress.emit, start_method="spawn")
        except BriefingError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure here must reach the user as a sentence
            self.failed.emit(f"Search is not available for this pack: the index could not be built ({exc}).")
        else:
            self.ready.emit(engine, built)
