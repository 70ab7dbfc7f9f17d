"""The document model and how source files become it. No Qt, no Whoosh."""

from briefing_app.pack.manifest import load_pack
from briefing_app.pack.model import Block, Document, Note, Pack, Problem, Span

__all__ = ["Block", "Document", "Note", "Pack", "Problem", "Span", "load_pack"]
