"""GET /rounds and the roll call of a round, against the invented world."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.models import EdgeType
from graph.store import GraphStore
from tests.support.worlds import A1


def link(predicate: str, role: str | None = None, delegation: str | None = None) -> dict[str, Any]:
    """One edge that puts an attendee on a roll call, as the API answers it."""
    return {"predicate": predicate, "role": role, "delegation_id": delegation}


def test_rounds_lists_talks_in_date_order_with_place_mediators_hosts(
    client: TestClient, world: GraphStore
) -> None:
    r = client.get("/rounds")
    assert r.status_code == 200
    rounds = r.json()["items"]
    assert [x["id"] for x in rounds] == ["veltara-round-1", "carnisport-round-2", "secret-meeting"]
    first, second, secret = rounds
    assert first["place"]["name"] == "Veltara"
    assert [m["id"] for m in first["mediators"]] == ["qeshet"]
    assert [h["id"] for h in first["hosts"]] == ["qeshet"]
    assert second["place"]["id"] == "carnisport"
    assert [m["id"] for m in second["mediators"]] == ["qeshet"]
    assert second["hosts"] == []
    assert secret["date"] is None and secret["place"] is None


def test_rounds_attendee_count_matches_roll_call(client: TestClient, world: GraphStore) -> None:
    for summary in client.get("/rounds").json()["items"]:
        roll = client.get(f"/rounds/{summary['id']}/attendees").json()
        assert summary["attendee_count"] == len(roll["attendees"])


def test_rounds_filter_by_dates(client: TestClient, world: GraphStore) -> None:
    r = client.get("/rounds", params={"from": "2024-04-01"})
    assert [x["id"] for x in r.json()["items"]] == ["carnisport-round-2"]


def test_roll_call_includes_direct_attendees_and_delegation_members(
    client: TestClient, world: GraphStore
) -> None:
    r = client.get("/rounds/veltara-round-1/attendees")
    assert r.status_code == 200
    body = r.json()
    assert body["round"]["id"] == "veltara-round-1"
    assert body["place"]["id"] == "veltara"
    people = {a["id"]: a for a in body["attendees"]}
    assert set(people) == {
        "ostria",
        "red-lantern-front",
        "ostrian-delegation",
        "ana-lucia-brandt",
        "tomas-ekk",
        "jorah-vell",
    }
    brandt = people["ana-lucia-brandt"]
    assert brandt["delegation"]["id"] == "ostrian-delegation"
    assert brandt["links"] == [link("MEMBER_OF", delegation="ostrian-delegation")]
    assert brandt["roles"] == ["chief negotiator"]
    assert [q["sentence"] for q in brandt["evidence"]] == [
        "Ana Lúcia Brandt is part of the Ostrian delegation."
    ]
    assert brandt["evidence"][0]["article"]["id"] == A1
    assert brandt["evidence"][0]["article"]["title"] == "Talks open in Veltara"
    assert [a["id"] for a in brandt["articles"]] == [A1]
    assert people["tomas-ekk"]["links"] == [link("LEADS", delegation="ostrian-delegation")]
    vell = people["jorah-vell"]
    assert vell["links"] == [link("ATTENDED")] and vell["delegation"] is None
    assert vell["evidence"][0]["sentence"] == "Jorah Vell also attended."
    assert people["ostria"]["links"] == [link(EdgeType.PARTICIPATED_IN, role="attendee")]


def test_roll_call_of_second_round_reaches_members_of_participating_delegation(
    client: TestClient, world: GraphStore
) -> None:
    body = client.get("/rounds/carnisport-round-2/attendees").json()
    people = {a["id"]: a for a in body["attendees"]}
    assert set(people) == {"mirland-delegation", "dov-kessel"}
    assert people["dov-kessel"]["delegation"]["name"] == "Mirland delegation"
    assert people["mirland-delegation"]["evidence"][0]["sentence"] == (
        "The Mirland delegation attended in Carnisport."
    )


@pytest.mark.parametrize("round_id", ["no-such-round", "mirren-killing"])
def test_roll_call_unknown_round_is_404_naming_it(
    client: TestClient, world: GraphStore, round_id: str
) -> None:
    r = client.get(f"/rounds/{round_id}/attendees")
    assert r.status_code == 404
    assert round_id in r.json()["detail"]


def test_rounds_bad_parameter_is_422(client: TestClient, world: GraphStore) -> None:
    r = client.get("/rounds", params={"to": "soon"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["query", "to"]
    backwards = client.get("/rounds", params={"from": "2024-05-01", "to": "2024-04-30"})
    assert backwards.status_code == 422
    assert [e["loc"] for e in backwards.json()["errors"]] == [["query", "to"]]
    same_day = client.get("/rounds", params={"from": "2024-04-10", "to": "2024-04-10"})
    assert same_day.status_code == 200
