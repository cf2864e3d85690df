"""Session fixtures: one real embedded graph server over Bolt for the whole test run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import embedded
from graph.embedded import free_port
from graph.settings import Settings
from graph.store import GraphStore

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
GOLD = REPO.parent / "shared" / "eval" / "seeds.gold.json"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="session")
def graph_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings of a freshly started embedded server, stopped at the end of the session."""
    data_dir = tmp_path_factory.mktemp("kg-data")
    settings = Settings(
        neo4j_uri=None,
        kg_data_dir=data_dir,
        kg_bolt_port=free_port(),
        kg_http_port=free_port(),
        kg_api_key=None,
        kg_precompute_entities=0,  # no background reads racing a test's own (test_api_precompute)
        _env_file=None,
    )
    embedded.start(data_dir, settings.kg_bolt_port, settings.kg_http_port)
    try:
        yield settings
    finally:
        embedded.stop(data_dir)


@pytest.fixture(scope="session")
def session_store(graph_settings: Settings) -> Iterator[GraphStore]:
    """One connected store for the session, schema applied."""
    store = GraphStore.connect(graph_settings)
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture
def store(session_store: GraphStore) -> GraphStore:
    """The session's store, emptied before the test so each test sees only its own data."""
    session_store.delete_all()
    return session_store
