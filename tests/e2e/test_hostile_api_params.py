"""Hostile values in every query parameter, path id and ingest field: never a 5xx, never Cypher.

Every value reaches the database as a `$parameter`; if any were spliced into a query, the
payloads below would fail to parse (a 500) or change the graph (caught by comparing the
whole export before and after).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.settings import ApiSettings
from graph.export import read_document
from graph.store import GraphStore
from tests.support.cypher import cypher
from tests.support.worlds import API_KEY, api_client, api_settings, load_world

INJECTIONS = [
    "'",
    '"',
    "`",
    "\\",
    "{",
    "}",
    "${x}",
    "{{x}}",
    "$id",
    "%",
    "%%",
    "_",
    "*",
    "\x00",
    "\u202e",
    "' OR 1=1 //",
    '" OR true //',
    "`) DETACH DELETE n //",
    "x'}) MATCH (n) DETACH DELETE n //",
    "x\"}) CREATE (:Entity {id: 'pwned'}) RETURN 1 //",
    "}) WITH 1 AS x CALL db.labels() YIELD label RETURN label //",
    "MATCH (n) DETACH DELETE n",
    "UNWIND range(1,100000000) AS i RETURN i",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "/*",
    "*/",
    "//",
    "\n// comment",
    "ostria' OR 'a'='a",
    "ostria\u0000",
    "\uff2f\uff33\uff34\uff32\uff29\uff21",
    "ostrïa",
    "😀🇺🇳",
    "ــــ",
    "\ud7ff",
    "a" * 10_000,
    "{" * 5000,
    "[" * 5000,
    "\t\r\n\f\v",
    " ",
    "",
    "0",
    "-1",
    "1e309",
    "NaN",
    "null",
    "true",
    "[]",
    "{}",
    "2024-13-45",
    "9999-99-99",
]
hostile = st.one_of(
    st.sampled_from(INJECTIONS),
    st.text(max_size=200),
    st.builds(lambda a, b: a + b, st.sampled_from(INJECTIONS), st.text(max_size=50)),
)
ids = hostile.filter(lambda s: s.strip() != "")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def world(
    session_store: GraphStore, graph_settings: ApiSettings
) -> Iterator[tuple[TestClient, GraphStore, dict[str, Any]]]:
    """A client over the invented world, and the world's export to compare against."""
    session_store.delete_all()
    load_world(session_store)
    session_store.derive_sequences()
    with api_client(api_settings(graph_settings)) as client:
        yield client, session_store, read_document(session_store)


def assert_not_5xx(client: TestClient, path: str, params: dict[str, Any] | None = None) -> None:
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, params, r.status_code, r.text[:300])
    if r.status_code >= 400:
        assert isinstance(r.json().get("detail"), str | list)


def assert_graph_unchanged(world: tuple[TestClient, GraphStore, dict[str, Any]]) -> None:
    _, store, before = world
    assert read_document(store) == before


@FUZZ
@given(q=hostile, type_=hostile, limit=hostile, cursor=hostile)
def test_entity_search_survives_hostile_params(
    world: Any, q: str, type_: str, limit: str, cursor: str
) -> None:
    client = world[0]
    assert_not_5xx(client, "/entities", {"q": q})
    assert_not_5xx(
        client, "/entities", {"q": q[:200], "type": type_, "limit": limit, "cursor": cursor}
    )


@FUZZ
@given(node=ids, depth=hostile, types=hostile, limit=hostile, direction=hostile)
def test_id_routes_survive_hostile_ids(
    world: Any, node: str, depth: str, types: str, limit: str, direction: str
) -> None:
    client = world[0]
    path_id = quote(node, safe="")
    for path in (
        f"/entities/{path_id}",
        f"/events/{path_id}",
        f"/articles/{path_id}",
        f"/rounds/{path_id}/attendees",
    ):
        assert_not_5xx(client, path)
    assert_not_5xx(client, f"/events/{path_id}/chain", {"depth": depth, "direction": direction})
    assert_not_5xx(
        client, "/graph/neighbourhood", {"id": node, "depth": depth, "types": types, "limit": limit}
    )


@FUZZ
@given(
    date_from=hostile, date_to=hostile, kind=hostile, actor=hostile, cursor=hostile, source=hostile
)
def test_list_routes_survive_hostile_filters(
    world: Any, date_from: str, date_to: str, kind: str, actor: str, cursor: str, source: str
) -> None:
    client = world[0]
    assert_not_5xx(client, "/timeline", {"actor": actor})
    assert_not_5xx(client, "/timeline", {"cursor": cursor})
    assert_not_5xx(client, "/timeline", {"from": date_from, "to": date_to, "kind": kind})
    assert_not_5xx(client, "/rounds", {"from": date_from, "to": date_to})
    assert_not_5xx(client, "/articles", {"source": source})


def test_hostile_reads_left_the_graph_unchanged(world: Any) -> None:
    client = world[0]
    for payload in INJECTIONS:
        for path, params in (
            ("/entities", {"q": payload[:200]}),
            ("/timeline", {"actor": payload}),
            ("/graph/neighbourhood", {"id": payload or "x"}),
            ("/articles", {"source": payload}),
        ):
            assert_not_5xx(client, path, params)
    assert_graph_unchanged(world)
    assert cypher(world[1], "MATCH (n {id: 'pwned'}) RETURN n.id AS id") == []


def test_injection_text_is_found_as_data(world: Any) -> None:
    client, store, _ = world
    hostile_id = "x'}) MATCH (n) DETACH DELETE n; RETURN 1 AS `x`"
    body = {
        "id": hostile_id,
        "text": "Mirland Envoys met in Veltara. `DROP` {x} $y.",
        "title": "'; MATCH (n) DETACH DELETE n; //",
        "source": '"}) RETURN 1 //',
    }
    try:
        r = client.post("/articles", json=body, headers={"X-API-Key": API_KEY})
        assert r.status_code == 201, r.text
        got = client.get(f"/articles/{quote(hostile_id, safe='')}")
        assert got.status_code == 200
        assert got.json()["title"] == body["title"] and got.json()["source"] == body["source"]
        assert store.counts()["Article"] == 3
    finally:
        store.delete_all()
        load_world(store)
        store.derive_sequences()


@FUZZ
@given(
    aid=ids,
    text=hostile,
    title=hostile,
    source=hostile,
    url=hostile,
    author=hostile,
    published=hostile,
)
def test_ingest_survives_hostile_fields(
    world: Any, aid: str, text: str, title: str, source: str, url: str, author: str, published: str
) -> None:
    client = world[0]
    body = {
        "id": aid[:200],
        "text": text or "x",
        "title": title,
        "source": source,
        "url": url,
        "author": author,
        "published": published,
    }
    r = client.post("/articles", json=body, headers={"X-API-Key": API_KEY})
    assert r.status_code < 500, (body, r.status_code, r.text[:300])
    if r.status_code in (200, 201):
        stored = r.json()["id"]
        got = client.get(f"/articles/{quote(stored, safe='')}")
        assert got.status_code == 200 and got.json()["id"] == stored
