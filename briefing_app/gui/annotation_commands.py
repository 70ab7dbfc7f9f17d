"""Undoable changes to annotations (Ctrl+Z for the session): each does and undoes one store change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from briefing_app.annotations.model import Annotation

if TYPE_CHECKING:
    from briefing_app.annotations.store import AnnotationStore


class AddAnnotation(QUndoCommand):
    def __init__(self, store: AnnotationStore, annotation: Annotation, changed: Callable[[], None]) -> None:
        super().__init__("Highlight")
        self.store, self.annotation, self.changed = store, annotation, changed
        self.done = True  # the annotation is added before the command is pushed

    def redo(self) -> None:
        if not self.done:
            self.store.restore(self.annotation)
            self.changed()
        self.done = False

    def undo(self) -> None:
        self.store.delete(self.annotation.id)
        self.changed()


class DeleteAnnotation(QUndoCommand):
    def __init__(self, store: AnnotationStore, annotation: Annotation, changed: Callable[[], None]) -> None:
        super().__init__("Delete highlight")
        self.store, self.annotation, self.changed = store, annotation, changed

    def redo(self) -> None:
        self.store.delete(self.annotation.id)
        self.changed()

    def undo(self) -> None:
        self.store.restore(self.annotation)
        self.changed()


class EditAnnotation(QUndoCommand):
    def __init__(
        self, store: AnnotationStore, before: Annotation, after: dict, changed: Callable[[], None]
    ) -> None:
        super().__init__("Edit note")
        self.store, self.before, self.after, self.changed = store, before, after, changed

    def redo(self) -> None:
        self.store.update(self.before.id, **self.after)
        self.changed()

    def undo(self) -> None:
        b = self.before
        self.store.update(b.id, colour=b.colour, comment=b.comment, tags=b.tags, selector=b.selector)
        self.changed()
