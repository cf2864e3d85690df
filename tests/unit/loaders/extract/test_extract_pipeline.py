"""The extraction pipeline's shape: steps declared once, modules without import cycles."""

from __future__ import annotations

import ast

from loaders.extract.steps import STEPS
from tests.support.paths import REPO

EXTRACT = REPO / "loaders" / "extract"
PARTS = {"doc", "mentions", "events", "talks_sents", "relations", "status"}


def _imports() -> dict[str, set[str]]:
    """Each extract module's imports of other extract modules, at any depth of the file."""
    out: dict[str, set[str]] = {}
    for path in EXTRACT.glob("*.py"):
        name = path.stem
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "loaders.extract."
            ):
                found.add((node.module or "").rsplit(".", 1)[1])
        out[name] = found
    return out


def test_extract_modules_import_no_cycle() -> None:
    graph = _imports()
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, " -> ".join((*path, node))
        if node in done:
            return
        for dep in graph.get(node, ()):
            visit(dep, (*path, node))
        done.add(node)

    for module in graph:
        visit(module, ())


def test_extract_steps_have_unique_names_and_known_parts() -> None:
    names = [s.name for s in STEPS]
    assert len(names) == len(set(names))
    for step in STEPS:
        assert set(step.reads) <= PARTS and set(step.writes) <= PARTS, step.name
        assert step.run.__doc__, f"step {step.name} has no docstring"


def test_extract_only_the_pipeline_module_imports_the_steps_package_wide() -> None:
    graph = _imports()
    importers = {m for m, deps in graph.items() if "steps" in deps}
    assert importers == {"__init__"}
