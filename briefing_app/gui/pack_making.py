"""File > New Pack from PDFs… and File > Add Papers to Pack…: the dialogs, then the work off the
GUI thread (copying papers, reading their titles), then the pack opened (or opened again, grown).

The work is pack/create.py's; a paper that cannot be read is still added, and the pack names it
when it opens. Papers are never added to the pack that ships with Briefing (it lives in the install
folder, where nothing the user makes belongs).
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from briefing_app.errors import BriefingError
from briefing_app.gui import wording
from briefing_app.gui.file_dialogs import open_folder, start_folder
from briefing_app.gui.services import Services
from briefing_app.pack.model import Pack


class PackMaking(QObject):
    ready = Signal(Path)  # folder of the pack made or grown, to open (again)
    failed = Signal(str)  # the sentence to show
    message = Signal(str)  # for the status bar

    def __init__(self, services: Services, window: QWidget) -> None:
        super().__init__(window)
        self.services, self.window = services, window
        self.pack: Pack | None = None
        self.busy = False
        # The worker reports through a parentless relay, which its thread keeps alive even if the
        # window is closed before the work is done.
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)

    def set_pack(self, pack: Pack | None) -> None:
        self.pack = pack

    # -- the dialogs --------------------------------------------------------------------------------
    @Slot()
    def ask_new(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            wording.NEW_PACK_PAPERS_TITLE,
            start_folder(self.services.settings),
            wording.PDF_FILTER,
        )
        if not files:
            return
        folder = open_folder(self.services.settings, self.window, wording.NEW_PACK_FOLDER_TITLE)
        if folder:
            self.make(Path(folder), [Path(f) for f in files])

    @Slot()
    def ask_add(self) -> None:
        refusal = self.cannot_add()
        if refusal:
            self.failed.emit(refusal)
            return
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            wording.ADD_PAPERS_TITLE.format(pack=self.pack.title),
            start_folder(self.services.settings),
            wording.PDF_FILTER,
        )
        if files:
            self.add([Path(f) for f in files])

    def cannot_add(self) -> str | None:
        """Why papers cannot be added to the open pack, or None when they can."""
        from briefing_app.paths import bundled_pack_dir

        if self.pack is None:
            return wording.NO_PACK_TO_ADD_TO
        if self.pack.root.resolve() == bundled_pack_dir().resolve():
            return wording.BUNDLED_PACK_FIXED
        return None

    # -- the work, off the GUI thread ----------------------------------------------------------------
    def make(self, folder: Path, files: list[Path], title: str | None = None) -> None:
        """Make the pack `folder` from `files`; `ready` says when it is ready to open."""
        self._start("new", folder, files, title)

    def add(self, files: list[Path]) -> None:
        """Add `files` to the open pack; `ready` says when it is ready to open again."""
        refusal = self.cannot_add()
        if refusal:
            self.failed.emit(refusal)
            return
        self._start("add", self.pack.root, files, None)

    def _start(self, kind: str, folder: Path, files: list[Path], title: str | None) -> None:
        self.busy = True
        args = (kind, Path(folder), list(files), title)
        threading.Thread(target=_make, args=(self._relay, *args), name="pack-maker", daemon=True).start()

    @Slot(str, str, int, str)
    def _on_done(self, kind: str, folder: str, count: int, error: str) -> None:
        self.busy = False
        if error:
            template = wording.PACK_NOT_MADE if kind == "new" else wording.PAPERS_NOT_ADDED
            self.failed.emit(template.format(error=error))
        else:
            if kind == "add":
                name = self.pack.title if self.pack else folder
                self.message.emit(wording.PAPERS_ADDED.format(count=count, pack=name))
            self.ready.emit(Path(folder))  # only new papers are read: the rest come from the cache


class _Relay(QObject):
    done = Signal(str, str, int, str)  # kind ("new", "add"), folder, papers written, error ("" if none)


def _make(relay: _Relay, kind: str, folder: Path, files: list[Path], title: str | None) -> None:
    """The work of one New Pack or Add Papers, in a worker thread."""
    from briefing_app.pack.create import add_papers, new_pack

    try:
        added = new_pack(folder, files, title=title) if kind == "new" else add_papers(folder, files)
    except BriefingError as exc:
        result = (kind, str(folder), 0, str(exc))
    except OSError as exc:
        result = (kind, str(folder), 0, f"{exc.filename or folder}: {exc.strerror}")
    else:
        result = (kind, str(folder), len(added), "")
    with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
        relay.done.emit(*result)
