"""Request limits and the security settings: caps named in errors, the key kept secret, the
embedded server reachable from this machine only, no CORS."""

from __future__ import annotations

import logging
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.settings import ApiSettings
from graph import embedded, reads
from graph.errors import GraphAuthFailed
from graph.store import GraphStore
from tests.support.worlds import API_KEY, MAX_BYTES, api_client, api_settings, load_world

LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1 in /proc/net/tcp{,6}


@pytest.fixture
def client(store: GraphStore, graph_settings: ApiSettings) -> Iterator[TestClient]:
    load_world(store)
    with api_client(api_settings(graph_settings)) as c:
        yield c


def test_ingest_body_over_the_cap_is_413_naming_the_setting(client: TestClient) -> None:
    body = {"id": "big", "text": "x" * (MAX_BYTES + 1)}
    r = client.post("/articles", json=body, headers={"X-API-Key": API_KEY})
    assert r.status_code == 413
    assert str(MAX_BYTES) in r.json()["detail"] and "KG_MAX_ARTICLE_BYTES" in r.json()["detail"]


def test_streamed_body_without_length_is_cut_at_the_cap(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"id": "streamed", "text": "'
        for _ in range(MAX_BYTES // 1000 + 2):
            yield b"y" * 1000
        yield b'"}'

    r = client.post(
        "/articles",
        content=chunks(),
        headers={"X-API-Key": API_KEY, "Content-Type": "application/json"},
    )
    assert r.status_code == 413
    assert "KG_MAX_ARTICLE_BYTES" in r.json()["detail"]


@pytest.mark.parametrize(
    ("path", "param", "cap"),
    [
        ("/graph/neighbourhood?id=ostria", "depth", reads.MAX_DEPTH),
        ("/graph/neighbourhood?id=ostria", "limit", reads.MAX_NODES),
        ("/events/sela-mirren-killing/chain?x=1", "depth", reads.MAX_CHAIN_DEPTH),
        ("/timeline?x=1", "limit", 500),
        ("/entities?x=1", "limit", 200),
        ("/articles?x=1", "limit", 500),
        ("/rounds?x=1", "limit", 1000),
    ],
)
def test_caps_are_422_naming_the_cap(client: TestClient, path: str, param: str, cap: int) -> None:
    r = client.get(f"{path}&{param}={cap + 1}")
    assert r.status_code == 422
    (error,) = r.json()["errors"]
    assert error["loc"] == ["query", param]
    assert str(cap) in error["msg"]


def test_search_text_longer_than_200_is_refused(client: TestClient) -> None:
    r = client.get("/entities", params={"q": "a" * 201})
    assert r.status_code == 422 and "200" in r.json()["errors"][0]["msg"]


def test_api_key_is_compared_in_constant_time_and_never_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = secrets.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr("api.security.secrets.compare_digest", spy)
    caplog.set_level(logging.DEBUG)
    wrong = client.post(
        "/articles",
        json={"id": "k1", "text": "Envoys met in Veltara."},
        headers={"X-API-Key": "wrong-" + API_KEY},
    )
    right = client.post(
        "/articles",
        json={"id": "k1", "text": "Envoys met in Veltara."},
        headers={"X-API-Key": API_KEY},
    )
    assert wrong.status_code == 403 and right.status_code == 201
    # the middleware compares before the body is read, the route's dependency once more
    assert len(compared) == 3 and all(b == API_KEY.encode() for _, b in compared)
    assert API_KEY not in caplog.text
    assert API_KEY not in wrong.text + right.text


def test_cors_is_off(client: TestClient) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    pre = client.options("/timeline", headers={**origin, "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers
    got = client.get("/timeline", headers=origin)
    assert got.status_code == 200 and "access-control-allow-origin" not in got.headers


def _listening_addresses(pid: int) -> list[str]:
    """The local addresses (hex, as in /proc/net/tcp) of the sockets `pid` listens on."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                found.append(fields[1])
    return found


def test_embedded_server_listens_on_loopback_only(
    graph_settings: ApiSettings, session_store: GraphStore
) -> None:
    info = embedded.running(graph_settings.kg_data_dir.resolve())
    assert info is not None
    addresses = _listening_addresses(info.pid)
    ports = {int(a.split(":")[1], 16) for a in addresses}
    assert {graph_settings.kg_bolt_port, graph_settings.kg_http_port} <= ports
    assert {a.split(":")[0] for a in addresses} <= LOOPBACK, addresses


def test_embedded_password_is_generated_private_and_required(
    graph_settings: ApiSettings, session_store: GraphStore
) -> None:
    path = embedded.password_file(graph_settings.kg_data_dir.resolve())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    password = path.read_text().strip()
    assert len(password) >= 24 and password not in ("root", "password", "playwithdata")
    info = embedded.running(graph_settings.kg_data_dir.resolve())
    assert info is not None
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(info.uri, auth=(embedded.USER, password + "x"))
    with pytest.raises(GraphAuthFailed):
        GraphStore(driver, embedded.DATABASE, info.uri).verify()
    driver.close()
