"""BriefingError and its kinds. Each carries a sentence a user can act on."""

from __future__ import annotations


class BriefingError(Exception):
    """An error the user can do something about; str() is the sentence to show."""


class PackError(BriefingError):
    """The pack as a whole could not be opened (its manifest is missing or unreadable)."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = file if line is None else f"{file}:{line}"  # path:line, as editors jump to
        super().__init__(f"{where}: {message}")


class QuerySyntaxError(BriefingError):
    """A search query cannot be run as written; str() says how to fix it."""


class IndexDamaged(BriefingError):
    """Searching the index failed on its files: it is damaged and must be rebuilt."""


class IndexUnwritable(BriefingError):
    """The search index cannot be written where it belongs (a read-only or full disk)."""


class NoDisplayError(BriefingError):
    """The GUI was asked for on a machine with no display."""
