"""The window works with the services it is handed (app.py builds the real ones): a test gives
its own settings file and an annotation store that cannot open."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from briefing_app.annotations import StoreError
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.services import Services
from briefing_app.gui.settings import VERSION, Settings


def test_the_window_uses_the_services_it_is_given(qtbot, tmp_path, bundled_pack):
    def broken_store():
        raise StoreError("annotations.sqlite3 could not be opened: the disk is read-only")

    ini = tmp_path / "briefing.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    default = Services.default(settings)
    window = MainWindow(Services(settings, broken_store, default.open_pack, default.index_opener))
    qtbot.addWidget(window)
    window.set_pack(bundled_pack)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)  # said once, after the first paint
    assert "read-only" in " ".join(str(p) for p in window.banner.problems)
    assert window.reader.document_model.id == "sn05993"  # reading goes on without annotations
    window.close()
    saved = QSettings(str(ini), QSettings.Format.IniFormat)
    assert int(saved.value("settings/version")) == VERSION
    assert saved.value(f"packs/{bundled_pack.id}/document") == "sn05993"  # in the file it was given


def test_old_settings_are_read_in_the_current_layout(tmp_path):
    ini = tmp_path / "old.ini"
    old = QSettings(str(ini), QSettings.Format.IniFormat)
    old.setValue("settings/version", 1)
    old.setValue("recent", '["/packs/a", "/packs/b"]')  # version 1: folders only
    old.sync()
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    assert settings.recent() == [{"folder": "/packs/a", "title": ""}, {"folder": "/packs/b", "title": ""}]
    assert int(settings.store.value("settings/version")) == VERSION
    broken = QSettings(str(tmp_path / "broken.ini"), QSettings.Format.IniFormat)
    broken.setValue("recent", "not json")
    broken.setValue("reader/zoom", "huge")
    assert Settings(broken).recent() == [] and Settings(broken).zoom() == 1.0


def test_the_real_services_let_the_window_get_pythons_lock_back_within_a_millisecond():
    # The window's thread waits up to the switch interval for Python's lock every time Qt calls into
    # Python while a worker reads PDFs: 5 ms, the default, added up to 40-70 ms stops of the window
    # (bench/pdf_pack_bench.py).
    import sys

    from briefing_app.app import build_services

    build_services()
    assert sys.getswitchinterval() <= 0.001
