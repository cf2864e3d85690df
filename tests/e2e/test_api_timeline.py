"""GET /timeline against the invented world on the real embedded server."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.store import GraphStore
from tests.support.worlds import A1, A2

DATED = ["veltara-round-1", "mirren-killing", "front-vow", "carnisport-round-2"]


def test_timeline_orders_by_date_with_undated_last(client: TestClient, world: GraphStore) -> None:
    r = client.get("/timeline")
    assert r.status_code == 200
    body = r.json()
    assert [e["id"] for e in body["items"]] == [*DATED, "secret-meeting"]
    assert body["next_cursor"] is None
    assert body["items"][-1]["date"] is None


def test_timeline_event_carries_participants_place_and_sources(
    client: TestClient, world: GraphStore
) -> None:
    events = {e["id"]: e for e in client.get("/timeline").json()["items"]}
    round1 = events["veltara-round-1"]
    assert round1["place"] == {"id": "veltara", "name": "Veltara", "type": "Place"}
    roles = {(p["id"], p["role"]) for p in round1["participants"]}
    assert {
        ("ostria", "attendee"),
        ("qeshet", "mediator"),
        ("qeshet", "host"),
        ("ostrian-delegation", "attendee"),
        ("jorah-vell", "attendee"),
    } <= roles
    assert [a["id"] for a in round1["articles"]] == [A1, A2]
    assert round1["articles"][0]["title"] == "Talks open in Veltara"
    assert round1["date"] == "2024-03-04" and round1["date_precision"] == "day"


def test_timeline_pages_with_cursor_cover_every_event_once(
    client: TestClient, world: GraphStore
) -> None:
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/timeline", params=params).json()
        seen += [e["id"] for e in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [*DATED, "secret-meeting"]
    assert pages == 3


def test_timeline_filters_by_dates_kind_and_actor(client: TestClient, world: GraphStore) -> None:
    def ids(**params: str) -> list[str]:
        r = client.get("/timeline", params=params)
        assert r.status_code == 200, r.text
        return [e["id"] for e in r.json()["items"]]

    assert ids(**{"from": "2024-04-01", "to": "2024-04-11"}) == ["mirren-killing", "front-vow"]
    assert ids(kind="talks") == ["veltara-round-1", "carnisport-round-2", "secret-meeting"]
    assert ids(actor="qeshet") == ["veltara-round-1", "carnisport-round-2"]
    assert ids(actor="red-lantern-front", kind="statement") == ["front-vow"]


def test_timeline_unknown_actor_is_404_naming_it(client: TestClient, world: GraphStore) -> None:
    r = client.get("/timeline", params={"actor": "nobody-at-all"})
    assert r.status_code == 404
    assert "nobody-at-all" in r.json()["detail"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2024-13-40"}, "from"),
        ({"kind": "picnic"}, "kind"),
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "WzEsMl0"}, "cursor"),
        ({"from": "2024-05-01", "to": "2024-04-30"}, "to"),  # no day lies between
    ],
)
def test_timeline_bad_parameter_is_422_naming_it(
    client: TestClient, world: GraphStore, params: dict[str, str], field: str
) -> None:
    r = client.get("/timeline", params=params)
    assert r.status_code == 422
    assert [d["loc"] for d in r.json()["errors"]] == [["query", field]]
