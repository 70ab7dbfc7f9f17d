"""YAML built with limits on size, nesting and alias expansion, before any of it is kept.

A pack.yaml past a limit cannot open (one line naming the file and line, exit 1 from `pack check`,
2 from `inspect`); a comparison file past a limit is one problem, and the pack opens.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.pack.yamlsource import MAX_DEPTH, MAX_VALUES, YamlSyntaxError, load_located
from tests.hostile.helpers import HEAD, assert_clean_failure, cli, make_pack

LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)

HOSTILE = {
    # 1 KB that safe_load would grow to 9**9 strings (memory without end).
    "billion laughs": (LAUGHS + HEAD, "the file holds more than 100,000 values"),
    # libyaml's C composer recurses per level: the process died with SIGSEGV and no message.
    "30,000 nested [": (HEAD + "meeting: " + "[" * 30_000 + "\n", "nested more than 64 deep"),
    # The Python composer and constructor raised RecursionError.
    "5,000 nested lists": (HEAD + "meeting: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 64 deep"),
    "5,000 nested mappings": (
        HEAD + "meeting: " + "{a: " * 5000 + "x" + "}" * 5000 + "\n",
        "nested more than 64 deep",
    ),
    "5,000 nested block lists": (HEAD + "meeting:\n" + "- " * 5000 + "x\n", "nested more than 64 deep"),
    "2 MB pack.yaml": (HEAD + "# padding\n" * 200_000, "pack.yaml cannot be used: the file is too large"),
    "two YAML documents": (HEAD + "---\n" + HEAD, "the file holds more than one YAML document"),
    "not UTF-8": (HEAD.encode() + b"meeting: caf\xe9\n", "pack.yaml:7: pack.yaml is not UTF-8 text"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_pack_yaml_is_refused_with_a_message(case: str, tmp_path: Path):
    manifest, message = HOSTILE[case]
    root = make_pack(tmp_path / "pack", manifest)
    assert_clean_failure(cli("pack", "check", str(root)), 1, message)
    assert_clean_failure(cli("inspect", "--pack", str(root)), 2, message)


@pytest.mark.parametrize("case", ["billion laughs", "30,000 nested ["])
def test_a_hostile_comparison_is_one_problem_and_the_pack_opens(case: str, tmp_path: Path):
    body, message = HOSTILE[case]
    root = make_pack(tmp_path / "pack", HEAD + "comparisons: [c.yaml]\n", {"c.yaml": body})
    assert_clean_failure(cli("pack", "check", str(root)), 1, "c.yaml:", message)
    assert_clean_failure(cli("inspect", "--pack", str(root)), 0, "  good: ")


def test_the_limits_are_where_they_say():
    nested = "x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"  # the mapping is level one
    assert load_located(nested).problems == []
    with pytest.raises(YamlSyntaxError, match="nested more than"):
        load_located("x: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    many = "[" + ", ".join(["1"] * (MAX_VALUES - 1)) + "]"
    assert len(load_located(many).data) == MAX_VALUES - 1
    with pytest.raises(YamlSyntaxError, match="more than 100,000 values"):
        load_located("[" + ", ".join(["1"] * MAX_VALUES) + "]")


def test_safe_loading_still_builds_nothing_but_plain_values():
    located = load_located(
        "a: !!python/object/apply:os.system ['true']\nb: !!binary aGk=\nc: &x {k: 1}\nd: *x\n"
    )
    assert located.data["a"] is None and located.data["b"] == b"hi"
    assert located.data["d"] == {"k": 1}
    assert located.problems and "cannot use" in located.problems[0][1]


def test_a_value_that_cannot_be_its_type_is_dropped_not_fatal():
    located = load_located("a: 2025-02-30\nb: 2025-02-28\nc: !!float nope\nd: ok\n")
    assert located.data == {"a": None, "b": located.data["b"], "c": None, "d": "ok"}
    assert str(located.data["b"]) == "2025-02-28"
    assert [line for line, _ in located.problems] == [1, 3]
