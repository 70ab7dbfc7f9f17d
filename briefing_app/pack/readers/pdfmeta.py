"""A PDF paper's title, date and publisher: from its first page, else from the file's metadata.

Metadata is often a template's leftovers ("Executive Decision", "PowerPoint Presentation", a user
name as author), so the first page speaks first: a cover table's "Subject:" row, else the first
run of lines set clearly larger than the page's body text. The date is the first full date
printed on the first page, else the file's creation date. The publisher is a line on the first
page that names a body ("Kent County Council", "Department of Transportation").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.pack.dates import pdf_date, printed_date
from briefing_app.pack.readers.pdfchars import Fragment, PdfPageText

_BODY = (
    r"(?:Council|Agency|Administration|Authority|Ministry|Commission|Department|Municipalité|Municipality)"
)
_PUBLISHER = re.compile(
    rf"^((?!the\s)(?:[A-Z][\w&'’.-]*\s+){{1,4}}{_BODY}|(?:Department|Ministry|Office)\s+(?:of|for)\s+(?:the\s+)?"
    rf"[A-Z][\w&'’-]*(?:\s+(?:and\s+)?[A-Z][\w&'’-]*){{0,4}}|Ville\s+de\s+[A-Z][\w'’-]*)(?:\s*[–—-]|$)",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^(subject|title)\s*:\s*", re.IGNORECASE)
_TEMPLATE_TITLES = {
    "executive decision",
    "powerpoint presentation",
    "the report",
    "draft",
    "untitled",
    "report",
}


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
    first = sorted(pages[0].fragments, key=lambda f: (f.top, f.x0)) if pages else []
    return PdfDetails(_title(info, first), _date(info, first), _publisher(first), len(pages))


def _title(info: dict, first: list[Fragment]) -> str | None:
    subject = _subject(first)
    if subject:
        return subject
    if first:
        body = sorted(f.size for f in first)[len(first) // 2]
        top = max(f.size for f in first)
        if top >= 1.25 * body:
            run: list[Fragment] = []
            for f in first:
                if f.size >= 0.95 * top and (not run or f.top - run[-1].bottom <= top):
                    run.append(f)
                elif run:
                    break
            title = " ".join(f.text for f in run).strip()
            if 3 <= len(title) <= 200 and title.lower() not in _TEMPLATE_TITLES:
                return title
    meta_title = re.sub(r"^\(Public Pack\)\s*", "", (info.get("Title") or "").strip())
    return meta_title if meta_title and meta_title.lower() not in _TEMPLATE_TITLES else None


def _subject(first: list[Fragment]) -> str | None:
    """A cover table's "Subject:" value, which may wrap onto the lines below it."""
    for i, f in enumerate(first):
        if _SUBJECT.match(f.text):
            rest = _SUBJECT.sub("", f.text).strip()
            parts = [rest] if rest else []
            label_x1 = f.x1
            for g in first[i + 1 :]:
                if g.x0 > label_x1 and g.top - f.bottom < 6 * f.size and not g.text.endswith(":"):
                    parts.append(g.text)
                    f = g
                else:
                    break
            return " ".join(parts).strip() or None
    return None


def _date(info: dict, first: list[Fragment]) -> str | None:
    printed = printed_date(" ".join(f.text for f in first))
    return printed.isoformat() if printed else pdf_date(info.get("CreationDate"))


def _publisher(first: list[Fragment]) -> str | None:
    for f in first:
        if len(f.text) <= 80 and (m := _PUBLISHER.match(f.text.strip())):
            name = m.group(1).strip()
            if name.isupper():  # "KENT COUNTY COUNCIL" as a reader would write it
                name = re.sub(r"\b(Of|For|And|The)\b", lambda w: w.group(1).lower(), name.title())
            return name
    return None
