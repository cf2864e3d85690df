"""The CI-sized copies of two steps of scripts/faults.py: only the loader's main process of a
`kg load --workers 2` is killed and its workers exit by themselves; random rounds of loads,
updates and deletes through `kg` export the same document as a clean load of the final texts.

The full-sized run is `python scripts/faults.py --only orphans,history` (see RELIABILITY.md).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.support.modules import load_file
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def faults() -> ModuleType:
    """scripts/faults.py as a module, writing in small batches so the loader is caught mid-load."""
    module = load_file("faults", REPO / "scripts" / "faults.py")
    module.LOAD_OPTIONS[:] = ["--batch-size", "2"]
    return module


@pytest.fixture(scope="module")
def corpus(faults: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("faults")
    return root, faults.prepare_corpus(root, 60, 29)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_of_a_killed_loader_exit_by_themselves(
    faults: ModuleType, corpus: tuple[Path, Path]
) -> None:
    root, folder = corpus
    result = faults.fault_orphaned_workers(root, folder)
    assert result["child_processes_at_kill"] >= 2 and result["all_exited"]
    assert max(result["seconds_until_each_exited"]) < 5


@pytest.mark.slow
def test_history_of_loads_updates_and_deletes_equals_a_clean_load(
    faults: ModuleType, corpus: tuple[Path, Path]
) -> None:
    root, folder = corpus
    faults.LOAD_OPTIONS[:] = []
    result = faults.fault_history(root, folder, rounds=3, articles=8, seed=3)
    assert result["export_equals_clean_load_of_final_texts"]
    assert result["loads"] and result["deletes"] + result["updates"]
