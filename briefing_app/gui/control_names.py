"""Names for the controls a screen reader would otherwise call only "push button", "scroll bar" or
"list": a line edit's clear button, a tool bar's overflow button, a scroll bar and a combo box's
list carry no text. The window and each panel made later call `name_controls` on themselves once
their children exist. Kept apart from the accessibility controller so that naming the first
screen's controls does not import caret browsing and QAccessible before the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QToolBar,
    QWidget,
)

from briefing_app.gui import wording


def name_controls(root: QWidget) -> None:
    """Gives every unnamed button and scroll bar under `root` an accessible name, and the controls
    wording.DESCRIPTIONS knows (by object name) their description."""
    for widget in (root, *root.findChildren(QWidget)):
        description = wording.DESCRIPTIONS.get(widget.objectName())
        if description and not widget.accessibleDescription():
            widget.setAccessibleDescription(description)
    for button in root.findChildren(QAbstractButton):
        if button.accessibleName() or button.text():
            continue
        parent = button.parentWidget()
        if isinstance(parent, QLineEdit):
            button.setAccessibleName("Clear")
            button.setAccessibleDescription(f"Clears {parent.accessibleName() or 'the field'}")
        elif isinstance(parent, QToolBar) and button not in _action_widgets(parent):
            button.setAccessibleName("More tools")
            button.setAccessibleDescription("Shows the tool bar's buttons that do not fit")
        elif button.toolTip():
            button.setAccessibleName(button.toolTip())
    for combo in root.findChildren(QComboBox):
        # Its popup list is a list of its own on the bus: named after the combo box.
        if combo.accessibleName() and not combo.view().accessibleName():
            combo.view().setAccessibleName(combo.accessibleName())
    for bar in root.findChildren(QScrollBar):
        if not bar.accessibleName():
            area = _scroll_area_of(bar)
            what = area.accessibleName() if area is not None and area.accessibleName() else "the view"
            across = "" if bar.orientation() == Qt.Orientation.Vertical else " sideways"
            bar.setAccessibleName(f"Scroll {what}{across}")


def _scroll_area_of(bar: QScrollBar) -> QAbstractScrollArea | None:
    widget = bar.parentWidget()
    while widget is not None and not isinstance(widget, QAbstractScrollArea):
        widget = widget.parentWidget()
    return widget


def _action_widgets(toolbar: QToolBar) -> list[QWidget]:
    return [w for w in (toolbar.widgetForAction(a) for a in toolbar.actions()) if w is not None]
