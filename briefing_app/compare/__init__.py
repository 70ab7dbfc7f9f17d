"""Side-by-side comparisons carried by a pack: verified quotes, aligned rows, word differences. No Qt."""

from briefing_app.compare.loader import load_comparisons
from briefing_app.compare.model import Cell, Column, Comparison, Quote, Row

__all__ = ["Cell", "Column", "Comparison", "Quote", "Row", "load_comparisons"]
