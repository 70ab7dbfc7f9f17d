"""`briefing-app pack check`: every problem with file and line, non-zero exit on errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA


def check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", "pack", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_bundled_and_example_packs_are_clean():
    for pack in (Path(__file__).resolve().parent.parent / "resources", DATA / "example-pack"):
        done = check(pack)
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout == ""
        assert "0 problems" in done.stderr


def test_three_problems_with_file_and_line(tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(DATA / "example-pack", pack)
    aims = pack / "comparisons" / "aims.yaml"
    aims.write_text(
        aims.read_text(encoding="utf-8").replace("good transport links", "good bus links"), encoding="utf-8"
    )
    manifest = pack / "pack.yaml"
    missing = (
        "  - id: appendix\n    file: documents/appendix.txt\n    title: Appendix\n"  # a missing document
    )
    text = manifest.read_text(encoding="utf-8").replace("comparisons:\n", missing + "comparisons:\n")
    manifest.write_text(text + "  - comparisons/broken.yaml\n", encoding="utf-8")
    (pack / "comparisons" / "broken.yaml").write_text(
        "id: broken\ntitle: [unclosed\nrows: []\n", encoding="utf-8"
    )
    done = check(pack)
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 3, lines
    assert "documents/appendix.txt: the file is missing" in lines
    assert any(line.startswith("comparisons/aims.yaml:15:") and "good bus links" in line for line in lines)
    assert any(line.startswith("comparisons/broken.yaml:3: not valid YAML") for line in lines)


def test_a_pack_that_cannot_open_is_one_line_and_non_zero(tmp_path: Path):
    (tmp_path / "pack.yaml").write_text("id: x\ntitle: [oops\n", encoding="utf-8")
    done = check(tmp_path)
    assert done.returncode == 1 and done.stdout.strip().startswith("pack.yaml:3: not valid YAML")


def test_warnings_on_the_varied_papers_name_file_and_line_and_do_not_fail():
    done = check(DATA / "varied-pack")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "documents/harbour-scrutiny.txt:30: warning: note marker † has no note in the document"
    ]
    assert "0 problems, 1 warning" in done.stderr


def test_each_kind_of_warning(tmp_path: Path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "pack.yaml").write_text(
        "id: flawed\ntitle: Flawed\ndocuments:\n"
        "  - id: paper\n    file: documents/paper.txt\n    title: Paper\n    format: report\n"
        "  - id: notes\n    file: documents/notes.md\n    title: Notes\n    format: markdown\n",
        encoding="utf-8",
    )
    (tmp_path / "documents" / "paper.txt").write_text(
        "Housing Board\n\n"
        "The board agreed that the council should build more homes in the towns and villages of\n\n"
        "Next steps\n\n"
        "The council will consult on the plan and report back to the board in the new year.\n\n"
        "Housing Board\n\n"
        "Officers will now prepare a plan for the board to agree in March of next year.\n\n"
        "Housing Board\n\n"
        "The board will meet again in the spring to agree the plan and the budget for it\n\n",
        encoding="utf-8",
    )
    (tmp_path / "documents" / "notes.md").write_text(
        "# Notes paper\n\nA claim<sup>1</sup> and another<sup>2</sup>.\n\n---\n\n"
        "<sup>1</sup> A source.\n\n<sup>5</sup> A note nothing refers to.\n",
        encoding="utf-8",
    )
    done = check(tmp_path)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        'documents/paper.txt:1: warning: "Housing Board" is repeated 3 times in the text: '
        "page furniture left in?",
        'documents/paper.txt:3: warning: the paragraph "The board agreed that the council should '
        'build more homes..." stops mid-sentence before a heading',
        "documents/notes.md:3: warning: note marker 2 has no note in the document",
        "documents/notes.md:9: warning: note 5 is not referred to by any marker in the text",
    ]
