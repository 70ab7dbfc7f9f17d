"""Close and float buttons the dark theme can show: the style's own glyphs are dark grey, almost
invisible on a dark title bar, so the docks get a style drawing them in the palette's text colour.
Made only when the dark theme is chosen (a style class costs start-up its enums)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QDockWidget, QProxyStyle, QStyle, QWidget

GLYPH = 16


def _glyph(colour: QColor, close: bool) -> QIcon:
    pixmap = QPixmap(GLYPH, GLYPH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.6))
    if close:
        painter.drawLine(QPointF(4, 4), QPointF(12, 12))
        painter.drawLine(QPointF(12, 4), QPointF(4, 12))
    else:  # float: a window over a window
        painter.drawRect(QRectF(5.5, 3.5, 7, 6))
        painter.drawRect(QRectF(3.5, 6.5, 7, 6))
    painter.end()
    return QIcon(pixmap)


class DockButtonStyle(QProxyStyle):
    def __init__(self, colour: QColor) -> None:
        super().__init__()
        self.icons = {
            QStyle.StandardPixmap.SP_TitleBarCloseButton: _glyph(colour, close=True),
            QStyle.StandardPixmap.SP_DockWidgetCloseButton: _glyph(colour, close=True),
            QStyle.StandardPixmap.SP_TitleBarNormalButton: _glyph(colour, close=False),
        }

    def standardIcon(self, pixmap, option=None, widget=None) -> QIcon:  # noqa: N802 (Qt name)
        return self.icons.get(pixmap) or super().standardIcon(pixmap, option, widget)


_styles: list[DockButtonStyle] = []  # kept alive while the docks use them


def style_docks(window: QWidget, dark: bool) -> None:
    """Give the window's docks light glyphs in the dark theme, the style's own in the light."""
    style = None
    if dark:
        style = DockButtonStyle(QColor("#e8e8e8"))
        _styles[:] = [style]
    for dock in window.findChildren(QDockWidget):
        dock.setStyle(style)  # the dock's own buttons only: its contents keep the application's
