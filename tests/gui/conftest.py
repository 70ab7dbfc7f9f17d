from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

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
    # As a person meets it: painted, and what waits for the first paint (keyboard use) done.
    qtbot.waitUntil(lambda: w.painted)
    QApplication.processEvents()
    return w


_SHOWN: list = []  # every widget a test handed to qtbot, kept until qtbot has closed it


@pytest.fixture(autouse=True)
def _widgets_outlive_their_test(qtbot, monkeypatch):
    """A widget made in Python and still on screen must not be freed by Python's reference count
    (when a test's last reference to it goes): PySide then calls into the half-freed wrapper as
    the widget hides itself, and the process crashes, now and then. Widgets are kept here until
    the next test starts, by when qtbot has closed them."""
    _SHOWN.clear()
    add = qtbot.addWidget

    def keep(widget, **kwargs):
        _SHOWN.append(widget)
        return add(widget, **kwargs)

    monkeypatch.setattr(qtbot, "addWidget", keep)
    yield


@pytest.fixture(autouse=True, scope="session")
def _drop_widgets_at_the_end():
    yield
    _SHOWN.clear()  # after the last test's qtbot has closed its widgets, before Qt shuts down


@pytest.fixture
def window(qtbot, bundled_pack):
    """The main window on the bundled pack, shown at 1280x800."""
    return make_window(qtbot, bundled_pack)
