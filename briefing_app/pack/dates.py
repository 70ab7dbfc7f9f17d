"""Dates as papers print them and as PDF metadata stores them, read into real calendar dates.

One place for both the PDF reader (a paper's own date) and `pack new` (the date it writes into
pack.yaml), so the two never disagree on what counts as a date. An impossible date such as
"31 February 2024" is not a date: it is skipped, never written out as 2024-02-31.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = "january february march april may june july august september october november december".split()
_MONTH = "|".join(MONTHS)
_YEAR = r"(?P<y>(?:19|20)\d\d)"
# "12 March 2024", "12th March, 2024"; then the US order, "March 12, 2024".
_DAY_FIRST = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH}),?\s+{_YEAR}\b", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),\s+{_YEAR}\b", re.IGNORECASE)
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")


def printed_date(text: str) -> dt.date | None:
    """The first real date written in words in `text`, day first before month first."""
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for found in pattern.finditer(text):
            month = MONTHS.index(found.group("m").lower()) + 1
            try:
                return dt.date(int(found.group("y")), month, int(found.group("d")))
            except ValueError:
                continue
    return None


def pdf_date(value: str | None) -> str | None:
    """A PDF metadata date ("D:20250130...") as YYYY-MM-DD, or None when it is no real date."""
    found = _PDF_DATE.match(value or "")
    if not found:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups())).isoformat()
    except ValueError:
        return None
