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
    assert any(
        line.startswith("comparisons/aims.yaml, line 15:") and "good bus links" in line for line in lines
    )
    assert any(line.startswith("comparisons/broken.yaml, line 3: not valid YAML") for line in lines)


def test_a_pack_that_cannot_open_is_one_line_and_non_zero(tmp_path: Path):
    (tmp_path / "pack.yaml").write_text("id: x\ntitle: [oops\n", encoding="utf-8")
    done = check(tmp_path)
    assert done.returncode == 1 and done.stdout.strip().startswith("pack.yaml, line 3: not valid YAML")
