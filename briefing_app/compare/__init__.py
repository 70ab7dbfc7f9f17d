"""Side-by-side comparisons carried by a pack: verified quotes, aligned rows, word differences. No Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.compare.model import Cell, Column, Comparison, Quote, Row

if TYPE_CHECKING:
    from briefing_app.compare.loader import load_comparisons

__all__ = ["Cell", "Column", "Comparison", "Quote", "Row", "load_comparisons"]


def __getattr__(name: str):
    # YAML and quote checking load on first use: a window opening a cached pack never needs them.
    if name == "load_comparisons":
        from briefing_app.compare.loader import load_comparisons

        return load_comparisons
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
