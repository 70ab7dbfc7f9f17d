"""How the text looks: zoom and the light, dark or high-contrast theme, remembered across restarts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication

from briefing_app.gui import wording
from briefing_app.gui.settings import Settings
from briefing_app.gui.themes import apply_theme
from briefing_app.gui.workspace import Workspace


class Appearance(QObject):
    message = Signal(str)

    def __init__(self, workspace: Workspace, settings: Settings, themes: QActionGroup) -> None:
        super().__init__(workspace)
        self.workspace, self.settings, self.themes = workspace, settings, themes
        self.theme = "system"
        self._docks_styled = False

    def restore(self) -> None:
        self.workspace.reader.zoom = self.settings.zoom()
        self.set_theme(self.settings.theme())

    def save(self) -> None:
        self.settings.set_zoom(self.workspace.reader.zoom)
        self.settings.set_theme(self.theme)

    def set_theme(self, name: str) -> str:
        """Switch to "system", "light", "dark" or "high-contrast"; returns the one in effect (not
        "system")."""
        self.theme = name
        actual = apply_theme(name)
        QApplication.processEvents()  # deliver the palette change before re-rendering in its colours
        if actual == "dark" or self._docks_styled:
            from briefing_app.gui.dock_style import style_docks

            style_docks(self.workspace.reader.window(), actual == "dark")
            self._docks_styled = actual == "dark"
        for action in self.themes.actions():
            action.setChecked(action.data() == name)
        self.workspace.rerender()
        return actual

    @Slot()
    def on_theme_action(self) -> None:
        self.set_theme(self.sender().data())

    @Slot()
    def on_zoom_action(self) -> None:
        step = self.sender().data()
        reader = self.workspace.reader
        reader.set_zoom(1.0 if step == 0 else reader.zoom + step)
        self.message.emit(wording.ZOOM.format(percent=round(reader.zoom * 100)))
