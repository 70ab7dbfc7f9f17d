"""Side-by-side comparisons carried by a pack: verified quotes, aligned rows, word differences. No Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.compare.model import Cell, Column, Comparison, Quote, Row
from briefing_app.lazy import lazy_attributes

if TYPE_CHECKING:
    from briefing_app.compare.loader import load_comparisons

__all__ = ["Cell", "Column", "Comparison", "Quote", "Row", "load_comparisons"]

# YAML and quote checking load on first use: a window opening a cached pack never needs them.
__getattr__ = lazy_attributes(__name__, {"load_comparisons": "loader"})
