"""A pickled copy of what was read from a pack folder, reused while nothing it was read from has changed.

Reading and checking the five bundled documents costs about as much as starting Qt; a second launch
should not pay it again. The copy is keyed on the content of each file the pack was read from (pack.yaml
and the files it names, nothing else in the folder: a stray FIFO or a link to /dev/zero there is never
opened) and on the reading code itself, so an edited document or manifest, or a changed reader, all
read afresh. Every file is checked through `files`, exactly as the pack reads it. Anything
wrong with the copy (missing, truncated, from older code) is ignored and the pack is read as usual: the
cache can only ever save time, never change what the reader sees.
"""

from __future__ import annotations

import functools
import gc
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import briefing_app
from briefing_app.pack import files

T = TypeVar("T")
FORMAT = 3
_PACKAGE = Path(briefing_app.__file__).resolve().parent


class _Digest:
    """Two checksums and a length over everything fed to it.

    Not a cryptographic hash: the cache guards against edits, not against an adversary, and any
    change confined to 32 bits is always caught by CRC-32 (a longer one slips past both sums with a
    chance of about 2**-60). hashlib would load OpenSSL, about 5 ms of every start-up.
    """

    def __init__(self, text: str = "") -> None:
        self.crc, self.adler, self.size = 0, 1, 0
        self.update(text.encode("utf-8", "surrogateescape"))

    def update(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.adler = zlib.adler32(data, self.adler)
        self.size += len(data)

    def hexdigest(self) -> str:
        return f"{self.crc:08x}{self.adler:08x}{self.size:x}"


@functools.cache
def _code_stamp() -> str:
    """Changes whenever the code that reads packs could have: the version, and in a checkout every
    module. Worked out once a run (the code read is the code imported), with os.walk: pathlib's
    rglob made it 8 ms of every start-up, and of every paper looked up in the cache."""
    digest = _Digest(f"{FORMAT}:{briefing_app.__version__}")
    for top, folders, names in os.walk(_PACKAGE):
        # The window's code (gui) does not change what is read.
        folders[:] = sorted(f for f in folders if f not in ("gui", "__pycache__"))
        where = os.path.relpath(top, _PACKAGE)
        for name in sorted(n for n in names if n.endswith(".py")):
            stat = os.stat(os.path.join(top, name))
            digest.update(f"{where}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def cache_file(cache_root: Path, root: Path, what: str) -> Path:
    key = _Digest(str(root.resolve())).hexdigest()
    return cache_root / "opened" / f"{key}-{what}.pickle"


def load_cached(root: Path, cache_path: Path, load: Callable[[], T]) -> T:
    """What `load()` returns for the pack in `root`, from `cache_path` when that is still true."""
    code = _code_stamp()
    try:
        with open(cache_path, "rb") as fh:
            saved_code, read_from, value = _unpickle(fh)
        if saved_code == code and _unchanged(Path(root), read_from):
            return value
    except Exception:  # noqa: BLE001, S110 - a bad copy of any kind just means reading the pack again
        pass
    with files.recording() as read_from:
        value = load()
    _save(cache_path, (code, dict(read_from), value))
    return value


def _unchanged(root: Path, read_from: dict[str, tuple[int, str]]) -> bool:
    """True when each file the copy was read from still holds what it held (or fails as it failed)."""
    if not read_from:
        return False
    return all(files.digest(root, name, limit) == seen for name, (limit, seen) in read_from.items())


def load_cached_paper(data: bytes, what: str, cache_root: Path, load: Callable[[], T]) -> T:
    """What `load()` makes of one paper's bytes `data` (read as `what` says), from a copy under
    `cache_root` while the bytes, `what` and the reading code are unchanged: a paper added to a pack
    is read alone, the others come from here."""
    digest = _Digest(what)
    digest.update(data)
    stamp = f"{digest.hexdigest()}:{_code_stamp()}"
    where = cache_root / "papers" / f"{_Digest(stamp).hexdigest()}.pickle"
    try:
        with open(where, "rb") as fh:
            saved_stamp, value = _unpickle(fh)
        if saved_stamp == stamp:
            return value
    except Exception:  # noqa: BLE001, S110 - a bad copy of any kind just means reading the paper again
        pass
    value = load()
    _save(where, (stamp, value))
    return value


def _unpickle(fh):
    """pickle.load without the garbage collector: a PDF pack's copy is some 40,000 small objects, and
    each collection they trigger walks everything the process holds (0.61 s became 0.25 s on Kent's
    pack opened in a process that had just read it). Nothing unpickled here is a cycle to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if was_enabled:
            gc.enable()


def _save(path: Path, payload: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".opened-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except (OSError, pickle.PicklingError):
        pass  # a read-only or full cache folder costs the next launch time, nothing else
