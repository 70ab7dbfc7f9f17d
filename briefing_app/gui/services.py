"""The services the window is given: settings, how to open the annotation store, a pack and the
search index. app.py builds them; a test builds its own. Nothing here is opened until asked for,
so that start-up pays for none of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.gui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from briefing_app.annotations import AnnotationStore
    from briefing_app.gui.pack_loader import LoadedComparisons
    from briefing_app.gui.search_worker import IndexOpener
    from briefing_app.pack.model import Pack

PackOpened = tuple["Pack | None", "str | None", "LoadedComparisons | None"]


def _open_store() -> AnnotationStore:
    from briefing_app.annotations import AnnotationStore

    return AnnotationStore()


def _open_pack(folder: Path, progress=None) -> PackOpened:
    from briefing_app.gui.pack_loader import open_pack

    return open_pack(folder, progress)


def _index_opener(parent: QObject) -> IndexOpener:
    from briefing_app.gui.search_worker import IndexOpener

    return IndexOpener(parent)


class Services:
    """A plain class, not a dataclass: it is made at start-up, where each dataclass costs a
    millisecond of generated code."""

    __slots__ = ("index_opener", "open_pack", "open_store", "settings")

    def __init__(
        self,
        settings: Settings,
        open_store: Callable[[], AnnotationStore],
        open_pack: Callable[..., PackOpened],
        index_opener: Callable[[QObject], IndexOpener],
    ) -> None:
        self.settings = settings
        self.open_store = open_store  # raises StoreError when the database cannot open
        # (pack, None, comparisons) or (None, why, None); an optional second argument,
        # progress(pack so far, papers listed), hears of each paper as it is read
        self.open_pack = open_pack
        self.index_opener = index_opener  # opens (or builds) a pack's index off the GUI thread

    @classmethod
    def default(cls, settings: Settings | None = None) -> Services:
        """The real services: the user's settings, store and index."""
        return cls(settings or Settings(), _open_store, _open_pack, _index_opener)
