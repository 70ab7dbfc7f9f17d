"""Open a pack for the window: the pack and its comparisons, or the sentence saying why not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing_app.compare.model import Comparison
from briefing_app.errors import PackError
from briefing_app.pack.cache import cache_file, load_cached
from briefing_app.pack.model import Pack, Problem
from briefing_app.paths import cache_dir

LoadedComparisons = tuple[list[Comparison], list[Problem]]  # the comparisons, and their problems
Progress = Callable[[Pack, int], None]  # the pack as read so far, and how many papers it lists


def _read(pack_dir: Path, progress: Progress | None) -> tuple[Pack, LoadedComparisons]:
    from briefing_app.compare import load_comparisons
    from briefing_app.pack import load_pack

    pack = load_pack(pack_dir, progress)
    return pack, load_comparisons(pack)


def open_pack(
    pack_dir: Path, progress: Progress | None = None
) -> tuple[Pack | None, str | None, LoadedComparisons | None]:
    """The pack in `pack_dir`, from the cache when nothing in it changed; `progress(pack, total)`
    hears of each paper read when it has to be read."""
    try:
        where = cache_file(cache_dir(), pack_dir, "pack")
        pack, comparisons = load_cached(pack_dir, where, lambda: _read(pack_dir, progress))
    except PackError as exc:
        return None, str(exc), None
    return pack, None, comparisons


class _NotCached(Exception):
    pass


def _not_cached():
    raise _NotCached


def from_cache(pack_dir: Path) -> tuple[Pack | None, str | None, LoadedComparisons | None] | None:
    """What open_pack gives, when the cache still holds it (no paper is read); None otherwise."""
    try:
        where = cache_file(cache_dir(), pack_dir, "pack")
        pack, comparisons = load_cached(pack_dir, where, _not_cached)
    except _NotCached:
        return None
    except PackError as exc:
        return None, str(exc), None
    return pack, None, comparisons


def has_pdf_papers(pack_dir: Path) -> bool:
    """True when a paper pack.yaml lists is a PDF (by its first bytes): the pack may take seconds to
    read. Only the listed files are looked at, as the pack reads them (never through a link, never
    a FIFO or a device): the folder may hold anything else."""
    from briefing_app.pack import files
    from briefing_app.pack.manifest import listed_files
    from briefing_app.pack.pdffile import is_pdf

    for name in listed_files(pack_dir):
        try:
            if is_pdf(files.read_head(Path(pack_dir), name, 1024)):
                return True
        except files.PackFileError:
            continue  # the pack's own reading names what cannot be read
    return False
