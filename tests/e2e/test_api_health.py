"""Health, readiness, the OpenAPI page, the page mount and the generic error answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import STATIC_DIR, create_app
from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.worlds import api_client, api_settings


@pytest.fixture(scope="module")
def client(graph_settings: ApiSettings) -> Iterator[TestClient]:
    with api_client(api_settings(graph_settings)) as c:
        yield c


def test_health_answers_without_the_database(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_ready_answers_when_the_database_does(client: TestClient, store: GraphStore) -> None:
    r = client.get("/ready")
    assert r.status_code == 200
    assert r.json() == {"status": "ready"}


def test_openapi_documents_every_route(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert paths >= {
        "/timeline",
        "/rounds",
        "/rounds/{round_id}/attendees",
        "/entities",
        "/entities/{entity_id}",
        "/events/{event_id}",
        "/events/{event_id}/chain",
        "/graph/neighbourhood",
        "/articles",
        "/articles/{article_id}",
        "/health",
        "/ready",
    }
    for path, ops in spec["paths"].items():
        for op in ops.values():
            assert op.get("description"), f"{path} has no description"


def test_page_is_served_when_present(client: TestClient) -> None:
    r = client.get("/")
    if (STATIC_DIR / "index.html").is_file():
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/html")
    else:
        assert r.status_code == 404


def test_database_down_at_start_answers_503_and_health_200(
    graph_settings: ApiSettings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = graph_settings.model_copy(update={"kg_data_dir": tmp_path_factory.mktemp("none")})
    with api_client(elsewhere) as c:
        assert c.get("/health").status_code == 200
        for path in ("/ready", "/timeline", "/entities/x"):
            r = c.get(path)
            assert r.status_code == 503, path
            assert r.json()["detail"] == "the graph database is not reachable; try again shortly"


def test_unexpected_error_is_500_without_details(graph_settings: ApiSettings) -> None:
    app = create_app(api_settings(graph_settings))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("MATCH (n:Secret) RETURN n -- at /srv/app.py line 3")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/boom")
    assert r.status_code == 500
    assert r.json()["detail"] == "internal error"
    assert "MATCH" not in r.text
