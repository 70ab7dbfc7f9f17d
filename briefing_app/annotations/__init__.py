"""Annotations that are never lost: SQLite storage, W3C-style anchoring and re-anchoring. No Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.annotations.colours import COLOURS
from briefing_app.lazy import lazy_attributes

if TYPE_CHECKING:
    from briefing_app.annotations.anchor import Resolved, resolve, selector_for
    from briefing_app.annotations.model import Annotation
    from briefing_app.annotations.store import AnnotationStore, StoreError

__all__ = ["COLOURS", "Annotation", "AnnotationStore", "Resolved", "StoreError", "resolve", "selector_for"]

# Anchoring and storage load on first use: the window shows its first page before it needs them.
__getattr__ = lazy_attributes(
    __name__,
    {
        "Annotation": "model",
        "Resolved": "anchor",
        "resolve": "anchor",
        "selector_for": "anchor",
        "AnnotationStore": "store",
        "StoreError": "store",
    },
)
