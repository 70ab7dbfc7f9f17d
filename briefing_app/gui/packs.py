"""Opening packs: File > Open Pack, Open Recent (by title), and what happens when a folder is not a
pack (the pack that was open stays open, and the user is told why). A pack is read off the GUI
thread, its first papers shown while the rest are read; new packs and added papers (pack_making.py)
are opened the same way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.gui import plain, wording
from briefing_app.gui.actions import fill_menu
from briefing_app.gui.pack_making import PackMaking
from briefing_app.gui.pack_reading import PackReading
from briefing_app.gui.services import Services
from briefing_app.pack.model import Pack


class Packs(QObject):
    # Pack | None, error | None, LoadedComparisons | None, complete: False for a pack whose first
    # papers are shown while the rest are read (it is sent again, whole, when all are read)
    opened = Signal(object, object, object, bool)
    failed = Signal(str)  # a folder could not be opened; the open pack stays
    message = Signal(str)  # for the status bar

    def __init__(self, services: Services, recent_menu: QMenu, window: QWidget) -> None:
        super().__init__(window)
        self.services, self.recent_menu, self.window = services, recent_menu, window
        self.pack: Pack | None = None
        self._box = None  # the last "could not open" box, kept while it is shown
        self._folder: Path | None = None
        self.reading = PackReading(services.open_pack)  # no parent: its thread may outlive the window
        self.reading.partial.connect(self._on_partly_read)
        self.reading.finished.connect(self._on_read)
        self.making = PackMaking(services, window)  # New Pack from PDFs, Add Papers to Pack
        self.making.ready.connect(self.open_folder)
        self.making.failed.connect(self.tell)
        self.making.message.connect(self.message)

    def open_folder(self, folder: Path) -> None:
        """Open the pack in `folder` (`opened`); a folder that is not a pack leaves the open one in
        place (`failed`). Text papers are read in milliseconds, here; a pack with PDF papers is read
        off the GUI thread, its first papers shown while the rest are read."""
        from briefing_app.gui.pack_loader import has_pdf_papers

        self._folder = Path(folder)
        if has_pdf_papers(self._folder):
            self.reading.start(self._folder)
        else:
            self._on_read(*self.services.open_pack(self._folder))

    def open_at_start(self, folder: Path, wait: bool = False) -> None:
        """Start-up's pack (--pack): from the cache, or a text pack, here and now, before the first
        paint; a PDF pack that has to be read is read as open_folder reads it, off the GUI thread,
        so that the window paints at once and shows the first paper as soon as it is read. With
        `wait` (a screenshot, or --doc, needs the whole pack before the event loop runs) it is read
        here whatever it holds."""
        from briefing_app.gui.pack_loader import from_cache, has_pdf_papers

        self._folder = Path(folder)
        opened = None if wait else from_cache(self._folder)
        if opened is None and not wait and has_pdf_papers(self._folder):
            self.reading.start(self._folder)
            self.message.emit(wording.READING_PACK.format(folder=self._folder))
            return
        self._on_read(*(opened or self.services.open_pack(self._folder)))

    @Slot(object, object, object)
    def _on_read(self, pack: Pack | None, error: str | None, comparisons) -> None:
        if pack is None and self.pack is not None:
            self.failed.emit(wording.NOT_A_PACK.format(folder=self._folder, error=error))
            return
        self.opened.emit(pack, error, comparisons, True)

    @Slot(object, int)
    def _on_partly_read(self, pack: Pack, total: int) -> None:
        self.opened.emit(pack, None, ([], []), False)
        self.message.emit(wording.READING_PAPERS.format(done=len(pack.documents), total=total))

    def set_pack(self, pack: Pack | None) -> None:
        """The window now shows `pack`: remember it first in Open Recent."""
        self.pack = pack
        self.making.set_pack(pack)
        recent = self.services.settings.recent()
        if pack is not None:
            recent = self.services.settings.remember_recent(str(pack.root.resolve()), pack.title)
        self.fill_recent(recent)

    def fill_recent(self, recent: list[dict]) -> None:
        entries = [(r.get("title") or r["folder"], r["folder"]) for r in recent]
        fill_menu(self.recent_menu, entries, self._on_recent)
        for action, r in zip(self.recent_menu.actions(), recent, strict=True):
            action.setToolTip(plain.tip(r["folder"]))
            action.setStatusTip(r["folder"])
        self.recent_menu.setToolTipsVisible(True)

    @Slot()
    def ask_open(self) -> None:
        from briefing_app.gui.file_dialogs import open_folder

        folder = open_folder(self.services.settings, self.window, wording.OPEN_PACK_TITLE)
        if folder:
            self.open_folder(Path(folder))

    @Slot()
    def _on_recent(self) -> None:
        self.open_folder(Path(self.sender().data()))

    @Slot(str)
    def tell(self, text: str) -> None:
        """Say why a folder did not open, without stopping the window (the box is not modal)."""
        from PySide6.QtWidgets import QMessageBox

        box = plain.message_box(QMessageBox.Icon.Warning, wording.OPEN_PACK_FAILED_TITLE, text, self.window)
        box.setObjectName("packFailedBox")
        box.open()
        self._box = box
