"""Where a popup goes so that all of it is on screen: below its anchor, else above it, and never
past a screen edge. (Qt does this for menus and tool tips, not for a popup frame of our own.) And
what part of a scroll area is on screen, worked out without asking for its viewport widget."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea


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


def viewport_rect(area: QAbstractScrollArea) -> QRect:
    """`area.viewport().rect()`, from the area's inside less its shown scroll bars. Handing Python
    the viewport (a widget Qt made) the first time makes PySide set up every QWidget subclass
    (QWizard, QColorDialog...) to find its type: about 8 ms, which the first paint should not pay."""
    inside, margins = area.contentsRect(), area.viewportMargins()
    down, across = area.verticalScrollBar(), area.horizontalScrollBar()
    width = inside.width() - margins.left() - margins.right() - (down.width() if down.isVisible() else 0)
    height = (
        inside.height() - margins.top() - margins.bottom() - (across.height() if across.isVisible() else 0)
    )
    return QRect(0, 0, max(0, width), max(0, height))
