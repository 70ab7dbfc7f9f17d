"""A PDF paper's title, date and publisher: from the file's metadata, else from its first page.

Metadata is often a template's leftovers ("Executive Decision", a user name as author), so the
first page's largest text wins for the title when it is clearly a title, and the date is the first
full date printed on the first page before the file's creation date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.pack.readers.pdfchars import PdfPageText

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NO = {m.lower(): i for i, m in enumerate(_MONTHS.split("|"), start=1)}
_PRINTED_DATE = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTHS})\s+(?P<y>(?:19|20)\d\d)\b")
_US_DATE = re.compile(rf"\b(?P<m>{_MONTHS})\s+(?P<d>\d{{1,2}}),\s+(?P<y>(?:19|20)\d\d)\b")
_PDF_DATE = re.compile(r"^D:(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_ORGANISATION = re.compile(
    r"\b(Council|Department|Agency|Administration|Authority|Ministry|Commission|Office|Municipalit[éy]|"
    r"Ville de|City of|Government)\b"
)


@dataclass(frozen=True)
class PdfDetails:
    title: str | None
    date: str | None  # YYYY-MM-DD
    publisher: str | None
    pages: int


def details(pdf, pages: list[PdfPageText]) -> PdfDetails:
    try:
        info = pdf.get_metadata_dict()
    except Exception:  # a damaged info dictionary is no reason to refuse the paper
        info = {}
    first = pages[0].fragments if pages else []
    return PdfDetails(_title(info, first), _date(info, first), _publisher(info, first), len(pages))


def _title(info: dict, first) -> str | None:
    if first:
        sizes = sorted((f.size for f in first), reverse=True)
        body = sorted(f.size for f in first)[len(first) // 2]
        top = sizes[0]
        if top >= 1.25 * body:
            parts = [f.text for f in sorted(first, key=lambda f: (f.top, f.x0)) if f.size >= 0.95 * top]
            title = " ".join(parts).strip()
            if 3 <= len(title) <= 200:
                return title
    meta_title = (info.get("Title") or "").strip()
    return meta_title or None


def _date(info: dict, first) -> str | None:
    text = " ".join(f.text for f in sorted(first, key=lambda f: (f.top, f.x0)))
    for pattern in (_PRINTED_DATE, _US_DATE):
        if m := pattern.search(text):
            return f"{m.group('y')}-{_MONTH_NO[m.group('m').lower()]:02d}-{int(m.group('d')):02d}"
    if m := _PDF_DATE.match(info.get("CreationDate") or ""):
        return f"{m.group('y')}-{m.group('m')}-{m.group('d')}"
    return None


def _publisher(info: dict, first) -> str | None:
    for f in sorted(first, key=lambda f: (f.top, f.x0)):
        words = [w for w in f.text.split() if len(w) >= 4]
        capitalised = sum(1 for w in words if w[:1].isupper())
        if _ORGANISATION.search(f.text) and len(f.text) <= 60 and words and capitalised >= 0.7 * len(words):
            return f.text.strip()
    return None
