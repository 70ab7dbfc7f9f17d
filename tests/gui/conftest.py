from __future__ import annotations

import pytest

from briefing_app.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, bundled_pack):
    """The main window on the bundled pack, shown at 1280x800."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.set_pack(bundled_pack)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w
