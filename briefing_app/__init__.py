"""Briefing: an offline desktop reader for board briefing packs."""

__version__ = "0.1.0"
