"""GET /articles, GET /articles/{id} and POST /articles, against the real embedded server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.settings import ApiSettings
from graph.models import EdgeType
from graph.store import GraphStore
from tests.support.worlds import A1, A2, API_KEY, MAX_BYTES, api_client, api_settings

POSTED = {
    "id": "posted-1",
    "title": "Harbour talks",
    "source": "Test Wire",
    "url": "https://x.test/posted-1",
    "author": "B. Writer",
    "published": "2024-05-02",
    "text": "Envoys from Norvale met in Port Kessa. The Harbour Council welcomed them.",
}


def post(client: TestClient, body: dict[str, Any], key: str | None = API_KEY) -> Any:
    headers = {"X-API-Key": key} if key is not None else {}
    return client.post("/articles", json=body, headers=headers)


def test_articles_lists_newest_first(client: TestClient, world: GraphStore) -> None:
    r = client.get("/articles")
    assert r.status_code == 200
    assert [a["id"] for a in r.json()["items"]] == [A2, A1]
    assert r.json()["total"] == 2 and r.json()["next_cursor"] is None
    assert r.json()["items"][1] == {
        "id": A1,
        "title": "Talks open in Veltara",
        "source": "The Invented Courier",
        "url": f"https://x.test/{A1}",
        "author": "A. Writer",
        "published": "2024-03-05",
    }
    first = client.get("/articles", params={"limit": 1}).json()
    assert ([a["id"] for a in first["items"]], first["total"]) == ([A2], 2)
    second = client.get("/articles", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert ([a["id"] for a in second["items"]], second["next_cursor"]) == ([A1], None)
    assert client.get("/articles", params={"source": "Elsewhere"}).json()["items"] == []


def test_article_lists_the_facts_taken_from_it(client: TestClient, world: GraphStore) -> None:
    r = client.get(f"/articles/{A1}")
    assert r.status_code == 200
    body = r.json()
    assert body["title"] == "Talks open in Veltara"
    assert "ana-lucia-brandt" in {e["id"] for e in body["entities"]}
    event = next(e for e in body["events"] if e["id"] == "veltara-round-1")
    assert [q["sentence"] for q in event["evidence"]] == ["Envoys met in Veltara on Monday."]
    rels = {(x["subject"]["id"], x["predicate"], x["object"]["id"]): x for x in body["relations"]}
    member = rels[("ana-lucia-brandt", "MEMBER_OF", "ostrian-delegation")]
    assert member["evidence"][0]["sentence"] == (
        "Ana Lúcia Brandt is part of the Ostrian delegation."
    )
    assert ("veltara-round-1", EdgeType.HELD_IN, "veltara") in rels
    assert rels[("qeshet", EdgeType.PARTICIPATED_IN, "veltara-round-1")]["role"] in {
        "host",
        "mediator",
    }
    assert ("mirren-killing", "CAUSED", "front-vow") not in rels


def test_article_lists_issues(client: TestClient, world: GraphStore) -> None:
    body = client.get(f"/articles/{A2}").json()
    assert [i["name"] for i in body["issues"]] == ["an end to the blockade"]
    rels = {(x["subject"]["id"], x["predicate"], x["object"]["id"]) for x in body["relations"]}
    assert ("mirren-killing", "CAUSED", "front-vow") in rels


def test_article_unknown_id_is_404(client: TestClient, world: GraphStore) -> None:
    r = client.get("/articles/missing-article")
    assert r.status_code == 404
    assert r.json()["detail"] == "article 'missing-article' not found"


def test_post_article_loads_then_is_unchanged_then_updated(
    client: TestClient, store: GraphStore
) -> None:
    r = post(client, POSTED)
    assert r.status_code == 201, r.text
    assert r.json() == {
        "id": "posted-1",
        "status": "loaded",
        "counts": {"entities": 4, "events": 0, "relations": 0},
    }
    facts = client.get("/articles/posted-1").json()
    assert {e["name"] for e in facts["entities"]} == {
        "Envoys",
        "Norvale",
        "Port Kessa",
        "The Harbour Council",
    }
    again = post(client, POSTED)
    assert again.status_code == 200
    assert again.json()["status"] == "unchanged"
    changed = post(client, {**POSTED, "text": "Norvale left Port Kessa."})
    assert changed.status_code == 200
    assert changed.json()["status"] == "updated"
    names = {e["name"] for e in client.get("/articles/posted-1").json()["entities"]}
    assert names == {"Norvale", "Port Kessa"}
    assert client.get("/entities/the-harbour-council").status_code == 404


@pytest.mark.parametrize(("key", "status"), [(None, 401), ("", 401), ("wrong-key", 403)])
def test_post_article_needs_the_right_key(
    client: TestClient, store: GraphStore, key: str | None, status: int
) -> None:
    r = post(client, POSTED, key=key)
    assert r.status_code == status
    assert "key" in r.json()["detail"].lower()
    assert store.article_hash("posted-1") is None


def test_post_article_is_disabled_without_a_configured_key(
    graph_settings: ApiSettings, store: GraphStore
) -> None:
    with api_client(api_settings(graph_settings, kg_api_key=None)) as c:
        r = post(c, POSTED)
    assert r.status_code == 403
    assert "KG_API_KEY" in r.json()["detail"]


def test_post_article_is_disabled_without_an_ingest_pipeline(
    graph_settings: ApiSettings, store: GraphStore
) -> None:
    with api_client(api_settings(graph_settings), ingest=False) as c:
        r = post(c, POSTED)
    assert r.status_code == 403
    assert "disabled" in r.json()["detail"]


def test_post_article_body_over_the_cap_is_413_naming_it(
    client: TestClient, store: GraphStore
) -> None:
    r = post(client, {**POSTED, "text": "Word " * (MAX_BYTES // 5 + 10)})
    assert r.status_code == 413
    assert str(MAX_BYTES) in r.json()["detail"]
    assert "KG_MAX_ARTICLE_BYTES" in r.json()["detail"]
    assert store.article_hash("posted-1") is None


def test_post_article_streamed_body_over_the_cap_is_413(
    client: TestClient, store: GraphStore
) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"id": "posted-1", "text": "'
        for _ in range(MAX_BYTES // 1000 + 1):
            yield b"x" * 1000
        yield b'"}'

    r = client.post(
        "/articles",
        content=chunks(),
        headers={"X-API-Key": API_KEY, "Content-Type": "application/json"},
    )
    assert r.status_code == 413
    assert store.article_hash("posted-1") is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**POSTED, "text": ""}, "text"),
        ({**POSTED, "published": "May 2"}, "published"),
        ({"text": "No id."}, "id"),
    ],
)
def test_post_article_bad_body_is_422_naming_the_field(
    client: TestClient, store: GraphStore, body: dict[str, Any], field: str
) -> None:
    r = post(client, body)
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", field]
