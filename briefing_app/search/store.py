"""Where indexes live, whether one is usable, and building one safely.

An index is built into a temporary folder beside its final place and swapped in only when
complete, one builder at a time, so a crash, a kill or a second builder never leaves a half-built
index. A sidecar file records the schema version, the fingerprint of what was indexed and the size
and checksum of every index file: a missing, stale or damaged index is rebuilt rather than trusted.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from whoosh import index as windex

from briefing_app.errors import IndexDamaged, IndexUnwritable
from briefing_app.pack.model import Pack
from briefing_app.paths import bundled_index_dir, bundled_pack_dir, cache_dir
from briefing_app.reaper import watch_workers
from briefing_app.search.engine import SearchEngine
from briefing_app.search.entries import Entry, fingerprint, iter_entries
from briefing_app.search.schema import SCHEMA_VERSION, make_schema

try:
    import fcntl
except ImportError:  # Windows: one builder per process is all the GUI starts
    fcntl = None

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
    why: str = ""  # the status that made the build necessary


def is_bundled(pack: Pack) -> bool:
    return pack.root.resolve() == bundled_pack_dir().resolve()


def cache_location(pack: Pack) -> Path:
    where = hashlib.sha1(str(pack.root.resolve()).encode()).hexdigest()[:10]
    return cache_dir() / "indexes" / f"{pack.id}-{where}"


def index_path(pack: Pack) -> Path:
    """Where the index for this pack is read from: the bundled index/ for the bundled pack."""
    return bundled_index_dir() if is_bundled(pack) else cache_location(pack)


def pack_fingerprint(pack: Pack) -> str:
    return fingerprint(list(iter_entries(pack)), SCHEMA_VERSION)


def check_index(path: Path, expected: str) -> IndexStatus:
    sidecar = path / SIDECAR
    if not path.is_dir() or not sidecar.is_file():
        return IndexStatus(path, "missing", "no index has been built here")
    try:
        info = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return IndexStatus(path, "damaged", "the index's record of itself cannot be read")
    if not isinstance(info, dict) or info.get("schema") != SCHEMA_VERSION:
        return IndexStatus(path, "stale", "the index was built by another version of Briefing")
    if info.get("fingerprint") != expected:
        return IndexStatus(path, "stale", "the pack's documents have changed since the index was built")
    if _file_digests(path) != info.get("files"):
        return IndexStatus(path, "damaged", "index files are missing or damaged")
    return IndexStatus(path, "ok")


def _file_digests(path: Path) -> dict[str, list] | None:
    """Each index file's size and SHA-256 (about 20 ms for a 10 MB pack's index)."""
    out = {}
    with suppress(OSError):
        for p in sorted(path.iterdir()):
            if p.is_file() and p.name != SIDECAR:
                with p.open("rb") as fh:
                    out[p.name] = [p.stat().st_size, hashlib.file_digest(fh, "sha256").hexdigest()]
        return out
    return None


def open_engine(
    pack: Pack,
    progress: Progress | None = None,
    start_method: str | None = None,
    rebuild: bool = False,
    processes: int | None = None,
) -> tuple[SearchEngine, BuildReport | None]:
    """Open a usable index for the pack, building one (never inside the install folder) if
    needed; `rebuild`: the index open so far proved damaged while searching; `processes`: as for
    build_index."""
    entries = list(iter_entries(pack))  # read once: for the check, a build and the engine
    expected = fingerprint(entries, SCHEMA_VERSION)
    target = cache_location(pack)
    # The bundled index is read where it is installed; when damaged, it is rebuilt in the cache.
    candidates = [] if rebuild else [bundled_index_dir(), target] if is_bundled(pack) else [target]
    why = "searching the index failed: it is damaged" if rebuild else ""
    for path in candidates:
        engine, status = _open(pack, path, expected, entries)
        if engine is not None:
            return engine, None
        why = why or status.reason
    with build_lock(target):
        engine, _ = (None, None) if rebuild else _open(pack, target, expected, entries)
        if engine is not None:  # another builder has just made it
            return engine, None
        report = _build(pack, target, progress, processes, start_method, entries, expected)
        engine, status = _open(pack, target, expected, entries)
    if engine is None:
        raise IndexDamaged(f"The search index could not be read after it was built ({status.reason}).")
    return engine, replace(report, why=why)


def _open(
    pack: Pack, path: Path, expected: str, entries: list[Entry]
) -> tuple[SearchEngine | None, IndexStatus]:
    status = check_index(path, expected)
    if status.state != "ok":
        return None, status
    try:
        engine = SearchEngine(pack, windex.open_dir(str(path), readonly=True), entries)
        engine.warm()  # reads every entry's key and the vocabulary: a first test of the files
    except Exception:  # noqa: BLE001 - whatever Whoosh raises on a damaged file
        return None, IndexStatus(path, "damaged", "the index cannot be opened")
    return engine, status


def build_index(
    pack: Pack,
    path: Path,
    progress: Progress | None = None,
    processes: int | None = None,
    start_method: str | None = None,
) -> BuildReport:
    """Build the pack's index at `path`. start_method="spawn" when called from a threaded GUI:
    forking a process that runs threads is unsafe. `processes` write it (None: 1 for a small pack);
    a writer in this process holds Python's lock while it sorts all the postings, at its commit."""
    with build_lock(path):
        return _build(pack, path, progress, processes, start_method, list(iter_entries(pack)), None)


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """One builder at a time for `path`, across threads and processes: a second waits, then
    finds the index the first has built. What a killed builder left behind is removed."""
    with _writing(path.parent):
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path.with_name(f".{path.name}.lock"), "a+b")  # noqa: SIM115 - held to the end
    with fh:
        if fcntl is not None:
            fcntl.flock(fh, fcntl.LOCK_EX)  # released when the file closes, even on a kill
        for pattern in (".building-*", ".old-*"):
            for left in path.parent.glob(f".{path.name}{pattern}"):
                shutil.rmtree(left, ignore_errors=True)
        yield


@contextmanager
def _writing(folder: Path) -> Iterator[None]:
    """A disk that refuses the index becomes a sentence naming the folder."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            why = "the disk is full; free some space and open the pack again"
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            why = "the folder is read-only; set BRIEFING_CACHE_DIR to a folder you can write to"
        else:
            why = exc.strerror or str(exc)
        raise IndexUnwritable(f"The search index cannot be written in {folder}: {why}.") from None


def _build(
    pack: Pack,
    path: Path,
    progress: Progress | None,
    processes: int | None,
    start_method: str | None,
    entries: list[Entry],
    expected: str | None,
) -> BuildReport:
    started = time.perf_counter()
    if processes is None:
        chars = sum(len(e.text) for e in entries)
        processes = 2 if chars >= MULTIPROCESS_CHARS and (os.cpu_count() or 1) >= 2 else 1
    with _writing(path.parent):
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.building-", dir=path.parent))
        try:
            write_index(tmp, entries, processes, progress, start_method)
            info = {
                "schema": SCHEMA_VERSION,
                "fingerprint": expected or fingerprint(entries, SCHEMA_VERSION),
                "pack": pack.id,
                "entries": len(entries),
                "files": _file_digests(tmp),
            }
            (tmp / SIDECAR).write_text(json.dumps(info, indent=1, sort_keys=True), encoding="utf-8")
            _swap(tmp, path)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return BuildReport(path, len(entries), time.perf_counter() - started, processes)


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
    reaper = None
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
                if done % 500 == 0:
                    if progress:
                        progress(done, total, "Indexing the pack")
                    reaper = watch_workers(folder, processes, reaper)
                writer.add_document(**entry.index_fields())
            if progress:
                progress(total, total, "Writing the index")
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        written = ix.doc_count_all()
    finally:
        ix.close()
        if reaper is not None:
            reaper.kill()
            reaper.wait()
    if written != len(entries):  # a writer process failed: Whoosh commits without its part
        raise OSError(errno.EIO, f"the index holds {written} of {len(entries)} entries")
    for lock in folder.glob("*_WRITELOCK"):  # left by Whoosh's writer; nothing will write here again
        lock.unlink()


def _swap(new: Path, path: Path) -> None:
    old = path.with_name(f".{path.name}.old-{os.getpid()}")
    if path.exists():
        path.rename(old)
    new.rename(path)
    shutil.rmtree(old, ignore_errors=True)
