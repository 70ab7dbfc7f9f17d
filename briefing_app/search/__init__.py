"""Full-text search over the document model with a Whoosh index. No Qt.

Whoosh objects never leave this package: callers get plain dataclasses.
"""

from briefing_app.errors import QuerySyntaxError
from briefing_app.search.engine import SearchEngine
from briefing_app.search.results import DocumentHits, SearchHit, SearchResult
from briefing_app.search.store import open_engine

__all__ = ["DocumentHits", "QuerySyntaxError", "SearchEngine", "SearchHit", "SearchResult", "open_engine"]
