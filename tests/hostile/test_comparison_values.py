"""One bad value in a comparison file is a problem with file and line; the rest of it shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.helpers import HEAD, assert_clean_failure, cli, make_pack

COLUMNS = "id: c\ntitle: C\ncolumns:\n  - {id: old, title: Old}\n  - {id: new, title: New}\n"
GOOD_ROW = "  - label: Fine\n    cells: {old: [{doc: good, quote: A good paragraph}]}\n"

CASES = {
    "cells as a list": (
        COLUMNS + "rows:\n  - label: L\n    cells: [1, 2]\n" + GOOD_ROW,
        "c.yaml:8: 'cells' must map",
    ),
    "columns: 5": ("id: c\ntitle: C\ncolumns: 5\nrows: []\n", "c.yaml:3: 'columns' must be a list"),
    "rows: 7": (COLUMNS + "rows: 7\n", "c.yaml:6: 'rows' must be a list"),
    "a list as a column id": (
        "id: c\ntitle: C\ncolumns:\n  - {id: [x, y], title: A}\n"
        "  - {id: new, title: New}\n  - {id: old, title: O}\nrows:\n" + GOOD_ROW,
        "c.yaml:4: 'id' must be text",
    ),
    "a mapping as a label": (
        COLUMNS + "rows:\n  - label: {a: b}\n" + GOOD_ROW,
        "c.yaml:7: 'label' must be text",
    ),
    "a list as a quote": (
        COLUMNS + "rows:\n  - label: L\n    cells: {old: [{doc: good, quote: [a]}]}\n" + GOOD_ROW,
        "c.yaml:8: each quote needs a doc and the quoted words",
    ),
    "a list as a mapping name": (
        COLUMNS + "rows:\n  - label: L\n    mapping: [x]\n" + GOOD_ROW,
        "c.yaml:8: 'mapping' must be text",
    ),
    "an impossible date in a column": (
        "id: c\ntitle: C\ncolumns:\n  - {id: old, title: Old, date: 2012-02-31}\n"
        "  - {id: new, title: New}\nrows:\n" + GOOD_ROW,
        "c.yaml:4: '2012-02-31' is not a valid date",
    ),
    "a complex key in cells": (
        COLUMNS + "rows:\n  - label: L\n    cells:\n      ? [old, new]\n      : []\n" + GOOD_ROW,
        "c.yaml:9: a key must be a single name",
    ),
    "a comparison that is a list": ("- a\n- b\n", "c.yaml:1: a comparison must be a mapping"),
    "not UTF-8": (
        (COLUMNS + "rows: []\n").encode() + b"# caf\xe9\n",
        "c.yaml:7: the comparison file is not UTF-8 text",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_comparison_value_is_a_problem(case: str, tmp_path: Path):
    body, message = CASES[case]
    root = make_pack(tmp_path / "pack", HEAD + "comparisons: [c.yaml]\n", {"c.yaml": body})
    assert_clean_failure(cli("pack", "check", str(root)), 1, message)
    assert_clean_failure(cli("compare", "--json", "--pack", str(root)), 0)
    assert_clean_failure(cli("inspect", "--pack", str(root)), 0, "  good: ")


def test_the_good_rows_of_a_damaged_comparison_still_show(tmp_path: Path):
    body = COLUMNS + "rows:\n  - label: Broken\n    cells: [1]\n" + GOOD_ROW
    root = make_pack(tmp_path / "pack", HEAD + "comparisons: [c.yaml]\n", {"c.yaml": body})
    done = cli("compare", "--json", "--pack", str(root))
    assert_clean_failure(done, 0, '"Fine"', "A good paragraph")
