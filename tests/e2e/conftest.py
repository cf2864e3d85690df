"""Fixtures of the API tests: a client of the app and the invented world loaded in the graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_world import api_client, api_settings, load_world
from fastapi.testclient import TestClient

from graph.settings import Settings
from graph.store import GraphStore


@pytest.fixture(scope="module")
def client(graph_settings: Settings) -> Iterator[TestClient]:
    """A client of the app on the session's server (modules may define their own)."""
    with api_client(api_settings(graph_settings)) as c:
        yield c


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    """The graph emptied and loaded with the invented world of the API tests."""
    load_world(store)
    return store
