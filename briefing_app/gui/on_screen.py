"""Where a popup goes so that all of it is on screen: below its anchor, else above it, and never
past a screen edge. (Qt does this for menus and tool tips, not for a popup frame of our own.)"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication


def popup_position(size: QSize, anchor: QRect, screen_area: QRect | None = None) -> QPoint:
    """The top-left corner for a popup of `size` beside `anchor` (global coordinates): under it when
    it fits, otherwise over it; moved left and up as needed to stay inside `screen_area` (by
    default the available area of the screen the anchor is on)."""
    if screen_area is None:
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        screen_area = screen.availableGeometry() if screen is not None else QRect(anchor.topLeft(), size)
    x, y = anchor.left(), anchor.bottom() + 1
    if y + size.height() > screen_area.bottom() + 1:
        above = anchor.top() - size.height()
        y = above if above >= screen_area.top() else screen_area.bottom() + 1 - size.height()
    x = min(x, screen_area.right() + 1 - size.width())
    return QPoint(max(x, screen_area.left()), max(y, screen_area.top()))
