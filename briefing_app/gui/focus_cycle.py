"""F6 and Shift+F6: the focus moves from pane to pane (documents, contents, text, the right-hand
panel, the search box), as in browsers and mail readers, instead of through every control."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

Pane = tuple[QWidget, QWidget]  # (the region, the widget in it that takes the focus)


class PaneCycle(QObject):
    """`panes` gives the panes in order, each a region (a dock, a list) and the widget in it that
    takes the focus; hidden ones are passed over. The focus anywhere in a region counts as being in
    that pane. `next_action` and `previous_action` belong in a menu (their keys work anyway)."""

    moved = Signal(QWidget)  # the widget that now has the focus

    def __init__(self, window: QWidget, panes: Callable[[], list[Pane]]) -> None:
        super().__init__(window)
        self.window = window
        self.panes = panes
        self.next_action = QAction("Next &Pane", window)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.previous_action = QAction("Pre&vious Pane", window)
        self.previous_action.setShortcut(QKeySequence("Shift+F6"))
        for action in (self.next_action, self.previous_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.next_action.triggered.connect(lambda: self.step(True))
        self.previous_action.triggered.connect(lambda: self.step(False))

    def current(self) -> int | None:
        """Which of the shown panes holds the focus (itself or inside it), if any."""
        focus = QApplication.focusWidget()
        for i, (region, _) in enumerate(self._shown()):
            if focus is not None and (focus is region or region.isAncestorOf(focus)):
                return i
        return None

    def step(self, forward: bool = True) -> QWidget | None:
        panes = self._shown()
        if not panes:
            return None
        i = self.current()
        if i is None:
            _, target = panes[0] if forward else panes[-1]
        else:
            _, target = panes[(i + (1 if forward else -1)) % len(panes)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.moved.emit(target)
        return target

    def _shown(self) -> list[Pane]:
        return [
            (region, target)
            for region, target in self.panes()
            if target.isVisible() and target.isEnabled() and target.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
