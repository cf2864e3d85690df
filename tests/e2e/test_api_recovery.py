"""The API through a database outage: 503 while it is down, 200 again once it is back.

The tests stop and restart a server of this module's own, so no other test sees the outage.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from api.settings import ApiSettings
from graph import embedded
from graph.store import GraphStore
from tests.support.servers import embedded_server
from tests.support.worlds import API_KEY, api_client, api_settings, load_world

UNAVAILABLE = "the graph database is not reachable; try again shortly"
DATA_ROUTES = ("/timeline", "/rounds/veltara-round-1/attendees", "/entities/ostria")


@pytest.fixture(scope="module")
def outage_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiSettings]:
    """A server these tests may stop: not the session's."""
    with embedded_server(tmp_path_factory.mktemp("kg-outage")) as settings:
        yield settings


@pytest.fixture
def outage_store(outage_settings: ApiSettings) -> Iterator[GraphStore]:
    """A store of the outage server, emptied, schema applied."""
    with GraphStore.connect(outage_settings) as store:
        store.ensure_schema()
        store.delete_all()
        yield store


def test_api_answers_503_while_the_database_is_down_and_recovers(
    outage_settings: ApiSettings, outage_store: GraphStore
) -> None:
    load_world(outage_store)
    settings = api_settings(outage_settings)
    with api_client(settings) as client:
        assert client.get("/ready").status_code == 200
        before = client.get("/timeline").json()
        assert embedded.stop(settings.kg_data_dir) is not None
        try:
            started = time.monotonic()
            ready = client.get("/ready")
            assert ready.status_code == 503
            assert ready.json()["detail"] == UNAVAILABLE
            for path in DATA_ROUTES:
                r = client.get(path)
                assert r.status_code == 503, path
                assert r.json()["detail"] == UNAVAILABLE
            assert time.monotonic() - started < 10, "503 answers must not wait for retries"
            assert client.get("/health").status_code == 200
            with api_client(settings) as late:
                assert late.get("/ready").status_code == 503
                embedded.start(settings.kg_data_dir, settings.kg_bolt_port, settings.kg_http_port)
                assert late.get("/ready").status_code == 200
                assert late.get("/timeline").json() == before
        finally:
            if embedded.running(settings.kg_data_dir.resolve()) is None:
                embedded.start(settings.kg_data_dir, settings.kg_bolt_port, settings.kg_http_port)
        assert client.get("/ready").status_code == 200
        assert client.get("/timeline").json() == before
        for path in DATA_ROUTES:
            assert client.get(path).status_code == 200, path


def test_post_with_the_database_down_answers_503_quickly(
    outage_settings: ApiSettings, outage_store: GraphStore
) -> None:
    settings = api_settings(outage_settings)
    body = {"id": "posted-while-down", "text": "Envoys of Ostria met in Veltara on Monday."}
    with api_client(settings) as client:
        assert client.get("/ready").status_code == 200
        assert embedded.stop(settings.kg_data_dir) is not None
        try:
            started = time.monotonic()
            r = client.post("/articles", json=body, headers={"X-API-Key": API_KEY})
            elapsed = time.monotonic() - started
            assert r.status_code == 503 and r.json()["detail"] == UNAVAILABLE
            assert elapsed < 5, f"POST took {elapsed:.1f} s to answer 503"
        finally:
            embedded.start(settings.kg_data_dir, settings.kg_bolt_port, settings.kg_http_port)
        r = client.post("/articles", json=body, headers={"X-API-Key": API_KEY})
        assert r.status_code == 201, r.json()
