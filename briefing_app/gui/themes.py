"""Light, dark and high-contrast palettes; "system" follows the desktop's colour scheme and its
contrast preference where Qt can tell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark", "high-contrast")
LABELS = {
    "system": "Follow the &System",
    "light": "&Light",
    "dark": "&Dark",
    "high-contrast": "&High Contrast",
}
_own_applied = False  # one of our palettes is set, rather than the style's


def _palette(colours: dict, disabled: str) -> QPalette:
    p = QPalette()
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


def high_contrast_palette() -> QPalette:
    """White on black, yellow links, and a selection as strong as the text (WCAG AAA: every pair
    of text and its background is at least 7:1)."""
    white, black = "#ffffff", "#000000"
    return _palette(
        {
            QPalette.ColorRole.Window: black,
            QPalette.ColorRole.WindowText: white,
            QPalette.ColorRole.Base: black,
            QPalette.ColorRole.AlternateBase: "#1a1a1a",
            QPalette.ColorRole.Text: white,
            QPalette.ColorRole.Button: black,
            QPalette.ColorRole.ButtonText: white,
            QPalette.ColorRole.BrightText: "#ffff00",
            QPalette.ColorRole.Highlight: "#00ffff",
            QPalette.ColorRole.HighlightedText: black,
            QPalette.ColorRole.Link: "#ffff00",
            QPalette.ColorRole.LinkVisited: "#ffff00",
            QPalette.ColorRole.ToolTipBase: black,
            QPalette.ColorRole.ToolTipText: white,
            QPalette.ColorRole.PlaceholderText: "#d0d0d0",
            QPalette.ColorRole.Light: white,
            QPalette.ColorRole.Midlight: "#c0c0c0",
            QPalette.ColorRole.Mid: "#c0c0c0",
            QPalette.ColorRole.Dark: white,
            QPalette.ColorRole.Shadow: white,
        },
        disabled="#a0a0a0",
    )


def dark_palette() -> QPalette:
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
    return _palette(colours, disabled="#7a7a7a")


def resolved_theme(name: str) -> str:
    if name in ("light", "dark", "high-contrast"):
        return name
    app = QGuiApplication.instance()
    if app is None:
        return "light"
    hints = app.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return "high-contrast"
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(name: str) -> str:
    """Set the application palette for the theme; returns "light", "dark" or "high-contrast"."""
    global _own_applied
    app = QGuiApplication.instance()
    actual = resolved_theme(name)
    if app is None:
        return actual
    if actual in ("dark", "high-contrast"):
        app.setPalette(dark_palette() if actual == "dark" else high_contrast_palette())
        _own_applied = True
    elif _own_applied:
        # Back to the style's own palette. Left alone otherwise: asking for the style costs
        # start-up ~15 ms of PySide set-up, and the palette is already the style's.
        app.setPalette(app.style().standardPalette())
        _own_applied = False
    _set_frames(app, actual == "high-contrast")
    return actual


# The style draws frames and the focus in shades of the window colour, which on black are black:
# in high contrast, fields and lists get a white frame, and whatever has the focus a thick cyan one.
HIGH_CONTRAST_SHEET = """
QLineEdit, QComboBox, QAbstractScrollArea { border: 1px solid #ffffff; }
QLineEdit:focus, QComboBox:focus, QAbstractScrollArea:focus { border: 3px solid #00ffff; }
QPushButton, QToolButton { border: 1px solid #ffffff; padding: 3px 8px; }
QPushButton:focus, QToolButton:focus { border: 3px solid #00ffff; }
QToolBar QToolButton { border: none; } QToolBar QToolButton:focus { border: 3px solid #00ffff; }
"""
_sheet_applied = False


def _set_frames(app, on: bool) -> None:
    global _sheet_applied
    if not isinstance(app, QApplication) or on == _sheet_applied:
        return
    app.setStyleSheet(HIGH_CONTRAST_SHEET if on else "")
    _sheet_applied = on
