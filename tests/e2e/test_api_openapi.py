"""The OpenAPI spec teaches: every field and parameter is described, and ambiguous names are
told apart by model."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


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
