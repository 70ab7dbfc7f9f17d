"""Typography and colours for the reading pane, in one place."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette

READING_WIDTH = 760  # px: about 75 characters a line at the body size
BODY_PT = 12.0
SERIF = "DejaVu Serif"
HEADING_PT = {1: 20.0, 2: 16.0, 3: 14.0, 4: 13.0, 5: 12.5, 6: 12.0}


def body_font(scale: float = 1.0) -> QFont:
    font = QFont(SERIF)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(BODY_PT * scale)
    return font


def blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * t + b.red() * (1 - t)),
        round(a.green() * t + b.green() * (1 - t)),
        round(a.blue() * t + b.blue() * (1 - t)),
    )


def muted(palette: QPalette) -> QColor:
    """Secondary text (numbers, markers, imprint): the text colour pulled towards the background."""
    return blend(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.6)


def link_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Link)


def warning_colour(palette: QPalette) -> QColor:
    return (
        QColor("#b35c00") if palette.color(QPalette.ColorRole.Base).lightness() > 128 else QColor("#ffb35c")
    )
