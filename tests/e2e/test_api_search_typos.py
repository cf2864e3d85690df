"""/entities?q= forgives typing errors when nothing matches as typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.worlds import api_client, api_settings, load_world


@pytest.fixture(scope="module")
def client(session_store: GraphStore, graph_settings: ApiSettings) -> Iterator[TestClient]:
    session_store.delete_all()
    load_world(session_store)
    with api_client(api_settings(graph_settings)) as c:
        yield c


@pytest.mark.parametrize(
    ("q", "entity_id", "matched"),
    [
        ("brandtt", "ana-lucia-brandt", "Brandt"),
        ("Red Lanturn Front", "red-lantern-front", "Red Lantern Front"),
        ("tomass ekk", "tomas-ekk", "Tomas Ekk"),
        ("Quesht", "qeshet", "Qeshet"),
    ],
)
def test_a_misspelt_name_finds_the_entity(
    client: TestClient, q: str, entity_id: str, matched: str
) -> None:
    r = client.get("/entities", params={"q": q})
    assert r.status_code == 200
    first = r.json()["items"][0]
    assert first["id"] == entity_id
    assert first["rank"] == 4 and first["matched"] == matched
    assert first["edits"] in {1, 2}


def test_a_name_as_typed_wins_and_has_no_score(client: TestClient) -> None:
    (found,) = client.get("/entities", params={"q": "brandt"}).json()["items"]
    assert found["id"] == "ana-lucia-brandt"
    assert found["rank"] == 0 and found["edits"] is None and found["matched"] is None


def test_nothing_close_is_an_empty_list(client: TestClient) -> None:
    assert client.get("/entities", params={"q": "zebulon quartz"}).json()["items"] == []
    assert (
        client.get("/entities", params={"q": "ntern"}).json()["items"] == []
    )  # a fragment, not a typo


def test_the_type_filter_holds_for_misspelt_names(client: TestClient) -> None:
    assert [e["id"] for e in client.get("/entities?q=quesht&type=Country").json()["items"]] == [
        "qeshet"
    ]
    assert client.get("/entities?q=quesht&type=Person").json()["items"] == []
