"""Inline markup -> plain text + spans + note markers.

Handles what the pack's sources use: **strong**, *emphasis*, <b>, <i>, <sup>N</sup> note markers,
other <sup> text (ordinals such as 6<sup>th</sup>), [text](url) links and <http://...> autolinks.
Unbalanced emphasis delimiters are extraction debris and are dropped, never shown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from briefing_app.pack.model import Span

_TOKEN = re.compile(
    # Bounded: an unclosed <sup> or [ is looked past after a few hundred characters, not to the
    # end of the text, so a paragraph full of them is read in linear time.
    r"(?P<sup><sup>\s*(?P<sup_text>(?:[^<]|<(?!/?sup\b)){0,200}?)\s*</sup>)"
    r"|(?P<link>\[(?P<link_text>[^\]\[]{0,1000})\]\((?P<link_url>[^)\s]{0,2000})\))"
    r"|(?P<auto><(?P<auto_url>(?:https?://|mailto:|www\.)[^>\s]+)>)"
    r"|(?P<tag></?(?P<tag_name>b|strong|i|em|u|span)\b[^>]*>)"
    r"|(?P<symbol>(?<=[\w.,;:)’”'\"])[†‡§¶]{1,3}(?![\w]))"
    r"|(?P<stars>\*{1,3})",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_TAG_KIND = {"b": "strong", "strong": "strong", "i": "emphasis", "em": "emphasis"}


@dataclass
class Marker:
    label: str
    offset: int  # position in the plain text where the marker was printed
    raw_offset: int  # position in the raw source string, for line lookups


@dataclass
class Inline:
    text: str
    spans: list[Span] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.last = "\n"  # treat the start as after a break so leading space is dropped

    def emit(self, chunk: str) -> None:
        for piece in re.split(r"(\n)", chunk):
            if not piece:
                continue
            if piece == "\n":
                self._strip_trailing_space()
                self._push("\n")
                continue
            piece = _SPACE.sub(" ", piece)
            if piece.startswith(" ") and self.last in " \n":
                piece = piece[1:]
            if piece:
                self._push(piece)

    def _push(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)
        self.last = s[-1]

    def _strip_trailing_space(self) -> None:
        if self.last == " ":
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            self.last = self.parts[-1][-1] if self.parts[-1] else "\n"

    def text(self) -> str:
        return "".join(self.parts)


def parse_inline(raw: str, *, markup: bool = True) -> Inline:
    """Parse `raw`; with markup=False only whitespace is normalised (plain text sources)."""
    out = _Builder()
    spans: list[Span] = []
    markers: list[Marker] = []
    if not markup:
        out.emit(raw)
        return _finish(out, spans, markers)
    open_at: dict[str, int] = {}
    pos = 0
    for m in _TOKEN.finditer(raw):
        out.emit(html.unescape(raw[pos : m.start()]))
        pos = m.end()
        if m.group("sup") is not None:
            label = _plain(m.group("sup_text"), keep_stars=True)
            if is_marker_label(label):
                markers.append(Marker(label, out.length, m.start()))
            elif label:
                start = out.length
                out.emit(label)
                spans.append(Span(start, out.length, "superscript"))
        elif m.group("symbol") is not None:
            markers.append(Marker(m.group("symbol"), out.length, m.start()))
        elif m.group("link") is not None:
            start = out.length
            inner = parse_inline(m.group("link_text"))
            out.emit(inner.text)
            url = m.group("link_url")
            spans.extend(Span(s.start + start, s.end + start, s.kind, s.target) for s in inner.spans)
            spans.append(Span(start, out.length, "link", url if url not in ("", "#") else None))
        elif m.group("auto") is not None:
            start = out.length
            url = m.group("auto_url")
            out.emit(url)
            spans.append(Span(start, out.length, "link", url))
        elif m.group("tag") is not None:
            kind = _TAG_KIND.get(m.group("tag_name").lower())
            if kind is None:
                continue
            if m.group("tag").startswith("</"):
                _close(kind, open_at, out.length, spans)
            else:
                open_at.setdefault(kind, out.length)
        else:
            stars = m.group("stars")
            before = raw[m.start() - 1] if m.start() > 0 else " "
            after = raw[m.end()] if m.end() < len(raw) else " "
            kinds = {1: ["emphasis"], 2: ["strong"], 3: ["strong", "emphasis"]}[len(stars)]
            if len(stars) == 1 and "emphasis" not in open_at and _marker_star(before, after):
                # "the 2011 figure*" with nothing open: a note marker, flagged if no note follows.
                markers.append(Marker("*", out.length, m.start()))
                continue
            for kind in kinds:
                if kind in open_at and not before.isspace():
                    _close(kind, open_at, out.length, spans)
                elif not after.isspace():
                    open_at[kind] = out.length
                # otherwise a stray delimiter: drop it
    out.emit(html.unescape(raw[pos:]))
    return _finish(out, spans, markers)


def _close(kind: str, open_at: dict[str, int], end: int, spans: list[Span]) -> None:
    start = open_at.pop(kind, None)
    if start is not None and end > start:
        spans.append(Span(start, end, kind))


def _finish(out: _Builder, spans: list[Span], markers: list[Marker]) -> Inline:
    text = out.text()
    stripped = text.rstrip()
    n = len(stripped)
    spans = [Span(min(s.start, n), min(s.end, n), s.kind, s.target) for s in spans]
    spans = [s for s in spans if s.end > s.start]
    for mk in markers:
        mk.offset = min(mk.offset, n)
    return Inline(stripped, sorted(spans, key=lambda s: (s.start, s.end)), markers)


def _plain(raw: str, keep_stars: bool = False) -> str:
    return re.sub(r"<[^>]+>" if keep_stars else r"<[^>]+>|\*", "", raw).strip()


_MARKER_LABEL = re.compile(r"^(?:\d{1,3}|[ivx]{1,5}|[*†‡§¶]{1,3})$")


def is_marker_label(label: str) -> bool:
    """A note marker's label: digits, a lower-case roman numeral, or a symbol (*, †, ‡)."""
    return bool(_MARKER_LABEL.match(label))


def _marker_star(before: str, after: str) -> bool:
    return (before.isalnum() or before in ".,;:)’”'\"") and (after.isspace() or after in ".,;:)")
