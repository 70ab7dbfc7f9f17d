from __future__ import annotations

import pytest

from briefing_app.app import build_services
from briefing_app.gui.main_window import MainWindow


def make_window(qtbot, pack=None, restore: bool = False) -> MainWindow:
    """A window as the app makes it (its services from the composition root), on `pack`."""
    w = MainWindow(build_services())
    qtbot.addWidget(w)
    if restore:
        w.restore_settings()
    if pack is not None:
        w.set_pack(pack)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, bundled_pack):
    """The main window on the bundled pack, shown at 1280x800."""
    return make_window(qtbot, bundled_pack)
