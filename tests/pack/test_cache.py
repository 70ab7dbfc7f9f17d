"""The opened-pack cache saves time and never changes what is read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from briefing_app.pack import load_pack
from briefing_app.pack.cache import cache_file, load_cached

DATA = Path(__file__).resolve().parent.parent / "data"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(DATA / "example-pack", root)
    return root


def _load(root: Path, cache: Path, calls: list[int]):
    def read():
        calls.append(1)
        return load_pack(root)

    return load_cached(root, cache_file(cache, root, "pack"), read)


def test_second_open_comes_from_the_cache_and_equals_a_fresh_read(tmp_path: Path):
    root, cache, calls = _copy(tmp_path), tmp_path / "cache", []
    first = _load(root, cache, calls)
    second = _load(root, cache, calls)
    assert len(calls) == 1
    assert second == first == load_pack(root)
    assert second is not first


def test_an_edited_document_is_read_again(tmp_path: Path):
    root, cache, calls = _copy(tmp_path), tmp_path / "cache", []
    before = _load(root, cache, calls)
    doc = before.documents[0]
    path = root / doc.meta.file
    text = path.read_text(encoding="utf-8")
    # Same length, different words: a size-only check would miss it.
    word = doc.blocks[-1].text.split()[-1].strip(".")
    assert len(word) > 2 and word in text
    path.write_text(text.replace(word, word[::-1].upper()), encoding="utf-8")
    after = _load(root, cache, calls)
    assert len(calls) == 2
    assert after.documents[0].blocks[-1].text != doc.blocks[-1].text


def test_only_the_files_the_pack_names_are_read(tmp_path: Path):
    root, cache, calls = _copy(tmp_path), tmp_path / "cache", []
    _load(root, cache, calls)
    # A file pack.yaml does not name is never opened, not even to check the cache: a FIFO here
    # would block any reader that opened it.
    os.mkfifo(root / "stray.fifo")
    (root / "notes.txt").write_text("added later\n", encoding="utf-8")
    _load(root, cache, calls)
    assert len(calls) == 1
    manifest = root / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    _load(root, cache, calls)
    assert len(calls) == 2


def test_a_named_file_that_appears_later_is_noticed(tmp_path: Path):
    root, cache, calls = _copy(tmp_path), tmp_path / "cache", []
    first = _load(root, cache, calls)
    name = first.documents[0].meta.file
    text = (root / name).read_text(encoding="utf-8")
    (root / name).unlink()
    assert len(_load(root, cache, calls).documents) == len(first.documents) - 1
    (root / name).write_text(text, encoding="utf-8")
    assert _load(root, cache, calls) == first
    assert len(calls) == 3


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path: Path):
    root, cache, calls = _copy(tmp_path), tmp_path / "cache", []
    good = _load(root, cache, calls)
    where = cache_file(cache, root, "pack")
    where.write_bytes(where.read_bytes()[:100])
    assert _load(root, cache, calls) == good
    assert len(calls) == 2
    assert _load(root, cache, calls) == good
    assert len(calls) == 2  # the damaged copy was replaced by a good one


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path):
    root, calls = _copy(tmp_path), []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert _load(root, blocker, calls) == load_pack(root)
    assert _load(root, blocker, calls) == load_pack(root)
    assert len(calls) == 2
