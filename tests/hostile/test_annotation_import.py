"""A malformed annotations import is refused whole, with a sentence naming the entry; nothing is written.

Each case runs `briefing-app annotations import FILE` on a small pack, into a data folder that
already holds one annotation, and checks the exit status, the message, and that the one
annotation is still all there is.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from briefing_app.annotations import AnnotationStore, selector_for
from briefing_app.annotations.export import import_w3c, to_w3c
from briefing_app.annotations.store import FILENAME
from briefing_app.annotations.w3c_import import ImportError_
from briefing_app.pack import Pack, load_pack
from briefing_app.pack.locate import locate
from tests.hostile.helpers import HEAD, assert_clean_failure, cli, make_pack

QUOTES = [("good", "A good paragraph"), ("second", "The second paper")]
MANIFEST = HEAD + "  - {id: second, file: documents/second.md, title: Second}\n"


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Pack:
    root = make_pack(
        tmp_path_factory.mktemp("pack") / "pack",
        MANIFEST,
        {"documents/second.md": "# Second\n\nThe second paper has one paragraph.\n"},
    )
    return load_pack(root)


@pytest.fixture(scope="module")
def export(pack, tmp_path_factory) -> dict:
    """A good two-entry export of the pack, made by Briefing itself."""
    store = AnnotationStore(tmp_path_factory.mktemp("export") / FILENAME)
    for doc_id, quote in QUOTES:
        doc = pack.document(doc_id)
        found = locate(doc, quote)
        store.add(pack.id, selector_for(doc, found.block, found.start, found.end), "pink", "Ask", ["t"])
    data = to_w3c(pack, store.list(pack.id))
    store.close()
    return data


def _set(path: str, value):
    def change(data: dict) -> None:
        *parents, last = path.split("/")
        at = data
        for part in parents:
            at = at[int(part)] if part.isdigit() else at[part]
        at[int(last) if last.isdigit() else last] = value

    return change


ITEM = "first/items/1"
CASES = {
    "a dict where a comment belongs": (
        _set(f"{ITEM}/body/1/value", {"a": 1}),
        "'body (commenting).value' must be text",
    ),
    "an int tag": (_set(f"{ITEM}/body/2/value", 5), "'body (tagging).value' must be text, not a number"),
    "a null entry": (_set(ITEM, None), "entry 2: an annotation must be an object, not null"),
    "a null target": (_set(f"{ITEM}/target", None), "'target' must be an object, not null"),
    "a huge position": (
        _set(f"{ITEM}/target/selector/1/start", 10**30),
        "'TextPositionSelector.start' is out of range",
    ),
    "a negative position": (
        _set(f"{ITEM}/target/briefing:block/end", -1),
        "'target.briefing:block.end' is out of range",
    ),
    "a position that is true": (
        _set(f"{ITEM}/target/selector/1/end", True),
        "must be a whole number, not true/false",
    ),
    "a float position": (_set(f"{ITEM}/target/selector/1/end", 1.5), "must be a whole number, not a number"),
    "a source with no document": (
        _set(f"{ITEM}/target/source", "urn:briefing:pack:x"),
        "'target.source' names no document",
    ),
    "a source that is a list": (
        _set(f"{ITEM}/target/source", ["a"]),
        "'target.source' must be text, not a list",
    ),
    "no quote selector": (_set(f"{ITEM}/target/selector", []), "there is no TextQuoteSelector"),
    "an empty quote": (_set(f"{ITEM}/target/selector/0/exact", ""), "'TextQuoteSelector.exact' is empty"),
    "selectors that are text": (_set(f"{ITEM}/target/selector", "x"), "'target.selector' must be a list"),
    "an unknown colour": (
        _set(f"{ITEM}/body/0/value", "ultraviolet"),
        "'ultraviolet' is not a highlight colour",
    ),
    "an id that is a number": (_set(f"{ITEM}/id", 7), "entry 2: 'id' must be text, not a number"),
    "a body that is a number": (_set(f"{ITEM}/body", 3), "'body' must be a list of objects"),
    "a NUL in a comment": (_set(f"{ITEM}/body/1/value", "a\0b"), "holds a NUL character"),
    "items that are null": (_set("first/items", None), "The file has no list of annotations"),
    "no first page": (_set("first", "x"), "The file has no list of annotations"),
    "not a collection": (_set("type", "Annotation"), "not a Briefing annotations export"),
    "another pack": (_set("id", "urn:briefing:pack:other"), "belong to another pack"),
}


def _data_dir_with_one(tmp_path: Path, pack: Pack) -> Path:
    data = tmp_path / "data"
    store = AnnotationStore(data / FILENAME)
    doc = pack.document("good")
    found = locate(doc, "reads as it should")
    store.add(pack.id, selector_for(doc, found.block, found.start, found.end), comment="mine")
    store.close()
    return data


def _comments(data: Path, pack: Pack) -> list[str]:
    store = AnnotationStore(data / FILENAME)
    try:
        return [a.comment for a in store.list(pack.id)]
    finally:
        store.close()


def _import(folder: Path, pack: Pack, file: Path):
    return cli(
        "--data-dir", str(folder), "--pack", str(pack.root), "annotations", "import", str(file), timeout=30
    )


@pytest.mark.parametrize("case", CASES)
def test_a_malformed_import_is_refused_whole_naming_the_entry(case, export, pack, tmp_path: Path):
    change, message = CASES[case]
    data = copy.deepcopy(export)
    change(data)
    file = tmp_path / "import.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    folder = _data_dir_with_one(tmp_path, pack)
    assert_clean_failure(_import(folder, pack, file), 2, message)
    assert _comments(folder, pack) == ["mine"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda f: f.write_text("{not json", encoding="utf-8"), "is not valid JSON"),
        (lambda f: f.write_bytes(b'{"a": "\xff"}'), "is not UTF-8 text"),
        (lambda f: f.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"), "nested too deeply"),
        (lambda f: os.mkfifo(f), "is not a regular file"),
        (lambda f: os.symlink("/dev/zero", f), "is not a regular file"),
        (lambda f: None, "cannot be read (No such file or directory)"),
    ],
    ids=["not JSON", "not UTF-8", "100,000 nested lists", "FIFO", "/dev/zero", "missing"],
)
def test_a_file_that_is_not_an_export_is_refused(make, message, pack, tmp_path: Path):
    file = tmp_path / "import.json"
    make(file)
    folder = _data_dir_with_one(tmp_path, pack)
    assert_clean_failure(_import(folder, pack, file), 2, message)
    assert _comments(folder, pack) == ["mine"]


def test_a_good_import_through_the_command_line(export, pack, tmp_path: Path):
    file = tmp_path / "import.json"
    file.write_text(json.dumps(export), encoding="utf-8")
    folder = _data_dir_with_one(tmp_path, pack)
    assert_clean_failure(_import(folder, pack, file), 0, "Imported 2 annotations; 0 already here")
    assert sorted(_comments(folder, pack)) == ["Ask", "Ask", "mine"]


def test_every_bad_entry_is_named_and_the_good_ones_wait(export, pack, tmp_path: Path):
    data = copy.deepcopy(export)
    data["first"]["items"] += [None, {"type": "Annotation"}, 5, [], "x", {}, {}]
    store = AnnotationStore(tmp_path / FILENAME)
    with pytest.raises(ImportError_) as info:
        import_w3c(store, pack, data)
    text = str(info.value)
    assert text.startswith(
        "Nothing was imported: entry 3: an annotation must be an object, not null; entry 4:"
    )
    assert "(and 2 more)" in text
    assert store.list(pack.id) == []
    report = import_w3c(store, pack, export)
    assert (report.added, report.skipped, report.orphaned) == (2, 0, 0)
    store.close()


def test_an_entry_given_twice_is_added_once(export, pack, tmp_path: Path):
    data = copy.deepcopy(export)
    data["first"]["items"].append(copy.deepcopy(data["first"]["items"][0]))
    store = AnnotationStore(tmp_path / FILENAME)
    report = import_w3c(store, pack, data)
    assert (report.added, report.skipped) == (2, 1)
    assert len(store.list(pack.id)) == 2
    store.close()
