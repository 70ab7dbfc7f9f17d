"""Parse note text into typed UK parliamentary citations. Never invents what is not there.

Recognised: Hansard (HC/HL Deb, date, columns with W/WA/WS/WH/GC suffixes, "c306-8" meaning
306 to 308), command papers (C., Cd., Cmd., Cmnd., Cm, CP and a number, optional pages), House
papers ("HC 65 2009-10"), Commons Library notes ("SN/HA/5852", "SN05993"), web addresses, ibid
(with its own pin cite) and, failing all of these, the whole note as a plain reference.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MONTHS = {
    m: i
    for i, m in enumerate(
        "January February March April May June July August September October November December".split(),
        start=1,
    )
}
_MONTH = "|".join(MONTHS)
SECTIONS = {
    "": "debate",
    "W": "written answer",
    "WA": "written answer",
    "WS": "written statement",
    "WH": "Westminster Hall",
    "GC": "Grand Committee",
}
_COLUMNS = (
    r"(?P<cols>c{1,2}\.?|cols?\.?)\s*(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?"
    r"\s*(?P<section>WS|WA|WH|GC|W)?\b"
)
_HANSARD = re.compile(
    rf"\b(?P<house>HC|HL)\s+Deb\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})"
    rf"(?:\s*,?\s*(?:vol\s*\d+\s*,\s*)?{_COLUMNS})?"  # "c123W" with or without a comma before it
)
_PIN = re.compile(rf"^\W*ibid\.?\W*(?:{_COLUMNS})?", re.IGNORECASE)
_COMMAND = re.compile(
    r"(?<![\w/])(?P<series>Cmnd|Cmd|Cd|Cm|CP|C)(?(1)\.?|)\s*(?P<number>\d{1,5})\b"
    r"(?:\s*,\s*(?P<pp>pp?)\.?\s*(?P<pfirst>\d+)(?:\s*[-–]\s*(?P<plast>\d+))?)?"
    # "Cm 8092, June 2011, para 5.3": a publication date may stand between the paper and its pin.
    rf"(?:(?:\s*,\s*(?:(?:\d{{1,2}}\s+)?(?:{_MONTH})\s+)?\d{{4}})?"
    r"\s*,?\s*(?P<para>paras?\.?\s*\d+(?:\.\d+)*(?:\s*(?:[-–]|and|&)\s*\d+(?:\.\d+)*)?))?"
)
_PARA = r"(?:\s*,?\s*(?P<para>paras?\.?\s*\d+(?:\.\d+)*(?:\s*(?:[-–]|and|&)\s*\d+(?:\.\d+)*)?))?"
_HOUSE_PAPER = re.compile(
    r"\b(?P<house>HC|HL)\s+(?:Paper\s+)?(?P<number>\d{1,4})(?:\s*\(?(?P<session>\d{4}[-–]\d{2})\)?)?(?!\s*Deb)\b"
    + _PARA
)
_SESSION_BEFORE = re.compile(r"(?P<session>\d{4}[-–]\d{2})\s*,\s*$")
_LIBRARY = re.compile(r"\bSN(?:/(?P<section>[A-Z]{2,4})/|\s?)(?P<number>\d{4,5})\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>)\]]+")


# Records here are NamedTuples and a plain class, not dataclasses: the notes panel parses citations
# before the window's first paint, and each dataclass costs start-up about a millisecond to build.


class Citation(NamedTuple):
    type: str  # hansard | command_paper | house_paper | library_note | url | ibid | other
    raw: str
    confidence: float
    fields: dict  # what was read from it: house, date, columns, series, number, url...

    def to_dict(self) -> dict:
        return {"type": self.type, "raw": self.raw, "confidence": self.confidence, **self.fields}


def parse_citations(text: str | None) -> list[Citation]:
    if not text or not text.strip():
        return []
    text = " ".join(text.split())
    if (m := _PIN.match(text)) and "ibid" in m.group(0).lower():
        fields: dict = {}
        if m.group("first"):
            fields.update(_columns(m))
        return [Citation("ibid", text.strip(), 1.0, fields)]
    found: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in _HANSARD.finditer(text):
        fields = {
            "house": "commons" if m.group("house") == "HC" else "lords",
            "date": _date(m.group("day"), m.group("month"), m.group("year")),
        }
        if m.group("first"):
            fields.update(_columns(m))
        confidence = 1.0 if m.group("first") and fields["date"] else 0.7
        found.append((m.start(), Citation("hansard", m.group(0), confidence, fields)))
        taken.append(m.span())
    for m in _URL.finditer(text):
        if free(*m.span()):
            url = m.group(0).rstrip(".,;")
            found.append((m.start(), Citation("url", url, 1.0, {"url": url})))
            taken.append(m.span())
    for m in _LIBRARY.finditer(text):
        if free(*m.span()):
            found.append((m.start(), Citation("library_note", m.group(0), 1.0, {"id": m.group(0)})))
            taken.append(m.span())
    for m in _COMMAND.finditer(text):
        if not free(*m.span()) or (m.group("series") == "C" and "." not in m.group(0)):
            continue  # a bare "C 12" is too likely to be something else
        fields = {"series": m.group("series"), "number": int(m.group("number")), "pages": None}
        if m.group("pfirst"):
            first = int(m.group("pfirst"))
            fields["pages"] = [first, _expand(first, m.group("plast"))]
        fields.update(_paragraphs(m))
        found.append((m.start(), Citation("command_paper", m.group(0), 1.0, fields)))
        taken.append(m.span())
    for m in _HOUSE_PAPER.finditer(text):
        if not free(*m.span()):
            continue
        session = m.group("session")
        if session is None and (before := _SESSION_BEFORE.search(text[: m.start()])):
            session = before.group("session")  # "4th Special Report 2010-12, HC 1951"
        fields = {
            "house": "commons" if m.group("house") == "HC" else "lords",
            "number": int(m.group("number")),
            "session": session.replace("–", "-") if session else None,
            **_paragraphs(m),
        }
        found.append((m.start(), Citation("house_paper", m.group(0), 1.0 if session else 0.8, fields)))
        taken.append(m.span())
    if not found:
        return [Citation("other", text.strip(), 0.5, {})]
    return [c for _, c in sorted(found, key=lambda sc: sc[0])]


def _paragraphs(m: re.Match) -> dict:
    """A "para 7.2" or "paras 12-14" pin cite after a paper: the paragraphs, as printed."""
    if not m.group("para"):
        return {}
    return {"paragraphs": re.sub(r"^paras?\.?\s*", "", m.group("para")).replace("–", "-")}


def _paras_words(f: dict) -> str:
    paras = f.get("paragraphs")
    if not paras:
        return ""
    return f", paragraphs {paras}" if re.search(r"[-&]|and", paras) else f", paragraph {paras}"


def _columns(m: re.Match) -> dict:
    first = int(m.group("first"))
    return {
        "first_column": first,
        "last_column": _expand(first, m.group("last")),
        "section": SECTIONS[m.group("section") or ""],
    }


def _expand(first: int, last: str | None) -> int:
    """'306-8' means 306 to 308: a shortened second number borrows the first one's leading digits."""
    if not last:
        return first
    head = str(first)
    if len(last) < len(head):
        return int(head[: len(head) - len(last)] + last)
    return int(last)


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _date(day: str, month: str, year: str) -> str | None:
    """The ISO date, or None for a day the month does not have ("31 April", "29 February 2011").
    Checked here rather than with datetime, whose import costs 4 ms of the first document's
    notes, which are shown before the window's first paint."""
    d, m, y = int(day), MONTHS[month], int(year)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    if not 1 <= d <= _DAYS_IN_MONTH[m - 1] or (m == 2 and d == 29 and not leap):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


# --- in words, for the sidebar; and a tidy reference for "Copy citation" ----------------------


def describe(c: Citation, repeated: Citation | None = None) -> str:
    f = c.fields
    if c.type == "hansard":
        house = "House of Commons" if f["house"] == "commons" else "House of Lords"
        parts = [house]
        if f.get("section"):
            parts.append(f["section"])
        if f.get("date"):
            parts.append(_long_date(f["date"]))
        parts.append(_cols(f))
        return ", ".join(p for p in parts if p)
    if c.type == "command_paper":
        pages = f.get("pages")
        where = (
            f", pages {pages[0]}-{pages[1]}"
            if pages and pages[0] != pages[1]
            else (f", page {pages[0]}" if pages else "")
        )
        return f"Command paper {f['series']} {f['number']}{where}{_paras_words(f)}"
    if c.type == "house_paper":
        house = "House of Commons" if f["house"] == "commons" else "House of Lords"
        session = f", session {f['session']}" if f.get("session") else ""
        return f"{house} paper {f['number']}{session}{_paras_words(f)}"
    if c.type == "library_note":
        return f"House of Commons Library note {f['id']}"
    if c.type == "url":
        return f"Web page: {f['url']}"
    if c.type == "ibid":
        base = f"Repeats: {describe(repeated)}" if repeated is not None else "Repeats the source before it"
        pin = _cols(f) if f.get("first_column") else ""
        return f"{base}{', at ' + pin if pin else ''}"
    return c.raw


def tidy(c: Citation, repeated: Citation | None = None) -> str:
    f = c.fields
    if c.type == "hansard":
        house = "HC" if f["house"] == "commons" else "HL"
        date = _long_date(f["date"]) if f.get("date") else ""
        cols = ""
        if f.get("first_column"):
            span = (
                f["first_column"]
                if f["first_column"] == f["last_column"]
                else f"{f['first_column']}–{f['last_column']}"
            )
            prefix = "c" if f["first_column"] == f["last_column"] else "cc"
            suffix = {v: k for k, v in SECTIONS.items() if k not in ("WA",)}.get(f.get("section"), "")
            if f["house"] == "lords" and f.get("section") == "written answer":
                suffix = "WA"
            cols = f", {prefix}{span}{suffix}"
        return f"{house} Deb {date}{cols}"
    if c.type == "command_paper":
        pages = f.get("pages")
        where = (
            ""
            if not pages
            else (f", p {pages[0]}" if pages[0] == pages[1] else f", pp {pages[0]}–{pages[1]}")
        )
        return f"{f['series']} {f['number']}{where}{_paras_tidy(f)}"
    if c.type == "house_paper":
        return (
            f"{'HC' if f['house'] == 'commons' else 'HL'} {f['number']}"
            + (f" {f['session']}" if f.get("session") else "")
            + _paras_tidy(f)
        )
    if c.type == "ibid" and repeated is not None:
        base = tidy(repeated)
        if f.get("first_column") and repeated.type == "hansard":
            pinned = Citation("hansard", "", 1.0, {**repeated.fields, **f})
            base = tidy(pinned)
        return base
    return c.raw


def _paras_tidy(f: dict) -> str:
    paras = f.get("paragraphs")
    if not paras:
        return ""
    return f", paras {paras}" if re.search(r"[-&]|and", paras) else f", para {paras}"


def _cols(f: dict) -> str:
    first, last = f.get("first_column"), f.get("last_column")
    if not first:
        return ""
    return f"col {first}" if first == last else f"cols {first}-{last}"


def _long_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {list(MONTHS)[m - 1]} {y}"


# --- every cited work of a pack, grouped, with who cites it ---------------------------------


class CitingNote(NamedTuple):
    doc: str
    note: str  # note key
    label: str
    citation: Citation


class Source:
    """A cited work and the notes that cite it."""

    def __init__(self, type: str, key: tuple, title: str) -> None:  # noqa: A002 (the citation's type)
        self.type = type
        self.key = key
        self.title = title
        self.cited_by: list[CitingNote] = []


def source_key(c: Citation) -> tuple:
    f = c.fields
    if c.type == "hansard":
        return ("hansard", f["house"], f.get("date") or "")
    if c.type == "command_paper":
        return ("command_paper", f["series"], f["number"])
    if c.type == "house_paper":
        return ("house_paper", f["house"], f["number"], f.get("session") or "")
    if c.type == "library_note":
        return ("library_note", re.sub(r"\W", "", f["id"]).upper())
    if c.type == "url":
        return ("url", f["url"].lower())
    # Curly and straight quotes, stray spaces and a final full stop do not make another work.
    plain = re.sub(r"\s+", " ", c.raw.replace("’", "'").replace("‘", "'")).strip(" .").lower()
    return ("other", plain)


def source_title(c: Citation) -> str:
    f = c.fields
    if c.type == "hansard":
        house = "HC" if f["house"] == "commons" else "HL"
        return f"{house} Deb {_long_date(f['date'])}" if f.get("date") else c.raw
    if c.type in ("command_paper", "house_paper"):
        return tidy(Citation(c.type, c.raw, 1.0, {**f, "pages": None, "paragraphs": None}))
    return c.raw


SOURCE_ORDER = ("hansard", "command_paper", "house_paper", "library_note", "url", "other")


def pack_sources(pack) -> list[Source]:
    """Every cited work, debates by date first, then papers, notes, links and the rest."""
    sources: dict[tuple, Source] = {}
    for doc in pack.documents:
        citations = {n.key: parse_citations(n.text) for n in doc.notes}
        for note in doc.notes:
            for c in citations[note.key]:
                if c.type == "ibid":
                    repeated = citations.get(note.ibid_of or "", [])
                    if not repeated:
                        continue
                    c = repeated[0]
                key = source_key(c)
                src = sources.setdefault(key, Source(c.type, key, source_title(c)))
                src.cited_by.append(CitingNote(doc.id, note.key, note.label, c))
    return sorted(sources.values(), key=lambda s: (SOURCE_ORDER.index(s.type), s.key))
