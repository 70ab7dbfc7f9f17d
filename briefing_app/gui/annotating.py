"""The reader's own annotations: the store (opened after the first paint, or when first asked
for), highlighting and commenting on the selection, undo for the session, the panel listing them,
and their export and import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets as dialogs  # dialogs: PySide builds their enums on first use
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QDockWidget

from briefing_app.annotations.colours import COLOURS
from briefing_app.errors import BriefingError
from briefing_app.gui import plain, wording
from briefing_app.gui.navigation import Navigator
from briefing_app.gui.services import Services
from briefing_app.pack.model import Pack

if TYPE_CHECKING:
    from briefing_app.annotations import AnnotationStore, Resolved
    from briefing_app.gui.annotations_panel import AnnotationsPanel
    from briefing_app.search.own_notes import OwnNote


class Annotating(QObject):
    message = Signal(str)
    storeFailed = Signal(str)  # the database could not be opened: reading goes on without it
    changed = Signal()

    def __init__(self, services: Services, navigator: Navigator, dock: QDockWidget) -> None:
        super().__init__(navigator)
        self.services, self.navigator, self.dock = services, navigator, dock
        self.reader = navigator.workspace.reader
        self.reader.colour_names = list(COLOURS)
        self.undo_stack = QUndoStack(self)
        self.pack: Pack | None = None
        self._store: AnnotationStore | None = None
        self.store_error: str | None = None
        self._resolved: list[Resolved] = []
        self._due = False
        self._panel: AnnotationsPanel | None = None
        self._refused = False  # the store refused the change last pushed
        self._box = None  # the last "not saved" box, kept while it is shown
        self._pdf = None  # PdfJobs, made when a PDF is first exported
        self._unsaved: dict[str, str] = {}  # annotation id ("" for a new one) -> comment not saved
        self.reader.rerendered.connect(self.show_marks)
        self.reader.highlightRequested.connect(self.highlight)
        self.reader.commentRequested.connect(self.comment_on)
        self.reader.tagsRequested.connect(self.tag)
        self.reader.colourRequested.connect(self.set_colour)
        self.reader.deleteRequested.connect(self.delete)
        navigator.workspace.documentShown.connect(self.show_marks)

    # -- the store, read when first needed ------------------------------------------------------------
    def set_pack(self, pack: Pack | None) -> None:
        self.pack = pack
        self.undo_stack.clear()
        self._resolved = []
        self._due = bool(pack and pack.documents)
        if self._panel is not None:
            self._panel.set_annotations(pack, [])

    @property
    def store(self) -> AnnotationStore | None:
        self.load()
        return self._store

    @property
    def resolved(self) -> list[Resolved]:
        self.load()
        return self._resolved

    @Slot()
    def load(self) -> None:
        """Read the pack's annotations, if not read yet (after the first paint, or on first use)."""
        if self._due:
            self.refresh()

    def refresh(self) -> None:
        from briefing_app.annotations import StoreError
        from briefing_app.annotations.export import resolve_all

        self._due = False
        if self._store is None and self.store_error is None:
            try:
                self._store = self.services.open_store()
            except StoreError as exc:
                self.store_error = str(exc)
                self.storeFailed.emit(self.store_error)
        if self._store is None or self.pack is None:
            self._resolved = []
        else:
            self._resolved = resolve_all(self.pack, self._store.list(self.pack.id))
        if self._panel is not None:
            self._panel.set_annotations(self.pack, self._resolved)
        self.show_marks()
        self.changed.emit()

    @property
    def panel(self) -> AnnotationsPanel:
        if self._panel is None:
            from briefing_app.gui.annotations_panel import AnnotationsPanel

            panel = AnnotationsPanel(self.dock)
            panel.annotationChosen.connect(self.show)
            panel.deleteRequested.connect(self.delete)
            panel.reattachRequested.connect(self.reattach)
            panel.exportRequested.connect(self.ask_export)
            panel.importRequested.connect(self.ask_import)
            panel.set_annotations(self.pack, self.resolved)
            self.dock.setWidget(panel)
            self._panel = panel
        return self._panel

    def marks_of(self, doc_id: str) -> list[Resolved]:
        """The placed annotations of one document."""
        return [r for r in self.resolved if r.annotation.doc == doc_id and r.status != "orphaned" and r.block]

    @Slot()
    def show_marks(self, *_args) -> None:
        doc = self.reader.document_model
        marks = [
            (
                r.annotation.id,
                r.block,
                r.start,
                r.end,
                COLOURS.get(r.annotation.colour, "#ffe066"),
                r.annotation.comment,
            )
            for r in (self._resolved if doc is not None else [])
            if r.annotation.doc == doc.id and r.status != "orphaned" and r.block
        ]
        self.reader.set_annotations(marks)

    def own_notes(self) -> list[OwnNote]:
        """The reader's comments and tags, for pack search to find."""
        from briefing_app.search.own_notes import OwnNote

        return [
            OwnNote(
                r.annotation.id,
                r.annotation.doc,
                r.block,
                r.annotation.selector.quote,
                r.annotation.comment,
                r.annotation.tags,
            )
            for r in self.resolved
        ]

    # -- changes, each undoable ---------------------------------------------------------------------
    @Slot(str)
    def highlight(self, colour: str = "yellow", comment: str = "", tags: tuple[str, ...] = ()) -> list[str]:
        """Annotate the current selection (one annotation per paragraph it covers); the new ids."""
        self._refused = False
        selection = self.reader.selection_ranges()
        doc = self.reader.document_model
        if self.store is None or not selection or doc is None or self.pack is None:
            self.message.emit(wording.SELECT_FIRST)
            return []
        from briefing_app.annotations import StoreError, selector_for
        from briefing_app.gui.annotation_commands import AddAnnotation

        added = []
        try:
            for block_id, start, end in selection:
                selector = selector_for(doc, block_id, start, end)
                added.append(self.store.add(self.pack.id, selector, colour, comment, tags))
        except StoreError as exc:
            self._refuse(exc)  # the selection stays as it was: nothing the reader chose is lost
        if added:  # the paragraphs saved are one step to undo (an empty step would undo nothing)
            self.undo_stack.beginMacro("Highlight")
            for annotation in added:
                self.undo_stack.push(AddAnnotation(self.store, annotation, self.refresh, self._refuse))
            self.undo_stack.endMacro()
            self.refresh()
        return [a.id for a in added]

    def set_comment(self, annotation_id: str, comment: str) -> None:
        self._edit(annotation_id, comment=comment)

    def set_tags(self, annotation_id: str, tags: tuple[str, ...]) -> None:
        self._edit(annotation_id, tags=tuple(t for t in tags if t))

    @Slot(str, str)
    def set_colour(self, annotation_id: str, colour: str) -> None:
        self._edit(annotation_id, colour=colour)

    def _edit(self, annotation_id: str, **change) -> bool:
        before = self.store.get(annotation_id) if self.store else None
        if before is None:
            return False
        from briefing_app.gui.annotation_commands import EditAnnotation

        return self._push(EditAnnotation(self.store, before, change, self.refresh, self._refuse))

    def _push(self, command) -> bool:
        """Do `command` (a command does its change as it is pushed); False if the store refused it."""
        self._refused = False
        self.undo_stack.push(command)
        return not self._refused

    def _refuse(self, exc: Exception) -> None:
        """The store refused a change (StoreError): say so in a box that does not stop the window."""
        self._refused = True
        if self._box is not None:  # one box at a time: the newest says what happened last
            self._box.close()
            self._box.setParent(None)
            self._box.deleteLater()
        text = wording.NOT_SAVED.format(why=exc)
        self._box = plain.tell(self.reader.window(), wording.NOT_SAVED_TITLE, text, "annotationNotSavedBox")

    @Slot(str)
    def delete(self, annotation_id: str) -> None:
        annotation = self.store.get(annotation_id) if self.store else None
        if annotation is not None:
            from briefing_app.gui.annotation_commands import DeleteAnnotation

            self._push(DeleteAnnotation(self.store, annotation, self.refresh, self._refuse))

    @Slot(str)
    def reattach(self, annotation_id: str) -> None:
        selection = self.reader.selection_ranges()
        doc = self.reader.document_model
        if not selection or doc is None:
            self.message.emit(wording.SELECT_TO_REATTACH)
            return
        from briefing_app.annotations import selector_for

        self._edit(annotation_id, selector=selector_for(doc, *selection[0]))

    @Slot(str)
    def show(self, annotation_id: str) -> None:
        """Open the annotated passage, selected."""
        found = next((r for r in self.resolved if r.annotation.id == annotation_id), None)
        if found is None or found.block is None:
            return
        self.navigator.jump(found.annotation.doc, found.block)
        place = self.reader.render_map.blocks.get(found.block)
        if place is not None:
            cursor = QTextCursor(self.reader.document())
            cursor.setPosition(place.position(found.start))
            cursor.setPosition(place.position(found.end), QTextCursor.MoveMode.KeepAnchor)
            self.reader.setTextCursor(cursor)

    # -- asking the reader ------------------------------------------------------------------------------
    def under_cursor(self) -> str | None:
        """The annotation the reader's cursor (or a right-click) is in, when nothing is selected."""
        if self.reader.textCursor().hasSelection():
            return None
        return self.reader.annotation_at(self.reader.textCursor().position())

    @Slot()
    def ask_comment(self) -> None:
        """Ctrl+Alt+M: comment on the selection, or edit the comment of the highlight at the cursor."""
        self.comment_on(self.under_cursor() or "")

    @Slot()
    def ask_tags(self) -> None:
        self.tag(self.under_cursor() or "")

    @Slot(str)
    def comment_on(self, existing: str) -> None:
        """Ask for the comment of annotation `existing`, or of a new one on the selection ("")."""
        current = self.store.get(existing).comment if existing and self.store else ""
        current = self._unsaved.pop(existing, current)  # a comment the store refused is offered again
        from briefing_app.gui.comment_dialog import ask_comment

        text, ok = ask_comment(self.reader.window(), wording.COMMENT_TITLE, wording.COMMENT_PROMPT, current)
        if not ok:
            return
        saved = (
            self._edit(existing, comment=text) if existing else bool(self.highlight("yellow", comment=text))
        )
        if not saved and self._refused:
            self._unsaved[existing] = text

    @Slot(str)
    def tag(self, existing: str) -> None:
        """Ask for the tags of annotation `existing`, or of a new one on the selection ("")."""
        current = ", ".join(self.store.get(existing).tags) if existing and self.store else ""
        text, ok = dialogs.QInputDialog.getText(
            self.reader.window(), wording.TAGS_TITLE, wording.TAGS_PROMPT, text=current
        )
        tags = tuple(t.strip() for t in text.split(",") if t.strip())
        if ok and existing:
            self.set_tags(existing, tags)
        elif ok:
            self.highlight("yellow", tags=tags)

    # -- export and import ---------------------------------------------------------------------------
    def export(self, path: Path) -> bool:
        """Write the pack's annotations; the file name's ending picks the format (Markdown otherwise).
        A PDF is written off the GUI thread (`pdf.finished` tells when, and False is returned)."""
        from briefing_app.annotations.export import render
        from briefing_app.gui.pdf import format_of, write_export

        annotations = self.store.list(self.pack.id) if self.store and self.pack else []
        pack = self.pack
        render_as = lambda fmt: render(pack, annotations, fmt)  # noqa: E731
        return write_export(path, format_of(path) or "md", render_as, landscape=False, jobs=self.pdf)

    @property
    def pdf(self):
        if self._pdf is None:
            from briefing_app.gui.pdf_jobs import PdfJobs

            self._pdf = PdfJobs(self)
            self._pdf.finished.connect(self._on_written)
        return self._pdf

    @Slot(str, str)
    def _on_written(self, name: str, why: str) -> None:
        if why:  # the user has moved on meanwhile: a box that does not stop them
            text = wording.NOT_WRITTEN.format(name=name, why=why)
            self._box = plain.tell(
                self.reader.window(), wording.EXPORT_ANNOTATIONS_TITLE, text, "pdfNotWrittenBox"
            )
        else:
            self.message.emit(wording.EXPORTED.format(name=name))

    @Slot()
    def ask_export(self) -> None:
        from briefing_app.gui.file_dialogs import save_file

        name = save_file(
            self.services.settings,
            self.reader.window(),
            wording.EXPORT_ANNOTATIONS_TITLE,
            "briefing-note.md",
            "Briefing note (*.md);;Web page (*.html);;PDF (*.pdf);;Web Annotation JSON (*.json)",
        )
        if not name:
            return
        try:
            written = self.export(Path(name))
        except OSError as exc:
            plain.warn(
                self.reader.window(),
                wording.EXPORT_ANNOTATIONS_TITLE,
                wording.NOT_WRITTEN.format(name=name, why=exc.strerror),
            )
            return
        self.message.emit(
            wording.EXPORTED.format(name=name) if written else wording.WRITING.format(name=name)
        )

    @Slot()
    def ask_import(self) -> None:
        from briefing_app.gui.file_dialogs import open_file

        window = self.reader.window()
        name = open_file(
            self.services.settings, window, wording.IMPORT_ANNOTATIONS_TITLE, "Web Annotation JSON (*.json)"
        )
        if not name or self.store is None or self.pack is None:
            return
        try:
            from briefing_app.annotations.export import import_w3c
            from briefing_app.annotations.w3c_import import read_collection

            # read_collection refuses a FIFO or a device, which would block or fill memory here.
            report = import_w3c(self.store, self.pack, read_collection(name))
        except BriefingError as exc:
            plain.warn(
                window, wording.IMPORT_ANNOTATIONS_TITLE, wording.NOT_IMPORTED.format(name=name, why=exc)
            )
            return
        self.refresh()
        plain.inform(window, wording.IMPORT_ANNOTATIONS_TITLE, str(report))
