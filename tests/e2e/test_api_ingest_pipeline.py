"""POST /articles wired as `kg serve` wires it: the real cleaning and extraction, the real graph."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.main import create_app
from api.settings import ApiSettings
from graph.store import GraphStore
from kg.commands import ingest_posted
from tests.support.cypher import cypher, cypher_value

TEXT = (
    "Envoys Meet in Lorvik\n\n"
    "On Tuesday, officials from Norland and Vesmar resumed talks in Cairo, mediated by Egypt. "
    "Norland's delegation was led by Foreign Minister Ilsa Brandt.\n\n"
    "Post a Comment\n\nA reader wrote something unrelated here."
)


def test_posted_article_goes_through_cleaning_and_extraction(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    settings = graph_settings.model_copy(update={"kg_api_key": SecretStr("k" * 32)})
    body = {"id": "posted-1", "text": TEXT, "published": "2031-03-05", "source": "Example Wire"}
    with TestClient(create_app(settings, ingest=ingest_posted)) as client:
        created = client.post("/articles", json=body, headers={"X-API-Key": "k" * 32})
        assert created.status_code == 201, created.text
        assert created.json()["counts"]["entities"] >= 2
        again = client.post("/articles", json=body, headers={"X-API-Key": "k" * 32})
        assert again.status_code == 200 and again.json()["status"] == "unchanged"
        article = client.get("/articles/posted-1").json()
    stored = cypher_value(
        store, "MATCH (a:Article {id: $id}) RETURN a.text AS t", "t", id="posted-1"
    )
    assert "Post a Comment" not in stored and "unrelated" not in stored
    assert any(e["name"] == "Egypt" for e in article["entities"]), article["entities"]


def test_posted_article_without_text_left_is_422(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    settings = graph_settings.model_copy(update={"kg_api_key": SecretStr("k" * 32)})
    body = {"id": "posted-2", "text": "Post a Comment"}
    with TestClient(create_app(settings, ingest=ingest_posted)) as client:
        response = client.post("/articles", json=body, headers={"X-API-Key": "k" * 32})
    assert response.status_code == 422
    assert "posted-2" in response.json()["detail"]
    assert store.article_hash("posted-2") is None


def test_posted_article_dated_on_a_day_not_in_the_calendar_is_422(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    settings = graph_settings.model_copy(update={"kg_api_key": SecretStr("k" * 32)})
    body = {"id": "posted-3", "text": TEXT, "published": "2031-02-30"}
    with TestClient(create_app(settings, ingest=ingest_posted)) as client:
        response = client.post("/articles", json=body, headers={"X-API-Key": "k" * 32})
        assert client.get("/articles").status_code == 200
    assert response.status_code == 422
    assert "2031-02-30" in response.text and "not a day of the calendar" in response.text
    assert store.article_hash("posted-3") is None


def test_two_posted_reports_of_one_walkout_make_one_event(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    settings = graph_settings.model_copy(update={"kg_api_key": SecretStr("k" * 32)})
    first = "Norland withdrew its delegation from the talks in Cairo on Tuesday."
    second = "Norland pulled its negotiators out of the Cairo talks on Wednesday."
    with TestClient(create_app(settings, ingest=ingest_posted)) as client:
        for aid, text, day in (
            ("walkout-1", first, "2031-03-05"),
            ("walkout-2", second, "2031-03-06"),
        ):
            body = {"id": aid, "text": text, "published": day, "source": "Example Wire"}
            posted = client.post("/articles", json=body, headers={"X-API-Key": "k" * 32})
            assert posted.status_code == 201, posted.text
    rows = cypher(
        store,
        "MATCH (a:Article)-[:MENTIONS]->(v:Event {kind: $kind}) "
        "RETURN v.id AS id, collect(a.id) AS articles",
        kind="withdrawal",
    )
    assert [(r["id"], sorted(r["articles"])) for r in rows] == [
        ("withdrawal-norland-2031-03-04", ["walkout-1", "walkout-2"])
    ]


def test_posted_rounds_are_linked_in_date_order_by_the_write(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    settings = graph_settings.model_copy(update={"kg_api_key": SecretStr("k" * 32)})
    text = "Officials from Norland and Vesmar resumed talks in Cairo on Tuesday, mediated by Egypt."
    with TestClient(create_app(settings, ingest=ingest_posted)) as client:
        for aid, day in (("round-may", "2031-05-07"), ("round-march", "2031-03-05")):
            body = {"id": aid, "text": text, "published": day, "source": "Example Wire"}
            posted = client.post("/articles", json=body, headers={"X-API-Key": "k" * 32})
            assert posted.status_code == 201, posted.text
    rows = cypher(
        store,
        "MATCH (a:Event)-[r:PRECEDED]->(b:Event) WHERE r.derived = true "
        "RETURN a.date AS first, b.date AS then",
    )
    assert [(r["first"], r["then"]) for r in rows] == [("2031-03-04", "2031-05-06")]
