"""Printing and exporting what is on screen: a document on white paper (optionally with the
reader's highlights and comments), or the comparison shown."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets as dialogs  # dialogs: PySide builds their enums on first use
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QTextDocument

from briefing_app.gui import plain, wording
from briefing_app.gui.annotating import Annotating
from briefing_app.gui.services import Services
from briefing_app.gui.workspace import Workspace
from briefing_app.pack.links import document_links


class Exports(QObject):
    message = Signal(str)

    def __init__(self, services: Services, workspace: Workspace, annotating: Annotating) -> None:
        super().__init__(workspace)
        self.services, self.workspace, self.annotating = services, workspace, annotating
        self.with_annotations = False  # the dialogs' checkbox, remembered for the session
        from briefing_app.gui.pdf_jobs import PdfJobs

        self.pdf = PdfJobs(self)  # PDFs are written off the GUI thread; `pdf.finished` tells
        self.pdf.finished.connect(self._on_written)
        self._box = None  # the last "could not be written" box, kept while it is shown
        self._title = wording.EXPORT_PDF_TITLE  # of the dialog that asked for the PDF being written

    # -- what goes on paper -------------------------------------------------------------------------
    def paper(self, with_annotations: bool | None = None) -> QTextDocument | None:
        """The document on screen laid out for paper; None when no document is on screen."""
        from briefing_app.gui.paper import paper_document

        doc = self.workspace.document
        if doc is None:
            return None
        show = self.with_annotations if with_annotations is None else with_annotations
        marks = None
        if show:
            marks = [
                (r.block, r.start, r.end, _colour(r.annotation.colour), r.annotation.comment)
                for r in self.annotating.marks_of(doc.id)
            ]
        return paper_document(doc, document_links(doc, self.workspace.mentions), marks)

    def export_pdf(self, path: Path, with_annotations: bool | None = None) -> bool:
        """Write what is on screen as a PDF: the document, or the comparison shown. The PDF is
        written off the GUI thread: `pdf.finished` says when. False when nothing is on screen."""
        if self.workspace.comparison is not None:
            return self.export_comparison(path)
        paper = self.paper(with_annotations)  # built here, in the GUI thread: quick
        if paper is None:
            return False
        self.pdf.write(paper, path, title=self.workspace.document.meta.title)
        return True

    def export_comparison(self, path: Path) -> bool:
        """Write the comparison on screen; the file name's ending picks the format (HTML otherwise).
        A PDF is written off the GUI thread (`pdf.finished`); text formats at once."""
        comparison, pack = self.workspace.comparison, self.workspace.pack
        if comparison is None or pack is None:
            return False
        from briefing_app.compare.export import render
        from briefing_app.gui.pdf import format_of, write_export

        fmt = format_of(path) or "html"
        write_export(path, fmt, lambda f: render(comparison, pack, f), title=comparison.title, jobs=self.pdf)
        return True

    # -- dialogs ------------------------------------------------------------------------------------------
    def _window(self):
        return self.workspace.reader.window()

    def _checkbox(self, parent) -> dialogs.QCheckBox:
        box = dialogs.QCheckBox(wording.SHOW_ANNOTATIONS, parent)
        box.setObjectName("showAnnotations")
        box.setChecked(self.with_annotations)
        return box

    @Slot()
    def ask_export_pdf(self) -> None:
        if self.workspace.comparison is not None:
            self._ask_comparison("PDF (*.pdf);;Web page (*.html);;Markdown (*.md)", ".pdf")
            return
        doc = self.workspace.document
        if doc is None:
            self.message.emit(wording.NO_DOCUMENT)
            return
        from briefing_app.gui.export_options import ExportOptions
        from briefing_app.gui.file_dialogs import save_file

        options = ExportOptions(self._checkbox(None), self._window())
        if options.exec() != dialogs.QDialog.DialogCode.Accepted:
            return
        self.with_annotations = options.checkbox.isChecked()
        name = save_file(
            self.services.settings, self._window(), wording.EXPORT_PDF_TITLE, f"{doc.id}.pdf", "PDF (*.pdf)"
        )
        if name:
            self._write(name, lambda: self.export_pdf(Path(name)), wording.EXPORT_PDF_TITLE)

    @Slot()
    def ask_export_comparison(self) -> None:
        if self.workspace.comparison is None:
            self.message.emit(wording.OPEN_COMPARISON_FIRST)
            return
        self._ask_comparison("Web page (*.html);;Markdown (*.md);;PDF (*.pdf)", ".html")

    def _ask_comparison(self, filters: str, suffix: str) -> None:
        from briefing_app.gui.file_dialogs import save_file

        comparison = self.workspace.comparison
        name = save_file(
            self.services.settings,
            self._window(),
            wording.EXPORT_COMPARISON_TITLE,
            comparison.id + suffix,
            filters,
        )
        if name:
            self._write(name, lambda: self.export_comparison(Path(name)), wording.EXPORT_COMPARISON_TITLE)

    def _write(self, name: str, write, title: str) -> None:
        self._title = title
        started = self.pdf.started
        try:
            write()
        except OSError as exc:
            plain.warn(self._window(), title, wording.NOT_WRITTEN.format(name=name, why=exc.strerror))
            return
        if self.pdf.started == started:  # written here (a text file); a PDF tells when it is written
            self.message.emit(wording.SAVED.format(name=name))
        else:
            self.message.emit(wording.WRITING.format(name=name))

    @Slot(str, str)
    def _on_written(self, name: str, why: str) -> None:
        if why:  # the user has moved on meanwhile: a box that does not stop them
            text = wording.NOT_WRITTEN.format(name=name, why=why)
            self._box = plain.tell(self._window(), self._title, text, "pdfNotWrittenBox")
        else:
            self.message.emit(wording.SAVED.format(name=name))

    def printer(self):
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        doc = self.workspace.document
        if doc is not None:
            printer.setDocName(doc.meta.title)
        return printer

    @Slot()
    def ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        if self.workspace.document is None:
            self.message.emit(wording.NO_DOCUMENT)
            return
        printer = self.printer()
        dialog = QPrintDialog(printer, self._window())
        options = dialogs.QWidget()
        options.setWindowTitle("Annotations")
        box = self._checkbox(options)
        dialogs.QVBoxLayout(options).addWidget(box)
        dialog.setOptionTabs([options])
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.with_annotations = box.isChecked()
            # A real printer stays on the GUI thread: the dialog configured it here, and its
            # driver may ask the user things; only PDF files are written off it (pdf_jobs.py).
            self.paper().print_(printer)

    @Slot()
    def ask_preview(self) -> None:
        """Print preview: the pages as they will print, on white, with the highlights checkbox."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        if self.workspace.document is None:
            self.message.emit(wording.NO_DOCUMENT)
            return
        self._printer = self.printer()  # the dialog only points at it: keep it alive with it
        dialog = QPrintPreviewDialog(self._printer, self._window())
        dialog.setObjectName("printPreview")
        box = self._checkbox(dialog)
        box.setContentsMargins(8, 4, 8, 6)
        dialog.layout().addWidget(
            box, 0, Qt.AlignmentFlag.AlignLeft
        )  # under the pages: the preview's tool bar has no room left
        box.toggled.connect(self._on_preview_toggled)
        dialog.paintRequested.connect(self._on_paint_requested)
        self.preview = dialog
        dialog.open()

    @Slot(object)
    def _on_paint_requested(self, printer) -> None:
        self.paper().print_(printer)

    @Slot(bool)
    def _on_preview_toggled(self, on: bool) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        self.with_annotations = on
        widget = self.preview.findChild(QPrintPreviewWidget)
        if widget is not None:
            widget.updatePreview()


def _colour(name: str) -> str:
    from briefing_app.annotations.colours import COLOURS

    return COLOURS.get(name, "#ffe066")
