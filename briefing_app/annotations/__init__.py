"""Annotations that are never lost: SQLite storage, W3C-style anchoring and re-anchoring. No Qt."""

from briefing_app.annotations.anchor import Resolved, resolve, selector_for
from briefing_app.annotations.model import COLOURS, Annotation
from briefing_app.annotations.store import AnnotationStore, StoreError

__all__ = ["COLOURS", "Annotation", "AnnotationStore", "Resolved", "StoreError", "resolve", "selector_for"]
