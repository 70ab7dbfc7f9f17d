"""Bad input never crashes: every problem names its file (and line); good documents still open."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.errors import PackError
from briefing_app.pack import load_pack

GOOD = "One paragraph of text.\n"


def make_pack(root: Path, manifest: str, files: dict[str, bytes | str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(manifest, encoding="utf-8")
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


MANIFEST = """\
id: test-pack
title: Test pack
documents:
  - id: good
    file: docs/good.txt
    title: Good
  - id: missing
    file: docs/missing.txt
    title: Missing
  - id: latin1
    file: docs/latin1.txt
    title: Latin-1
  - id: empty
    file: docs/empty.txt
    title: Empty
  - id: escape
    file: ../outside.txt
    title: Escape
  - id: folder
    file: docs/folder
    title: A folder
"""


def test_each_bad_document_is_a_problem_and_good_ones_open(tmp_path):
    root = make_pack(
        tmp_path / "pack",
        MANIFEST,
        {
            "docs/good.txt": GOOD,
            "docs/latin1.txt": b"first line\nsecond \xe9t\xe9 line\n",
            "docs/empty.txt": "  \n\n",
            "docs/folder/x.txt": GOOD,
        },
    )
    (tmp_path / "outside.txt").write_text(GOOD, encoding="utf-8")
    pack = load_pack(root)
    assert [d.id for d in pack.documents] == ["good"]
    problems = {(p.file, p.line): p.message for p in pack.problems}
    assert problems[("docs/missing.txt", None)] == "the file is missing"
    assert problems[("docs/latin1.txt", 2)].startswith("the file is not UTF-8 text")
    assert problems[("docs/empty.txt", None)] == "the file is empty"
    assert problems[("docs/folder", None)] == "this is a folder, not a document"
    escape = [p for p in pack.problems if "outside the pack folder" in p.message]
    assert escape and escape[0].file == "pack.yaml" and escape[0].line == 17


def test_yaml_error_names_file_and_line(tmp_path):
    root = make_pack(tmp_path / "pack", "id: x\ntitle: [unclosed\ndocuments: []\n")
    with pytest.raises(PackError) as info:
        load_pack(root)
    assert info.value.file == "pack.yaml" and info.value.line == 3
    assert "not valid YAML" in str(info.value)


def test_missing_manifest_and_missing_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(PackError, match="no pack.yaml"):
        load_pack(tmp_path / "empty")
    with pytest.raises(PackError, match="does not exist"):
        load_pack(tmp_path / "nowhere")


def test_unknown_key_suggests_the_nearest(tmp_path):
    root = make_pack(
        tmp_path / "pack",
        "id: x\ntitel: T\ndocuments:\n  - id: a\n    file: a.txt\n    title: A\n    publsher: Me\n",
        {"a.txt": GOOD},
    )
    pack = load_pack(root)
    messages = {(p.line, p.message) for p in pack.problems}
    assert (2, "unknown key 'titel' (did you mean 'title'?)") in messages
    assert (7, "unknown key 'publsher' (did you mean 'publisher'?)") in messages
    assert [d.id for d in pack.documents] == ["a"]


def test_duplicate_ids_bad_dates_and_formats(tmp_path):
    root = make_pack(
        tmp_path / "pack",
        "id: x\ntitle: T\ndocuments:\n"
        "  - {id: a, file: a.txt, title: A, date: 2012-13}\n"
        "  - {id: a, file: a.txt, title: Again}\n"
        "  - {id: b, file: a.txt, title: B, format: word}\n",
        {"a.txt": GOOD},
    )
    pack = load_pack(root)
    messages = [p.message for p in pack.problems]
    assert "'date' must be YYYY, YYYY-MM or YYYY-MM-DD" in messages
    assert "document id 'a' is used twice" in messages
    assert any(m.startswith("unknown format 'word'") for m in messages)
    assert [d.id for d in pack.documents] == ["a", "b"]


def test_dates_keep_their_precision(tmp_path):
    root = make_pack(
        tmp_path / "pack",
        "id: x\ntitle: T\ndocuments:\n"
        "  - {id: a, file: a.txt, title: A, date: 2013-03-12}\n"
        "  - {id: b, file: a.txt, title: B, date: 2012-02}\n"
        "  - {id: c, file: a.txt, title: C, date: 2012}\n",
        {"a.txt": GOOD},
    )
    assert [d.meta.date for d in load_pack(root).documents] == ["2013-03-12", "2012-02", "2012"]
