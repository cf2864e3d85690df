"""Hostile ingest bodies: lone surrogates, invalid UTF-8, ids the API cannot address, unsafe
urls and an unauthenticated client. Each is refused with a 4xx naming the field, never a 5xx."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.main import create_app
from api.schemas import IngestRequest
from api.settings import ApiSettings
from graph.models import ArticleFacts
from graph.store import GraphStore
from tests.support.worlds import API_KEY, api_client, api_settings, facts_from_text

SENTENCE = "Envoys of Northland met the Ostrian delegation in Lorvik on Monday."
HEADERS = {"X-API-Key": API_KEY, "Content-Type": "application/json"}


@pytest.fixture
def client(store: GraphStore, graph_settings: ApiSettings) -> Iterator[TestClient]:
    with api_client(api_settings(graph_settings)) as c:
        yield c


def _post(client: TestClient, body: bytes) -> tuple[int, object]:
    r = client.post("/articles", content=body, headers=HEADERS)
    return r.status_code, r.json()


@pytest.mark.parametrize("field", ["text", "id", "published", "title", "source", "author", "url"])
def test_lone_surrogate_in_a_field_is_422_naming_it(client: TestClient, field: str) -> None:
    body = {"id": "surrogate-1", "text": SENTENCE}
    body[field] = body.get(field, "x") + "\ud800"
    status, answer = _post(client, json.dumps(body).encode())  # json escapes it as \\ud800
    assert status == 422, answer
    assert isinstance(answer, dict)
    (error,) = answer["errors"]
    assert error["loc"] == ["body", field]
    assert "surrogate" in error["msg"]


def test_invalid_utf8_bytes_are_422(client: TestClient) -> None:
    body = b'{"id": "bytes-1", "text": "' + SENTENCE.encode() + b'\xed\xa0\x80"}'
    status, answer = _post(client, body)
    assert status == 422, answer
    assert isinstance(answer, dict)
    assert answer["errors"][0]["loc"][0] == "body"
    assert "UTF-8" in answer["errors"][0]["msg"]


def test_validation_errors_do_not_echo_the_input(client: TestClient) -> None:
    body = {"id": "echo-1", "text": SENTENCE, "published": "not a date \ud800"}
    status, answer = _post(client, json.dumps(body).encode())
    assert status == 422
    assert isinstance(answer, dict)
    assert all("input" not in e for e in answer["errors"])


@pytest.mark.parametrize(
    "article_id", [" lead", "lead ", "lead\u00a0", "\u2028lead", "del\x7f", "c1\x85", "a/b", ".."]
)
def test_post_refuses_ids_that_break_the_one_rule_never_strips(
    client: TestClient, article_id: str
) -> None:
    status, answer = _post(client, json.dumps({"id": article_id, "text": SENTENCE}).encode())
    assert status == 422, answer
    assert isinstance(answer, dict)
    assert answer["errors"][0]["loc"] == ["body", "id"]
    assert client.get("/articles/lead").status_code == 404


def test_text_over_the_character_cap_is_422_in_our_words(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    settings = api_settings(graph_settings, kg_max_article_chars=1_000)
    with api_client(settings) as client:
        body = {"id": "long-1", "text": SENTENCE * 20}
        status, answer = _post(client, json.dumps(body).encode())
    assert status == 422, answer
    assert isinstance(answer, dict)
    detail = answer["detail"]
    assert "1000" in detail and "KG_MAX_ARTICLE_CHARS" in detail and "long-1" in detail


def _post_concurrently(app: FastAPI, bodies: list[dict[str, str]]) -> list[int]:
    """Status codes of posting every body at once to `app` (its store closed afterwards)."""

    async def post_all() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            posts = (c.post("/articles", json=body, headers=HEADERS) for body in bodies)
            return [a.status_code for a in await asyncio.gather(*posts)]

    try:
        return asyncio.run(post_all())
    finally:
        app.state.stores.close()


def test_extraction_runs_at_most_the_configured_number_at_once(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    lock, running, peak, threads = threading.Lock(), [0], [0], set()

    def slow_ingest(req: IngestRequest) -> ArticleFacts:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
            threads.add(threading.current_thread().name)
        time.sleep(0.3)
        with lock:
            running[0] -= 1
        return facts_from_text(req)

    app = create_app(api_settings(graph_settings, kg_ingest_concurrency=2), ingest=slow_ingest)
    bodies = [{"id": f"c-{i}", "text": SENTENCE} for i in range(6)]
    assert _post_concurrently(app, bodies) == [201] * 6
    assert peak[0] == 2
    assert all(name.startswith("ingest") for name in threads), threads


def test_concurrent_posts_of_one_new_id_give_one_201_and_no_conflict(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    app = create_app(api_settings(graph_settings), ingest=facts_from_text)
    statuses = _post_concurrently(app, [{"id": "same-1", "text": SENTENCE}] * 4)
    assert sorted(statuses) == [200, 200, 200, 201]
