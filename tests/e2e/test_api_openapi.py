"""The OpenAPI spec teaches: every field and parameter is described, every answer has an example
its model accepts, and a field name means one thing in every answer."""

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


def shape(prop: dict[str, Any]) -> str:
    """A property's type, nullability aside: the model or enum it names, or its JSON type (of
    the items for an array; a page is the list of its items)."""
    options = [o for o in prop.get("anyOf", [prop]) if o.get("type") != "null"]
    if len(options) != 1:
        return "|".join(sorted(shape(o) for o in options))
    [o] = options
    if "$ref" in o:
        name = str(o["$ref"].rsplit("/", 1)[1])
        return f"list[{name[5:-1]}]" if name.startswith("Page_") else name
    if o.get("type") == "array":
        return f"list[{shape(o['items'])}]"
    return str(o.get("type"))


# Names that mean one thing in every answer: the same type wherever a response holds them.
# (`type` and `status` of a problem are RFC 9457's own members, and of a field error pydantic's.)
PROBLEM_SCHEMAS = {"Problem", "ValidationProblem", "FieldError"}
ONE_MEANING = {
    "label": "string",  # an event's (or round's) human-readable label; a node's label is `node`
    "node": "NodeLabel",
    "type": "EntityType",  # an entity's type; an edge's type is `predicate`
    "predicate": "EdgeType|Predicate|string",
    "articles": "list[ArticleRef]",  # ids are `article_ids`, a count `article_count`
    "article_ids": "list[string]",
    "article_count": "integer",
    "via": "string",  # only the outlet a claimant spoke to; an attendee's edges are `links`
    "role": "Role",
    "delegation": "Ref",  # its id is `delegation_id`
    "delegation_id": "string",
}


def test_a_field_name_means_one_thing_in_every_answer(client: TestClient) -> None:
    schemas = spec_of(client)["components"]["schemas"]
    seen: dict[str, set[str]] = {}
    for name, schema in schemas.items():
        if name in PROBLEM_SCHEMAS:
            continue
        for field, prop in schema.get("properties", {}).items():
            seen.setdefault(field, set()).add(shape(prop))
    predicates = {"EdgeType", "Predicate", "string"}
    assert seen["predicate"] <= predicates, seen["predicate"]
    mixed = {
        field: sorted(shapes)
        for field, shapes in seen.items()
        if field in ONE_MEANING and field != "predicate" and shapes != {ONE_MEANING[field]}
    }
    assert mixed == {}
    assert "how" not in seen
    # an event's kind is `kind` wherever an event is named; a claimant's kind is its own enum
    kinds = {
        name: shape(schema["properties"]["kind"])
        for name, schema in schemas.items()
        if "kind" in schema.get("properties", {})
    }
    assert {n for n, k in kinds.items() if k != "EventKind"} == {"ClaimantOut"}, kinds
    assert kinds["ClaimantOut"] == "ClaimantKind"
    assert "links" in schemas["Attendee"]["properties"]
    assert "links" in schemas["EntityEvent"]["properties"]
    event_ref = schemas["NodeRef"]["properties"]
    assert shape(event_ref["kind"]) == "EventKind" and shape(event_ref["node"]) == "NodeLabel"


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
