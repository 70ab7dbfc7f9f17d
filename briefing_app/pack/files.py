"""The one way a file of a pack is opened: by a checked name, inside the pack folder, as a regular file.

A pack arrives from elsewhere (a download, a colleague's USB stick), so its names are not trusted. A
name is refused before anything is opened if it is absolute, climbs out with `..`, or holds a NUL or
another control character. The file is then reached one folder at a time without following any
symbolic link, must be a regular file (not a FIFO, which would block the reader for ever, nor a
device such as /dev/zero, which never ends), and is read only up to a size limit.

While a `recording()` is active, every name asked for is noted with a digest of what was found, so
the opened-pack cache can tell later whether any file the pack was read from has changed.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path

from briefing_app.errors import BriefingError

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # far above any board paper; a bound on memory, not a style rule
MAX_YAML_BYTES = 1024 * 1024  # pack.yaml and comparison files are a few kilobytes
MAX_NAME = 1024

_recording: contextvars.ContextVar[dict[str, tuple[int, str]] | None] = contextvars.ContextVar(
    "pack_files", default=None
)


class PackFileError(BriefingError):
    """A file named by a pack cannot be used; str() is the reason, without the file name."""

    def __init__(self, message: str, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing


def name_problem(name: object) -> str | None:
    """Why `name` cannot name a file in a pack, or None when it can."""
    if not isinstance(name, str) or not name.strip():
        return "a file name must be text, such as documents/paper.md"
    if len(name) > MAX_NAME:
        return f"the file name is longer than {MAX_NAME} characters"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "the file name holds a control character (such as a NUL byte)"
    if "\\" in name:
        return "use / between folder names, not \\"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "the file name must be relative to the pack folder, not an absolute path"
    if ".." in name.split("/"):
        return "the file name points outside the pack folder ('..'); documents must live inside it"
    return None


def read_bytes(root: Path, name: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the pack file `name` under `root`. Raises PackFileError saying why it cannot be read."""
    try:
        data = _read(root, name, limit)
    except PackFileError as exc:
        _note(name, limit, f"error:{exc}")
        raise
    _note(name, limit, _digest(data))
    return data


def digest(root: Path, name: str, limit: int) -> str:
    """What `read_bytes` would note for `name` now: its digest, or the reason it cannot be read."""
    try:
        data = _read(root, name, limit)
    except PackFileError as exc:
        return f"error:{exc}"
    return _digest(data)


def _digest(data: bytes) -> str:
    # Not cryptographic: the cache guards against edits, not an adversary (see cache.py).
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


@contextlib.contextmanager
def recording() -> Iterator[dict[str, tuple[int, str]]]:
    """Note (name -> (size limit, digest)) of every pack file read inside the `with` block."""
    seen: dict[str, tuple[int, str]] = {}
    token = _recording.set(seen)
    try:
        yield seen
    finally:
        _recording.reset(token)


def _note(name: str, limit: int, value: str) -> None:
    seen = _recording.get()
    if seen is not None:
        seen[name] = (limit, value)


def read_head(root: Path, name: str, size: int) -> bytes:
    """The first `size` bytes of the pack file `name` (to tell a PDF by its first bytes), checked
    as `read_bytes` checks it but with no size limit, since no more than `size` is read."""
    where, info = _checked(root, name)
    return _read_regular(where, info, size, head=True)


def _read(root: Path, name: str, limit: int) -> bytes:
    where, info = _checked(root, name)
    if info.st_size > limit:
        raise PackFileError(f"the file is too large ({_size(info.st_size)}; the limit is {_size(limit)})")
    return _read_regular(where, info, limit)


def _checked(root: Path, name: str) -> tuple[Path, os.stat_result]:
    """Where `name` is and what lstat says of it, once it is known to be a regular file reached
    through real folders; PackFileError saying why not."""
    problem = name_problem(name)
    if problem:
        raise PackFileError(problem)
    where = Path(root)
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts:
        raise PackFileError("a file name must be text, such as documents/paper.md")
    for i, part in enumerate(parts):
        where = where / part
        try:
            info = os.lstat(where)
        except FileNotFoundError:
            raise PackFileError("the file is missing", missing=True) from None
        except OSError as exc:
            raise PackFileError(f"the file cannot be read ({exc.strerror})") from None
        if stat.S_ISLNK(info.st_mode):
            what = (
                "this is a symbolic link"
                if i == len(parts) - 1
                else f"the folder '{part}' is a symbolic link"
            )
            raise PackFileError(f"{what}; documents must be real files inside the pack folder")
        if i < len(parts) - 1 and not stat.S_ISDIR(info.st_mode):
            raise PackFileError(f"'{part}' is not a folder")
    if stat.S_ISDIR(info.st_mode):
        raise PackFileError("this is a folder, not a document")
    if not stat.S_ISREG(info.st_mode):
        raise PackFileError("this is not a regular file (a device, pipe or socket); it was not opened")
    return where, info


def _read_regular(where: Path, info: os.stat_result, limit: int, head: bool = False) -> bytes:
    # O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a FIFO since lstat, the open
    # fails or returns at once instead of following it or blocking; fstat then proves it is the same file.
    flags = (
        os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(where, flags)
    except OSError as exc:
        raise PackFileError(f"the file cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        opened = os.fstat(fh.fileno())
        if not stat.S_ISREG(opened.st_mode) or (opened.st_ino, opened.st_dev) != (info.st_ino, info.st_dev):
            raise PackFileError("the file changed while it was being opened; it was not read")
        try:
            data = fh.read(limit if head else limit + 1)
        except OSError as exc:
            raise PackFileError(f"the file cannot be read ({exc.strerror})") from None
    if len(data) > limit:
        raise PackFileError(f"the file is too large (over {_size(limit)})")
    return data


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
