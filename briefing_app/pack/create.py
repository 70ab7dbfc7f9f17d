"""Making a pack folder from PDF papers, and adding papers (a supplement) to one.

The papers are copied, never moved or changed, into the pack's `papers/` folder; pack.yaml lists
them with ids, titles, dates and order taken from the papers themselves (see paperinfo.py and
paper_order.py). A paper that cannot be read (locked, damaged) is still copied and listed: opening
the pack then names it and says why, and everything else opens.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from briefing_app.errors import PackError
from briefing_app.pack.manifest import MANIFEST
from briefing_app.pack.paper_order import order
from briefing_app.pack.paperinfo import PaperInfo, dates, read_info, titles
from briefing_app.pack.pdffile import is_pdf

PAPERS = "papers"
_SLUG_CUT = 60


@dataclass(frozen=True)
class Added:
    """One paper written into a pack: its id, title and file, and what is wrong with it if anything."""

    id: str
    title: str
    file: str
    date: str | None = None
    problem: str | None = None


def new_pack(
    folder: Path, files: list[Path], title: str | None = None, meeting: str | None = None
) -> list[Added]:
    """Make the pack `folder` (new or empty) from the PDFs `files`. Raises PackError naming the file."""
    folder = Path(folder)
    if (folder / MANIFEST).exists():
        raise PackError(str(folder), "this folder already holds a pack; add papers to it instead")
    if folder.exists() and any(folder.iterdir()):
        raise PackError(str(folder), "this folder is not empty; choose a new or empty folder for the pack")
    infos = _checked(files)
    folder.mkdir(parents=True, exist_ok=True)
    added = _entries(folder, infos, taken=set())
    head = {"id": _slug(folder.name) or "pack", "title": title or _title_of_folder(folder)}
    if meeting:
        head["meeting"] = meeting
    text = _yaml(head) + "documents:\n" + _yaml_entries(added)
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    return added


def add_papers(folder: Path, files: list[Path]) -> list[Added]:
    """Add the PDFs `files` to the pack in `folder`, after its papers; nothing already there changes."""
    import yaml

    folder = Path(folder)
    manifest = folder / MANIFEST
    try:
        text = manifest.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise PackError(
            str(manifest), "this pack's pack.yaml cannot be read, so papers cannot be added"
        ) from None
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, list):
        raise PackError(str(manifest), "this pack's pack.yaml has no 'documents' list to add papers to")
    taken = {str(d.get("id")) for d in documents if isinstance(d, dict)}
    infos = _checked(files)
    added = _entries(folder, infos, taken)
    appended = text.rstrip("\n") + "\n" + _yaml_entries(added)
    check = yaml.safe_load(appended)
    if check.get("documents", [])[: len(documents)] != documents or len(check["documents"]) != len(
        documents
    ) + len(added):
        # The list is not the file's last entry: write the whole manifest again (comments are lost,
        # but every entry and key is kept).
        data["documents"] = documents + yaml.safe_load(_yaml_entries(added))
        appended = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    temp = manifest.with_name(".pack.yaml.new")
    temp.write_text(appended, encoding="utf-8")
    temp.replace(manifest)
    return added


def _checked(files: list[Path]) -> list[PaperInfo]:
    if not files:
        raise PackError("pack", "give at least one PDF paper")
    infos = []
    for file in files:
        path = Path(file)
        try:
            with path.open("rb") as fh:  # its first bytes only: a paper can be hundreds of MB
                head = fh.read(1024)
        except OSError as exc:
            raise PackError(str(path), f"the file cannot be read ({exc.strerror})") from None
        if not is_pdf(head):
            raise PackError(str(path), "this file is not a PDF (it does not begin with %PDF-)")
        infos.append(read_info(path))
    return infos


def _entries(folder: Path, infos: list[PaperInfo], taken: set[str]) -> list[Added]:
    names, when = titles(infos), dates(infos)
    ranked = order(
        [f"{t} {i.path.stem}" for t, i in zip(names, infos, strict=True)],
        [i.first_page for i in infos],
        [i.path.name for i in infos],
    )
    papers = folder / PAPERS
    papers.mkdir(parents=True, exist_ok=True)
    added = []
    for index in ranked:
        info, title = infos[index], names[index]
        doc_id = _unique(_slug(info.path.stem) or "paper", taken)
        taken.add(doc_id)
        target = _free_name(papers, info.path.name)
        shutil.copy2(info.path, target)
        added.append(Added(doc_id, title, target.relative_to(folder).as_posix(), when[index], info.problem))
    return added


def _yaml_entries(added: list[Added]) -> str:
    lines = []
    for entry in added:
        fields = {"id": entry.id, "title": entry.title, "file": entry.file, "format": "pdf"}
        if entry.date:
            fields["date"] = entry.date
        lines.append("  - " + _yaml(fields).replace("\n", "\n    ").rstrip() + "\n")
    return "".join(lines)


def _yaml(fields: dict[str, str]) -> str:
    import yaml

    return yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    if len(slug) > _SLUG_CUT:
        slug = slug[:_SLUG_CUT].rsplit("-", 1)[0]
    return slug


def _unique(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _free_name(folder: Path, name: str) -> Path:
    target, n = folder / name, 2
    while target.exists():
        target, n = folder / f"{Path(name).stem} ({n}){Path(name).suffix}", n + 1
    return target


def _title_of_folder(folder: Path) -> str:
    words = re.sub(r"[-_]+", " ", folder.resolve().name).strip()
    return words[:1].upper() + words[1:] if words else "Pack"
