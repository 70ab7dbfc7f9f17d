"""BM25F as Whoosh computes it, with each entry's field length read from memory.

Scoring a common word touches every entry holding it; Whoosh reads each one's field length
through its column reader, which is most of the per-entry cost. Lengths never change for an open
index, so they are read once per segment and field into a list.
"""

from __future__ import annotations

from typing import Any

from whoosh import scoring


class MemoryLengthBM25F(scoring.BM25F):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._lengths: dict[tuple[int, str], list[int]] = {}

    def lengths(self, reader: Any, fieldname: str) -> list[int]:
        key = (id(reader), fieldname)
        found = self._lengths.get(key)
        if found is None:
            found = self._lengths[key] = [
                reader.doc_field_length(n, fieldname, 1) for n in range(reader.doc_count_all())
            ]
        return found

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> scoring.BaseScorer:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.WeightLengthScorer) and hasattr(scorer, "dfl"):
            scorer.dfl = self.lengths(searcher.reader(), fieldname).__getitem__
        return scorer
