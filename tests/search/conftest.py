from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_app.paths import bundled_pack_dir
from briefing_app.search import open_engine
from briefing_app.search.store import build_index


@pytest.fixture(scope="session")
def built_index(tmp_path_factory, bundled_pack) -> Path:
    """The bundled pack's index, built once per session into a scratch folder."""
    path = tmp_path_factory.mktemp("index") / "bundled"
    build_index(bundled_pack, path)
    return path


@pytest.fixture(scope="session")
def engine(bundled_pack):
    eng, _ = open_engine(bundled_pack)
    yield eng
    eng.close()


@pytest.fixture
def pack_copy(tmp_path) -> Path:
    """A writable copy of the bundled pack, for tests that change documents."""
    target = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), target)
    return target
