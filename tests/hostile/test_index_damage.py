"""A damaged index is found out (checksums at open, any failure while searching) and rebuilt,
with a sentence, never a traceback; the bundled read-only index is rebuilt in the cache."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from briefing_app.errors import IndexDamaged
from briefing_app.pack import load_pack
from briefing_app.paths import bundled_index_dir, bundled_pack_dir
from briefing_app.search import open_engine, store
from briefing_app.search.store import SIDECAR, cache_location, check_index, pack_fingerprint
from tests.hostile.helpers import assert_clean_failure, cli


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), target)
    return target


def _biggest(folder: Path) -> Path:
    return max((p for p in folder.iterdir() if p.name != SIDECAR), key=lambda p: p.stat().st_size)


def _scramble(path: Path, at: float = 0.5, n: int = 64) -> None:
    """Same size, other bytes: a size check alone trusts it."""
    data = bytearray(path.read_bytes())
    start = int(len(data) * at)
    data[start : start + n] = bytes((b ^ 0x5A) for b in data[start : start + n])
    path.write_bytes(bytes(data))


def test_same_size_damage_is_found_by_the_checksums_and_rebuilt(pack_dir: Path):
    pack = load_pack(pack_dir)
    engine, _ = open_engine(pack)
    engine.close()
    folder = cache_location(pack)
    size = _biggest(folder).stat().st_size
    _scramble(_biggest(folder))
    assert _biggest(folder).stat().st_size == size
    assert check_index(folder, pack_fingerprint(pack)).state == "damaged"
    done = cli("search", "--pack", str(pack_dir), "snooping")
    assert_clean_failure(done, 0, "rebuilt (index files are missing or damaged)", "1 match")


def test_damage_the_checksums_miss_is_found_while_searching_and_rebuilt(pack_dir: Path):
    pack = load_pack(pack_dir)
    engine, _ = open_engine(pack)
    engine.close()
    folder = cache_location(pack)
    segment = _biggest(folder)
    _scramble(segment, 0.05, segment.stat().st_size)  # all but its start
    # Forge the record, as damage that happened after it was written would look.
    info = json.loads((folder / SIDECAR).read_text(encoding="utf-8"))
    for name in info["files"]:
        data = (folder / name).read_bytes()
        info["files"][name] = [len(data), hashlib.sha256(data).hexdigest()]
    (folder / SIDECAR).write_text(json.dumps(info), encoding="utf-8")
    done = cli("search", "--pack", str(pack_dir), "snooping")
    assert_clean_failure(done, 0, "rebuilt", "1 match")
    assert check_index(folder, pack_fingerprint(pack)).state == "ok"


def test_any_error_while_searching_is_damage(pack_dir: Path):
    engine, _ = open_engine(load_pack(pack_dir))
    engine.searcher.close()  # its files gone from under it, as a damaged index fails
    with pytest.raises(IndexDamaged, match="damaged"):
        engine.search("snooping")
    engine, built = open_engine(load_pack(pack_dir), rebuild=True)
    assert built is not None and "damaged" in built.why
    assert engine.search("snooping").total == 1
    engine.close()


def test_a_damaged_bundled_index_is_rebuilt_in_the_cache_and_left_alone(tmp_path, bundled_pack, monkeypatch):
    copy = tmp_path / "installed-index"
    shutil.copytree(bundled_index_dir(), copy)
    _scramble(_biggest(copy))
    before = {p.name: p.read_bytes() for p in copy.iterdir()}
    monkeypatch.setattr(store, "bundled_index_dir", lambda: copy)  # the install folder, damaged
    engine, built = open_engine(bundled_pack)
    assert built is not None and built.path == cache_location(bundled_pack)
    assert engine.search("snooping").total == 1
    engine.close()
    assert {p.name: p.read_bytes() for p in copy.iterdir()} == before  # never written
    engine, built = open_engine(bundled_pack)  # the cache's copy is used from now on
    assert built is None
    engine.close()
