"""Session fixtures: one real embedded graph server over Bolt for the whole test run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.servers import embedded_server


@pytest.fixture(scope="session")
def graph_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiSettings]:
    """Settings of a freshly started embedded server, stopped at the end of the session (the
    API's, which hold the graph's)."""
    with embedded_server(tmp_path_factory.mktemp("kg-data")) as settings:
        yield settings


@pytest.fixture(scope="session")
def session_store(graph_settings: ApiSettings) -> Iterator[GraphStore]:
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
