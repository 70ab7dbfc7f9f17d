"""Document and user text is shown as text, never read as markup: an <img> in a heading, a title, a
note, a comment, a comparison's description or a folder's name is shown as those characters, and no
image is ever loaded. One test per place that shows such text, and a check that no tool tip or
message box in gui/ takes text any other way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

import briefing_app.gui
from briefing_app.annotations import AnnotationStore, selector_for
from briefing_app.gui import plain
from briefing_app.pack import load_pack
from briefing_app.pack.locate import locate
from tests.gui.conftest import make_window
from tests.hostile.helpers import make_pack

IMG = '<img src="secret.png">'
PAPER = f"""# Paper {IMG} title

## Heading {IMG} two

A paragraph that has a note.<sup>1</sup>

Another paragraph, to annotate.

## Notes

1. A note with {IMG} in it.
"""
MANIFEST = f"""id: hostile
title: Pack {IMG}
documents:
  - id: paper
    file: documents/paper.md
    title: 'Title {IMG}'
    publisher: 'Publisher {IMG}'
comparisons: [c.yaml]
"""
COMPARISON = f"""id: c
title: 'Compare {IMG}'
description: 'Described {IMG}'
columns:
  - {{id: a, title: A}}
  - {{id: b, title: B}}
rows:
  - label: Row
    cells: {{a: [{{doc: paper, quote: A paragraph that has a note}}]}}
"""


def shown(text: str) -> str:
    """What Qt shows for `text` in a tool tip or an auto-format label: rich text if it looks like it."""
    if GuiQt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def assert_literal(text: str, *expected: str) -> None:
    """`text`, as Qt would show it, holds each expected piece of document text character for character."""
    visible = shown(text)
    for piece in expected:
        assert piece in visible, (piece, text)
    assert IMG in visible


@pytest.fixture
def window(qtbot, tmp_path: Path):
    root = make_pack(tmp_path / f"pack {IMG}", MANIFEST, {"documents/paper.md": PAPER, "c.yaml": COMPARISON})
    (root / "documents" / "good.md").unlink()
    (root.parent / "secret.png").write_bytes(b"not an image")
    pack = load_pack(root)
    assert not pack.problems, pack.problems
    w = make_window(qtbot)
    w.packs.open_folder(root)
    qtbot.waitUntil(lambda: w.pack is not None and w.complete)
    assert w.open_document("paper")
    return w


def test_document_list_tool_tips(window):
    docs = [window.documents.item(i) for i in range(window.documents.count())]
    assert_literal(docs[0].toolTip(), f"Title {IMG}", f"Publisher {IMG}")
    assert_literal(docs[-1].toolTip(), f"Described {IMG}")


def test_contents_tool_tips(window):
    items = []

    def walk(item):
        items.append(item)
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(window.toc.topLevelItemCount()):
        walk(window.toc.topLevelItem(i))
    tips = [item.toolTip(0) for item in items]
    assert any(f"Heading {IMG} two" in shown(t) for t in tips), tips
    for t in tips:
        assert "<img" not in t  # escaped: no element for Qt to load


def test_note_marker_tool_tips_in_the_reader(window):
    tips = []
    block = window.reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            tip = it.fragment().charFormat().toolTip()
            if tip:
                tips.append(tip)
            it += 1
        block = block.next()
    assert any(f"A note with {IMG} in it." in shown(t) for t in tips), tips
    assert all("<img" not in t for t in tips)


def test_notes_sidebar_tool_tips(window):
    tips = [window.notes.list.item(i).toolTip() for i in range(window.notes.list.count())]
    assert tips and all("<img" not in t for t in tips)


def test_annotation_comment_tool_tip(window, qtbot):
    doc = window.pack.document("paper")
    found = locate(doc, "Another paragraph, to annotate")
    store = AnnotationStore()
    store.add(window.pack.id, selector_for(doc, found.block, found.start, found.end), comment=f"Ask {IMG}")
    store.close()
    window.annotating.refresh()
    start, end = window.reader.annotation_spans[0][1:3]
    cursor = window.reader.textCursor()
    cursor.setPosition(start + 2)
    point = window.reader.cursorRect(cursor).center()
    viewport = window.reader.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=2000)
    assert_literal(QToolTip.text(), f"Ask {IMG}")
    assert "<img" not in QToolTip.text()
    QToolTip.hideText()


def test_recent_pack_tool_tip(window):
    tips = [a.toolTip() for a in window.packs.recent_menu.actions()]
    assert tips and any(f"pack {IMG}" in shown(t) for t in tips), tips
    assert all("<img" not in t for t in tips)


def test_status_label_and_problems_banner_are_plain_text(window):
    assert window.status_label.textFormat() == Qt.TextFormat.PlainText
    window.banner.set_problems([], fatal=f"pack.yaml: '{IMG}' is not a valid date")
    assert window.banner.label.textFormat() == Qt.TextFormat.PlainText
    assert IMG in window.banner.label.text()


def test_message_boxes_show_plain_text(qtbot):
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen.append((box.textFormat(), box.text()))
        box.done(0)

    for show in (plain.warn, plain.inform):
        QTimer.singleShot(0, read_and_close)
        show(None, "Title", f"{IMG}.json could not be imported")
    assert seen == [(Qt.TextFormat.PlainText, f"{IMG}.json could not be imported")] * 2
    box = plain.message_box(QMessageBox.Icon.Warning, "T", IMG, None)
    assert box.textFormat() == Qt.TextFormat.PlainText


# Tool tips given the code's own wording through a variable: no document or user text reaches them.
FIXED_WORDING = {"actions.py": "tip", "page_sync.py": "TIPS[mode]"}


def _gui_sources() -> list[Path]:
    return sorted(Path(briefing_app.gui.__file__).parent.glob("*.py"))


def test_no_tool_tip_or_message_box_in_the_window_takes_text_any_other_way():
    """Every setToolTip is given a fixed sentence or plain.tip(...); no QMessageBox static function
    (whose text Qt reads as rich text when it looks like it) is called."""
    wrong = []
    for path in _gui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name = node.func.attr
            if name == "setToolTip" and node.args:
                arg = node.args[-1]
                fixed = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                escaped = isinstance(arg, ast.Call) and getattr(arg.func, "attr", "") == "tip"
                ours = ast.unparse(arg).startswith(FIXED_WORDING.get(path.name, "\0"))
                if not (fixed or escaped or ours):
                    wrong.append(f"{path.name}:{node.lineno} setToolTip({ast.unparse(arg)})")
            if name in ("warning", "information", "critical", "question") and "QMessageBox" in ast.unparse(
                node.func
            ):
                wrong.append(f"{path.name}:{node.lineno} QMessageBox.{name}")
    assert not wrong, wrong
