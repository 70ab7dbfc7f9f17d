"""Text extracted from a PDF: hard-wrapped lines, page furniture, damaged lists and notes.

Traps handled: page-number lines (kept as page evidence, never as text); running footers such as
"Agenda item 9" landing inside a paragraph; lines wrapped with trailing spaces; a bullet's first
line split from the rest by a blank line; numbered paragraphs split the same way; bullets lost to
a leading space; headings set as short lines; a diagram flattened into run-together labels; a
contents page that gives each section's first page; endnote markers glued to the preceding word.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing_app.pack.model import Document, DocumentMeta
from briefing_app.pack.readers.build import finish
from briefing_app.pack.readers.draft import (
    Draft,
    NoteDef,
    PageBreak,
    contents_entry,
    continues,
    ends_sentence,
    match_contents,
    normalise_title,
    split_number,
    split_subitem,
    starts_upper,
)
from briefing_app.pack.readers.endnotes import take_endnotes
from briefing_app.pack.readers.textpages import find_text_pages
from briefing_app.pack.readers.texttable import read_table

_GLYPH_BULLET = re.compile(r"^\s*[•▪●◦\uf0b7]\s*(.*)$")
_SYMBOL_NOTE = re.compile(r"^\s*([*†‡]{1,3})\s+(\S.*)$")  # "* Figures are provisional" at a page foot
_DASH_BULLET = re.compile(r"^\s*[-–]\s+(.*)$")
_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2})(\.?)\s+([A-Z][^.!?;:]{1,60}?)\s*$")
_GLUED_CAPS = re.compile(r"([A-Z]{3,})([A-Z][a-z])")
_CONNECTOR = re.compile(r"\b(and|or|of|for|the|to|in|on|a|an|with|by|from|at|as)$", re.IGNORECASE)
_MAX_HEADING = 60


def read(text: str, meta: DocumentMeta) -> Document:
    return _Reader(text).run(meta)


class _Reader:
    def __init__(self, text: str) -> None:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.pages = find_text_pages(lines)
        self.lines = [ln.replace("\f", "") for ln in lines]
        self.pending = sorted(self.pages.breaks)  # page breaks in order; those before next_break are passed
        self.next_break = 0
        self.glyph_bullets = any(_GLYPH_BULLET.match(ln) for ln in self.lines)
        self.has_contents = any(ln.strip().lower() == "contents" for ln in self.lines)
        self.items: list[Draft | PageBreak] = []
        if self.pages.first_page is not None:
            self.items.append(PageBreak(self.pages.first_page - 1, 1))  # the page before the first ends here
        self.cur: Draft | None = None
        self.cur_lines = 0
        self.gap = True
        self.in_front = self.has_contents
        self.title_done = False
        self.entries: list[tuple[str, int]] = []
        self.symbol_notes: list[NoteDef] = []
        self.expected: set[str] = set()  # paragraph numbers that would follow the last one
        self.contents_listed_end_notes = False

    # -- helpers ------------------------------------------------------------------------------
    def _blank(self, i: int) -> bool:
        """Blank, or page furniture: what the page says once its running lines are taken away."""
        return i < 0 or i >= len(self.lines) or not self.lines[i].strip() or i in self.pages.furniture

    def _open(self, draft: Draft) -> None:
        self.items.append(draft)
        self.cur = draft
        self.cur_lines = 1
        self.gap = False

    def _close(self) -> None:
        self.cur = None
        self.cur_lines = 0

    def _continue(self, text: str, line: int, sep: str = " ") -> None:
        assert self.cur is not None
        self.cur.append(text, line, sep)
        self.cur_lines += 1
        self.gap = False

    # -- the pass -----------------------------------------------------------------------------
    def run(self, meta: DocumentMeta) -> Document:
        i = 0
        while i < len(self.lines):
            while self.next_break < len(self.pending) and self.pending[self.next_break] <= i:
                at = self.pending[self.next_break]
                self.next_break += 1
                self.items.append(PageBreak(self.pages.breaks[at], at + 1))
            i = self._line(i)
        if self.pages.last_page is not None:
            self.items.append(PageBreak(self.pages.last_page, len(self.lines)))  # the text ends its last page
        match_contents(self.items, self.entries)
        previous = None
        inner = 2  # level of the headings not in the contents, inside the current section
        for d in self.items:
            if isinstance(d, Draft):
                if d.kind == "heading" and d.start_page is not None:
                    # Listed in the contents: a top-level section, unless it finishes the entry above it.
                    follows = (
                        previous is not None
                        and previous.kind == "heading"
                        and previous.start_page == d.start_page
                    )
                    d.level = 2 if follows else 1
                    # "ANNEX" / "Evidence on integration...": the section's own title takes level 2,
                    # so the headings inside it sit one below.
                    inner = 3 if follows else 2
                elif d.kind == "heading" and d.role is None and d.level == 2:
                    d.level = inner
                previous = d
        items, defs = take_endnotes(self.items, same_level_ends=False)
        doc = finish(
            meta,
            "pdf-text",
            items,
            note_defs=defs + self.symbol_notes,
            glued_endnotes=True,
            missing_kind="endnote",
            markup=False,
        )
        if doc.notes and not defs and self.contents_listed_end_notes:
            remark = (
                f"The end notes listed in the contents are not included in this copy: "
                f"the {len(doc.notes)} note markers in the text have no note text to show."
            )
            doc = replace(doc, remarks=(remark,))
        return doc

    def _line(self, i: int) -> int:
        raw = self.lines[i]
        n = i + 1
        s = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if not s:
            self.gap = True
            return i + 1
        if i in self.pages.furniture:
            return i + 1  # page furniture; the paragraph it interrupts goes on
        if m := _SYMBOL_NOTE.match(raw):
            self.symbol_notes.append(NoteDef(m.group(1), m.group(2), n))
            return i + 1  # a page-foot note: the paragraph it interrupts may go on after it
        if s.lower() == "contents":
            return self._contents(i)

        if self.in_front:
            return self._front(i, s)

        if (sub := split_subitem(s)) and lead <= 4:
            self._open(Draft("list_item", sub[1], n, marker=sub[0]))
            return i + 1
        rows, after = read_table(self.lines, i, lambda k: k in self.pages.furniture)
        if rows:
            self._close()
            self.items.append(Draft("table", "\n".join("\t".join(r) for r in rows), n, rows=rows))
            self.gap = True
            return after
        if m := _GLYPH_BULLET.match(raw):
            self._open(Draft("list_item", m.group(1).strip(), n, marker="•"))
            return i + 1
        if m := _DASH_BULLET.match(raw):
            self._open(Draft("list_item", m.group(1).strip(), n, marker="•"))
            return i + 1
        if (
            not self.glyph_bullets
            and lead == 1
            and s[0].isalpha()
            and self.cur is not None
            and (self.gap or self.cur.kind == "list_item" or ends_sentence(self.cur.tail()))
        ):
            # No bullet glyphs anywhere: the extraction turned each bullet into one leading space.
            self._open(Draft("list_item", s, n, marker="•"))
            return i + 1
        if (
            (m := _NUMBERED_HEADING.match(raw))
            and (self._blank(i + 1) or self._blank(i - 1))
            and not s.endswith("-")  # "10 The council will work with the commu-" is a paragraph
            and not _CONNECTOR.search(s)
        ):
            self._open(Draft("heading", f"{m.group(1)}{m.group(2)} {m.group(3)}", n, level=1))
            self._close()
            return i + 1
        num = split_number(s)
        if num and lead <= 1 and self._section_title_above(num[0]):
            # "1. Introduction" then "1.1 Transitions is ...": the line above was the section's
            # heading, not the start of paragraph 1.
            title = self.cur
            depth = title.number.count(".") + 1
            point = "" if depth > 1 else "."  # "4." was printed with its point, "1.2" without
            title.kind, title.level = "heading", depth
            title.raw, title.number = f"{title.number}{point} {title.raw}", None
            self._open(Draft("paragraph", num[1], n, number=num[0]))
            return i + 1
        if (
            num
            and lead <= 1
            and (self.cur is None or self.gap or ends_sentence(self.cur.tail()) or num[0] in self.expected)
        ):
            # The next number in the paragraphs' own sequence starts a paragraph even where the
            # line before it stops without a full stop (a minute's title, "77. Declarations...").
            self._open(Draft("paragraph", num[1], n, number=num[0]))
            self.expected = _next_numbers(num[0])
            return i + 1
        if _GLUED_CAPS.search(s) or "\u00a0" in s.strip("\u00a0 "):
            return self._figure(i)

        if self.cur is not None and self.cur.kind != "heading":
            if not self.gap:
                new_paragraph = lead >= 1 and ends_sentence(self.cur.tail()) and starts_upper(s)
                if not new_paragraph:
                    self._continue(s, n)
                    return i + 1
            elif (
                (self.cur.kind == "list_item" or self.cur.number is not None)
                and self.cur_lines == 1
                and not ends_sentence(self.cur.tail())
            ):
                self._continue(s, n)  # a bullet or numbered paragraph whose first line was split off
                return i + 1
            elif continues(self.cur.tail(), s):
                self._continue(s, n)
                return i + 1
        heading, used = self._heading_at(i)
        if heading:
            self._open(Draft("heading", heading, n, level=2))
            self._close()
            return i + used
        self._open(Draft("paragraph", s, n))
        return i + 1

    def _section_title_above(self, number: str) -> bool:
        cur = self.cur
        return (
            cur is not None
            and cur.kind == "paragraph"
            and cur.number is not None
            and number.startswith(f"{cur.number}.")
            and self.cur_lines <= 2
            and len(cur.raw) <= 2 * _MAX_HEADING
            and not re.search(r"[.!?;:]", cur.raw)
        )

    def _heading_at(self, i: int) -> tuple[str | None, int]:
        """A short unpunctuated line (or two, the second finishing the first) standing as a heading."""
        parts = [self.lines[i].strip()]
        j = i + 1
        while j < len(self.lines) and not self._blank(j) and not starts_upper(self.lines[j]):
            parts.append(self.lines[j].strip())
            j += 1
            if len(parts) > 2:
                return None, 1
        text = " ".join(parts)
        if (
            len(text) > _MAX_HEADING
            or not starts_upper(text)
            or re.search(r"[.!?;:,©]" if _capitals(text) else r"[.!?;:,©\d]", text)
            or _CONNECTOR.search(text)
            or text.startswith(("http", "www"))
        ):
            return None, 1
        after_blank = self._blank(j)
        if not after_blank and not starts_upper(self.lines[j]):
            return None, 1
        if not after_blank and _GLYPH_BULLET.match(self.lines[j]):
            return None, 1
        return text, j - i

    def _figure(self, i: int) -> int:
        """Labels of a flattened diagram: kept as one block of labels, never glued into prose."""
        labels: list[str] = []
        j = i
        while j < len(self.lines):
            line = self.lines[j]
            s = line.strip().replace("\u00a0", " ").strip()
            if not s or j in self.pages.furniture:
                j += 1
                continue
            lead = len(line) - len(line.lstrip())
            label_like = "\u00a0" in line or (
                lead == 0 and len(s) <= 40 and starts_upper(s) and not ends_sentence(s)
            )
            if labels and not label_like:
                break
            labels.append(re.sub(r"\s+", " ", _GLUED_CAPS.sub(r"\1 \2", s)))
            j += 1
        self._open(Draft("paragraph", "\n".join(labels), i + 1, role="figure"))
        self._close()
        self.gap = True
        return j

    def _front(self, i: int, s: str) -> int:
        """Title page and imprint, before the contents: the first lines are the title."""
        n = i + 1
        if not self.title_done:
            heading, used = self._heading_at(i)
            if heading:
                self.title_done = True
                self._open(Draft("heading", heading, n, level=1))
                self._close()
                return i + used
        if self.cur is not None and not self.gap:
            # Imprint lines (addresses, telephone) are short on purpose: keep their line breaks.
            prev = self.lines[i - 1].rstrip()
            self._continue(s, n, " " if len(prev) >= 60 else "\n")
            return i + 1
        self._open(Draft("paragraph", s, n, role="front-matter"))
        return i + 1

    def _contents(self, i: int) -> int:
        self._close()
        self.items.append(Draft("heading", self.lines[i].strip(), i + 1, level=1, role="contents"))
        rows: list[list[str]] = []
        prefix = ""
        j = i + 1
        misses = 0
        while j < len(self.lines):
            line = self.lines[j]
            s = line.strip()
            if not s:
                j += 1
                continue
            if j in self.pages.furniture:
                break
            entry = contents_entry([f"{prefix} {s}".strip()])
            if entry:
                rows.append([entry[0], str(entry[1])])
                self.entries.append(entry)
                if normalise_title(entry[0]) in ("end notes", "endnotes", "notes"):
                    self.contents_listed_end_notes = True
                prefix, misses = "", 0
            else:
                prefix = f"{prefix} {s}".strip()
                misses += 1
                if misses > 2:
                    break
            j += 1
        text = "\n".join("\t".join(r) for r in rows)
        self.items.append(Draft("table", text, i + 2, rows=rows, role="contents"))
        self.in_front = False
        self.gap = True
        return j


def _capitals(text: str) -> bool:
    """A heading set in capitals ("BUDGET AND COUNCIL TAX 2025/26") may carry figures."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _next_numbers(number: str) -> set[str]:
    """The numbers that may follow paragraph `number`: 77 -> 78 or 77.1; 4.2 -> 4.3, 5 or 5.1."""
    parts = [int(p) for p in number.split(".")]
    out = {f"{number}.1"}
    for depth in range(len(parts)):
        head = parts[:depth] + [parts[depth] + 1]
        out.add(".".join(map(str, head)))
        out.add(".".join(map(str, head)) + ".1")
    return out
