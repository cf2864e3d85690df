"""GET /graph/neighbourhood, against the invented world."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.models import EdgeType
from graph.store import GraphStore
from tests.support.worlds import A1, A2


def test_neighbourhood_depth_one_of_an_entity(client: TestClient, world: GraphStore) -> None:
    r = client.get("/graph/neighbourhood", params={"id": "ostrian-delegation"})
    assert r.status_code == 200
    body = r.json()
    nodes = {n["id"]: n for n in body["nodes"]}
    assert set(nodes) == {"ostrian-delegation", "veltara-round-1", "ana-lucia-brandt", "tomas-ekk"}
    assert nodes["ostrian-delegation"]["depth"] == 0
    assert nodes["veltara-round-1"]["node"] == "Event"
    assert nodes["veltara-round-1"]["kind"] == "talks" and nodes["veltara-round-1"]["type"] is None
    assert (nodes["tomas-ekk"]["node"], nodes["tomas-ekk"]["type"]) == ("Entity", "Person")
    edges = {(e["source"], e["predicate"], e["target"]) for e in body["edges"]}
    assert edges == {
        ("ostrian-delegation", "ATTENDED", "veltara-round-1"),
        ("ana-lucia-brandt", "MEMBER_OF", "ostrian-delegation"),
        ("tomas-ekk", "LEADS", "ostrian-delegation"),
    }
    assert body["truncated"] is False


def test_neighbourhood_depth_two_reaches_further(client: TestClient, world: GraphStore) -> None:
    body = client.get(
        "/graph/neighbourhood", params={"id": "ostrian-delegation", "depth": "2"}
    ).json()
    nodes = {n["id"]: n["depth"] for n in body["nodes"]}
    assert nodes["veltara"] == 2 and nodes["qeshet"] == 2 and nodes["jorah-vell"] == 2
    held = [e for e in body["edges"] if e["predicate"] == EdgeType.HELD_IN]
    fields = ("source", "target", "predicate", "role", "article_count", "basis", "standing")
    assert [{k: e[k] for k in fields} for e in held] == [
        {
            "source": "veltara-round-1",
            "target": "veltara",
            "predicate": EdgeType.HELD_IN,
            "role": None,
            "article_count": 2,
            "basis": "stated",
            "standing": "confirmed",
        }
    ]
    assert held[0]["evidence"], "a place is backed by the sentences of the event that give it"
    roles = {e["role"] for e in body["edges"] if e["predicate"] == EdgeType.PARTICIPATED_IN}
    assert {"attendee", "host", "mediator"} <= roles


def test_neighbourhood_types_filter_and_mentions(client: TestClient, world: GraphStore) -> None:
    body = client.get(
        "/graph/neighbourhood",
        params={"id": "front-vow", "types": f"{EdgeType.CAUSED},{EdgeType.PRECEDED}"},
    ).json()
    assert {n["id"] for n in body["nodes"]} == {"front-vow", "mirren-killing", "carnisport-round-2"}
    body = client.get(
        "/graph/neighbourhood", params=[("id", "front-vow"), ("types", "mentions")]
    ).json()
    assert {n["id"] for n in body["nodes"]} == {"front-vow", A2}
    article = next(n for n in body["nodes"] if n["id"] == A2)
    assert (article["node"], article["source"], article["kind"]) == (
        "Article",
        "The Invented Courier",
        None,
    )
    assert {
        n["id"]
        for n in client.get(
            "/graph/neighbourhood", params={"id": A1, "types": EdgeType.MENTIONS, "depth": "1"}
        ).json()["nodes"]
    } >= {"veltara-round-1"}


def test_neighbourhood_limit_truncates(client: TestClient, world: GraphStore) -> None:
    body = client.get(
        "/graph/neighbourhood", params={"id": "veltara-round-1", "depth": "3", "limit": "4"}
    ).json()
    assert len(body["nodes"]) == 4
    assert body["truncated"] is True
    ids = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"])


@pytest.mark.parametrize(
    ("params", "field", "cap"),
    [
        ({"id": "ostria", "depth": "4"}, "depth", "3"),
        ({"id": "ostria", "limit": "501"}, "limit", "500"),
        ({"id": "ostria", "types": "LOVES"}, "types", "LOVES"),
        ({}, "id", ""),
    ],
)
def test_neighbourhood_bad_parameter_is_422_naming_the_cap(
    client: TestClient, world: GraphStore, params: dict[str, str], field: str, cap: str
) -> None:
    r = client.get("/graph/neighbourhood", params=params)
    assert r.status_code == 422
    detail = r.json()["errors"][0]
    assert detail["loc"] == ["query", field]
    assert cap in detail["msg"]


def test_neighbourhood_unknown_id_is_404(client: TestClient, world: GraphStore) -> None:
    r = client.get("/graph/neighbourhood", params={"id": "nowhere"})
    assert r.status_code == 404
    assert "nowhere" in r.json()["detail"]
