"""The document model and how source files become it. No Qt, no Whoosh."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.lazy import lazy_attributes
from briefing_app.pack.model import Block, Document, Note, Pack, Problem, Span

if TYPE_CHECKING:
    from briefing_app.pack.manifest import load_pack

__all__ = ["Block", "Document", "Note", "Pack", "Problem", "Span", "load_pack"]

# The readers and YAML load on first use: a window opening a cached pack never needs them.
__getattr__ = lazy_attributes(__name__, {"load_pack": "manifest"})
