"""Hostile packs written on the fly, and the command line run as a user runs it."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

GOOD_DOC = "# Good paper\n\nA good paragraph that reads as it should.\n\nA second paragraph.\n"
HEAD = (
    "id: hostile\ntitle: Hostile pack\ndocuments:\n"
    "  - id: good\n    file: documents/good.md\n    title: Good\n"
)


def make_pack(root: Path, manifest: str | bytes, files: dict[str, str | bytes] | None = None) -> Path:
    """A pack folder with one good document (documents/good.md) and the given pack.yaml and files."""
    (root / "documents").mkdir(parents=True, exist_ok=True)
    (root / "documents" / "good.md").write_text(GOOD_DOC, encoding="utf-8")
    data = manifest.encode("utf-8") if isinstance(manifest, str) else manifest
    (root / "pack.yaml").write_bytes(data)
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """`briefing-app ARGS` in a process of its own, as typed at a shell (the installed script)."""
    script = Path(sys.executable).with_name("briefing-app")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "briefing_app"]
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def assert_clean_failure(done: subprocess.CompletedProcess, status: int, *messages: str) -> None:
    """Exit `status`, each message somewhere in the output, and no traceback or crash."""
    out = done.stdout + done.stderr
    assert "Traceback" not in out and "Fatal Python error" not in out, out
    assert done.returncode == status, (done.returncode, out)
    for message in messages:
        assert message in out, (message, out)


def orphaned_annotations(pack, n: int) -> list:
    """`n` annotations whose quotes (real sentences, words reversed) are in no document any more."""
    from briefing_app.annotations import selector_for
    from briefing_app.annotations.model import Annotation

    out = []
    blocks = [(d, b) for d in pack.documents for b in d.blocks if len(b.text) > 160]
    for i in range(n):
        doc, block = blocks[i % len(blocks)]
        start = (i * 7) % (len(block.text) - 120)
        sel = selector_for(doc, block.id, start, start + 60 + i % 50)
        sel = dataclasses.replace(sel, quote=" ".join(reversed(sel.quote.split())) + f" {i}")
        out.append(Annotation(f"orphan-{i}", pack.id, sel, "yellow", f"note {i}", (), "t", "t"))
    return out
