"""Note markers <-> note definitions: linking, missing and duplicate labels, ibid, glued endnotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from briefing_app.pack.model import Note, Span

_IBID = re.compile(r"^\W*ibid\b\.?", re.IGNORECASE)


@dataclass(frozen=True)
class MarkerAt:
    label: str
    line: int  # source line of the marker, for "the nearest definition that follows it"


@dataclass(frozen=True)
class Definition:
    label: str
    text: str
    spans: tuple[Span, ...]
    line: int
    kind: str = "footnote"  # "endnote" for a note in an end-note section


def duplicate_key(label: str, nth: int) -> str:
    return label if nth == 1 else f"{label}~{nth}"


def link_footnotes(
    markers: list[MarkerAt], definitions: list[Definition], kind: str = "footnote"
) -> tuple[list[Note], list[str]]:
    """Return the document's notes in reading order and, for each marker, the key of its note.

    A marker links to the nearest definition with its label that follows it (a page-foot note
    sits after its marker), else the nearest before it. A label defined twice gets a second key,
    and the later definition is flagged duplicate. A label never defined becomes a missing note.
    """
    keyed: list[tuple[str, Definition, str]] = []  # key, definition, status
    seen: dict[str, int] = {}
    for d in sorted(definitions, key=lambda d: d.line):
        seen[d.label] = seen.get(d.label, 0) + 1
        status = "defined" if seen[d.label] == 1 else "duplicate"
        keyed.append((duplicate_key(d.label, seen[d.label]), d, status))

    by_label: dict[str, list[tuple[int, str]]] = {}  # label -> (line, key), in line order
    for k, d, _ in keyed:
        by_label.setdefault(d.label, []).append((d.line, k))
    marker_keys: list[str] = []
    for mk in markers:
        same = by_label.get(mk.label)
        if not same:
            marker_keys.append(mk.label)
            continue
        at = bisect_left(same, mk.line, key=lambda lk: lk[0])
        marker_keys.append(same[at][1] if at < len(same) else same[-1][1])

    by_key = {k: (d, status) for k, d, status in keyed}
    order = list(dict.fromkeys(marker_keys))
    placed = set(order)
    order += [k for k, _, _ in keyed if k not in placed]

    notes: list[Note] = []
    previous_source: str | None = None
    for key in order:
        if key in by_key:
            d, status = by_key[key]
            ibid_of = previous_source if _IBID.match(d.text) else None
            notes.append(Note(key, d.label, d.kind, status, d.text, ibid_of, d.spans, d.line))
            previous_source = ibid_of or key
        else:
            notes.append(Note(key, key, kind, "missing", None))
            previous_source = key
    return notes, marker_keys


# --- endnote markers glued to the preceding word, as PDF text extraction leaves them ----------

_PUNCT_BEFORE = ".,;:)]’”'\""
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")
_POSTCODE_AFTER = re.compile(r"^\s\d[A-Z]{2}\b")


@dataclass(frozen=True)
class GluedMarker:
    block: int
    start: int
    end: int
    label: str


def find_glued_endnotes(texts: list[str], minimum_run: int = 3) -> list[GluedMarker]:
    """Find markers 1, 2, 3 ... in reading order where they are glued to the text before them.

    Looking only for the next number in the sequence is what keeps years, postcodes and figures
    intact: "Act 20115" holds note 5 only because note 5 is the one expected there. Fewer than
    `minimum_run` markers in a row is taken as coincidence, not as a notes apparatus.
    """
    found: list[GluedMarker] = []
    expected = 1
    for bi, text in enumerate(texts):
        pos = 0
        while True:
            hit = _next_marker(text, str(expected), pos)
            if hit is None:
                break
            start, end = hit
            found.append(GluedMarker(bi, start, end, str(expected)))
            expected += 1
            pos = end
    return found if len(found) >= minimum_run else []


_ROMANS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()
_SYMBOL = re.compile(r"(?<=[A-Za-z0-9.,;:)’”'\"])[*†‡]{1,3}(?=\s|$)")


def find_glued_symbols(texts: list[str]) -> list[GluedMarker]:
    """Roman-numeral markers after punctuation or a figure ("in 1998.i Then"), in sequence, and
    symbol markers (*, †, ‡) after a word: each a marker, linked or flagged, never lost."""
    found: list[GluedMarker] = []
    expected = 0
    for bi, text in enumerate(texts):
        found.extend(GluedMarker(bi, m.start(), m.end(), m.group(0)) for m in _SYMBOL.finditer(text))
        pos = 0
        while expected < len(_ROMANS):
            label = _ROMANS[expected]
            m = re.compile(rf"(?<=[.,;:)’”'\"\d]){label}(?![\w])").search(text, pos)
            if m is None:
                break
            found.append(GluedMarker(bi, m.start(), m.end(), label))
            expected += 1
            pos = m.end()
    return sorted(found, key=lambda g: (g.block, g.start))


def _next_marker(text: str, label: str, pos: int) -> tuple[int, int] | None:
    for m in re.compile(re.escape(label) + r"(?![\w£$%])").finditer(text, pos):
        start = m.start()
        end = start + len(label)
        if start == 0:
            continue
        before = text[start - 1]
        if before.isalpha():
            if _looks_like_code(text, start, end):
                continue
            return start, end
        if before in _PUNCT_BEFORE:
            prior = text[start - 2] if start >= 2 else " "
            # 2.4 or 8,000 is a figure; "2010.40" is a year ending a sentence, then note 40.
            if prior.isdigit() and not _YEAR.search(text[max(0, start - 6) : start - 1]):
                continue
            if before in ".,":
                word_start = start - 1
                while word_start > max(0, start - 200) and not text[word_start - 1].isspace():
                    word_start -= 1
                if re.match(r"\w+\.\w", text[word_start:start]) and not prior.isdigit():
                    continue  # inside an address such as www.example.org.uk/1
            return start, end
        if before.isdigit():
            # "Act 20115": a year with the marker glued on, the whole not itself a number in use.
            # Only the few characters before the marker are looked at, never the text up to it.
            lo = max(0, start - 8)
            word = re.search(r"(\d+)$", text[lo:start])
            word_start = lo + word.start() if word else 0
            if (
                word
                and _YEAR.fullmatch(word.group(1))
                and (word_start == 0 or not text[word_start - 1].isalnum())
            ):
                return start, end
    return None


def _looks_like_code(text: str, start: int, end: int) -> bool:
    """Postcodes (TW9 4DU) and document codes (SN05993, NI35): letters and digits that belong together."""
    word_start = start
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    letters = text[word_start:start]
    if letters.isupper() and len(letters) <= 3:
        return True  # W1, SW1, NI35, HC65: upper-case prefixes are codes, not words with notes
    return bool(_POSTCODE_AFTER.match(text[end:]))
