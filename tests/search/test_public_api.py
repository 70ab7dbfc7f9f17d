"""search/ uses Whoosh through its public names only, and stays small."""

from __future__ import annotations

import ast
from pathlib import Path

import briefing_app.search

SEARCH = Path(briefing_app.search.__file__).parent
OWN_OBJECTS = {"self", "cls"}  # the package's own attributes may be private


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and _private(node.attr):
            if not (isinstance(node.value, ast.Name) and node.value.id in OWN_OBJECTS):
                found.append(f"{where} .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            names = [*node.module.split("."), *(a.name for a in node.names)]
            found += [f"{where} import {n}" for n in names if _private(n)]
        elif isinstance(node, ast.Import):
            found += [
                f"{where} import {a.name}"
                for a in node.names
                if a.name.startswith("whoosh") and any(map(_private, a.name.split(".")))
            ]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") in ("getattr", "setattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and _private(str(node.args[1].value))
        ):
            found.append(f"{where} {node.func.id}({node.args[1].value!r})")
    return found


def test_no_private_name_of_another_object_is_used():
    offences = [o for path in sorted(SEARCH.glob("*.py")) for o in _offences(path)]
    assert offences == []


def test_the_check_sees_a_private_name(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from whoosh.system import _INT_SIZE\nm._read_data()\ngetattr(m, '_ids')\nself._mine = 1\n",
        encoding="utf-8",
    )
    assert sorted(o.split(" ", 1)[1] for o in _offences(sample)) == [
        "._read_data",
        "getattr('_ids')",
        "import _INT_SIZE",
    ]


def test_search_stays_under_1100_lines():
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in SEARCH.glob("*.py"))
    assert lines < 1100
