"""Only the files pack.yaml names are opened, never through a symbolic link, never anything that is
not a regular file, never more than a size limit."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing_app.pack import files
from tests.hostile.helpers import HEAD, assert_clean_failure, cli, make_pack

SECRET = "a secret line outside the pack"


def _pack_with(tmp_path: Path, entry: str) -> Path:
    root = make_pack(tmp_path / "pack", HEAD + "  - {id: bad, file: " + entry + ", title: Bad}\n")
    (tmp_path / "outside.md").write_text(f"# Outside\n\n{SECRET}.\n", encoding="utf-8")
    return root


def _link(root: Path, name: str, target: str | Path) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, root / name)


CASES = {
    "symlink to a file outside": (
        lambda root, tmp: _link(root, "documents/link.md", tmp / "outside.md"),
        "documents/link.md",
        "documents/link.md: this is a symbolic link",
    ),
    "symlink to /etc/passwd": (
        lambda root, tmp: _link(root, "documents/pw.md", "/etc/passwd"),
        "documents/pw.md",
        "documents/pw.md: this is a symbolic link",
    ),
    "symlink to /dev/zero": (
        lambda root, tmp: _link(root, "documents/zero.md", "/dev/zero"),
        "documents/zero.md",
        "documents/zero.md: this is a symbolic link",
    ),
    "a folder that is a symlink": (
        lambda root, tmp: _link(root, "linked", tmp),
        "linked/outside.md",
        "linked/outside.md: the folder 'linked' is a symbolic link",
    ),
    "a FIFO": (
        lambda root, tmp: os.mkfifo(root / "documents" / "pipe.md"),
        "documents/pipe.md",
        "documents/pipe.md: this is not a regular file",
    ),
    "a folder": (
        lambda root, tmp: (root / "documents" / "dir.md").mkdir(),
        "documents/dir.md",
        "documents/dir.md: this is a folder, not a document",
    ),
    "a file past the size limit": (
        lambda root, tmp: os.truncate(_touch(root / "documents" / "huge.md"), files.MAX_DOCUMENT_BYTES + 1),
        "documents/huge.md",
        "documents/huge.md: the file is too large",
    ),
    "a missing file": (lambda root, tmp: None, "documents/none.md", "documents/none.md: the file is missing"),
}


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize("case", CASES)
def test_a_file_that_must_not_be_read_is_a_problem(case: str, tmp_path: Path):
    make, name, message = CASES[case]
    root = _pack_with(tmp_path, name)
    make(root, tmp_path)
    assert_clean_failure(cli("pack", "check", str(root)), 1, message)
    done = cli("inspect", "--json", "--pack", str(root), timeout=30)
    assert_clean_failure(done, 0)
    data = json.loads(done.stdout)
    assert [d["id"] for d in data["documents"]] == ["good"]
    assert SECRET not in done.stdout and "root:" not in done.stdout


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: os.mkfifo(root / "pack.yaml"), "pack.yaml cannot be used: this is not a regular file"),
        (
            lambda root: os.symlink("/dev/zero", root / "pack.yaml"),
            "pack.yaml cannot be used: this is a symbolic link",
        ),
        (lambda root: (root / "pack.yaml").mkdir(), "pack.yaml cannot be used: this is a folder"),
    ],
    ids=["FIFO", "symlink to /dev/zero", "folder"],
)
def test_a_pack_yaml_that_is_not_a_file_is_refused_without_blocking(make, message, tmp_path: Path):
    root = tmp_path / "pack"
    root.mkdir()
    make(root)
    assert_clean_failure(cli("pack", "check", str(root), timeout=30), 1, message)


def test_a_comparison_through_a_symlink_is_not_read(tmp_path: Path):
    root = make_pack(tmp_path / "pack", HEAD + "comparisons: [c.yaml, d.yaml]\n")
    os.symlink("/dev/zero", root / "c.yaml")
    os.mkfifo(root / "d.yaml")
    done = cli("pack", "check", str(root), timeout=30)
    assert_clean_failure(done, 1, "c.yaml: the comparison file cannot be used: this is a symbolic link")
    assert "d.yaml: the comparison file cannot be used: this is not a regular file" in done.stdout


def test_the_window_reads_only_the_named_files(tmp_path: Path):
    """A FIFO, a link to /dev/zero and a link out of the pack, unnamed, lie in the folder: the window
    opens (offscreen, to a screenshot) without blocking on them or reading them."""
    root = make_pack(tmp_path / "pack", HEAD)
    os.mkfifo(root / "stray.fifo")
    os.symlink("/dev/zero", root / "documents" / "zero.md")
    os.symlink("/etc/passwd", root / "passwd")
    shot = tmp_path / "shot.png"
    done = cli("--pack", str(root), "--screenshot", str(shot), timeout=120)
    assert_clean_failure(done, 0)
    assert shot.stat().st_size > 0


@pytest.mark.parametrize(
    "name",
    ["", "   ", "/abs", "C:/x", "a\\b", "../x", "a/../../x", "a\0b", "a\nb", "x" * 2000, 5, None, ["a"]],
)
def test_names_that_are_refused(name):
    assert files.name_problem(name)


@pytest.mark.parametrize("name", ["a.md", "documents/a.md", "./a.md", "a..b.md", "é/ü.md"])
def test_names_that_are_fine(name):
    assert files.name_problem(name) is None


def test_the_window_tells_a_pdf_pack_by_the_named_files_only(tmp_path: Path):
    """Whether a pack has PDF papers (read off the GUI thread) is decided from the files pack.yaml
    names, read as the pack reads them: a stray PDF, a FIFO or a link to /dev/zero beside them is
    never opened."""
    from briefing_app.gui.pack_loader import has_pdf_papers

    root = make_pack(tmp_path / "pack", HEAD)
    (root / "stray.pdf").write_bytes(b"%PDF-1.7\n")
    os.mkfifo(root / "stray.fifo")
    os.symlink("/dev/zero", root / "zero.pdf")
    assert not has_pdf_papers(root)
    (root / "pack.yaml").write_text(HEAD + "  - {id: paper, file: stray.pdf, title: P}\n", encoding="utf-8")
    assert has_pdf_papers(root)
    (root / "pack.yaml").write_text(HEAD + "  - {id: paper, file: zero.pdf, title: P}\n", encoding="utf-8")
    assert not has_pdf_papers(root)
