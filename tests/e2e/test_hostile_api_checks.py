"""Smaller checks of hostile use: unsafe urls, terminal escapes in metadata, date parameters
that are not days, searches that normalise to nothing, the key checked before the body is
read, and the security headers of every answer."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.worlds import API_KEY, api_client, api_settings, load_world

SENTENCE = "Envoys of Northland met the Ostrian delegation in Lorvik on Monday."
KEY = {"X-API-Key": API_KEY}


@pytest.fixture
def client(store: GraphStore, graph_settings: ApiSettings) -> Iterator[TestClient]:
    load_world(store)
    with api_client(api_settings(graph_settings)) as c:
        yield c


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"]
)
def test_url_that_is_not_http_is_422(client: TestClient, url: str) -> None:
    r = client.post("/articles", json={"id": "u-1", "text": SENTENCE, "url": url}, headers=KEY)
    assert r.status_code == 422, r.json()
    assert r.json()["errors"][0]["loc"] == ["body", "url"]


@pytest.mark.parametrize("field", ["title", "source", "author"])
@pytest.mark.parametrize("junk", ["\x00", "\x1b[31m", "\x1b]0;title\x07", "\x9b"])
def test_metadata_with_nul_or_terminal_escapes_is_422(
    client: TestClient, field: str, junk: str
) -> None:
    body = {"id": "m-1", "text": SENTENCE, field: f"Wire{junk} service"}
    r = client.post("/articles", json=body, headers=KEY)
    assert r.status_code == 422, r.json()
    assert r.json()["errors"][0]["loc"] == ["body", field]


@pytest.mark.parametrize("route", ["/timeline", "/rounds"])
@pytest.mark.parametrize("value", ["0", "1700000000", "2024-01-01T00:00", "2024-01-01T00:00:00Z"])
def test_date_parameters_take_days_only(client: TestClient, route: str, value: str) -> None:
    for param in ("from", "to"):
        r = client.get(route, params={param: value})
        assert r.status_code == 422, (param, value, r.json())
        assert r.json()["errors"][0]["loc"] == ["query", param]
    assert client.get(route, params={"from": "2024-01-01", "to": "2024-12-31"}).status_code == 200


@pytest.mark.parametrize("q", ["!!!", "  ", "'", "\u2019\u2019", "-_-"])
def test_search_that_normalises_to_nothing_is_422(client: TestClient, q: str) -> None:
    r = client.get("/entities", params={"q": q})
    assert r.status_code == 422, r.json()
    assert r.json()["errors"][0]["loc"] == ["query", "q"]


@pytest.mark.parametrize("path", ["/", "/timeline", "/entities/nobody", "/static/app.js"])
def test_answers_carry_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(("key", "status"), [(None, 401), ("wrong", 403)])
def test_the_key_is_checked_before_the_body_is_read(
    store: GraphStore, graph_settings: ApiSettings, key: str | None, status: int
) -> None:
    app = create_app(api_settings(graph_settings))
    reads: list[str] = []
    sent: list[dict[str, object]] = []
    headers = [(b"content-type", b"application/json"), (b"content-length", b"1000")]
    if key is not None:
        headers.append((b"x-api-key", key.encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "path": "/articles",
        "raw_path": b"/articles",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "scheme": "http",
        "root_path": "",
    }

    async def receive() -> dict[str, object]:
        reads.append("body")
        return {"type": "http.request", "body": b"{" * 1000, "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    try:
        asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    finally:
        app.state.stores.close()
    assert sent[0]["status"] == status
    assert reads == [], "the body was read before the key was checked"
