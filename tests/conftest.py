"""Test set-up shared by every test. Qt must be told to render offscreen before it loads."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from briefing_app.pack import Pack, load_pack  # noqa: E402
from briefing_app.paths import bundled_pack_dir  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's data, cache or settings."""
    home = tmp_path / "home"
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache-xdg"))
    # Qt works out its settings folder once per process: point it at this test's folder.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "settings"))


@pytest.fixture(scope="session")
def bundled_pack() -> Pack:
    pack = load_pack(bundled_pack_dir())
    assert not pack.problems, pack.problems
    return pack


@pytest.fixture(autouse=True)
def _empty_clipboard():
    """Leave the clipboard empty after each test: rich text left on Qt's clipboard when the
    application is torn down at the end of the run crashes the interpreter on its way out (exit 139
    after every test passed)."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
