"""Every command module imports on its own, whichever is imported first (no import cycles)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.paths import REPO

MODULES = [
    "kg.cli",
    "kg.console",
    "kg.db_commands",
    "kg.commands",
    "kg.scale_commands",
    "kg.bench_commands",
    "bench.cli",
    "kg.backup_commands",
    "kg.score",
    "api.main",
    "loaders.pipeline",
    "graph.store",
]


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_first(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_graph_never_imports_loaders_or_api() -> None:
    code = (
        "import sys, graph.store, graph.reads, graph.export, graph.backup; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('loaders', 'api', 'kg')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_loaders_never_import_api() -> None:
    code = (
        "import sys, loaders.pipeline, loaders.extract, loaders.facts_file; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('api', 'kg')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
