"""Escaping text for Qt's rich text and for HTML exports.

The same as `html.escape`, without importing the `html` package at start-up: it loads the table
of every named entity (about 3 ms), and escaping needs none of it.
"""

from __future__ import annotations

_QUOTING = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
_PLAIN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str, quote: bool = True) -> str:
    return text.translate(_QUOTING if quote else _PLAIN)
