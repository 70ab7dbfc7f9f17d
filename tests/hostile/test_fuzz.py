"""Seeded fuzzing: a few hundred mutated inputs for each reader, pack.yaml, comparison files and
annotation imports. Each must come back as a result or as Briefing's own error (BriefingError, with
a sentence for the user); any other exception fails the test, naming the case so it can be replayed.

The mutations are the shapes the hostile cases found (brackets and tags left open, stray NULs and
BOMs, superscripts, aliases, tags, deep nesting, wrong kinds of value) thrown in at random places
of real inputs, plus cuts, repeats and swaps. The seed is fixed: a failure is the same every run.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
import traceback
from pathlib import Path

import pytest

from briefing_app.annotations import AnnotationStore, selector_for
from briefing_app.annotations.export import import_w3c, to_w3c
from briefing_app.compare.loader import load_comparison
from briefing_app.errors import BriefingError
from briefing_app.pack import load_pack
from briefing_app.pack.locate import locate
from briefing_app.pack.model import DocumentMeta
from briefing_app.pack.readers import read_document
from briefing_app.paths import bundled_pack_dir
from tests.conftest import DATA

SEED = 17
CASES = 300

TEXT_FRAGMENTS = [
    "<sup>",
    "</sup>",
    "<sup>1</sup>",
    "[",
    "]",
    "](",
    "[^1]",
    "[1]",
    "(",
    ")",
    "²",
    "¹²³",
    "\x00",
    "\ufeff",
    "\r",
    "\r\n",
    "\n\n",
    "#",
    "## ",
    "###### ",
    "---",
    "***",
    "|",
    "| a | b |\n|---|---|\n",
    "Item 3",
    "1.",
    "1.1 ",
    "12.",
    "•",
    "- ",
    "* ",
    "> ",
    "\t",
    "    ",
    "x" * 3000,
    "😀",
    "\u200b",
    "\u202e",
    "ﬁ",
    "Page 3 of 9",
    "Ibid.",
    "ibid",
    "Op. cit.",
    "n.",
    "p. 4",
    "pp. 3–5",
    "1 January 2012",
    "2012-02-30",
    "END NOTES",
    "Endnotes\n1 ",
    "Footnotes",
    "\f",
    "\x0b",
    "\u2028",
    "-\n",
    "­",
    "\\",
    "`",
    "```",
    "<!--",
    "-->",
    "<br>",
    "<img src=/dev/zero>",
    "&amp;",
    "&#0;",
    "%",
    "{",
    "}",
]
YAML_FRAGMENTS = [
    "&a ",
    "*a",
    "*nowhere",
    "!!int ",
    "!!timestamp ",
    "!!binary ",
    "!!python/object:os.system ",
    "!foo ",
    "? ",
    "? [a, b]\n: 1\n",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "\t",
    "'",
    '"',
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "\x00",
    "\\0",
    "<<: *a\n",
    "~",
    "null",
    "2025-02-30",
    "0x1F",
    "1e999",
    ".nan",
    "yes",
    "[" * 70,
    "{a: " * 70,
    "|\n",
    ">-\n",
    "#",
    "\ufeff",
    "\r",
    "id: [x]\n",
    "file: /etc/passwd\n",
    "file: ../x\n",
    "- [a, b]\n",
]


YAML_VALUES = [
    "[a, b]",
    "{a: 1}",
    "[]",
    "{}",
    "5",
    "-1",
    "1.5",
    "null",
    "~",
    "yes",
    "2025-02-30",
    "2012-13",
    "!!int xyz",
    "!!timestamp nope",
    "!!float x",
    "!!binary aGk=",
    "!foo x",
    "*nowhere",
    "&a [*a]",
    '"a\\0b"',
    "''",
    "[[[[[[[[]]]]]]]]",
    "[" * 80 + "]" * 80,
    "/etc/passwd",
    "../../x",
    "? [a]\n  : b",
]


def _mutate_yaml(text: str, rng: random.Random) -> str:
    """A value on a random `key: value` line (or list item) swapped for one of the wrong kind, then
    perhaps a text mutation too."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        candidates = [i for i, line in enumerate(lines) if ": " in line or line.lstrip().startswith("- ")]
        i = rng.choice(candidates)
        head, sep, _ = lines[i].partition(": ")
        if not sep:
            head, sep = lines[i].split("- ", 1)[0] + "-", " "
        lines[i] = head + sep + rng.choice(YAML_VALUES)
    text = "\n".join(lines)
    return _mutate(text, rng, YAML_FRAGMENTS) if rng.random() < 0.3 else text


def _mutate(text: str, rng: random.Random, fragments: list[str]) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(text))
        choice = rng.random()
        if choice < 0.55:
            text = text[:at] + rng.choice(fragments) + text[at:]
        elif choice < 0.7:
            text = text[:at] + text[at + rng.randint(1, 200) :]
        elif choice < 0.8:
            end = min(len(text), at + rng.randint(1, 300))
            text = text[:at] + text[at:end] * rng.randint(2, 20) + text[at:]
        elif choice < 0.9:
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:at]
    return text


def _run(cases, attempt) -> None:
    """Run `attempt(case)` for each case; fail listing every case that raised anything but ours."""
    failures = []
    for i, case in enumerate(cases):
        try:
            attempt(case)
        except BriefingError:
            pass
        except Exception as exc:  # noqa: BLE001 - that is what the fuzzing looks for
            where = traceback.extract_tb(exc.__traceback__)[-1]
            failures.append(f"case {i}: {type(exc).__name__}: {exc!s:.120} ({where.filename}:{where.lineno})")
    assert not failures, f"{len(failures)} of {len(cases)} cases raised:\n" + "\n".join(failures[:10])


def _samples(rng: random.Random, n: int) -> list[str]:
    """Pieces (about 1-4 KB) of the bundled papers and the example pack's, to mutate."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((bundled_pack_dir() / "documents").iterdir())]
    texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "example-pack" / "documents").iterdir())]
    out = []
    for _ in range(n):
        text = rng.choice(texts)
        start = rng.randrange(max(1, len(text) - 4000))
        out.append(text[start : start + rng.randint(1000, 4000)])
    return out


@pytest.mark.parametrize("fmt", ["markdown", "pdf-text", "report", "auto"])
def test_each_reader_survives_mutated_papers(fmt: str):
    rng = random.Random(f"{SEED}:{fmt}")
    meta = DocumentMeta(id="fuzz", title="Fuzz", file="fuzz.txt", format=fmt)
    cases = [_mutate(text, rng, TEXT_FRAGMENTS) for text in _samples(rng, CASES)]
    _run(cases, lambda text: read_document(text, meta))


def test_pack_yaml_survives_mutation(tmp_path: Path):
    rng = random.Random(f"{SEED}:pack")
    root = tmp_path / "pack"
    shutil.copytree(DATA / "example-pack", root)
    manifest = (root / "pack.yaml").read_text(encoding="utf-8")
    bundled = (bundled_pack_dir() / "pack.yaml").read_text(encoding="utf-8")
    cases = [_mutate_yaml(rng.choice([manifest, bundled]), rng) for _ in range(CASES)]

    def attempt(text: str) -> None:
        (root / "pack.yaml").write_text(text, encoding="utf-8")
        load_pack(root)

    _run(cases, attempt)


def test_comparison_files_survive_mutation(bundled_pack):
    rng = random.Random(f"{SEED}:comparisons")
    sources = [p.read_text(encoding="utf-8") for p in sorted((bundled_pack_dir() / "comparisons").iterdir())]
    cases = [_mutate_yaml(rng.choice(sources), rng) for _ in range(CASES)]
    _run(cases, lambda text: load_comparison(text, "fuzz.yaml", bundled_pack, []))


_ODD_VALUES = [None, True, 0, -1, 1.5, 10**30, -(10**30), "", "x" * 200_000, "\x00", [], {}, [None], {"a": 1}]


def _replace_somewhere(data, rng: random.Random):
    """`data` with one value somewhere inside it replaced by an odd one (or a key dropped)."""
    data = copy.deepcopy(data)
    path, at = [], data
    items = data.get("first", {}).get("items") if isinstance(data, dict) else None
    if isinstance(items, list) and items and rng.random() < 0.8:  # mostly inside an annotation
        k = rng.randrange(len(items))
        path, at = [(data, "first"), (data["first"], "items"), (items, k)], items[k]
    while isinstance(at, (dict, list)) and at and rng.random() < 0.85:
        key = rng.choice(list(at)) if isinstance(at, dict) else rng.randrange(len(at))
        path.append((at, key))
        at = at[key]
    if not path:
        return rng.choice(_ODD_VALUES)
    parent, key = path[-1]
    if isinstance(parent, dict) and rng.random() < 0.2:
        del parent[key]
    else:
        parent[key] = copy.deepcopy(rng.choice(_ODD_VALUES))
    return data


def test_annotation_imports_survive_mutation(bundled_pack, tmp_path: Path):
    rng = random.Random(f"{SEED}:imports")
    store = AnnotationStore(tmp_path / "made.sqlite3")
    for doc_id, quote in (("lga-item-3", "victims of state 'snooping'"), ("sn05993", "Prevent is not")):
        doc = bundled_pack.document(doc_id)
        found = locate(doc, quote)
        store.add(bundled_pack.id, selector_for(doc, found.block, found.start, found.end), "pink", "c", ["t"])
    export = to_w3c(bundled_pack, store.list(bundled_pack.id))
    store.close()
    cases = []
    for _ in range(CASES):
        data = export
        for _ in range(rng.randint(1, 3)):
            data = _replace_somewhere(data, rng)
        cases.append(data)
    target = AnnotationStore(tmp_path / "target.sqlite3")

    def attempt(data) -> None:
        before = target.list(bundled_pack.id)
        try:
            import_w3c(target, bundled_pack, data)
        except BriefingError:
            assert target.list(bundled_pack.id) == before  # refused: nothing written
            raise
        for annotation in target.list(bundled_pack.id):
            target.delete(annotation.id)

    try:
        _run(cases, attempt)
    finally:
        target.close()


def test_annotation_files_survive_mutated_json(bundled_pack, tmp_path: Path):
    from briefing_app.annotations.w3c_import import read_collection

    rng = random.Random(f"{SEED}:json")
    store = AnnotationStore(tmp_path / "made.sqlite3")
    doc = bundled_pack.document("lga-item-3")
    found = locate(doc, "victims of state 'snooping'")
    store.add(bundled_pack.id, selector_for(doc, found.block, found.start, found.end), "pink", "c", ["t"])
    text = json.dumps(to_w3c(bundled_pack, store.list(bundled_pack.id)))
    fragments = ["{", "}", "[", "]", ",", ":", '"', "null", "1e999", "-0", "\\u0000", "\\ud800", "[" * 5000]
    cases = [_mutate(text, rng, fragments) for _ in range(CASES)]
    file = tmp_path / "import.json"

    def attempt(body: str) -> None:
        file.write_text(body, encoding="utf-8")
        import_w3c(store, bundled_pack, read_collection(str(file)))

    try:
        _run(cases, attempt)
    finally:
        store.close()
