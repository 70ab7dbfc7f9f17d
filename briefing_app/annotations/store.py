"""Annotations in SQLite under the user data folder: one database for all packs, keyed by pack.

WAL journal, every change its own transaction, synchronous=FULL so an add that has returned
survives the process being killed; a busy timeout so two app processes can write at once.
The schema version lives in PRAGMA user_version and is migrated forward; a database written by a
newer Briefing is refused, not touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from briefing_app.annotations.model import COLOURS, Annotation, Selector
from briefing_app.errors import BriefingError
from briefing_app.paths import data_dir

SCHEMA_VERSION = 1
FILENAME = "annotations.sqlite3"
MIGRATIONS = {
    1: """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            pack TEXT NOT NULL,
            doc TEXT NOT NULL,
            block TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            position_start INTEGER NOT NULL,
            position_end INTEGER NOT NULL,
            doc_hash TEXT NOT NULL,
            colour TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        );
        CREATE INDEX annotations_pack ON annotations (pack, doc);
    """,
}
COLUMNS = (
    "id, pack, doc, block, start, end, quote, prefix, suffix, position_start, position_end, doc_hash, "
    "colour, comment, tags, created, modified"
)


class StoreError(BriefingError):
    """The annotation database cannot be used; str() says why and what to do."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class AnnotationStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else data_dir() / FILENAME
        self.read_only = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"The folder for your annotations, {self.path.parent}, cannot be made "
                f"({exc.strerror or exc}). Reading goes on, but annotations cannot be kept until it can."
            ) from None
        try:
            self.db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout = 10000")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:
            raise StoreError(
                f"Your annotations database {self.path} cannot be read ({exc}). It has been left as it is."
            ) from None
        try:
            self._check(version, tables)
            self._open_for_writing(version)
        except BaseException:
            self.db.close()
            raise

    def _check(self, version: int, tables: set[str]) -> None:
        """Refuse, before changing anything, a database this version of Briefing did not make."""
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"Your annotations at {self.path} were saved by a newer version of Briefing "
                f"(format {version}; this version reads up to {SCHEMA_VERSION}). They have not been touched: "
                "update Briefing to open them."
            )
        if version < 0 or (version == 0 and tables) or (version > 0 and "annotations" not in tables):
            raise StoreError(
                f"Your annotations database {self.path} is in a form Briefing does not know "
                f"(format {version}, tables: {', '.join(sorted(tables)) or 'none'}). "
                "It has been left as it is; move it aside to start afresh, "
                "or open it with the version of Briefing that made it."
            )

    def _open_for_writing(self, version: int) -> None:
        try:
            self._use_wal()
            self.db.execute("PRAGMA synchronous = FULL")
            self._migrate(version)
        except sqlite3.OperationalError as exc:
            if "readonly" not in str(exc) or version < SCHEMA_VERSION:
                raise StoreError(_failure(self.path, exc, "it could not be opened")) from None
            # A database the user may not write (a read-only file or folder): show it, refuse changes.
            self.read_only = True

    def _use_wal(self) -> None:
        # Switching a new database to WAL needs a moment alone with it, and SQLite reports "locked"
        # at once rather than waiting when another process is opening it too: wait and try again.
        deadline = time.monotonic() + 10.0
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _migrate(self, version: int) -> None:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                current = self.db.execute("PRAGMA user_version").fetchone()[0]
                if current < target:  # another process may have migrated meanwhile
                    for statement in MIGRATIONS[target].split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {target}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.db.close()

    # -- changes, each its own transaction ------------------------------------------------------
    def add(
        self,
        pack: str,
        selector: Selector,
        colour: str = "yellow",
        comment: str = "",
        tags=(),
        id: str | None = None,
        created: str | None = None,
        modified: str | None = None,
    ) -> Annotation:
        if colour not in COLOURS:
            raise StoreError(f"'{colour}' is not a highlight colour; use one of {', '.join(COLOURS)}.")
        stamp = now()
        annotation = Annotation(
            id=id or _new_id(),
            pack=pack,
            selector=selector,
            colour=colour,
            comment=comment,
            tags=tuple(dict.fromkeys(t.strip() for t in tags if t.strip())),
            created=created or stamp,
            modified=modified or stamp,
        )
        with self._writing("the annotation was not saved"):
            self._insert(annotation)
        return annotation

    def restore_many(self, annotations: list[Annotation]) -> None:
        """Store each annotation as it is, all in one transaction: all of them or, on any error, none."""
        for annotation in annotations:
            if annotation.colour not in COLOURS:
                raise StoreError(f"'{annotation.colour}' is not a highlight colour; nothing was imported.")
        with self._writing("nothing was imported"):
            for annotation in annotations:
                self._insert(annotation)

    def _insert(self, annotation: Annotation) -> None:
        self.db.execute(
            f"INSERT INTO annotations ({COLUMNS}) VALUES ({', '.join('?' * 17)})",
            (
                annotation.id,
                annotation.pack,
                *_selector_values(annotation.selector),
                annotation.colour,
                annotation.comment,
                json.dumps(list(annotation.tags)),
                annotation.created,
                annotation.modified,
            ),
        )

    @contextlib.contextmanager
    def _writing(self, otherwise: str) -> Iterator[None]:
        """One transaction; any database error becomes a StoreError saying `otherwise` (nothing changed)."""
        if self.read_only:
            raise StoreError(
                f"Your annotations database {self.path} is read-only, so {otherwise}. "
                "Make the file (and its folder) writable and try again."
            )
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                yield
        except sqlite3.Error as exc:
            raise StoreError(_failure(self.path, exc, otherwise)) from None

    def update(
        self, annotation_id: str, *, colour=None, comment=None, tags=None, selector: Selector | None = None
    ) -> None:
        current = self.get(annotation_id)
        if current is None:
            raise StoreError("That annotation no longer exists.")
        if colour is not None and colour not in COLOURS:
            raise StoreError(f"'{colour}' is not a highlight colour; use one of {', '.join(COLOURS)}.")
        s = selector or current.selector
        with self._writing("the change was not saved"):
            self.db.execute(
                "UPDATE annotations SET colour=?, comment=?, tags=?, doc=?, block=?, start=?, end=?, "
                "quote=?, prefix=?, suffix=?, position_start=?, position_end=?, doc_hash=?, modified=? "
                "WHERE id=?",
                (
                    colour or current.colour,
                    current.comment if comment is None else comment,
                    json.dumps(list(current.tags if tags is None else tags)),
                    *_selector_values(s),
                    now(),
                    annotation_id,
                ),
            )

    def delete(self, annotation_id: str) -> Annotation | None:
        current = self.get(annotation_id)
        with self._writing("the annotation was not deleted"):
            self.db.execute("DELETE FROM annotations WHERE id=?", (annotation_id,))
        return current

    def restore(self, annotation: Annotation) -> None:
        """Store an annotation exactly as it is, keeping its id and times (undoing a delete; importing)."""
        self.add(
            annotation.pack,
            annotation.selector,
            annotation.colour,
            annotation.comment,
            annotation.tags,
            id=annotation.id,
            created=annotation.created,
            modified=annotation.modified,
        )

    # -- reading ----------------------------------------------------------------------------
    def get(self, annotation_id: str) -> Annotation | None:
        rows = self._read(f"SELECT {COLUMNS} FROM annotations WHERE id=?", (annotation_id,))
        return _annotation(rows[0]) if rows else None

    def list(self, pack: str) -> list[Annotation]:
        rows = self._read(
            f"SELECT {COLUMNS} FROM annotations WHERE pack=? ORDER BY doc, position_start, created", (pack,)
        )
        return [_annotation(r) for r in rows]

    def _read(self, sql: str, args: tuple) -> list:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(_failure(self.path, exc, "your annotations could not be read")) from None

    def integrity(self) -> str:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]


def _failure(path: Path, exc: sqlite3.Error, otherwise: str) -> str:
    text = str(exc)
    if "readonly" in text:
        why = "is read-only"
    elif "full" in text:
        why = "is on a disk that is full"
    elif "locked" in text or "busy" in text:
        why = "is busy (another Briefing is writing to it); try again in a moment"
    else:
        why = f"could not be used ({text})"
    return f"Your annotations database {path} {why}, so {otherwise}."


def _selector_values(s: Selector) -> tuple:
    """A selector's columns, in the table's order (doc ... doc_hash)."""
    return (
        s.doc,
        s.block,
        s.start,
        s.end,
        s.quote,
        s.prefix,
        s.suffix,
        s.position_start,
        s.position_end,
        s.doc_hash,
    )


def _annotation(row) -> Annotation:
    (
        id_,
        pack,
        doc,
        block,
        start,
        end,
        quote,
        prefix,
        suffix,
        pstart,
        pend,
        doc_hash,
        colour,
        comment,
        tags,
        created,
        modified,
    ) = row
    return Annotation(
        id=id_,
        pack=pack,
        selector=Selector(doc, block, start, end, quote, prefix, suffix, pstart, pend, doc_hash),
        colour=colour,
        comment=comment,
        tags=_tags(tags),
        created=created,
        modified=modified,
    )


def _tags(stored: str) -> tuple[str, ...]:
    # A row edited by hand could hold anything here; the annotation is kept, its tags if they read.
    try:
        tags = json.loads(stored)
    except (TypeError, ValueError, RecursionError):
        return ()
    return tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else ()


def _new_id() -> str:
    import uuid  # here: importing it costs start-up several milliseconds, and only adding needs it

    return str(uuid.uuid4())
