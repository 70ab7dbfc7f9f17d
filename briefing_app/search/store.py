"""Where indexes live, whether one is usable, and building one safely.

An index is built into a temporary folder beside its final place and swapped in only when
complete, so a crash or a kill never leaves a half-built index. A sidecar file records the
schema version, the fingerprint of what was indexed and the size of every index file: a
missing, stale or damaged index is rebuilt rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as windex

try:
    import fcntl
except ImportError:  # Windows: one builder per process is all the GUI starts
    fcntl = None

from briefing_app.pack.model import Pack
from briefing_app.paths import bundled_index_dir, bundled_pack_dir, cache_dir
from briefing_app.search.engine import SearchEngine
from briefing_app.search.entries import Entry, fingerprint, iter_entries
from briefing_app.search.schema import SCHEMA_VERSION, make_schema

SIDECAR = "briefing-index.json"
MULTIPROCESS_CHARS = 2_000_000  # below this, a single writer is faster than starting processes
Progress = Callable[[int, int, str], None]  # done, total, what is happening


@dataclass(frozen=True)
class IndexStatus:
    path: Path
    state: str  # "ok" | "missing" | "stale" | "damaged"
    reason: str = ""


@dataclass(frozen=True)
class BuildReport:
    path: Path
    entries: int
    seconds: float
    processes: int
    why: str  # the status that made the build necessary


def is_bundled(pack: Pack) -> bool:
    return pack.root.resolve() == bundled_pack_dir().resolve()


def cache_location(pack: Pack) -> Path:
    where = hashlib.sha1(str(pack.root.resolve()).encode()).hexdigest()[:10]
    return cache_dir() / "indexes" / f"{pack.id}-{where}"


def check_index(path: Path, expected: str) -> IndexStatus:
    sidecar = path / SIDECAR
    if not path.is_dir() or not sidecar.is_file():
        return IndexStatus(path, "missing", "no index has been built here")
    try:
        info = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return IndexStatus(path, "damaged", "the index's record of itself cannot be read")
    if info.get("schema") != SCHEMA_VERSION:
        return IndexStatus(path, "stale", "the index was built by another version of Briefing")
    if info.get("fingerprint") != expected:
        return IndexStatus(path, "stale", "the pack's documents have changed since the index was built")
    actual = _file_sizes(path)
    if actual != info.get("files"):
        return IndexStatus(path, "damaged", "index files are missing or damaged")
    return IndexStatus(path, "ok")


def build_index(
    pack: Pack,
    path: Path,
    progress: Progress | None = None,
    processes: int | None = None,
    start_method: str | None = None,
    entries: list[Entry] | None = None,
    expected: str | None = None,
) -> BuildReport:
    """Build the pack's index at `path` (from `entries`, the pack's, and `expected`, their
    fingerprint, if already worked out). start_method="spawn" when called from a threaded GUI:
    forking a process that runs threads is unsafe."""
    with build_lock(path):
        return _build(pack, path, progress, processes, start_method, entries, expected)


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """One builder at a time for `path`, across threads and processes: a second waits, then
    finds the index the first has built."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "a+b") as fh:
        if fcntl is not None:
            fcntl.flock(fh, fcntl.LOCK_EX)  # released when the file closes, even on a kill
        yield


def _build(
    pack: Pack,
    path: Path,
    progress: Progress | None,
    processes: int | None,
    start_method: str | None,
    entries: list[Entry] | None,
    expected: str | None,
) -> BuildReport:
    started = time.perf_counter()
    if entries is None:
        entries, expected = list(iter_entries(pack)), None
    chars = sum(len(e.text) for e in entries)
    if processes is None:
        processes = 2 if chars >= MULTIPROCESS_CHARS and (os.cpu_count() or 1) >= 2 else 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.building-", dir=path.parent))
    try:
        expected = expected or fingerprint(entries, SCHEMA_VERSION)
        write_index(tmp, entries, processes, progress, start_method)
        info = {
            "schema": SCHEMA_VERSION,
            "fingerprint": expected,
            "pack": pack.id,
            "entries": len(entries),
            "files": _file_sizes(tmp),
        }
        (tmp / SIDECAR).write_text(json.dumps(info, indent=1, sort_keys=True), encoding="utf-8")
        _swap(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildReport(path, len(entries), time.perf_counter() - started, processes, "")


def write_index(
    folder: Path,
    entries: Sequence[Entry],
    processes: int = 1,
    progress: Progress | None = None,
    start_method: str | None = None,
) -> None:
    """Write the entries as a new index in the empty `folder`: with several processes, each
    writes a segment of its own (multisegment: no merge at the end)."""
    ix = windex.create_in(str(folder), make_schema())
    try:
        if processes > 1:
            writer = ix.writer(
                procs=processes, multisegment=True, start_method=start_method, limitmb=512, batchsize=500
            )
        else:
            writer = ix.writer(limitmb=512)
        total = len(entries)
        try:
            for done, entry in enumerate(entries):
                if progress and done % 500 == 0:
                    progress(done, total, "Indexing the pack")
                writer.add_document(**entry.index_fields())
            if progress:
                progress(total, total, "Writing the index")
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
    finally:
        ix.close()
    for lock in folder.glob("*_WRITELOCK"):  # left by Whoosh's writer; nothing will write here again
        lock.unlink()


def _swap(new: Path, path: Path) -> None:
    old = None
    if path.exists():
        old = path.with_name(f".{path.name}.old-{os.getpid()}")
        path.rename(old)
    new.rename(path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _file_sizes(path: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(path.iterdir()) if p.is_file() and p.name != SIDECAR}


def pack_fingerprint(pack: Pack) -> str:
    return fingerprint(list(iter_entries(pack)), SCHEMA_VERSION)


def index_path(pack: Pack) -> Path:
    """Where the index for this pack is read from: the bundled index/ for the bundled pack."""
    return bundled_index_dir() if is_bundled(pack) else cache_location(pack)


def open_engine(
    pack: Pack, progress: Progress | None = None, start_method: str | None = None
) -> tuple[SearchEngine, BuildReport | None]:
    """Open a usable index for the pack, building one (never inside the install folder) if needed."""
    entries = list(iter_entries(pack))  # read once: for the check, a build and the engine
    expected = fingerprint(entries, SCHEMA_VERSION)
    candidates = [bundled_index_dir(), cache_location(pack)] if is_bundled(pack) else [cache_location(pack)]
    why = ""
    for path in candidates:
        status = check_index(path, expected)
        if status.state == "ok":
            try:
                ix = windex.open_dir(str(path), readonly=True)
                return SearchEngine(pack, ix, entries), None
            except Exception:
                status = IndexStatus(path, "damaged", "the index cannot be opened")
        why = why or status.reason
    target = cache_location(pack)
    with build_lock(target):
        if check_index(target, expected).state != "ok":  # or another builder has just made it
            report = _build(pack, target, progress, None, start_method, entries, expected)
            report = BuildReport(report.path, report.entries, report.seconds, report.processes, why)
        else:
            report = None
        ix = windex.open_dir(str(target), readonly=True)
    return SearchEngine(pack, ix, entries), report
