"""The fault script's crashes on a small corpus: SIGKILL the loader, then the database, mid-load;
every committed article stays whole and loading again gives the clean run's export. `kg
export` then `kg import` into an empty database gives the same export back.

The 1,000-article run is `python scripts/faults.py` (see RELIABILITY.md)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.modules import load_file
from tests.support.paths import REPO

ARTICLES = 30


@pytest.fixture(scope="module")
def faults() -> ModuleType:
    """scripts/faults.py as a module, writing with small batches so kills land mid-load."""
    module = load_file("faults", REPO / "scripts" / "faults.py")
    module.LOAD_OPTIONS[:] = ["--batch-size", "3"]
    return module


@pytest.fixture(scope="module")
def corpus(faults: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("faults")
    return root, faults.prepare_corpus(root, ARTICLES, 23)


@pytest.fixture(scope="module")
def clean(faults: ModuleType, corpus: tuple[Path, Path]) -> dict[str, Any]:
    """The export of a load that nothing interrupted."""
    root, folder = corpus
    site = faults.Site(root, "clean")
    try:
        faults.load(site, folder)
        doc: dict[str, Any] = site.export("clean")
    finally:
        site.stop()
    assert len(doc["articles"]) == ARTICLES and not faults.duplicate_keys(doc)
    return doc


def test_loader_killed_mid_load_then_rerun_equals_clean_run(
    faults: ModuleType, corpus: tuple[Path, Path], clean: dict[str, Any]
) -> None:
    root, folder = corpus
    result = faults.fault_loader_kill(root, folder, ARTICLES, 1, clean)
    (committed,) = result["committed_at_each_kill"]
    assert ARTICLES // 2 <= committed < ARTICLES
    assert result["export_equals_clean"]


def test_database_killed_mid_load_restarts_whole_and_completes(
    faults: ModuleType, corpus: tuple[Path, Path], clean: dict[str, Any]
) -> None:
    root, folder = corpus
    result = faults.fault_database_kill(root, folder, ARTICLES, clean)
    assert ARTICLES // 2 <= result["committed_at_kill"] < ARTICLES
    assert result["loader_exit"] == 1 and "cannot be reached" in result["loader_message"]
    assert "neo4j." not in result["loader_message"]  # the driver's own log lines stay quiet
    assert result["export_equals_clean"]


def test_export_then_import_into_empty_database_gives_the_same_export(
    faults: ModuleType, corpus: tuple[Path, Path], clean: dict[str, Any]
) -> None:
    root, _ = corpus
    result = faults.fault_backup(root, root / "clean.json", clean)
    assert result["export_equals_clean"]
