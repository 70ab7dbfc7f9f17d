"""F6 and Shift+F6: the focus moves from pane to pane (documents, contents, text, the right-hand
panel, the search box), as in browsers and mail readers, instead of through every control."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow

Pane = tuple[QWidget, QWidget]  # (the region, the widget in it that takes the focus)


class PaneCycle(QObject):
    """`panes` gives the panes in order, each a region (a dock, a list) and the widget in it that
    takes the focus; hidden ones are passed over. The focus anywhere in a region counts as being in
    that pane."""

    moved = Signal(QWidget)  # the widget that now has the focus

    def __init__(self, parent: QObject, panes: Callable[[], list[Pane]]) -> None:
        super().__init__(parent)
        self.panes = panes

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


def window_panes(window: MainWindow) -> list[Pane]:
    """What F6 steps through in the main window, in order: the documents, the contents, the text
    (or the comparison on screen), the side panel in front, the search box."""
    workspace = window.workspace
    reading = workspace.comparison_view if workspace.comparison is not None else window.reader
    panes = [(window.documents, window.documents), (window.toc, window.toc), (window.pages, reading)]
    for dock, part in (
        (window.notes_dock, lambda panel: panel.list),
        (window.search_dock, lambda panel: panel.results),
        (window.annotations_dock, lambda panel: panel.tree),
    ):
        if dock.widget() is not None:  # the search and annotation panels are made when first shown
            panes.append((dock, part(dock.widget())))
    panes.append((window.search_field, window.search_field))
    return panes
