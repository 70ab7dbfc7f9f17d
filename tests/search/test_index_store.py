"""The index on disk: kept in step with the pack, rebuilt when stale or damaged, never half-built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.pack import load_pack
from briefing_app.paths import bundled_index_dir
from briefing_app.search import open_engine
from briefing_app.search.entries import iter_entries
from briefing_app.search.store import SIDECAR, build_index, cache_location, check_index, pack_fingerprint


def test_bundled_index_is_up_to_date(bundled_pack):
    status = check_index(bundled_index_dir(), pack_fingerprint(bundled_pack))
    assert status.state == "ok", f"index/ is {status.state} ({status.reason}): run `briefing-app index`"


def test_bundled_pack_opens_its_prebuilt_index_without_writing(bundled_pack):
    before = {p.name: p.stat().st_mtime_ns for p in bundled_index_dir().iterdir()}
    engine, built = open_engine(bundled_pack)
    engine.close()
    assert built is None
    assert {p.name: p.stat().st_mtime_ns for p in bundled_index_dir().iterdir()} == before


def test_stale_index_is_rebuilt_after_a_document_changes(pack_copy: Path):
    engine, built = open_engine(load_pack(pack_copy))
    assert built is not None and "no index" in built.why
    assert engine.search("Zanzibar").total == 0
    engine.close()

    doc = pack_copy / "documents" / "lga-ssc-board-item-3.txt"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace("Helen Murray", "Helen Zanzibar"), encoding="utf-8"
    )
    engine, built = open_engine(load_pack(pack_copy))
    assert built is not None and "changed" in built.why
    assert [h.doc for h in engine.search("Zanzibar").hits] == ["lga-item-3"]
    engine.close()

    engine, built = open_engine(load_pack(pack_copy))
    assert built is None  # and now it is current
    engine.close()


def test_truncated_segment_file_is_detected_and_rebuilt(pack_copy: Path):
    pack = load_pack(pack_copy)
    engine, _ = open_engine(pack)
    engine.close()
    location = cache_location(pack)
    segment = max((p for p in location.iterdir() if p.name != SIDECAR), key=lambda p: p.stat().st_size)
    with segment.open("r+b") as fh:
        fh.truncate(segment.stat().st_size // 2)
    assert check_index(location, pack_fingerprint(pack)).state == "damaged"
    engine, built = open_engine(pack)
    assert built is not None and "damaged" in built.why
    assert engine.search("Channel").total == 1
    engine.close()


def test_unreadable_sidecar_is_damaged_not_a_crash(pack_copy: Path):
    pack = load_pack(pack_copy)
    open_engine(pack)[0].close()
    (cache_location(pack) / SIDECAR).write_text("{not json", encoding="utf-8")
    engine, built = open_engine(pack)
    assert built is not None
    engine.close()


def test_failed_build_leaves_the_old_index_and_no_temporary_folder(pack_copy: Path, bundled_pack):
    pack = load_pack(pack_copy)
    target = cache_location(pack)
    build_index(pack, target)
    before = json.loads((target / SIDECAR).read_text(encoding="utf-8"))

    def explode(done, total, what):
        if done > 100:
            raise RuntimeError("killed mid-build")

    with pytest.raises(RuntimeError):
        build_index(pack, target, progress=explode)
    assert json.loads((target / SIDECAR).read_text(encoding="utf-8")) == before
    assert [p.name for p in target.parent.iterdir() if not p.name.endswith(".lock")] == [target.name]


def test_killed_build_process_leaves_no_half_index(pack_copy: Path, tmp_path: Path):
    target = tmp_path / "idx" / "pack"
    script = (
        "import os, signal, sys\n"
        "from briefing_app.pack import load_pack\n"
        "from briefing_app.search.store import build_index\n"
        "def kill(done, total, what):\n"
        "    if done > 200: os.kill(os.getpid(), signal.SIGKILL)\n"
        f"build_index(load_pack({str(pack_copy)!r}), __import__('pathlib').Path({str(target)!r}), kill)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=120, env=os.environ.copy()
    )
    assert done.returncode != 0
    assert not target.exists()  # only a temporary folder may remain, never a half index in place
    assert check_index(target, "anything").state == "missing"


def test_cli_index_and_search(pack_copy: Path):
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "briefing_app", *a], capture_output=True, text=True, timeout=120
    )
    done = run("index", "--pack", str(pack_copy))
    assert done.returncode == 0 and "Indexed" in done.stdout
    done = run("search", "--pack", str(pack_copy), "snooping", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"query", "suggestion", "total", "hits"}
    (hit,) = data["hits"]
    assert set(hit) == {"doc", "block", "kind", "number", "page", "score", "snippet", "text"}
    assert (hit["doc"], hit["kind"], hit["number"]) == ("lga-item-3", "paragraph", "5.2")
    done = run("search", "--pack", str(pack_copy), '"oops')
    assert done.returncode == 2 and "closing quotation mark" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("start_method", ["fork", "spawn"])  # spawn: as the window builds
def test_two_process_build_finds_what_one_process_finds(pack_copy: Path, tmp_path: Path, start_method):
    from whoosh import index as windex

    from briefing_app.search.engine import SearchEngine

    pack = load_pack(pack_copy)
    seen: list[tuple[int, int, str]] = []
    build_index(pack, tmp_path / "one", processes=1)
    report = build_index(
        pack, tmp_path / "two", lambda *step: seen.append(step), processes=2, start_method=start_method
    )
    assert report.processes == 2
    assert {what for *_, what in seen} == {"Indexing the pack", "Writing the index"}
    assert seen[-1][0] == seen[-1][1] == report.entries
    assert all(done <= total for done, total, _ in seen)
    engines = [SearchEngine(pack, windex.open_dir(str(tmp_path / name))) for name in ("one", "two")]
    try:
        assert len(engines[1].searcher.reader().leaf_readers()) == 2
        for text in [
            "Channel",
            '"big lunch"',
            "integrat*",
            "integraton~",
            "prevent -channel",
            "doc:lga-item-3 community",
        ]:
            one, two = (e.search(text) for e in engines)
            assert (one.total, one.counts) == (two.total, two.counts), text
            assert [(h.doc, h.block) for h in one.hits] == [(h.doc, h.block) for h in two.hits], text
    finally:
        for e in engines:
            e.close()


def _write_within(seconds: float, folder: Path, entries, **options) -> list[BaseException | None]:
    """write_index (spawned writers, as the window's) in a thread: [None] once it has written,
    [the exception] once it has failed, [] while it is still waiting after `seconds`."""
    import threading

    from briefing_app.search.store import write_index

    outcome: list[BaseException | None] = []

    def build() -> None:
        try:
            write_index(folder, entries, start_method="spawn", **options)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - the caller looks at it
            outcome.append(exc)

    builder = threading.Thread(target=build, daemon=True)
    builder.start()
    builder.join(seconds)
    return outcome


@pytest.mark.parametrize("processes", [1, 2])
def test_an_entry_with_no_word_is_indexed_and_the_build_finishes(bundled_pack, tmp_path: Path, processes):
    """A table cell holding only "—": whoosh3's pair filter failed on it, and a writer process
    that failed left the build waiting for ever."""
    import dataclasses

    from whoosh import index as windex

    entries = list(iter_entries(bundled_pack))
    entries[3:5] = [dataclasses.replace(entries[3], text="—"), dataclasses.replace(entries[4], text="")]
    assert _write_within(120, tmp_path, entries, processes=processes) == [None]
    ix = windex.open_dir(str(tmp_path))
    assert ix.doc_count_all() == len(entries)
    ix.close()


def test_writer_processes_that_die_end_the_build_with_a_reason_not_a_wait(bundled_pack, tmp_path: Path):
    """Whoosh's builder waits for ever on dead writers once its queue of jobs is full (the window
    showed "Preparing search" for good, after a word filter failed in both): now the build stops."""
    import dataclasses
    import multiprocessing

    entries = [
        dataclasses.replace(e, key=f"{e.key}-{n}") for n in range(40) for e in iter_entries(bundled_pack)
    ]

    def kill_the_writers(done: int, total: int, what: str) -> None:
        workers = multiprocessing.active_children()
        if done == 2000 and len(workers) == 2:
            for worker in workers:
                worker.kill()
                worker.join()

    (tmp_path / "ix").mkdir()
    outcome = _write_within(120, tmp_path / "ix", entries, processes=2, progress=kill_the_writers)
    assert outcome, "the build is still waiting on a dead writer"
    assert isinstance(outcome[0], OSError), outcome


def test_two_opens_of_one_pack_build_its_index_once(pack_copy: Path):
    import threading

    pack = load_pack(pack_copy)
    opened: list = []
    threads = [threading.Thread(target=lambda: opened.append(open_engine(pack))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(opened) == 2
    assert sorted(built is None for _, built in opened) == [False, True]  # one built, one waited
    for engine, _ in opened:
        assert engine.search("snooping").total == 1
        engine.close()
    leftovers = [p.name for p in cache_location(pack).parent.iterdir() if ".building-" in p.name]
    assert leftovers == []
