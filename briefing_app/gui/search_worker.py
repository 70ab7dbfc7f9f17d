"""Search work off the GUI thread: opening (or building) the index, and running queries.

The work is a plain function; results cross back to the GUI thread as signals of a QObject
living there, connected to @Slot methods (bare lambdas lose queued calls).
"""

from __future__ import annotations

import threading
from itertools import chain, islice
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from briefing_app.errors import BriefingError, IndexDamaged
from briefing_app.pack.model import Pack

if TYPE_CHECKING:
    from briefing_app.search import SearchEngine, SearchHit, SearchResult
    from briefing_app.search.own_notes import OwnNote


def _emit(signal, *args) -> bool:
    """Emit unless the object that asked has been closed and deleted meanwhile."""
    try:
        signal.emit(*args)
    except RuntimeError:
        return False
    return True


class IndexOpener(QObject):
    progress = Signal(int, int, str)  # done, total, what
    ready = Signal(object, object)  # SearchEngine, BuildReport | None
    failed = Signal(str)
    _thread: threading.Thread | None = None

    def start(self, pack: Pack, rebuild: bool = False) -> None:
        """`rebuild`: the index open so far proved damaged while searching."""
        self._thread = threading.Thread(
            target=self._run, args=(pack, rebuild), name="index-opener", daemon=True
        )
        self._thread.start()

    def wait(self, timeout: float) -> None:
        """Wait up to `timeout` seconds for an opening under way to end (before quitting: a thread
        still emitting while Qt is torn down at interpreter exit crashes it)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, pack: Pack, rebuild: bool) -> None:
        from briefing_app.search import open_engine  # here, off the GUI thread and after start-up

        try:
            # Whoosh's writer processes build the index, whatever the pack's size: a writer in this
            # process sorts all the postings in one call holding Python's lock (0.25-0.5 s for a
            # pack of 38 PDFs), and the window's event loop stops meanwhile.
            engine, built = open_engine(
                pack, self._progress, start_method="spawn", rebuild=rebuild, processes=2
            )
        except BriefingError as exc:
            _emit(self.failed, str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure here must reach the user as a sentence
            _emit(
                self.failed, f"Search is not available for this pack: the index could not be built ({exc})."
            )
        else:
            if not _emit(self.ready, engine, built):
                engine.close()

    def _progress(self, done: int, total: int, what: str) -> None:
        _emit(self.progress, done, total, what)


def run_query(
    engine: SearchEngine, text: str, notes: list[OwnNote], warm: int = 0
) -> tuple[SearchResult, list[SearchHit]]:
    """One search: the pack's hits and the reader's own notes that match, with the snippets of
    the first `warm` (the rows the results list will hold at first) already worked out."""
    from briefing_app.search.own_notes import search_own_notes

    result, own = engine.search(text), search_own_notes(text, notes)
    # A hit's snippet (its words found and stemmed, the passage around them) is worked out when
    # first asked for. Asked by the list as it paints, on the GUI thread, a screenful of them
    # stopped the window for 10 ms and more while the reader typed; here it costs the window nothing.
    for hit in islice(chain(own, (h for group in result.groups for h in group.hits)), warm):
        hit.snippet  # noqa: B018
    return result, own


class QueryWorker(QObject):
    """One thread runs every query, one at a time. The latest query wins: one asked for while
    another runs replaces any still waiting, and a result that is no longer the latest query's
    is dropped, here and (for one already on its way) by the receiver comparing tickets."""

    finished = Signal(int, object, object)  # ticket, SearchResult, own notes' hits
    failed = Signal(int, str)  # ticket, a sentence
    damaged = Signal(str)  # the index failed while searching: a sentence (rebuild it)

    def __init__(self, engine: SearchEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.ticket = 0  # the latest query's
        self._waiting: tuple[int, str, list, int] | None = None
        self._wake = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name="search-queries", daemon=True)
        self._thread.start()

    def submit(self, text: str, notes: list[OwnNote], warm: int = 0) -> int:
        """Run a query (replacing any still waiting); `warm`: see run_query."""
        with self._wake:
            self.ticket += 1
            self._waiting = (self.ticket, text, notes, warm)
            self._wake.notify()
            return self.ticket

    def cancel(self) -> None:
        """Forget the query waiting or running: its result will not be shown."""
        with self._wake:
            self.ticket += 1
            self._waiting = None

    def close(self, wait: float = 0.0) -> None:
        """Stop, and close the engine once no query uses it (on the worker's own thread); with
        `wait`, wait up to that many seconds for that (before quitting: see IndexOpener.wait)."""
        with self._wake:
            self.ticket += 1
            self._closed = True
            self._waiting = None
            self._wake.notify()
        if wait and self._thread is not threading.current_thread():
            self._thread.join(wait)

    def is_latest(self, ticket: int) -> bool:
        return ticket == self.ticket

    def _loop(self) -> None:
        while True:
            with self._wake:
                while self._waiting is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    self.engine.close()
                    return
                ticket, text, notes, warm = self._waiting
                self._waiting = None
            try:
                result, own = run_query(self.engine, text, notes, warm)
            except IndexDamaged as exc:
                _emit(self.damaged, str(exc))
                self.close()  # nothing more is asked of a damaged index
                continue
            except BriefingError as exc:
                outcome = (self.failed, ticket, str(exc))
            except Exception as exc:  # noqa: BLE001 - a failed search is told, never a crash
                outcome = (self.failed, ticket, f"This search failed ({exc}).")
            else:
                outcome = (self.finished, ticket, result, own)
            if self.is_latest(ticket) and not _emit(*outcome):
                self.close()  # the window has gone
