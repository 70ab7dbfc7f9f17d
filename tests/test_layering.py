"""The model packages never import Qt; pack never imports whoosh. Walks the imports with ast."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing_app"
NO_QT = ("pack", "search", "compare", "annotations")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def files_of(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if (PACKAGE / sub).exists() else []


@pytest.mark.parametrize("sub", NO_QT)
def test_core_packages_never_import_qt(sub):
    for path in files_of(sub):
        bad = {
            m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
        }
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_pack_never_imports_whoosh():
    for path in files_of("pack"):
        assert not {m for m in imported_modules(path) if m.split(".")[0] == "whoosh"}, path


def test_the_walk_sees_the_model_package():
    assert len(files_of("pack")) >= 8
