"""What a reader produces before inline parsing: draft blocks and page breaks, in reading order."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Draft:
    kind: str
    raw: str
    line: int
    level: int | None = None
    number: str | None = None
    marker: str | None = None
    rows: list[list[str]] | None = None
    role: str | None = None
    start_page: int | None = None  # the source says this block begins page N (contents list)
    line_starts: list[tuple[int, int]] = field(default_factory=list)  # (raw offset, source line)
    hyphens: list[int] = field(default_factory=list)  # raw offsets of hyphens that ended a line

    def append(self, raw: str, line: int, sep: str = " ") -> None:
        """Continue this block with more source text (a wrapped line, or the rest of a cut paragraph)."""
        parts = self.__dict__["_parts"]
        size = self.__dict__["_size"]
        if not size:
            self.raw = raw
            self.line_starts.append((0, line))
            return
        last = parts[-1]
        if last.endswith("-") and sep == " " and raw[:1].isalpha():
            # Split at a hyphen: hyphens.repair decides, with the whole document, whether it is
            # a compound ("ex-" / "servicemen") or a word broken in two ("commu-" / "nity").
            sep = ""
            if self.tail(2)[:1].isalpha():
                self.hyphens.append(size - 1)
        # Pieces joined when the whole text is asked for: appending line by line stays linear.
        parts.append(f"{sep}{raw}")
        self.__dict__["_size"] = size + len(sep) + len(raw)
        self.line_starts.append((size + len(sep), line))

    def tail(self, n: int = 160) -> str:
        """The last n characters or so of the text, without joining the whole of it."""
        parts = self.__dict__["_parts"]
        taken, total = [], 0
        for piece in reversed(parts):
            taken.append(piece)
            total += len(piece)
            if total >= n:
                break
        return "".join(reversed(taken))[-n:]

    def last_line(self, n: int = 400) -> str:
        """The text after the last newline, when that is at most n characters long (a field of
        contact details, say); a longer last line comes back empty, as no such short line."""
        t = self.tail(n)
        if "\n" in t:
            return t[t.rfind("\n") + 1 :]
        return t if self.__dict__["_size"] <= n else ""

    def line_at(self, raw_offset: int) -> int:
        at = bisect_right(self.line_starts, raw_offset, key=lambda s: s[0])
        return self.line_starts[at - 1][1] if at else self.line


def _get_raw(self: Draft) -> str:
    parts = self.__dict__["_parts"]
    if len(parts) > 1:
        parts[:] = ["".join(parts)]
    return parts[0]


def _set_raw(self: Draft, value: str) -> None:
    self.__dict__["_parts"] = [value]
    self.__dict__["_size"] = len(value)


# A property set after the dataclass is made, so the generated __init__ and every `d.raw = ...`
# go through it: the text is kept as pieces until it is read whole.
Draft.raw = property(_get_raw, _set_raw)  # type: ignore[assignment]


@dataclass
class PageBreak:
    """A page ends here. `page` is the printed number of the page that ends, when the source shows it."""

    page: int | None
    line: int


@dataclass
class NoteDef:
    label: str
    raw: str
    line: int
    kind: str = "footnote"  # "endnote" when it stands in an end-note section


# Sentence end, allowing closing quotes/brackets/markup and a note marker glued after it.
TERMINAL = re.compile(r"[.!?:;]['\"’”)\]*_]*\d{0,2}$")
_TRAILING_MARKERS = re.compile(r"(\s|<sup>[^<]*</sup>)+$")
_LOWER_START = re.compile(r"^[\W_]*[a-z]")
_UPPER_START = re.compile(r"^[\W_]*[A-Z0-9]")


def ends_sentence(raw: str) -> bool:
    # Only the end of the text matters: looking at its last characters keeps a long paragraph
    # read line by line from costing the square of its length.
    return bool(TERMINAL.search(_TRAILING_MARKERS.sub("", raw[-300:])))


def starts_lower(raw: str) -> bool:
    return bool(_LOWER_START.match(raw.strip()))


def starts_upper(raw: str) -> bool:
    return bool(_UPPER_START.match(raw.strip()))


def continues(prev: str, nxt: str) -> bool:
    """Is `nxt` the rest of the sentence `prev` left unfinished (cut by a page or a blank line)?"""
    return not ends_sentence(prev) and starts_lower(nxt)


# "4.3 text", "2.1 text", "10. text", "1.1 text": a printed paragraph number and the rest.
_NUMBERED = re.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2})+|\d{1,2}\.)\s+(?P<rest>\S.*)$")


# "(a) text", "b) text", "(iii) text": a lettered or roman sub-item of the paragraph above it.
_SUBITEM = re.compile(r"^\s*(?P<marker>\((?:[a-z]|[ivx]{1,5})\)|(?:[a-z]|[ivx]{1,5})\))\s+(?P<rest>\S.*)$")


def split_subitem(line: str) -> tuple[str, str] | None:
    m = _SUBITEM.match(line)
    if not m:
        return None
    marker = m.group("marker")
    return (marker if marker.startswith("(") else f"({marker}"), m.group("rest")


def own_numbers(drafts: list) -> None:
    """Keep a paragraph number only where it numbers the document's own paragraphs: it runs on
    from, or into, another numbered paragraph (4.1 beside 4.2, 9 beside 10), or it sits where the
    headings are not numbered or under a heading of its own section (1.1 under "1 Introduction").
    A lone "7.2" under section 2.3 is the number of a paragraph quoted from another paper: it
    goes back into the text, as printed."""
    numbered = [d for d in drafts if isinstance(d, Draft) and d.number and d.kind == "paragraph"]
    have = {d.number for d in numbered}
    numbered_ids = {id(d) for d in numbered}
    section: str | None = None
    for d in drafts:
        if not isinstance(d, Draft):
            continue
        if d.kind == "heading":
            m = re.match(r"^\W*(\d{1,2})\b", d.number or d.raw)  # a PDF heading keeps its number apart
            section = m.group(1) if m else section
            continue
        if id(d) not in numbered_ids:
            continue
        parts = d.number.split(".")
        head, last = parts[:-1], int(parts[-1])
        neighbours = {".".join([*head, str(last + k)]) for k in (-1, 1)}
        if len(parts) > 1:
            neighbours |= {".".join(head)}  # "4" itself, above 4.1
        else:
            neighbours |= {f"{d.number}.1"}
        if have & neighbours or section is None or parts[0] == section:
            continue
        # Put it back as printed: a number without a point ("10") was printed with one ("10.").
        d.raw, d.number = f"{d.number}{'' if '.' in d.number else '.'} {d.raw}", None


def split_number(line: str) -> tuple[str, str] | None:
    m = _NUMBERED.match(line)
    if not m:
        return None
    return m.group("num").rstrip("."), m.group("rest")


def normalise_title(raw: str) -> str:
    text = re.sub(r"<[^>]+>|\*+", "", raw).lower()
    text = re.sub(r"^(\d+(?:\.\d+)*)\.?\s+", r"\1 ", text.strip())
    return re.sub(r"\s+", " ", text).strip(" .:")


_CONTENTS_ENTRY = re.compile(r"^(?P<title>.*?\S)[\s.]+(?P<page>[0-9]{1,3})$")


def contents_entry(cells: list[str]) -> tuple[str, int] | None:
    """A contents-list row -> (title, page), for rows such as ["2.2", "Outcome", "6"] or "Conclusion 19"."""
    cells = [re.sub(r"<[^>]+>|\*+", "", c).strip() for c in cells]
    cells = [c for c in cells if c]
    if not cells:
        return None
    if len(cells) >= 2 and cells[-1].isascii() and cells[-1].isdigit():  # not "²", which int() refuses
        return " ".join(cells[:-1]), int(cells[-1])
    m = _CONTENTS_ENTRY.match(" ".join(cells))
    if m:
        return m.group("title"), int(m.group("page"))
    return None


def match_contents(drafts: list, entries: list[tuple[str, int]]) -> None:
    """Give each heading the page its contents entry states; each entry is used at most once."""
    remaining = [(normalise_title(t), p) for t, p in entries]
    rest: tuple[str, int] | None = (
        None  # "ANNEX" matched "annex evidence on ...": the next heading may finish it
    )
    for d in drafts:
        if not isinstance(d, Draft) or d.kind != "heading" or d.role == "contents":
            continue
        key = normalise_title(d.raw)
        if rest is not None and key == rest[0]:
            d.start_page, rest = rest[1], None
            continue
        rest = None
        for i, (title, page) in enumerate(remaining):
            if key == title or (len(key) >= 4 and title.startswith(key + " ")):
                d.start_page = page
                if key != title:
                    rest = (title[len(key) + 1 :], page)
                del remaining[i]
                break
