"""Side panels in docks that share one place as tabs: showing one brings it to the front."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow


def make(window: QMainWindow, title: str, name: str, width: int) -> QDockWidget:
    """An empty dock for one of the window's side panels."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setMinimumWidth(width)
    return dock


def showing(dock: QDockWidget) -> bool:
    """True when the dock is on screen: open, and not a tab behind another."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def bring_forward(dock: QDockWidget) -> None:
    if showing(dock):  # asked at every key typed in search: raising a dock in front costs a repaint
        return
    dock.show()
    dock.raise_()


def toggle(dock: QDockWidget) -> None:
    """The panel's shortcut: a panel behind another tab comes forward; one in front is closed."""
    if showing(dock):
        dock.hide()
    else:
        bring_forward(dock)
