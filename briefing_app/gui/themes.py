"""Light and dark palettes; "system" follows the desktop's colour scheme where Qt can tell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")
_dark_applied = False


def dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#282828",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a"))
    return p


def resolved_theme(name: str) -> str:
    if name in ("light", "dark"):
        return name
    app = QGuiApplication.instance()
    scheme = app.styleHints().colorScheme() if app else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def apply_theme(name: str) -> str:
    """Set the application palette for the theme; returns "light" or "dark"."""
    global _dark_applied
    app = QGuiApplication.instance()
    actual = resolved_theme(name)
    if app is None:
        return actual
    if actual == "dark":
        app.setPalette(dark_palette())
        _dark_applied = True
    elif _dark_applied:
        # Back to the style's own palette. Left alone otherwise: asking for the style costs
        # start-up ~15 ms of PySide set-up, and the palette is already the style's.
        app.setPalette(app.style().standardPalette())
        _dark_applied = False
    return actual
