"""GET /entities (search) and GET /entities/{id}, against the invented world."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.store import GraphStore
from tests.support.worlds import A1, A2


def search(client: TestClient, **params: str) -> list[str]:
    r = client.get("/entities", params=params)
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["items"]]


def test_search_ignores_case_and_accents(client: TestClient, world: GraphStore) -> None:
    assert search(client, q="ANA LUCIA") == ["ana-lucia-brandt"]
    assert search(client, q="Ana Lúcia Brandt") == ["ana-lucia-brandt"]
    assert search(client, q="brandt") == ["ana-lucia-brandt"]


def test_search_ranks_exact_then_prefix_then_word(client: TestClient, world: GraphStore) -> None:
    found = client.get("/entities", params={"q": "ostria"}).json()["items"]
    assert [(e["id"], e["rank"]) for e in found] == [("ostria", 0), ("ostrian-delegation", 1)]
    found = client.get("/entities", params={"q": "delegation"}).json()["items"]
    assert {e["id"] for e in found} == {"ostrian-delegation", "mirland-delegation"}
    assert {e["rank"] for e in found} == {2}
    assert search(client, q="lantern") == ["red-lantern-front"]
    assert search(client, q="lant") == ["red-lantern-front"]
    assert search(client, q="ntern") == []


def test_search_filters_by_type_and_lists_without_query(
    client: TestClient, world: GraphStore
) -> None:
    assert search(client, q="delegation", type="Person") == []
    assert search(client, type="Place") == ["carnisport", "veltara"]
    assert search(client, type="Person", limit="2") == ["ana-lucia-brandt", "dov-kessel"]
    first = client.get("/entities", params={"type": "Person", "limit": "2"}).json()
    cursor = first["next_cursor"]
    assert search(client, type="Person", limit="2", cursor=cursor) == ["jorah-vell", "sela-mirren"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"type": "Alien"}, "type"), ({"limit": "201"}, "limit"), ({"q": "x" * 201}, "q")],
)
def test_search_bad_parameter_is_422(
    client: TestClient, world: GraphStore, params: dict[str, str], field: str
) -> None:
    r = client.get("/entities", params=params)
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["query", field]


def test_profile_has_memberships_relations_events_and_articles(
    client: TestClient, world: GraphStore
) -> None:
    r = client.get("/entities/ostrian-delegation")
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "Ostrian delegation" and body["type"] == "Delegation"
    assert {(m["predicate"], m["id"]) for m in body["members"]} == {
        ("MEMBER_OF", "ana-lucia-brandt"),
        ("LEADS", "tomas-ekk"),
    }
    attended = [x for x in body["relations"]["items"] if x["predicate"] == "ATTENDED"]
    assert len(attended) == 1
    assert attended[0]["direction"] == "out"
    assert attended[0]["other"]["id"] == "veltara-round-1"
    assert attended[0]["other"]["node"] == "Event"
    assert attended[0]["evidence"][0]["sentence"] == (
        "The Ostrian delegation attended the Veltara round."
    )
    assert [e["id"] for e in body["events"]["items"]] == ["veltara-round-1"]
    assert [a["id"] for a in body["articles"]["items"]] == [A1]


def test_profile_of_a_person_lists_memberships(client: TestClient, world: GraphStore) -> None:
    body = client.get("/entities/ana-lucia-brandt").json()
    assert body["aliases"] == ["Brandt"]
    assert body["roles"] == ["chief negotiator"]
    assert [(m["predicate"], m["id"], m["name"]) for m in body["memberships"]] == [
        ("MEMBER_OF", "ostrian-delegation", "Ostrian delegation")
    ]


def test_profile_events_are_newest_first_with_their_links(
    client: TestClient, world: GraphStore
) -> None:
    body = client.get("/entities/ostria").json()
    participation = {"predicate": "PARTICIPATED_IN", "delegation_id": None}
    assert [(e["id"], e["links"]) for e in body["events"]["items"]] == [
        ("mirren-killing", [{**participation, "role": "perpetrator"}]),
        ("veltara-round-1", [{**participation, "role": "attendee"}]),
    ]
    assert (body["events"]["total"], body["events"]["next_cursor"]) == (2, None)
    killed = [x for x in body["relations"]["items"] if x["predicate"] == "KILLED"]
    assert killed[0]["other"]["id"] == "sela-mirren"
    assert killed[0]["article_ids"] == [A2]
    assert [a["id"] for a in body["articles"]["items"]] == [A2, A1]


def test_profile_shows_incoming_relations_and_issues(client: TestClient, world: GraphStore) -> None:
    victim = client.get("/entities/sela-mirren").json()
    relations = victim["relations"]["items"]
    assert [(x["predicate"], x["direction"], x["other"]["id"]) for x in relations] == [
        ("MEMBER_OF", "out", "red-lantern-front"),  # its own edges first, then those to it
        ("KILLED", "in", "ostria"),
    ]
    front = client.get("/entities/red-lantern-front").json()
    assert [(m["predicate"], m["id"]) for m in front["members"]] == [("MEMBER_OF", "sela-mirren")]
    demanded = [x for x in front["relations"]["items"] if x["predicate"] == "DEMANDED"]
    assert demanded[0]["other"]["node"] == "Issue"
    assert demanded[0]["other"]["name"] == "an end to the blockade"


def test_profile_unknown_id_is_404_naming_it(client: TestClient, world: GraphStore) -> None:
    r = client.get("/entities/nobody-at-all")
    assert r.status_code == 404
    assert r.json()["detail"] == "entity 'nobody-at-all' not found"
