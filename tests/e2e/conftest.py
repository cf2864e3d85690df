"""Fixtures of the end-to-end tests: a client of the app, the invented world, the browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.page import CHROMIUM_ARGS, load_seeds, serve_api
from tests.support.worlds import api_client, api_settings, load_world


@pytest.fixture(scope="module")
def client(graph_settings: ApiSettings) -> Iterator[TestClient]:
    """A client of the app on the session's server (modules may define their own)."""
    with api_client(api_settings(graph_settings)) as c:
        yield c


@pytest.fixture(scope="module")
def base_url(graph_settings: ApiSettings, session_store: GraphStore) -> Iterator[str]:
    """The API and page over the seed articles (page modules over other data define their own)."""
    load_seeds(session_store)
    with serve_api(graph_settings) as base:
        yield base


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    """The graph emptied and loaded with the invented world of the API tests."""
    load_world(store)
    return store


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (skips when either is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("chromium is not installed: run scripts/install-chromium.sh")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
