"""A cache folder that cannot take the index gives a sentence naming the folder."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.paths import bundled_pack_dir
from briefing_app.search import store
from tests.hostile.helpers import assert_clean_failure, cli


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), target)
    return target


def test_a_cache_that_is_not_a_folder(pack_dir: Path, tmp_path: Path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker / "cache"))
    done = cli("search", "--pack", str(pack_dir), "snooping")
    assert_clean_failure(done, 2, "The search index cannot be written in", str(blocker))


@pytest.mark.parametrize(
    "code, sentence",
    [
        (errno.EROFS, "the folder is read-only"),
        (errno.EACCES, "the folder is read-only"),
        (errno.ENOSPC, "the disk is full"),
    ],
)
def test_a_read_only_or_full_cache(pack_dir: Path, monkeypatch, capsys, code, sentence):
    def refuse(*_args, **_kwargs):
        raise OSError(code, "refused")  # what the disk says; root cannot be refused for real here

    monkeypatch.setattr(store, "write_index", refuse)
    assert main(["search", "--pack", str(pack_dir), "snooping"]) == 2
    err = capsys.readouterr().err
    assert sentence in err and "Traceback" not in err
    assert "indexes" in err  # the folder is named
    assert [p.name for p in store.cache_dir().joinpath("indexes").iterdir() if ".building-" in p.name] == []
