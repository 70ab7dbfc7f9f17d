"""Open (and if need be build) the search index off the GUI thread.

The work is a plain function; progress and the result cross back to the GUI thread as signals
of a QObject living there, connected to @Slot methods (bare lambdas lose queued calls).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from briefing_app.errors import BriefingError
from briefing_app.pack.model import Pack


class IndexOpener(QObject):
    progress = Signal(int, int, str)  # done, total, what
    ready = Signal(object, object)  # SearchEngine, BuildReport | None
    failed = Signal(str)

    def start(self, pack: Pack) -> None:
        threading.Thread(target=self._run, args=(pack,), name="index-opener", daemon=True).start()

    def _run(self, pack: Pack) -> None:
        from briefing_app.search import open_engine  # here, off the GUI thread and after start-up

        try:
            engine, built = open_engine(pack, self._progress, start_method="spawn")
            engine.warm()
        except BriefingError as exc:
            self._emit(self.failed, str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure here must reach the user as a sentence
            self._emit(
                self.failed, f"Search is not available for this pack: the index could not be built ({exc})."
            )
        else:
            if not self._emit(self.ready, engine, built):
                engine.close()

    def _progress(self, done: int, total: int, what: str) -> None:
        self._emit(self.progress, done, total, what)

    @staticmethod
    def _emit(signal, *args) -> bool:
        """Emit unless the window that asked has been closed and deleted meanwhile."""
        try:
            signal.emit(*args)
        except RuntimeError:
            return False
        return True
