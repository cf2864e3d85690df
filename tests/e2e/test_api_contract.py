"""The API's one contract against the invented world: quotes read in their article's text,
server-side search over events and everything at once, edges with their evidence, every list
walked to its end, and month-precision dates served as months."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from graph.models import ArticleFacts, DatePrecision, Event, EventKind
from graph.store import GraphStore
from tests.support.factories import make_article
from tests.support.worlds import A1, A2


def ok(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def walk(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, one page at a time; each seen once, as many as `total`."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = ok(client, path, **params, **({"cursor": cursor} if cursor else {}))
        items += page["items"]
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]
    assert page["total"] == len(items), path
    distinct = {json.dumps(item, sort_keys=True) for item in items}
    assert len(distinct) == len(items), f"{path}: an item came twice"
    return items


def test_every_quote_is_the_text_between_its_offsets(client: TestClient, world: GraphStore) -> None:
    for article_id in (A1, A2):
        text = ok(client, f"/articles/{article_id}/text")
        assert text["id"] == article_id and text["text"]
        facts = ok(client, f"/articles/{article_id}")
        quotes = [
            q
            for group in ("entities", "events", "issues", "relations")
            for node in facts[group]
            for q in node["evidence"]
        ]
        assert quotes, article_id
        for q in quotes:
            assert text["text"][q["start"] : q["end"]] == q["sentence"]
    missing = client.get("/articles/no-such-article/text")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_events_are_searched_by_label_place_and_participant(
    client: TestClient, world: GraphStore
) -> None:
    def ids(q: str) -> list[str]:
        return [e["id"] for e in walk(client, "/events", q=q, limit=1)]

    assert ids("first round") == ["veltara-round-1"]  # the label
    assert "veltara-round-1" in ids("veltara")  # the place
    assert ids("mirren") == ["mirren-killing"]  # a participant, by name
    assert ids("zebulon") == []
    assert client.get("/events", params={"q": "!!"}).status_code == 422


def test_search_returns_typed_hits_of_every_kind_in_one_list(
    client: TestClient, world: GraphStore
) -> None:
    hits = walk(client, "/search", q="veltara", limit=2)
    kinds = [h["hit"] for h in hits]
    assert kinds == sorted(kinds, key=["entity", "event", "article"].index)
    by_kind = {(h["hit"], h["id"]) for h in hits}
    assert {("entity", "veltara"), ("event", "veltara-round-1"), ("article", A1)} <= by_kind
    for h in hits:
        assert h[h["hit"]]["id"] == h["id"]  # the summary of its own kind
        assert [k for k in ("entity", "event", "article") if h[k] is not None] == [h["hit"]]
    typo = ok(client, "/search", q="brandtt")
    assert typo["items"][0]["id"] == "ana-lucia-brandt"
    assert typo["did_you_mean"] == ["Ana Lúcia Brandt"]
    nothing = ok(client, "/search", q="zebulon quartz")
    assert (nothing["items"], nothing["total"], nothing["did_you_mean"]) == ([], 0, [])


def test_edges_between_two_nodes_carry_their_claims(client: TestClient, world: GraphStore) -> None:
    [edge] = walk(client, "/edges", source="ostria", target="sela-mirren")
    assert edge["predicate"] == "KILLED" and edge["standing"] == "confirmed"
    assert [c["article"]["id"] for c in edge["claims"]] == [A2]
    assert edge["claims"][0]["sentence"] == "Sela Mirren was killed by Ostria on April 10."
    none = ok(client, "/edges", source="ostria", target="sela-mirren", predicate="DEMANDED")
    assert (none["items"], none["total"]) == ([], 0)
    assert client.get("/edges", params={"source": "nobody", "target": "ostria"}).status_code == 404


def test_every_list_walks_to_its_end_once(client: TestClient, world: GraphStore) -> None:
    assert [e["id"] for e in walk(client, "/timeline", limit=2)][-1] == "secret-meeting"
    assert len(walk(client, "/rounds", limit=1)) == 3
    assert len(walk(client, "/entities", limit=3)) == ok(client, "/entities", limit=200)["total"]
    everyone = {e["id"] for e in walk(client, "/entities", limit=1)}
    found = [e["id"] for e in walk(client, "/entities", q="ostria", limit=1)]
    assert len(found) >= 2 and set(found) <= everyone
    assert len(walk(client, "/search", q="veltara", limit=1)) >= 3
    assert [a["id"] for a in walk(client, "/articles", limit=1)] == [A2, A1]
    for part in ("relations", "events", "articles"):
        listed = walk(client, f"/entities/ostria/{part}", limit=1)
        assert listed, part
    relations = walk(client, "/events/veltara-round-1/relations", limit=1)
    assert {r["predicate"] for r in relations} >= {"ATTENDED"}
    foreign = client.get("/timeline", params={"cursor": "not-ours"})
    assert foreign.status_code == 422
    assert foreign.json()["errors"][0]["loc"] == ["query", "cursor"]
    wrong_list = ok(client, "/articles", limit=1)["next_cursor"]  # an offset, not a position
    assert client.get("/timeline", params={"cursor": wrong_list}).status_code == 422


def test_a_month_precise_event_is_served_as_its_month(
    client: TestClient, store: GraphStore
) -> None:
    text = "A ceasefire proposal was put forward in October."
    facts = ArticleFacts(
        article=make_article("m-1", text, published="2024-11-02"),
        events=(
            Event(
                id="proposal-2024-10",
                kind=EventKind.PROPOSAL,
                label="Ceasefire proposal",
                date="2024-10-01",
                date_precision=DatePrecision.MONTH,
            ),
        ),
    )
    store.write_article(facts)
    [event] = ok(client, "/timeline")["items"]
    assert (event["date"], event["date_precision"]) == ("2024-10", "month")
    assert (event["date_start"], event["date_end"]) == ("2024-10-01", "2024-10-31")
    assert ok(client, "/events/proposal-2024-10")["date"] == "2024-10"
    october = ok(client, "/timeline", **{"from": "2024-10-01", "to": "2024-10-31"})
    assert [e["id"] for e in october["items"]] == ["proposal-2024-10"]
    backwards = client.get("/timeline", params={"from": "2024-10-31", "to": "2024-10-01"})
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["loc"] == ["query", "to"]
