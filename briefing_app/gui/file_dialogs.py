"""File dialogs that open where the user keeps files: the last folder used, or else their
documents folder (never the app's own folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from briefing_app.gui.settings import Settings


def start_folder(settings: Settings) -> str:
    last = settings.last_folder()
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def _remember(settings: Settings, chosen: str, folder: bool = False) -> str:
    if chosen:
        settings.set_last_folder(chosen if folder else str(Path(chosen).parent))
    return chosen


def save_file(settings: Settings, parent: QWidget, title: str, name: str, filters: str) -> str:
    suggested = str(Path(start_folder(settings)) / name)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return _remember(settings, chosen)


def open_file(settings: Settings, parent: QWidget, title: str, filters: str) -> str:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start_folder(settings), filters)
    return _remember(settings, chosen)


def open_folder(settings: Settings, parent: QWidget, title: str) -> str:
    chosen = QFileDialog.getExistingDirectory(parent, title, start_folder(settings))
    return _remember(settings, chosen, folder=True)
