"""A pickled copy of what was read from a pack folder, reused while nothing it was read from has changed.

Reading and checking the five bundled documents costs about as much as starting Qt; a second launch
should not pay it again. The copy is keyed on the content of every file in the pack folder and on the
reading code itself, so an edited document, a new file or a changed reader all read afresh. Anything
wrong with the copy (missing, truncated, from older code) is ignored and the pack is read as usual: the
cache can only ever save time, never change what the reader sees.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import briefing_app

T = TypeVar("T")
FORMAT = 2
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


def _code_stamp() -> str:
    """Changes whenever the code that reads packs could have: the version, and in a checkout every module."""
    digest = _Digest(f"{FORMAT}:{briefing_app.__version__}")
    for path in sorted(_PACKAGE.rglob("*.py")):
        if "gui" in path.relative_to(_PACKAGE).parts:
            continue  # the window's code does not change what is read
        stat = path.stat()
        digest.update(f"{path.relative_to(_PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def folder_stamp(root: Path) -> str | None:
    """A digest of every file's name and bytes under `root`; None when the folder cannot be read."""
    digest = _Digest()
    try:
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder, name)
                digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
                data = path.read_bytes()
                digest.update(f"{len(data)}:".encode())
                digest.update(data)
    except OSError:
        return None
    return digest.hexdigest()


def cache_file(cache_root: Path, root: Path, what: str) -> Path:
    key = _Digest(str(root.resolve())).hexdigest()
    return cache_root / "opened" / f"{key}-{what}.pickle"


def load_cached(root: Path, cache_path: Path, load: Callable[[], T]) -> T:
    """What `load()` returns for the pack in `root`, from `cache_path` when that is still true."""
    stamp = folder_stamp(Path(root))
    if stamp is None:
        return load()
    return _through(f"{stamp}:{_code_stamp()}", cache_path, load)


def load_cached_paper(data: bytes, what: str, cache_root: Path, load: Callable[[], T]) -> T:
    """What `load()` makes of one paper's bytes `data` (read as `what` says), from a copy under
    `cache_root` while the bytes, `what` and the reading code are unchanged: a paper added to a pack
    is read alone, the others come from here."""
    digest = _Digest(what)
    digest.update(data)
    stamp = f"{digest.hexdigest()}:{_code_stamp()}"
    return _through(stamp, cache_root / "papers" / f"{_Digest(stamp).hexdigest()}.pickle", load)


def _through(stamp: str, cache_path: Path, load: Callable[[], T]) -> T:
    try:
        with open(cache_path, "rb") as fh:
            saved_stamp, value = pickle.load(fh)
        if saved_stamp == stamp:
            return value
    except Exception:  # noqa: BLE001, S110 - a bad copy of any kind just means reading the pack again
        pass
    value = load()
    _save(cache_path, (stamp, value))
    return value


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
