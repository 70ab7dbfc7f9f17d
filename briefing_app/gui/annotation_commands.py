"""Undoable changes to annotations (Ctrl+Z for the session): each does and undoes one store change.

A store can refuse a change (a read-only database, a full disk: StoreError). A refused change is
reported through `failed` and the command made obsolete, so QUndoStack drops it rather than
keeping a step that never happened; the exception must not leave redo() or undo(), which Qt calls
from C++, where it would only reach stderr as a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from briefing_app.annotations.model import Annotation
from briefing_app.annotations.store import StoreError

if TYPE_CHECKING:
    from briefing_app.annotations.store import AnnotationStore

Failed = Callable[[StoreError], None]


class _StoreCommand(QUndoCommand):
    def __init__(
        self, text: str, store: AnnotationStore, changed: Callable[[], None], failed: Failed
    ) -> None:
        super().__init__(text)
        self.store, self.changed, self.failed = store, changed, failed

    def _run(self, change: Callable[[], object]) -> None:
        try:
            change()
        except StoreError as exc:
            self.setObsolete(True)
            self.failed(exc)
            return
        self.changed()


class AddAnnotation(_StoreCommand):
    def __init__(
        self, store: AnnotationStore, annotation: Annotation, changed: Callable[[], None], failed: Failed
    ) -> None:
        super().__init__("Highlight", store, changed, failed)
        self.annotation = annotation
        self.done = True  # the annotation is added before the command is pushed

    def redo(self) -> None:
        if not self.done:
            self._run(lambda: self.store.restore(self.annotation))
        self.done = False

    def undo(self) -> None:
        self._run(lambda: self.store.delete(self.annotation.id))


class DeleteAnnotation(_StoreCommand):
    def __init__(
        self, store: AnnotationStore, annotation: Annotation, changed: Callable[[], None], failed: Failed
    ) -> None:
        super().__init__("Delete highlight", store, changed, failed)
        self.annotation = annotation

    def redo(self) -> None:
        self._run(lambda: self.store.delete(self.annotation.id))

    def undo(self) -> None:
        self._run(lambda: self.store.restore(self.annotation))


class EditAnnotation(_StoreCommand):
    def __init__(
        self,
        store: AnnotationStore,
        before: Annotation,
        after: dict,
        changed: Callable[[], None],
        failed: Failed,
    ) -> None:
        super().__init__("Edit note", store, changed, failed)
        self.before, self.after = before, after

    def redo(self) -> None:
        self._run(lambda: self.store.update(self.before.id, **self.after))

    def undo(self) -> None:
        b = self.before
        self._run(
            lambda: self.store.update(
                b.id, colour=b.colour, comment=b.comment, tags=b.tags, selector=b.selector
            )
        )
