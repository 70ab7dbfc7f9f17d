"""Annotations that are never lost: SQLite storage, W3C-style anchoring and re-anchoring. No Qt."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from briefing_app.annotations.model import COLOURS, Annotation

if TYPE_CHECKING:
    from briefing_app.annotations.anchor import Resolved, resolve, selector_for
    from briefing_app.annotations.store import AnnotationStore, StoreError

__all__ = ["COLOURS", "Annotation", "AnnotationStore", "Resolved", "StoreError", "resolve", "selector_for"]

# Anchoring and storage load on first use: the window shows its first page before it needs them.
_LAZY = {
    "Resolved": "anchor",
    "resolve": "anchor",
    "selector_for": "anchor",
    "AnnotationStore": "store",
    "StoreError": "store",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
