"""The one place that knows where bundled resources, the index and user data live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "briefing"


def install_root() -> Path:
    """The folder holding resources/ and index/: the repo checkout, or a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def bundled_pack_dir() -> Path:
    return install_root() / "resources"


def bundled_index_dir() -> Path:
    return install_root() / "index"


def data_dir() -> Path:
    """User data (annotations). BRIEFING_DATA_DIR (set by --data-dir) wins over the platform default."""
    override = os.environ.get("BRIEFING_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Rebuildable files (indexes of other packs). BRIEFING_CACHE_DIR wins over the default."""
    override = os.environ.get("BRIEFING_CACHE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
