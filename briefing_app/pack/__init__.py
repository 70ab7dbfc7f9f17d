"""The document model and how source files become it. No Qt, no Whoosh."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.pack.model import Block, Document, Note, Pack, Problem, Span

if TYPE_CHECKING:
    from briefing_app.pack.manifest import load_pack

__all__ = ["Block", "Document", "Note", "Pack", "Problem", "Span", "load_pack"]


def __getattr__(name: str):
    # The readers and YAML load on first use: a window opening a cached pack never needs them.
    if name == "load_pack":
        from briefing_app.pack.manifest import load_pack

        return load_pack
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
