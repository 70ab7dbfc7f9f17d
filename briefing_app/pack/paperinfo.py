"""What a new pack says about each PDF paper: its title and date, from the paper itself.

The title is the one in the PDF's metadata when that title is really this paper's: Word and
PowerPoint often leave a template's name there ("THE REPORT", "Agenda Template"), so a metadata title
is believed only when no other paper of the batch carries the same one and its words are printed on
the first page. Otherwise the file name, which councils' committee systems make descriptive ("24-00108
- PROD"), unless it is a machine's name with no spaces ("scan0001", "federal-register-2020-17221"):
then the first page's heading, as the PDF reader finds it by size and weight. The date is the
first date printed on the first page, else the date the PDF was last saved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from briefing_app.pack.dates import pdf_date, printed_date
from briefing_app.pack.pdffile import PDFIUM_LOCK, PdfUnreadable, opened

_WORD = re.compile(r"[^\W\d_]{3,}")
_NEAR_DAYS = 45  # papers for one meeting are saved within weeks of it


@dataclass(frozen=True)
class PaperInfo:
    path: Path
    metadata_title: str | None
    first_page: str  # the first page's text, as PDFium gives it
    saved: str | None  # YYYY-MM-DD the PDF was last saved, from its metadata
    author: str | None
    problem: str | None = None  # why the file cannot be read, when it cannot
    heading: str | None = None  # the first page's title, by size and weight (readers.pdf.read_details)


def read_info(path: Path) -> PaperInfo:
    """The facts a pack entry needs from the PDF at `path`; a locked or damaged file says why."""
    try:
        with PDFIUM_LOCK, opened(path) as pdf:
            meta = pdf.get_metadata_dict(skip_empty=True)
            page = pdf[0]
            text = page.get_textpage()
            try:
                first = text.get_text_range()
            finally:
                text.close()
                page.close()
        with PDFIUM_LOCK:
            heading = _heading(path) if " " not in path.stem else None
    except PdfUnreadable as exc:
        return PaperInfo(path, None, "", None, None, problem=str(exc))
    saved = pdf_date(meta.get("ModDate")) or pdf_date(meta.get("CreationDate"))
    return PaperInfo(
        path=path,
        metadata_title=_clean(meta.get("Title")),
        first_page=first,
        saved=saved,
        author=_clean(meta.get("Author")),
        heading=heading,
    )


def _heading(path: Path) -> str | None:
    from briefing_app.errors import BriefingError
    from briefing_app.pack.readers.pdf import read_details

    try:
        return _clean(read_details(path).title)
    except BriefingError:
        return None


def titles(infos: list[PaperInfo]) -> list[str]:
    """A title for each paper, in the order given (see the module's note for the rules)."""
    counts: dict[str, int] = {}
    for info in infos:
        if info.metadata_title:
            key = info.metadata_title.casefold()
            counts[key] = counts.get(key, 0) + 1
    return [_title(info, counts) for info in infos]


def _title(info: PaperInfo, counts: dict[str, int]) -> str:
    meta = info.metadata_title
    stem = _clean(info.path.stem.replace("_", " ")) or info.path.stem
    believed = meta and counts.get(meta.casefold()) == 1 and _printed_on(meta, info.first_page)
    if believed and not _printed_on(meta, stem):  # a file name saying as much and more is better
        return meta
    if " " in info.path.stem and any(len(w) >= 4 for w in _WORD.findall(stem)):
        return stem
    first_line = next((ln.strip() for ln in info.first_page.splitlines() if _WORD.search(ln)), "")
    return (info.heading or first_line)[:120] or stem


def _printed_on(title: str, page: str) -> bool:
    words = {w.casefold() for w in _WORD.findall(title)}
    printed = {w.casefold() for w in _WORD.findall(page)}
    return bool(words) and words <= printed


def dates(infos: list[PaperInfo]) -> list[str | None]:
    """A date for each paper: the first date printed on its first page when that date lies near the
    batch's saving dates (a paper's first page also prints dates a policy takes effect or ends),
    else the date it was last saved."""
    saved = sorted(i.saved for i in infos if i.saved)
    middle = dt.date.fromisoformat(saved[len(saved) // 2]) if saved else None
    out = []
    for info in infos:
        printed = printed_date(info.first_page)
        near = printed is not None and (middle is None or abs((printed - middle).days) <= _NEAR_DAYS)
        out.append(printed.isoformat() if near else info.saved)
    return out


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None
