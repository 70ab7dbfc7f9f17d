"""Odd states of the annotations database give a message and leave the file as it was; orphaned
annotations are searched for once, then remembered."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from briefing_app.annotations import AnnotationStore, StoreError, selector_for
from briefing_app.annotations.anchor import resolve
from briefing_app.annotations.export import resolve_all
from briefing_app.annotations.store import FILENAME
from briefing_app.pack.locate import locate
from briefing_app.paths import cache_dir
from tests.hostile.helpers import assert_clean_failure, cli, orphaned_annotations


def _database(folder: Path, *statements: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / FILENAME
    con = sqlite3.connect(db)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return db


CASES = {
    "user_version -1": (("PRAGMA user_version = -1",), "is in a form Briefing does not know (format -1"),
    "a table left from version 0": (
        ("CREATE TABLE annotations (id TEXT)", "INSERT INTO annotations VALUES ('old')"),
        "is in a form Briefing does not know (format 0, tables: annotations)",
    ),
    "version 1 with no table": (
        ("PRAGMA user_version = 1", "CREATE TABLE other (x)"),
        "(format 1, tables: other)",
    ),
    "a newer version": (("PRAGMA user_version = 7",), "saved by a newer version of Briefing (format 7"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_odd_database_is_refused_and_left_untouched(case: str, tmp_path: Path):
    statements, message = CASES[case]
    data = tmp_path / "data"
    db = _database(data, *statements)
    before = db.read_bytes()
    for action in ("list", "add"):
        args = ["--doc", "lga-item-3", "--quote", "snooping"] if action == "add" else []
        done = cli("--data-dir", str(data), "annotations", action, *args)
        assert_clean_failure(done, 2, message, "It has been left as it is" if "-1" in message else "")
    assert db.read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == [FILENAME]  # no -wal or -shm made beside it


def test_a_database_that_is_not_one_is_left_untouched(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / FILENAME).write_bytes(b"this is not SQLite" * 100)
    done = cli("--data-dir", str(data), "annotations", "list")
    assert_clean_failure(done, 2, "cannot be read (file is not a database). It has been left as it is.")
    assert (data / FILENAME).read_bytes() == b"this is not SQLite" * 100


def test_an_unwritable_data_folder_is_a_message(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    done = cli("--data-dir", str(blocker / "data"), "annotations", "list")
    assert_clean_failure(done, 2, "The folder for your annotations", "cannot be made")


def test_an_add_to_a_read_only_database_is_a_message_and_changes_nothing(tmp_path: Path, bundled_pack):
    store = AnnotationStore(tmp_path / FILENAME)
    doc = bundled_pack.document("lga-item-3")
    found = locate(doc, "victims of state 'snooping'")
    store.add(bundled_pack.id, selector_for(doc, found.block, found.start, found.end), comment="kept")
    # The tests run as root, whom file modes do not stop: SQLite's own read-only switch stands in
    # for a file the user may not write (the store opens such a file read-only; see store.py).
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="is read-only, so the annotation was not saved"):
        store.add(bundled_pack.id, selector_for(doc, found.block, found.start, found.end))
    [kept] = store.list(bundled_pack.id)
    with pytest.raises(StoreError, match="is read-only, so the change was not saved"):
        store.update(kept.id, comment="changed")
    with pytest.raises(StoreError, match="is read-only, so nothing was imported"):
        store.restore_many([dataclasses.replace(kept, id="another")])
    store.close()
    again = AnnotationStore(tmp_path / FILENAME)
    assert [a.comment for a in again.list(bundled_pack.id)] == ["kept"]
    again.close()


def test_orphans_are_searched_for_once_and_remembered(bundled_pack):
    # 300 here; bench/orphans_bench.py times 1,000 (first open, then every open after).
    orphans = orphaned_annotations(bundled_pack, 300)
    first = resolve_all(bundled_pack, orphans)
    assert sum(r.status == "orphaned" for r in first) > 280
    memos = list((cache_dir() / "anchoring").glob("*.json"))
    assert len(memos) == len(bundled_pack.documents)
    # What is remembered is what a fresh search finds (a sample: the search is the slow part).
    by_id = {r.annotation.id: r for r in first}
    sample = orphans[::25]
    assert [resolve(a, bundled_pack.document(a.doc)) for a in sample] == [by_id[a.id] for a in sample]
    stamps = {m: m.stat().st_mtime_ns for m in memos}
    assert resolve_all(bundled_pack, orphans) == first
    assert {m: m.stat().st_mtime_ns for m in memos} == stamps  # nothing new to remember: not written
