"""Annotations survive document changes, process kills, concurrent writers and round trips."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_app.annotations import AnnotationStore, StoreError, resolve, selector_for
from briefing_app.annotations.export import ImportError_, import_w3c, resolve_all, to_markdown, to_w3c
from briefing_app.pack import load_pack
from briefing_app.pack.locate import locate

PACK_YAML = """\
id: tiny
title: Tiny pack
documents:
  - id: paper
    file: paper.md
    title: The paper
    short_title: Paper
"""
PAPER = """\
# The paper

First paragraph about the budget of the council and its many priorities for the year.

Second paragraph says the Big Lunch brings neighbours together across the borough every summer.

Third paragraph notes that a working group on hate crime will report to the board in March.

Fourth paragraph closes with thanks to the officers who prepared the pack for members.
"""


def make_tiny(root: Path, text: str = PAPER) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (root / "paper.md").write_text(text, encoding="utf-8")
    return root


def annotate(store, pack, quote, **kw):
    doc = pack.document("paper")
    found = locate(doc, quote)
    return store.add(pack.id, selector_for(doc, found.block, found.start, found.end), **kw)


@pytest.fixture
def store(tmp_path):
    s = AnnotationStore(tmp_path / "data" / "annotations.sqlite3")
    yield s
    s.close()


def test_survival_across_edits(tmp_path, store):
    root = make_tiny(tmp_path / "pack")
    pack = load_pack(root)
    near = annotate(store, pack, "the budget of the council", comment="near")
    moved = annotate(store, pack, "thanks to the officers who prepared the pack", comment="moved")
    gone = annotate(store, pack, "a working group on hate crime", comment="gone")

    first, second, third, fourth = PAPER.split("\n\n")[1:5]
    edited = "\n\n".join(
        [
            "# The paper",
            first.replace("First paragraph about", "Opening paragraph on"),  # a word changed near the quote
            fourth.strip(),  # the fourth paragraph moved up
            second,  # the third paragraph deleted
        ]
    )
    (root / "paper.md").write_text(edited + "\n", encoding="utf-8")
    pack = load_pack(root)
    resolved = resolve_all(pack, store.list(pack.id))
    assert {r.annotation.comment: r.status for r in resolved} == {
        "near": "anchored",
        "moved": "moved",
        "gone": "orphaned",
    }
    moved_to = next(r for r in resolved if r.annotation.comment == "moved")
    block = pack.document("paper").block(moved_to.block)
    assert block.text[moved_to.start : moved_to.end] == "thanks to the officers who prepared the pack"
    orphan = next(r for r in resolved if r.status == "orphaned")
    assert orphan.annotation.selector.quote == "a working group on hate crime"
    assert orphan.annotation.comment == "gone"
    assert "Notes that could not be placed" in to_markdown(pack, resolved)
    assert {near.id, moved.id, gone.id} == {a.id for a in store.list(pack.id)}  # nothing dropped


def test_a_changed_word_inside_the_quote_reanchors_fuzzily_as_moved(tmp_path, store):
    root = make_tiny(tmp_path / "pack")
    pack = load_pack(root)
    a = annotate(store, pack, "the Big Lunch brings neighbours together across the borough")
    (root / "paper.md").write_text(
        PAPER.replace("neighbours together", "residents together"), encoding="utf-8"
    )
    r = resolve(a, load_pack(root).document("paper"))
    assert r.status == "moved" and r.score >= 0.8


def test_durability_after_sigkill(tmp_path):
    db = tmp_path / "annotations.sqlite3"
    pack_dir = make_tiny(tmp_path / "pack")
    log = tmp_path / "returned.txt"
    script = f"""
import sys
from briefing_app.pack import load_pack
from briefing_app.annotations import AnnotationStore, selector_for
pack = load_pack({str(pack_dir)!r}); doc = pack.document("paper"); block = doc.blocks[1]
store = AnnotationStore(__import__("pathlib").Path({str(db)!r}))
with open({str(log)!r}, "a") as log:
    for i in range(100000):
        a = store.add(pack.id, selector_for(doc, block.id, 0, 5), comment=f"note {{i}}")
        log.write(a.id + "\\n"); log.flush()
"""
    child = subprocess.Popen([sys.executable, "-c", script], env=os.environ.copy())
    deadline = time.time() + 60
    while time.time() < deadline and (not log.exists() or log.read_text().count("\n") < 50):
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    returned = [line for line in log.read_text().splitlines() if line]
    assert len(returned) >= 50
    store = AnnotationStore(db)
    ids = {a.id for a in store.list("tiny")}
    assert set(returned) <= ids  # every add that had returned is there
    assert store.integrity() == "ok"
    store.close()


def test_two_processes_writing_at_once(tmp_path):
    db = tmp_path / "annotations.sqlite3"
    pack_dir = make_tiny(tmp_path / "pack")
    script = f"""
import sys
from briefing_app.pack import load_pack
from briefing_app.annotations import AnnotationStore, selector_for
pack = load_pack({str(pack_dir)!r}); doc = pack.document("paper"); block = doc.blocks[1]
store = AnnotationStore(__import__("pathlib").Path({str(db)!r}))
for i in range(150):
    store.add(pack.id, selector_for(doc, block.id, 0, 5), comment=sys.argv[1] + str(i))
"""
    children = [
        subprocess.Popen([sys.executable, "-c", script, name], env=os.environ.copy()) for name in "ab"
    ]
    assert [c.wait(timeout=120) for c in children] == [0, 0]
    store = AnnotationStore(db)
    assert len(store.list("tiny")) == 300
    store.close()


def test_round_trip_and_reimport_adds_nothing(tmp_path, bundled_pack):
    first = AnnotationStore(tmp_path / "one.sqlite3")
    doc = bundled_pack.document("lga-item-3")
    found = locate(doc, "victims of state 'snooping'")
    first.add(
        bundled_pack.id, selector_for(doc, found.block, found.start, found.end), "pink", "Ask", ["privacy"]
    )
    found = locate(bundled_pack.document("sn05993"), "Prevent is not a means for spying")
    first.add(
        bundled_pack.id, selector_for(bundled_pack.document("sn05993"), found.block, found.start, found.end)
    )
    data = json.loads(json.dumps(to_w3c(bundled_pack, first.list(bundled_pack.id))))
    assert data["type"] == "AnnotationCollection" and data["first"]["items"][0]["type"] == "Annotation"
    second = AnnotationStore(tmp_path / "two.sqlite3")
    report = import_w3c(second, bundled_pack, data)
    assert (report.added, report.skipped, report.orphaned) == (2, 0, 0)
    assert second.list(bundled_pack.id) == first.list(bundled_pack.id)
    again = import_w3c(second, bundled_pack, data)
    assert (again.added, again.skipped) == (0, 2)
    assert len(second.list(bundled_pack.id)) == 2
    first.close()
    second.close()


def test_import_for_another_pack_is_refused(tmp_path, bundled_pack, store):
    other = load_pack(make_tiny(tmp_path / "pack"))
    data = to_w3c(other, [])
    with pytest.raises(ImportError_, match="belong to another pack"):
        import_w3c(store, bundled_pack, data)


def test_newer_database_is_refused_and_untouched(tmp_path):
    db = tmp_path / "annotations.sqlite3"
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.execute("CREATE TABLE future (x)")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer version of Briefing"):
        AnnotationStore(db)
    assert db.read_bytes() == before


def test_database_is_versioned_and_in_wal_mode(store):
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_cli_add_list_export_import(tmp_path):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "briefing_app", "--data-dir", str(tmp_path / "d"), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = run(
        "annotations",
        "add",
        "--doc",
        "lga-item-3",
        "--quote",
        "victims of state 'snooping'",
        "--comment",
        "Ask",
        "--tag",
        "privacy",
        "--colour",
        "pink",
    )
    assert done.returncode == 0, done.stderr
    new_id = done.stdout.strip()
    rows = json.loads(run("annotations", "list", "--json").stdout)
    assert rows == [
        {
            "id": new_id,
            "doc": "lga-item-3",
            "block": rows[0]["block"],
            "quote": "victims of state 'snooping'",
            "comment": "Ask",
            "tags": ["privacy"],
            "colour": "pink",
            "status": "anchored",
        }
    ]
    for fmt in ("md", "html", "json", "pdf"):
        out = tmp_path / f"note.{fmt}"
        assert run("annotations", "export", "--format", fmt, "--out", str(out)).returncode == 0
        assert out.stat().st_size > 100
    assert "LGA Item 3, para 5.2" in (tmp_path / "note.md").read_text(encoding="utf-8")
    done = run("annotations", "add", "--doc", "lga-item-3", "--quote", "words that are not there")
    assert done.returncode == 2 and "are not in LGA Item 3" in done.stderr
    shutil.rmtree(tmp_path / "d")
    done = run("annotations", "import", str(tmp_path / "note.json"))
    assert done.returncode == 0 and "Imported 1 annotation" in done.stdout
