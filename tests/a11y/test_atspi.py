"""What a screen reader finds and hears: the real app, on its own X server and D-Bus session, read
through AT-SPI.

One run of the app serves every test here: it opens on SN05993 and is read as started; then, on
the keyboard (XTest keys, sent through AT-SPI), Alt+Down in the text goes to the first note marker
and F6 to the next pane, and a search is typed and Enter pressed; the tree is read again and the
announcements and focus changes a screen reader would speak are recorded.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefing_app.gui.notes_sidebar import spoken_note
from briefing_app.pack import Pack
from tests.a11y.atspi_session import AtspiSession, missing_tools

DOC = "sn05993"
QUERY = "prevent"
# What Qt gives each main region; a list of rows is a "list", rows with children a "tree".
REGION_ROLES = {
    "Documents in this pack": "list",
    "Table of contents": "tree",
    "Notes of this document": "list",
    "Search the pack": "text",
}
# Qt exposes a read-only QTextBrowser as static text ("label") carrying the text interface; a
# "document" role would tell a screen reader more, but Qt offers no public way to choose it.
READING_ROLES = {"label", "text", "document text", "document frame"}


def _walk(node: dict, path: tuple[str, ...] = ()) -> Iterator[tuple[dict, tuple[str, ...]]]:
    here = (*path, f"{node['role']} {node['name']!r}")
    yield node, here
    for child in node["children"]:
        yield from _walk(child, here)


def _named(tree: dict, name: str) -> dict:
    found = [n for n, _ in _walk(tree) if n["name"] == name]
    assert found, f"no node named {name!r} on the accessibility bus"
    return found[0]


ANNOUNCEMENT = "object:announcement"
FOCUSED = "object:state-changed:focused"


@pytest.fixture(scope="module")
def heard(tmp_path_factory: pytest.TempPathFactory) -> dict:
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"the accessibility bus test needs the Debian packages {', '.join(missing)}; "
            "scripts/setup.sh --test installs them when run as root"
        )
    with AtspiSession(tmp_path_factory.mktemp("atspi"), ["--doc", DOC]) as session:
        return session.probe(
            [
                {"wait": {"names": ["Document text", "Notes of this document"], "timeout": 60}},
                {"wait_rows": {"name": "Notes of this document", "min": 1}},
                {"dump": "start"},
                {"listen": [ANNOUNCEMENT, FOCUSED]},
                {"focus": "Document text"},
                {"key": "Alt+Down"},
                {"wait_event": {"type": ANNOUNCEMENT, "contains": "Note 1:"}},
                {"key": "F6"},
                {"wait_event": {"type": FOCUSED, "source": "Notes of this document"}},
                {"focus": "Search the pack"},
                {"type": QUERY},
                {"wait_text": {"name": "Search the pack", "text": QUERY}},
                {"key": "Return"},
                {"wait_rows": {"name": "Search results", "min": 3}},
                {"wait_event": {"type": ANNOUNCEMENT, "contains": "Hit:"}},
                {"dump": "search"},
                {"key": "Ctrl+Shift+A"},
                {"wait": {"names": ["Filter annotations"]}},
                {"dump": "annotations"},
                {"focus": "Documents in this pack"},
                {"key": "End"},
                {"wait": {"names": ["Comparison"]}},
                {"dump": "comparison"},
            ]
        )


@pytest.fixture(scope="module")
def dumps(heard: dict) -> dict[str, dict]:
    return heard["dumps"]


@pytest.mark.parametrize("moment", ["start", "search", "annotations", "comparison"])
def test_every_focusable_or_actionable_node_has_a_name(dumps, moment):
    nameless = [
        " > ".join(path)
        for node, path in _walk(dumps[moment])
        if ("focusable" in node["states"] or node["actions"]) and not node["name"].strip()
    ]
    assert not nameless, "controls a screen reader cannot name:\n" + "\n".join(nameless)


def test_main_regions_have_their_roles(dumps):
    start = dumps["start"]
    roles = {n["role"] for n, _ in _walk(start)}
    assert {"frame", "menu bar", "tool bar", "status bar"} <= roles
    frame = start["children"][0]
    assert frame["role"] == "frame" and frame["name"].endswith("Briefing")
    for name, role in REGION_ROLES.items():
        assert _named(start, name)["role"] == role, name
    assert _named(dumps["search"], "Search results")["role"] == "tree"
    reading = _named(start, "Document text")
    assert reading["role"] in READING_ROLES
    assert "focusable" in reading["states"] and "Text" in reading["interfaces"]


def test_document_text_is_exposed(dumps, bundled_pack: Pack):
    """Every paragraph, heading and list item of the document is in the text the bus gives, word for
    word (the renderer adds note markers, so a block is compared in the pieces between them)."""
    exposed = " ".join(_named(dumps["start"], "Document text")["text"].split())
    doc = next(d for d in bundled_pack.documents if d.meta.id == DOC)
    checked, absent = 0, []
    for block in doc.blocks:
        if block.kind == "table" or not block.text.strip():
            continue
        cuts = sorted({0, len(block.text), *(s.start for s in block.spans if s.kind == "note_ref")})
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = " ".join(block.text[a:b].split())
            if piece:
                checked += 1
                if piece not in exposed:
                    absent.append(f"{block.id}: {piece[:80]!r}")
    assert checked > 100
    assert not absent, "not exposed on the bus:\n" + "\n".join(absent)


def test_note_rows_are_named(dumps, bundled_pack: Pack):
    doc = next(d for d in bundled_pack.documents if d.meta.id == DOC)
    rows = [
        c for c in _named(dumps["start"], "Notes of this document")["children"] if c["role"] == "list item"
    ]
    assert len(rows) == len(doc.notes)
    for row, note in zip(rows, doc.notes, strict=True):
        assert row["name"] == spoken_note(note)
        assert row["name"].startswith(f"Note {note.label}: ")


def test_search_result_rows_are_named(dumps):
    results = _named(dumps["search"], "Search results")
    rows = [c for c in results["children"] if c["role"] in ("table cell", "tree item", "list item")]
    assert len(rows) >= 3
    assert all(r["name"].strip() for r in rows), [r["name"] for r in rows if not r["name"].strip()]
    assert any(QUERY in r["name"].lower() for r in rows)


def test_document_rows_say_title_publisher_and_date(dumps):
    rows = _named(dumps["start"], "Documents in this pack")["children"]
    names = [r["name"] for r in rows if r["role"] == "list item"]
    assert names[0] == "Preventing violent extremism. House of Commons Library, 12 March 2013"
    assert sum(n.startswith("Comparison: ") for n in names) == 2


def test_the_reading_pane_says_how_to_reach_notes_and_hits(dumps):
    description = _named(dumps["start"], "Document text")["description"]
    for words in ("Alt+Down", "note marker", "F3", "search hit", "Notes sidebar", "F6"):
        assert words in description


def test_reaching_a_note_marker_is_announced(heard, bundled_pack: Pack):
    doc = next(d for d in bundled_pack.documents if d.meta.id == DOC)
    said = [e["data"] for e in heard["events"] if e["type"] == ANNOUNCEMENT]
    assert f"{spoken_note(doc.note('1'))}. Enter opens it." in said


def test_f6_takes_the_focus_from_the_text_to_the_notes(heard):
    focused = [e["source"] for e in heard["events"] if e["type"] == FOCUSED and e["detail"] == 1]
    assert "Document text" in focused
    assert focused.index("Notes of this document") > focused.index("Document text")


def test_opening_a_search_hit_is_announced(heard):
    said = [e["data"] for e in heard["events"] if e["type"] == ANNOUNCEMENT and e["data"].startswith("Hit:")]
    assert said and QUERY in said[0].lower()


def test_the_comparison_on_screen_is_exposed_row_by_row(dumps, bundled_pack: Pack):
    from briefing_app.compare import load_comparisons

    comparisons, _ = load_comparisons(bundled_pack)
    shown = comparisons[-1]  # End in the documents list: the last comparison
    exposed = " ".join(_named(dumps["comparison"], "Comparison")["text"].split())
    assert shown.title in exposed
    for row in shown.rows:
        assert row.label in exposed
        for cell in row.cells:
            for quote in cell.quotes:
                assert " ".join(quote.text.split())[:60] in exposed, (row.label, quote.text[:60])
