from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from briefing_app.compare import load_comparisons
from briefing_app.compare.diff import changed_ranges
from briefing_app.pack import load_pack
from briefing_app.pack.locate import locate
from briefing_app.paths import bundled_pack_dir


def test_both_bundled_comparisons_load_with_every_quote_verified(bundled_pack):
    comparisons, problems = load_comparisons(bundled_pack)
    assert problems == []
    by_id = {c.id: c for c in comparisons}
    prevent = by_id["prevent-objectives"]
    assert [c.title for c in prevent.columns] == ["Prevent 2008-09", "Prevent 2011"]
    assert [(r.id, r.mapping) for r in prevent.rows] == [
        ("aim", "reworded"),
        ("ideology", "broadened"),
        ("disrupt", "merged"),
        ("support", "retained"),
        ("sectors", "new"),
        ("resilience", "moved"),
        ("grievances", "dropped"),
        ("enablers", "no counterpart"),
    ]
    factors = by_id["integration-factors"]
    assert len(factors.columns) == 4 and len(factors.rows) == 5
    for comparison in comparisons:
        for row in comparison.rows:
            for quote in [q for cell in row.cells for q in cell.quotes] + list(row.evidence):
                block = bundled_pack.document(quote.doc).block(quote.block)
                assert block.text[quote.start : quote.end] == quote.text


def test_quote_across_a_page_foot_block_resolves(bundled_pack):
    found = locate(
        bundled_pack.document("sn05993"),
        "Prevent should address all forms of terrorism, including the extreme right wing",
    )
    assert found is not None and found.text.endswith("extreme right wing")


def test_locate_ignores_whitespace_and_markup_but_nothing_else(bundled_pack):
    doc = bundled_pack.document("sn05993")
    assert locate(doc, "*Prevent*   is not a means\nfor spying") is not None
    assert locate(doc, "Prevent is not a means for spies") is None
    assert locate(doc, "prevent is not a means for spying") is None  # case is not ignored


def test_wrong_quote_is_a_problem_with_file_and_line_and_the_rest_still_shows(tmp_path: Path):
    pack_dir = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), pack_dir)
    path = pack_dir / "comparisons" / "prevent-objectives.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if "quote: Strategic communications" in line)
    lines[target] = lines[target].replace("Strategic communications", "Strategic telepathy")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    comparisons, problems = load_comparisons(load_pack(pack_dir))
    (problem,) = problems
    assert problem.file == "comparisons/prevent-objectives.yaml" and problem.line == target + 1
    assert "Strategic telepathy" in problem.message and "not in Stronger Together" in problem.message
    prevent = next(c for c in comparisons if c.id == "prevent-objectives")
    assert len(prevent.rows) == 8
    assert len(prevent.rows[-1].cell("old").quotes) == 1  # the good quote of that row remains


def test_bad_yaml_and_unknown_keys_are_problems(bundled_pack, tmp_path: Path):
    pack_dir = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), pack_dir)
    (pack_dir / "comparisons" / "integration-factors.yaml").write_text(
        "id: x\ncolumns: [\n", encoding="utf-8"
    )
    path = pack_dir / "comparisons" / "prevent-objectives.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("mapping: dropped", "mappng: dropped"), encoding="utf-8"
    )
    comparisons, problems = load_comparisons(load_pack(pack_dir))
    messages = [(p.file, p.message) for p in problems]
    assert any(f.endswith("integration-factors.yaml") and "not valid YAML" in m for f, m in messages)
    assert any("unknown key 'mappng' (did you mean 'mapping'?)" in m for _, m in messages)
    assert [c.id for c in comparisons] == ["prevent-objectives"]


def test_word_differences():
    base = "A strong sense of our mutual commitments and obligations"
    other = "Promoting a strong sense of mutual commitment and obligation."
    only_base, only_other = changed_ranges(base, other)
    assert [other[s:e] for s, e in only_other] == ["Promoting", "commitment", "obligation."]
    assert [base[s:e] for s, e in only_base] == ["our", "commitments", "obligations"]
    assert changed_ranges("Same words.", "same words.") == ([], [])


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_compare_json_shape():
    done = run("compare", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["problems"] == [] and [c["id"] for c in data["comparisons"]] == [
        "prevent-objectives",
        "integration-factors",
    ]
    row = data["comparisons"][0]["rows"][0]
    assert set(row) == {"id", "label", "mapping", "note", "cells", "evidence"}
    quote = row["cells"][0]["quotes"][0]
    assert set(quote) == {"doc", "block", "start", "end", "text"}


def test_cli_exports(tmp_path: Path):
    for suffix in ("md", "html", "pdf"):
        out = tmp_path / f"prevent.{suffix}"
        done = run("compare", "prevent-objectives", "--export", str(out))
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
    assert (tmp_path / "prevent.pdf").read_bytes()[:5] == b"%PDF-"
    html = (tmp_path / "prevent.html").read_text(encoding="utf-8")
    assert "<b class='diff'>terrorism</b>" in html and "No counterpart" not in html.split("<table>")[0]
    done = run("compare", "prevent-objectives", "--export", str(tmp_path / "x.docx"))
    assert done.returncode == 2 and "use .html, .md or .pdf" in done.stderr
