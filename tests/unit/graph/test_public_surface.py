"""graph.__all__ is the package's public surface: pinned here, and the only part used outside."""

from __future__ import annotations

import importlib
import re

import graph
from tests.support.paths import REPO

PUBLIC = [
    "backup",
    "calendar_names",
    "claims",
    "cypher",
    "dates",
    "embedded",
    "errors",
    "export",
    "glossary",
    "models",
    "names",
    "reads",
    "settings",
    "store",
    "unify",
    "views",
    "writes",
]
OUTSIDE = ("api", "kg", "loaders", "bench", "scripts")
GRAPH_IMPORT = re.compile(
    r"^\s*(?:from graph\.(\w+)|from graph import ([\w, ]+)|import graph\.(\w+))", re.M
)


def test_graph_all_is_pinned() -> None:
    assert graph.__all__ == PUBLIC
    for name in PUBLIC:
        assert importlib.import_module(f"graph.{name}")


def test_other_packages_use_only_the_public_modules() -> None:
    used: dict[str, set[str]] = {}
    for folder in OUTSIDE:
        for path in sorted((REPO / folder).rglob("*.py")):
            for match in GRAPH_IMPORT.finditer(path.read_text(encoding="utf-8")):
                names = match.group(1) or match.group(3) or match.group(2)
                for name in (n.strip() for n in names.split(",")):
                    used.setdefault(name, set()).add(str(path.relative_to(REPO)))
    private = {name: sorted(paths) for name, paths in used.items() if name not in PUBLIC}
    assert private == {}
