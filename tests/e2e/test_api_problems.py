"""Every error the API answers is RFC 9457 problem details, documented on its route."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.problems import MEDIA_TYPE, RETRY_AFTER_SECONDS, Problem, ValidationProblem
from api.schemas import IngestRequest
from api.settings import ApiSettings
from graph.models import ArticleFacts, Evidence
from graph.store import GraphStore
from tests.support.worlds import (
    API_KEY,
    MAX_BYTES,
    api_client,
    api_settings,
    facts_from_text,
    load_world,
)

KEYS = {"type", "title", "status", "detail", "instance"}
HEADERS = {"X-API-Key": API_KEY, "Content-Type": "application/json"}


@pytest.fixture(scope="module")
def client(session_store: GraphStore, graph_settings: ApiSettings) -> Iterator[TestClient]:
    session_store.delete_all()
    load_world(session_store)
    with api_client(api_settings(graph_settings)) as c:
        yield c


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    answer: dict[str, Any] = client.get("/openapi.json").json()
    return answer


def problem(r: Any, status: int) -> dict[str, Any]:
    """The problem details of `r`, checked for the shape every error has."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == MEDIA_TYPE
    body: dict[str, Any] = r.json()
    model = ValidationProblem if status == 422 else Problem
    model.model_validate(body)
    assert set(body) == (KEYS | {"errors"} if status == 422 else KEYS)
    assert body["status"] == status
    return body


def documented(spec: dict[str, Any], method: str, path: str, status: int) -> dict[str, Any]:
    """The schema `spec` gives for `status` answers of the operation, as problem+json."""
    responses = spec["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method} {path} does not document {status}"
    schema: dict[str, Any] = responses[str(status)]["content"][MEDIA_TYPE]["schema"]
    return schema


def test_unknown_id_is_a_404_problem_naming_the_id_and_the_path(
    client: TestClient, spec: dict[str, Any]
) -> None:
    body = problem(client.get("/entities/nobody-at-all"), 404)
    assert body["type"] == "/problems/not-found"
    assert body["title"] == "Not found"
    assert body["detail"] == "entity 'nobody-at-all' not found"
    assert body["instance"] == "/entities/nobody-at-all"
    assert documented(spec, "get", "/entities/{entity_id}", 404)["$ref"].endswith("/Problem")
    meaning = client.get(body["type"])
    assert meaning.status_code == 200 and meaning.json()["status"] == 404


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("/events/no-such-event", "/events/{event_id}"),
        ("/events/no-such-event/chain", "/events/{event_id}/chain"),
        ("/rounds/no-such-round/attendees", "/rounds/{round_id}/attendees"),
        ("/articles/no-such-article", "/articles/{article_id}"),
        ("/graph/neighbourhood?id=nowhere", "/graph/neighbourhood"),
        ("/timeline?actor=nobody-at-all", "/timeline"),
        ("/claims?subject=nobody&object=veltara-round-1", "/claims"),
    ],
)
def test_every_404_is_a_problem_documented_on_its_route(
    client: TestClient, spec: dict[str, Any], path: str, template: str
) -> None:
    body = problem(client.get(path), 404)
    assert body["type"] == "/problems/not-found"
    assert body["instance"] == path.split("?")[0]
    documented(spec, "get", template, 404)


def test_invalid_parameters_list_each_field_with_where_and_why(
    client: TestClient, spec: dict[str, Any]
) -> None:
    body = problem(client.get("/timeline?limit=0&from=someday"), 422)
    assert body["type"] == "/problems/invalid-request"
    locs = sorted(tuple(e["loc"]) for e in body["errors"])
    assert locs == [("query", "from"), ("query", "limit")]
    assert all(set(e) == {"loc", "msg", "type"} for e in body["errors"])
    assert "query.limit" in body["detail"] and "query.from" in body["detail"]
    assert "someday" not in body["detail"]  # the input is not echoed
    assert documented(spec, "get", "/timeline", 422)["$ref"].endswith("/ValidationProblem")
    cursor = problem(client.get("/timeline?cursor=not-ours"), 422)
    assert [e["loc"] for e in cursor["errors"]] == [["query", "cursor"]]


@pytest.mark.parametrize(
    "body",
    [
        json.dumps({"id": "surrogate-1", "text": "Envoys met.", "title": "x\ud800"}).encode(),
        b'{"id": "surrogate-2", "text": "Envoys met.", "title": "x\xed\xa0\x80"}',
    ],
    ids=["escaped", "bytes"],
)
def test_a_lone_surrogate_in_a_body_is_a_422_problem_not_a_500(
    client: TestClient, spec: dict[str, Any], body: bytes
) -> None:
    answer = problem(client.post("/articles", content=body, headers=HEADERS), 422)
    assert answer["errors"][0]["loc"][0] == "body"
    assert answer["errors"][0]["loc"][-1] in {"title", "body"}
    answer["detail"].encode("utf-8")  # the text itself is valid UTF-8
    documented(spec, "post", "/articles", 422)


def test_key_and_size_refusals_are_problems_documented_on_the_post(
    client: TestClient, spec: dict[str, Any]
) -> None:
    missing = problem(client.post("/articles", json={"id": "k", "text": "t"}), 401)
    assert missing["instance"] == "/articles"
    wrong = client.post("/articles", json={"id": "k", "text": "t"}, headers={"X-API-Key": "no"})
    assert "invalid API key" in problem(wrong, 403)["detail"]
    big = b'{"id": "big", "text": "' + b"x" * (MAX_BYTES + 10) + b'"}'
    assert (
        "KG_MAX_ARTICLE_BYTES"
        in problem(client.post("/articles", content=big, headers=HEADERS), 413)["detail"]
    )
    for status in (401, 403, 409, 413, 422, 503):
        documented(spec, "post", "/articles", status)


def test_unknown_path_and_method_are_problems_too(client: TestClient) -> None:
    assert problem(client.get("/no/such/path"), 404)["type"] == "about:blank"
    assert problem(client.delete("/timeline"), 405)["title"] == "Method Not Allowed"


def test_database_down_is_a_503_problem_with_retry_after(
    graph_settings: ApiSettings, tmp_path: Any, spec: dict[str, Any]
) -> None:
    elsewhere = graph_settings.model_copy(update={"kg_data_dir": tmp_path})
    with api_client(elsewhere) as c:
        for path, template in [("/ready", "/ready"), ("/entities/x", "/entities/{entity_id}")]:
            r = c.get(path)
            body = problem(r, 503)
            assert body["type"] == "/problems/unavailable"
            assert r.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
            assert "retry-after" in {
                h.lower() for h in spec["paths"][template]["get"]["responses"]["503"]["headers"]
            }


def test_internal_error_is_a_500_problem_that_says_nothing(graph_settings: ApiSettings) -> None:
    app = create_app(api_settings(graph_settings))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("MATCH (n:Secret) RETURN n")

    with TestClient(app, raise_server_exceptions=False) as c:
        body = problem(c.get("/boom"), 500)
    assert body["detail"] == "internal error" and "MATCH" not in json.dumps(body)


def test_every_documented_error_of_every_operation_is_problem_json(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert {"Problem", "ValidationProblem", "FieldError"} <= set(schemas)
    assert "HTTPValidationError" not in schemas  # FastAPI's own 422 shape is gone
    seen = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert list(response["content"]) == [MEDIA_TYPE], (method, path, status)
                    seen += 1
            if operation.get("parameters") or "requestBody" in operation:
                assert "422" in operation["responses"], (method, path)
            if path not in {"/health"}:
                assert "503" in operation["responses"], (method, path)
    assert seen >= 30


def unwritable(req: IngestRequest) -> ArticleFacts:
    """Facts of the posted article with an offset Bolt cannot carry (beyond 64 bits)."""
    facts = facts_from_text(req)
    far = 2**70
    entity = facts.entities[0].model_copy(
        update={"evidence": (Evidence(article_id=req.id, sentence="x", start=far, end=far + 1),)}
    )
    return facts.model_copy(update={"entities": (entity, *facts.entities[1:])})


def test_an_article_the_database_refuses_is_a_409_problem(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    app = create_app(api_settings(graph_settings), ingest=unwritable)
    with TestClient(app) as c:
        body = {"id": "refused-1", "text": "Envoys of Northland met in Lorvik."}
        r = c.post("/articles", json=body, headers={"X-API-Key": API_KEY})
        answer = problem(r, 409)
        assert answer["type"] == "/problems/write-rejected"
        assert c.get("/articles/refused-1").status_code == 404
