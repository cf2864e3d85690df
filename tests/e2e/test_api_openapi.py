"""The OpenAPI spec teaches: every field and parameter is described, every answer has an example
its model accepts, and ambiguous names are told apart by model."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from api.routes import (
    articles,
    claims,
    entities,
    events,
    graph,
    health,
    rounds,
    search,
    timeline,
)
from graph.glossary import plain

ROUTERS = (articles, claims, entities, events, graph, health, rounds, search, timeline)


def spec_of(client: TestClient) -> dict[str, Any]:
    answer: dict[str, Any] = client.get("/openapi.json").json()
    return answer


def test_every_field_of_every_schema_is_described(client: TestClient) -> None:
    schemas = spec_of(client)["components"]["schemas"]
    bare = [
        f"{name}.{field}"
        for name, schema in schemas.items()
        for field, prop in schema.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert bare == []
    assert sum(len(s.get("properties", {})) for s in schemas.values()) > 200


def test_every_parameter_is_described(client: TestClient) -> None:
    bare = [
        f"{method.upper()} {path} {p['name']}"
        for path, operations in spec_of(client)["paths"].items()
        for method, operation in operations.items()
        for p in operation.get("parameters", [])
        if not p.get("description")
    ]
    assert bare == []


def test_a_node_label_and_an_event_label_are_described_apart(client: TestClient) -> None:
    schemas = spec_of(client)["components"]["schemas"]
    node = schemas["NodeRef"]["properties"]["label"]["description"]
    event = schemas["Round"]["properties"]["label"]["description"]
    assert "Entity, Event" in node and "human-readable" in event


def example_of(schema: dict[str, Any], schemas: dict[str, Any]) -> Any:
    """The example a docs page composes from a schema: each field's own example, the first
    value of an enum, one item of a list."""
    if "$ref" in schema:
        return example_of(schemas[schema["$ref"].rsplit("/", 1)[1]], schemas)
    if "examples" in schema:
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return example_of(next(o for o in schema["anyOf"] if o.get("type") != "null"), schemas)
    if schema.get("type") == "array":
        return [example_of(schema["items"], schemas)]
    if "properties" in schema:
        return {f: example_of(p, schemas) for f, p in schema["properties"].items()}
    return {}


def test_every_answer_has_an_example_that_its_model_accepts(client: TestClient) -> None:
    spec = spec_of(client)
    schemas = spec["components"]["schemas"]
    bare = [
        f"{name}.{field}"
        for name, schema in schemas.items()
        for field, prop in schema.get("properties", {}).items()
        if plain(prop) and "examples" not in prop
    ]
    assert bare == []
    checked = 0
    routes = [r for m in ROUTERS for r in m.router.routes if isinstance(r, APIRoute)]
    for route in routes:
        model = route.response_model
        if model is None or not route.include_in_schema:
            continue
        method = sorted(route.methods or {"GET"})[0].lower()
        answer = spec["paths"][route.path][method]["responses"]
        ok = answer.get("200") or answer["201"]
        example = example_of(ok["content"]["application/json"]["schema"], schemas)
        TypeAdapter(model).validate_python(example)
        checked += 1
    assert checked >= 20
