"""Hostile ingest bodies: lone surrogates, invalid UTF-8, ids the API cannot address, unsafe
urls and an unauthenticated client. Each is refused with a 4xx naming the field, never a 5xx."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_world import API_KEY, api_client, api_settings
from fastapi.testclient import TestClient

from graph.settings import Settings
from graph.store import GraphStore

SENTENCE = "Envoys of Northland met the Ostrian delegation in Lorvik on Monday."
HEADERS = {"X-API-Key": API_KEY, "Content-Type": "application/json"}


@pytest.fixture
def client(store: GraphStore, graph_settings: Settings) -> Iterator[TestClient]:
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
    (error,) = answer["detail"]
    assert error["loc"] == ["body", field]
    assert "surrogate" in error["msg"]


def test_invalid_utf8_bytes_are_422(client: TestClient) -> None:
    body = b'{"id": "bytes-1", "text": "' + SENTENCE.encode() + b'\xed\xa0\x80"}'
    status, answer = _post(client, body)
    assert status == 422, answer
    assert isinstance(answer, dict)
    assert answer["detail"][0]["loc"][0] == "body"
    assert "UTF-8" in answer["detail"][0]["msg"]


def test_validation_errors_do_not_echo_the_input(client: TestClient) -> None:
    body = {"id": "echo-1", "text": SENTENCE, "published": "not a date \ud800"}
    status, answer = _post(client, json.dumps(body).encode())
    assert status == 422
    assert isinstance(answer, dict)
    assert all("input" not in e for e in answer["detail"])


@pytest.mark.parametrize(
    "article_id", [" lead", "lead ", "lead\u00a0", "\u2028lead", "del\x7f", "c1\x85", "a/b", ".."]
)
def test_post_refuses_ids_that_break_the_one_rule_never_strips(
    client: TestClient, article_id: str
) -> None:
    status, answer = _post(client, json.dumps({"id": article_id, "text": SENTENCE}).encode())
    assert status == 422, answer
    assert isinstance(answer, dict)
    assert answer["detail"][0]["loc"] == ["body", "id"]
    assert client.get("/articles/lead").status_code == 404
