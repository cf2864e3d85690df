"""The seed articles loaded into the session's graph once per test module that asks for them."""

from __future__ import annotations

import pytest

from graph.store import GraphStore
from loaders.pipeline import LoadReport, load_paths
from tests.support.paths import SEEDS


def load_seeds(store: GraphStore) -> LoadReport:
    """Empties the graph and loads the five seed articles with their manifest."""
    if not (SEEDS / "manifest.json").is_file():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    store.delete_all()
    report = load_paths([SEEDS], store, manifest=SEEDS / "manifest.json")
    assert report.ok, report.failed
    return report
