"""One bad value in pack.yaml is a problem with file and line; the pack opens without it.

Each case is run through `briefing-app pack check DIR` (exit 1, the problem printed) and
`briefing-app inspect --pack DIR` (exit 0, the good document listed, the problem named).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.helpers import HEAD, assert_clean_failure, cli, make_pack

SECOND = "  - id: second\n    file: documents/good.md\n    title: Second\n"

CASES = {
    "impossible date": (
        SECOND + "    date: 2025-02-30\n",
        "pack.yaml:10: '2025-02-30' is not a valid date",
    ),
    "int tag on a word": (
        SECOND + "    date: !!int xyz\n",
        "pack.yaml:10: 'xyz' is not a valid whole number",
    ),
    "timestamp tag on a non-date": (
        SECOND + "    date: !!timestamp next tuesday\n",
        "pack.yaml:10: 'next tuesday' is not a valid date",
    ),
    "complex key": (SECOND + "    ? [a, b]\n    : 1\n", "pack.yaml:10: a key must be a single name"),
    "unknown tag": (
        SECOND + "    author: !python/object x\n",
        "pack.yaml:10: 'x' has a tag this file cannot use",
    ),
    "NUL byte in a file name": (
        '  - id: nul\n    file: "documents/good\\0.md"\n    title: NUL\n',
        "pack.yaml:8: document 'nul': the file name holds a control character",
    ),
    "a number as a file name": (
        "  - {id: num, file: 5, title: N}\n",
        "pack.yaml:7: document 'num': a file name must be text",
    ),
    "absolute file name": (
        "  - {id: abs, file: /etc/passwd, title: A}\n",
        "pack.yaml:7: document 'abs': the file name must be relative to the pack folder",
    ),
    "climbing out of the pack": (
        "  - {id: up, file: ../../etc/passwd, title: U}\n",
        "pack.yaml:7: document 'up': the file name points outside the pack folder",
    ),
    "a list as a title": (
        "  - {id: lt, file: documents/good.md, title: [a, b]}\n",
        "pack.yaml:7: 'title' must be text",
    ),
    "a mapping as an id": (
        "  - {id: {a: b}, file: documents/good.md, title: T}\n",
        "pack.yaml:7: a document needs an 'id'",
    ),
    "a document that is a list": ("  - [a, b]\n", "pack.yaml:7: each document must be a mapping"),
    "duplicate key": (SECOND + "    title: Again\n", "pack.yaml:10: the key 'title' is given twice"),
    "alias inside itself": (
        SECOND + "    author: &a [*a]\n",
        "pack.yaml:10: the alias '*a' is inside the value it names",
    ),
    "alias to no anchor": (
        SECOND + "    author: *nowhere\n",
        "pack.yaml:10: the alias '*nowhere' names no anchor",
    ),
    "comparisons not a list": ("comparisons: 5\n", "pack.yaml:7: 'comparisons' must be a list"),
    "comparison name with NUL": (
        'comparisons: ["c\\0.yaml"]\n',
        "pack.yaml:7: comparison file 1: the file name holds",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_value_is_a_problem_and_the_pack_still_opens(case: str, tmp_path: Path):
    extra, message = CASES[case]
    root = make_pack(tmp_path / "pack", HEAD + extra)
    assert_clean_failure(cli("pack", "check", str(root)), 1, message)
    done = cli("inspect", "--pack", str(root))
    assert_clean_failure(done, 0, "  good: ", "problem: " + message)
