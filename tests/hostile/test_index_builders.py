"""Index builders that race, or die: the index is never half-built, writer processes do not
outlive their builder, and what a killed builder left is cleaned up by the next."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from briefing_app.pack import load_pack
from briefing_app.search.store import build_index, check_index, pack_fingerprint


def _big_pack(root: Path, paragraphs: int = 1600) -> Path:
    """A pack with enough entries for two writer processes to start."""
    (root / "documents").mkdir(parents=True)
    body = "\n\n".join(f"Paragraph {i} about community cohesion and prevention." for i in range(paragraphs))
    (root / "documents" / "a.md").write_text(f"# Paper\n\n{body}\n", encoding="utf-8")
    (root / "pack.yaml").write_text(
        "id: big\ntitle: Big\ndocuments:\n  - id: a\n    file: documents/a.md\n    title: A\n",
        encoding="utf-8",
    )
    return root


def _builder(pack: Path, target: Path, extra: str = "", processes: int = 1) -> subprocess.Popen:
    script = (
        "import json, multiprocessing, os, signal, sys\n"
        "from pathlib import Path\n"
        "from briefing_app.pack import load_pack\n"
        "from briefing_app.search.store import build_index\n"
        f"{extra}\n"
        "if __name__ == '__main__':\n"
        f"    build_index(load_pack(Path({str(pack)!r})), Path({str(target)!r}), "
        f"globals().get('progress'), processes={processes}, start_method='spawn')\n"
    )
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            return "\nState:\tZ" not in fh.read()  # a zombie has died, waiting to be reaped
    except OSError:
        return False


def test_two_builders_racing_for_one_folder_both_end_with_one_good_index(tmp_path: Path):
    pack = _big_pack(tmp_path / "pack", 300)
    target = tmp_path / "cache" / "big"
    builders = [_builder(pack, target) for _ in range(2)]
    assert [b.wait(120) for b in builders] == [0, 0]
    assert check_index(target, pack_fingerprint(load_pack(pack))).state == "ok"
    assert sorted(p.name for p in target.parent.iterdir()) == [".big.lock", "big"]


def test_writer_processes_die_with_a_killed_builder_and_the_next_build_cleans_up(tmp_path: Path):
    pack = _big_pack(tmp_path / "pack")
    target = tmp_path / "cache" / "big"
    kill = (
        "def progress(done, total, what):\n"
        "    if done >= 1500:\n"
        "        print(json.dumps([p.pid for p in multiprocessing.active_children()]), flush=True)\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    builder = _builder(pack, target, kill, processes=2)
    workers = json.loads(builder.stdout.readline())
    assert builder.wait(60) == -9 and len(workers) == 2
    deadline = time.monotonic() + 15
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_alive, workers)), "writer processes outlived their builder"
    assert not target.exists()
    build_index(load_pack(pack), target)
    assert check_index(target, pack_fingerprint(load_pack(pack))).state == "ok"
    assert sorted(p.name for p in target.parent.iterdir()) == [".big.lock", "big"]
