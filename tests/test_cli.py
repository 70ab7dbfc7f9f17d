"""The command line, run as a real process the way scripts and CI use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pack.test_manifest import MANIFEST, make_pack


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
    )


def test_inspect_json_shape_on_the_bundled_pack():
    done = run("inspect", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["pack"] == {
        "id": "ssc-board-2012-03",
        "title": "Integration, community cohesion and preventing violent extremism",
    }
    assert data["problems"] == []
    doc = data["documents"][0]
    assert set(doc) == {"id", "title", "format", "blocks", "notes"}
    assert set(doc["blocks"][0]) == {"id", "kind", "level", "number", "page", "text", "note_refs"}
    assert set(doc["notes"][0]) == {"key", "label", "kind", "status", "text", "ibid_of"}
    kinds = {b["kind"] for d in data["documents"] for b in d["blocks"]}
    assert kinds <= {"heading", "paragraph", "list_item", "quote", "table"}
    statuses = {n["status"] for d in data["documents"] for n in d["notes"]}
    assert statuses == {"defined", "missing", "duplicate"}


def test_inspect_reports_problems_and_still_exits_zero(tmp_path: Path):
    root = make_pack(tmp_path / "pack", MANIFEST, {"docs/good.txt": "Text.\n"})
    done = run("inspect", "--pack", str(root), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [d["id"] for d in data["documents"]] == ["good"]
    assert {"file": "docs/missing.txt", "line": None, "message": "the file is missing"} in data["problems"]


def test_inspect_fails_with_one_line_when_pack_cannot_open(tmp_path: Path):
    root = make_pack(tmp_path / "pack", "id: x\ntitle: [oops\n")
    done = run("--pack", str(root), "inspect", "--json")
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "pack.yaml:3" in lines[0] and "Traceback" not in done.stderr


def test_gui_without_a_display_says_so_instead_of_aborting():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "briefing_app"], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode != 0
    assert "needs a graphical display" in done.stderr
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr


def test_screenshot_renders_offscreen(tmp_path: Path):
    out = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 20_000  # a rendered window, not an empty image


def test_window_only_tells_window_options_from_commands():
    from briefing_app.cli import window_only

    assert window_only([])
    assert window_only(["--startup-report", "--pack", "search", "--doc=lga-item-3"])
    assert not window_only(["search", "Channel"])
    assert not window_only(["--pack", "p", "inspect"])
    assert not window_only(["--help"])
    assert not window_only(["--pack"])  # the parser must say the value is missing
    assert main_parses_window_options()


def main_parses_window_options() -> bool:
    from briefing_app.cli import build_parser

    quick = build_parser(commands=False).parse_args(["--doc", "x", "--startup-report"])
    full = build_parser().parse_args(["--doc", "x", "--startup-report"])
    return vars(quick) == vars(full)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--startup-report"],
        ["--pack", "some/dir", "--doc=lga-item-3"],
        ["--doc", "a", "--doc", "b", "--screenshot", "x.png", "--data-dir=d"],
        ["--pack="],
    ],
)
def test_window_options_read_as_argparse_reads_them(argv):
    from briefing_app.cli import build_parser, window_namespace

    assert window_namespace(argv) == build_parser(commands=False).parse_args(argv)


def test_anything_else_goes_to_argparse():
    from briefing_app.cli import window_namespace

    assert window_namespace(["search", "Channel"]) is None
    assert window_namespace(["--doc", "--startup-report"]) is None
    assert window_namespace(["--help"]) is None
