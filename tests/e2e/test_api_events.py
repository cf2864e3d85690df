"""GET /events/{id} and its chain, against the invented world."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.reads import events
from graph.store import GraphStore
from tests.support.worlds import A1, A2


def test_event_has_details_participants_evidence_and_articles(
    client: TestClient, world: GraphStore
) -> None:
    r = client.get("/events/veltara-round-1")
    assert r.status_code == 200
    body = r.json()
    assert (body["kind"], body["date"], body["place"]["id"]) == ("talks", "2024-03-04", "veltara")
    roles = {(p["id"], p["role"]) for p in body["participants"]}
    assert ("qeshet", "host") in roles and ("jorah-vell", "attendee") in roles
    quotes = {(q["fact"], q["sentence"]) for q in body["evidence"]}
    assert ("event", "Envoys met in Veltara on Monday.") in quotes
    assert ("event", "Talks in Veltara were recalled.") in quotes
    assert ("qeshet mediator", "Qeshet hosted and mediated the talks.") in quotes
    first = next(q for q in body["evidence"] if q["article"]["id"] == A1)
    assert first["article"] == {
        "id": A1,
        "title": "Talks open in Veltara",
        "source": "The Invented Courier",
        "published": "2024-03-05",
    }
    assert [a["id"] for a in body["articles"]] == [A1, A2]
    # the rounds in date order: the next one follows (a derived PRECEDED)
    assert {x["predicate"] for x in body["relations"]["items"]} == {"ATTENDED", "PRECEDED"}
    assert body["relations"]["total"] == len(body["relations"]["items"])


def test_event_relations_include_causes(client: TestClient, world: GraphStore) -> None:
    body = client.get("/events/front-vow").json()
    assert [
        (x["predicate"], x["direction"], x["other"]["id"]) for x in body["relations"]["items"]
    ] == [
        ("PRECEDED", "out", "carnisport-round-2"),
        ("CAUSED", "in", "mirren-killing"),
    ]


def test_chain_back_follows_preceded_and_caused_in_date_order(
    client: TestClient, world: GraphStore
) -> None:
    r = client.get("/events/carnisport-round-2/chain", params={"direction": "back"})
    assert r.status_code == 200
    body = r.json()
    assert [(e["id"], e["distance"]) for e in body["events"]] == [
        ("veltara-round-1", -1),  # the round before, by the rounds' derived sequence
        ("mirren-killing", -2),
        ("front-vow", -1),
        ("carnisport-round-2", 0),
    ]
    links = {(x["source"], x["predicate"], x["target"]): x for x in body["links"]}
    assert set(links) == {
        ("mirren-killing", "CAUSED", "front-vow"),
        ("front-vow", "PRECEDED", "carnisport-round-2"),
        ("veltara-round-1", "PRECEDED", "carnisport-round-2"),
    }
    assert links[("veltara-round-1", "PRECEDED", "carnisport-round-2")]["basis"] == "derived"
    caused = links[("mirren-killing", "CAUSED", "front-vow")]
    assert caused["evidence"][0]["sentence"] == "The Red Lantern Front vowed retaliation."
    assert caused["article_ids"] == [A2]


def test_chain_depth_and_direction_bound_it(client: TestClient, world: GraphStore) -> None:
    def ids(event: str, **params: str) -> list[str]:
        return [
            e["id"] for e in client.get(f"/events/{event}/chain", params=params).json()["events"]
        ]

    assert ids("carnisport-round-2", direction="back", depth="1") == [
        "veltara-round-1",
        "front-vow",
        "carnisport-round-2",
    ]
    assert ids("mirren-killing", direction="forward") == [
        "mirren-killing",
        "front-vow",
        "carnisport-round-2",
    ]
    assert ids("mirren-killing", direction="back") == ["mirren-killing"]
    assert ids("front-vow") == ["mirren-killing", "front-vow", "carnisport-round-2"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"depth": "11"}, "depth"),
        ({"depth": "0"}, "depth"),
        ({"direction": "sideways"}, "direction"),
    ],
)
def test_chain_bad_parameter_is_422_naming_the_cap(
    client: TestClient, world: GraphStore, params: dict[str, str], field: str
) -> None:
    r = client.get("/events/front-vow/chain", params=params)
    assert r.status_code == 422
    detail = r.json()["errors"][0]
    assert detail["loc"] == ["query", field]
    if params.get("depth") == "11":
        assert "10" in detail["msg"]


@pytest.mark.parametrize("path", ["/events/no-such-event", "/events/no-such-event/chain"])
def test_event_unknown_id_is_404_naming_it(
    client: TestClient, world: GraphStore, path: str
) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["detail"] == "event 'no-such-event' not found"


def test_chain_says_when_it_stopped_at_its_link_cap(
    world: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = events.read_event_chain(world, "carnisport-round-2", events.ChainDirection.BACK)
    assert not whole.truncated and len(whole.links) == 3
    monkeypatch.setattr(events, "MAX_CHAIN_LINKS", 1)
    cut = events.read_event_chain(world, "carnisport-round-2", events.ChainDirection.BACK)
    assert cut.truncated and len(cut.links) < len(whole.links)
    last = events.read_event_chain(world, "carnisport-round-2", events.ChainDirection.BACK, 1)
    assert not last.truncated  # at its depth nothing more would be followed anyway
