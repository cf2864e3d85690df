"""The API answers analysts' questions about the seed articles, from the real extractor's graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.seeded import load_seeds


@pytest.fixture(scope="module")
def client(session_store: GraphStore, graph_settings: ApiSettings) -> Iterator[TestClient]:
    load_seeds(session_store)
    with TestClient(create_app(graph_settings)) as c:
        yield c


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def find_round(client: TestClient, place: str, month: str) -> dict[str, Any]:
    rounds = [
        r
        for r in get(client, "/rounds")["items"]
        if r["place"] and r["place"]["name"] == place and (r["date"] or "").startswith(month)
    ]
    assert rounds, f"no round of talks in {place} in {month}"
    return max(rounds, key=lambda r: r["attendee_count"])


def test_august_2024_doha_roll_call_has_both_delegations(client: TestClient) -> None:
    doha = find_round(client, "Doha", "2024-08")
    roll = get(client, f"/rounds/{doha['id']}/attendees")
    names = {a["name"] for a in roll["attendees"]}
    assert {"David Barnea", "Ronen Bar", "Nitzan Alon", "Ophir Falk"} <= names
    assert {"Bill Burns", "Brett McGurk"} <= names
    barnea = next(a for a in roll["attendees"] if a["name"] == "David Barnea")
    assert barnea["delegation"] and "Israeli" in barnea["delegation"]["name"]
    assert any("Barnea" in ev["sentence"] for ev in barnea["evidence"])
    assert all(ev["article"]["id"] for ev in barnea["evidence"])


def test_rounds_linked_to_blinken(client: TestClient) -> None:
    hits = get(client, "/entities", q="blinken")["items"]
    assert hits[0]["name"] == "Antony Blinken"
    profile = get(client, f"/entities/{hits[0]['id']}")
    talks = [e for e in profile["events"]["items"] if e["kind"] == "talks"]
    assert talks, "Blinken is linked to no round of talks"
    assert all(e["date"] is None or e["date"] >= "2024" for e in talks)


def test_chain_forward_from_sinwar_killing_reaches_renewed_doha_talks(client: TestClient) -> None:
    hits = [
        e
        for e in get(client, "/timeline", kind="killing", limit=100)["items"]
        if any(p["name"] == "Yahya Sinwar" and p["role"] == "victim" for p in e["participants"])
    ]
    assert len(hits) == 1, "Sinwar's killing is one event across articles"
    chain = get(client, f"/events/{hits[0]['id']}/chain", direction="forward", depth=5)
    dates = [e["date_start"] for e in chain["events"] if e["date"]]
    assert dates == sorted(dates)
    later_talks = [
        e for e in chain["events"] if e["kind"] == "talks" and (e["date"] or "") >= "2024-10"
    ]
    assert later_talks, f"chain stops at {[e['id'] for e in chain['events']]}"
    assert all(link["evidence"] or link["predicate"] == "PRECEDED" for link in chain["links"])


def test_timeline_for_october_2024_in_date_order(client: TestClient) -> None:
    page = get(client, "/timeline", **{"from": "2024-10-01", "to": "2024-10-31"})
    dates = [e["date_start"] for e in page["items"]]
    assert dates and dates == sorted(dates)
    assert all(d.startswith("2024-10") for d in dates)
    kinds = {e["kind"] for e in page["items"]}
    assert {"killing", "talks"} <= kinds


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("netanyahu", "Benjamin Netanyahu"),
        ("Al Thani", "Mohammed bin Abdulrahman Al Thani"),
        ("NETANYAHŪ", "Benjamin Netanyahu"),
    ],
)
def test_entity_search_finds_the_person_first(
    client: TestClient, query: str, expected: str
) -> None:
    hits = get(client, "/entities", q=query)["items"]
    assert hits and hits[0]["name"].endswith(expected.split()[-1])
    assert expected.split()[0] in hits[0]["name"]
