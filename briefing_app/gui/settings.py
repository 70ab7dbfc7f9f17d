"""Every settings key, in one place, with the version of their layout.

The window's state lives in QSettings (the platform's place for it); what a key holds and how an
old layout is read is decided only here. Per-pack values are stored as JSON text, which reads back
the same on every platform's backend.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

from briefing_app.gui.themes import THEMES

VERSION = 2  # 1: the first layout; 2: bookmarks carry a user's own label, last folder remembered
RECENT_LIMIT = 8

KEY_VERSION = "settings/version"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLITTER = "window/splitter"
KEY_ZOOM = "reader/zoom"
KEY_THEME = "reader/theme"
KEY_CARET = "reader/caret-browsing"  # "on" or "off" once chosen with F7; absent: decided at start
KEY_RECENT = "recent"  # JSON list of {"folder", "title"} (version 1: a list of folder paths)
KEY_LAST_FOLDER = "dialogs/last-folder"


def _pack_key(pack_id: str, what: str) -> str:
    return f"packs/{pack_id}/{what}"


class Settings:
    """Typed access to the app's QSettings; bad or old values read as their defaults."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()
        self._migrate()

    def _migrate(self) -> None:
        version = self._int(KEY_VERSION, VERSION if not self.store.allKeys() else 1)
        if version < 2:
            folders = self._json(KEY_RECENT, [])
            if isinstance(folders, list):
                recent = [{"folder": f, "title": ""} for f in folders if isinstance(f, str)]
                self.store.setValue(KEY_RECENT, json.dumps(recent))
        self.store.setValue(KEY_VERSION, VERSION)

    # -- plain values ---------------------------------------------------------------------------
    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.store.value(key, default))
        except (TypeError, ValueError):
            return default

    def _json(self, key: str, default):
        value = self.store.value(key, None)
        if not isinstance(value, str):
            return default
        try:
            return json.loads(value)
        except ValueError:
            return default

    def _set_json(self, key: str, value) -> None:
        self.store.setValue(key, json.dumps(value))

    def window_bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray | bytes) else None

    def set_window_bytes(self, key: str, value: QByteArray) -> None:
        self.store.setValue(key, value)

    def zoom(self) -> float:
        try:
            return float(self.store.value(KEY_ZOOM, 1.0))
        except (TypeError, ValueError):
            return 1.0

    def set_zoom(self, zoom: float) -> None:
        self.store.setValue(KEY_ZOOM, zoom)

    def theme(self) -> str:
        value = self.store.value(KEY_THEME, "system")
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.store.setValue(KEY_THEME, theme)

    def caret_browsing(self) -> bool | None:
        """The reader's own choice of caret browsing, or None when never made."""
        value = self.store.value(KEY_CARET)
        return {"on": True, "off": False}.get(value) if isinstance(value, str) else None

    def set_caret_browsing(self, on: bool) -> None:
        self.store.setValue(KEY_CARET, "on" if on else "off")

    def last_folder(self) -> str:
        value = self.store.value(KEY_LAST_FOLDER, "")
        return value if isinstance(value, str) else ""

    def set_last_folder(self, folder: str) -> None:
        self.store.setValue(KEY_LAST_FOLDER, folder)

    # -- recent packs ---------------------------------------------------------------------------
    def recent(self) -> list[dict]:
        value = self._json(KEY_RECENT, [])
        return [r for r in value if isinstance(r, dict) and "folder" in r] if isinstance(value, list) else []

    def remember_recent(self, folder: str, title: str) -> list[dict]:
        recent = [r for r in self.recent() if r["folder"] != folder]
        recent.insert(0, {"folder": folder, "title": title})
        del recent[RECENT_LIMIT:]
        self._set_json(KEY_RECENT, recent)
        return recent

    # -- per pack -------------------------------------------------------------------------------
    def bookmarks(self, pack_id: str) -> list[dict]:
        value = self._json(_pack_key(pack_id, "bookmarks"), [])
        return (
            [m for m in value if isinstance(m, dict) and {"doc", "block", "label"} <= m.keys()]
            if isinstance(value, list)
            else []
        )

    def set_bookmarks(self, pack_id: str, marks: list[dict]) -> None:
        self._set_json(_pack_key(pack_id, "bookmarks"), marks)

    def positions(self, pack_id: str) -> dict[str, str]:
        value = self._json(_pack_key(pack_id, "positions"), {})
        return {k: v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}

    def set_positions(self, pack_id: str, positions: dict[str, str]) -> None:
        self._set_json(_pack_key(pack_id, "positions"), positions)

    def last_document(self, pack_id: str) -> str:
        value = self.store.value(_pack_key(pack_id, "document"), "")
        return value if isinstance(value, str) else ""

    def set_last_document(self, pack_id: str, doc_id: str) -> None:
        self.store.setValue(_pack_key(pack_id, "document"), doc_id)

    def sync(self) -> None:
        self.store.sync()
