"""Open a pack for the window: a Pack, or the sentence saying why it could not be opened."""

from __future__ import annotations

from pathlib import Path

from briefing_app.errors import PackError
from briefing_app.pack import Pack, load_pack


def open_pack(pack_dir: Path) -> tuple[Pack | None, str | None]:
    try:
        return load_pack(pack_dir), None
    except PackError as exc:
        return None, str(exc)
