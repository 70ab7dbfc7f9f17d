"""In the window, a pack with hostile values opens: the problems banner, and the good documents readable."""

from __future__ import annotations

import os
from pathlib import Path

from tests.gui.conftest import make_window
from tests.hostile.helpers import HEAD, make_pack

MANIFEST = (
    HEAD
    + "    date: 2025-02-30\n"
    + "  - {id: second, file: documents/second.md, title: !!int xyz}\n"
    + '  - {id: nul, file: "documents/x\\0.md", title: NUL}\n'
    + "  - {id: link, file: documents/link.md, title: Link}\n"
    + "  - {id: pipe, file: documents/pipe.md, title: Pipe}\n"
    + "  - ? [a, b]\n    : 1\n"
    + "comparisons: [c.yaml]\n"
)
COMPARISON = "id: c\ntitle: C\ncolumns: 5\nrows: 7\n"


def test_a_hostile_pack_opens_with_the_banner_and_the_good_documents(qtbot, tmp_path: Path):
    root = make_pack(
        tmp_path / "pack",
        MANIFEST,
        {"documents/second.md": "# Second\n\nThe second paper's only paragraph.\n", "c.yaml": COMPARISON},
    )
    os.symlink("/etc/passwd", root / "documents" / "link.md")
    os.mkfifo(root / "documents" / "pipe.md")
    w = make_window(qtbot)
    w.packs.open_folder(root)  # as File > Open Pack does: through the opened-pack cache, off the GUI thread
    qtbot.waitUntil(lambda: w.pack is not None and w.complete)
    assert [d.id for d in w.pack.documents] == ["good", "second"]
    assert w.banner.isVisible()
    text = w.banner.label.text()
    assert "problems" in text, text
    messages = [str(p) for p in w.banner.problems]
    for expected in (
        "pack.yaml:7: '2025-02-30' is not a valid date",
        "pack.yaml:8: 'xyz' is not a valid whole number",
        "the file name holds a control character",
        "documents/link.md: this is a symbolic link",
        "documents/pipe.md: this is not a regular file",
        "a key must be a single name",
        "c.yaml:3: 'columns' must be a list",
        "c.yaml:4: 'rows' must be a list",
    ):
        assert any(expected in m for m in messages), (expected, messages)
    assert w.reader.document_model.id == "good"
    assert "A good paragraph that reads as it should." in w.reader.toPlainText()
    # The second document's title was dropped (not a whole number): it opens, named by its file.
    assert w.open_document("second")
    assert "The second paper's only paragraph." in w.reader.toPlainText()
