"""What a screen reader finds: the real app, on its own X server and D-Bus session, read through AT-SPI.

One run of the app serves every test here: it opens on SN05993, is read once as started, then a
search is typed on the keyboard (XTest keys, sent through AT-SPI) and it is read again.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
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
                {"focus": "Search the pack"},
                {"type": QUERY},
                {"wait_text": {"name": "Search the pack", "text": QUERY}},
                {"key": "Return"},
                {"wait_rows": {"name": "Search results", "min": 3}},
                {"dump": "search"},
            ]
        )


@pytest.mark.parametrize("moment", ["start", "search"])
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
        assert row["name"].startswith(note.label), row["name"]
        if note.text:
            assert " ".join(note.text.split())[:30] in " ".join(row["name"].split())


def test_search_result_rows_are_named(dumps):
    results = _named(dumps["search"], "Search results")
    rows = [c for c in results["children"] if c["role"] in ("table cell", "tree item", "list item")]
    assert len(rows) >= 3
    assert all(r["name"].strip() for r in rows), [r["name"] for r in rows if not r["name"].strip()]
    assert any(QUERY in r["name"].lower() for r in rows)
