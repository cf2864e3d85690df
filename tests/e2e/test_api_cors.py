"""CORS is off unless origins are configured; then only those origins are allowed."""

from __future__ import annotations

from api.settings import ApiSettings
from tests.support.worlds import api_client, api_settings

ORIGIN = "https://analysts.example.org"
OTHER = "https://elsewhere.example.net"


def test_cors_off_by_default_no_header_and_no_preflight(graph_settings: ApiSettings) -> None:
    with api_client(api_settings(graph_settings)) as client:
        r = client.get("/health", headers={"Origin": ORIGIN})
        assert r.status_code == 200
        assert "access-control-allow-origin" not in r.headers
        pre = client.options(
            "/timeline", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
        )
        assert "access-control-allow-origin" not in pre.headers
        assert pre.status_code == 405


def test_cors_configured_allows_only_listed_origins(graph_settings: ApiSettings) -> None:
    settings = api_settings(graph_settings, kg_cors_origins=[ORIGIN])
    with api_client(settings) as client:
        r = client.get("/health", headers={"Origin": ORIGIN})
        assert r.headers["access-control-allow-origin"] == ORIGIN
        pre = client.options(
            "/articles",
            headers={
                "Origin": ORIGIN,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "X-API-Key, Content-Type",
            },
        )
        assert pre.status_code == 200
        assert "x-api-key" in pre.headers["access-control-allow-headers"].lower()
        other = client.get("/health", headers={"Origin": OTHER})
        assert "access-control-allow-origin" not in other.headers
        denied = client.options(
            "/timeline", headers={"Origin": OTHER, "Access-Control-Request-Method": "GET"}
        )
        assert denied.status_code == 400
