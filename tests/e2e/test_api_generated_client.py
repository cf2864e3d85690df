"""A client nobody here wrote: pydantic models generated from the API's /openapi.json by
datamodel-code-generator during the test run, used to read the seeds' graph through the API."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from datamodel_code_generator import generate
from datamodel_code_generator.enums import DataModelType, InputFileType
from datamodel_code_generator.format import Formatter
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.seeded import load_seeds


@pytest.fixture(scope="module")
def client(session_store: GraphStore, graph_settings: ApiSettings) -> Iterator[TestClient]:
    load_seeds(session_store)
    with TestClient(create_app(graph_settings)) as c:
        yield c


@pytest.fixture(scope="module")
def models(client: TestClient, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The generated models, written to a file and imported as a module of their own."""
    out = tmp_path_factory.mktemp("generated") / "kg_client_models.py"
    generate(
        client.get("/openapi.json").text,
        input_file_type=InputFileType.OpenAPI,
        output=out,
        output_model_type=DataModelType.PydanticV2BaseModel,
        formatters=[Formatter.BUILTIN],
    )
    spec = importlib.util.spec_from_file_location("kg_client_models", out)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves the models' forward references there
    spec.loader.exec_module(module)
    return module


def model(models: ModuleType, *names: str) -> Any:
    """The generated class of the first of `names` it defines (generic pages are named by
    the generator from the schema title, with or without separators)."""
    for name in names:
        found = getattr(models, name, None)
        if found is not None:
            return found
    raise AssertionError(f"none of {names} generated; got {sorted(dir(models))}")


def fetch(client: TestClient, cls: Any, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return cls.model_validate(response.json())


def test_august_2024_roll_call_through_the_generated_models(
    client: TestClient, models: ModuleType
) -> None:
    rounds = fetch(client, model(models, "PageRound", "Page_Round_"), "/rounds", limit=1000)
    assert rounds.total == len(rounds.items) and rounds.next_cursor is None
    doha = next(
        r
        for r in rounds.items
        if r.place and r.place.name == "Doha" and (r.date_start or "").startswith("2024-08")
    )
    call = fetch(client, models.RollCall, f"/rounds/{doha.id}/attendees")
    names = {a.name for a in call.attendees}
    assert {"David Barnea", "Bill Burns"} <= names
    barnea = next(a for a in call.attendees if a.name == "David Barnea")
    assert barnea.evidence and barnea.evidence[0].article.id
    assert str(barnea.standing.value) in {"confirmed", "expected", "contested", "unconfirmed"}


def test_a_timeline_page_and_the_next_by_cursor(client: TestClient, models: ModuleType) -> None:
    page_of = model(models, "PageTimelineEvent", "Page_TimelineEvent_")
    first = fetch(client, page_of, "/timeline", limit=5)
    assert len(first.items) == 5 and first.next_cursor and first.total > 5
    second = fetch(client, page_of, "/timeline", limit=5, cursor=first.next_cursor)
    assert second.items and not {e.id for e in first.items} & {e.id for e in second.items}
    ordered = [(e.date_start is None, e.date_start or "", e.id) for e in first.items + second.items]
    assert ordered == sorted(ordered)
    kinds = {k.value for k in models.EventKind}
    assert {e.kind.value for e in first.items} <= kinds


def test_an_unknown_id_is_a_problem_the_models_read(client: TestClient, models: ModuleType) -> None:
    r = client.get("/entities/no-such-entity")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = models.Problem.model_validate(r.json())
    assert (problem.status, problem.type, problem.instance) == (
        404,
        "/problems/not-found",
        "/entities/no-such-entity",
    )
    assert "no-such-entity" in problem.detail


def test_a_misspelt_search_finds_the_person(client: TestClient, models: ModuleType) -> None:
    found = fetch(client, models.SearchPage, "/search", q="netanyahou")
    assert found.items, "a name two typing errors away finds someone"
    top = found.items[0]
    assert top.hit.value == "entity" and top.entity is not None
    assert top.entity.name == "Benjamin Netanyahu" and top.entity.rank == 4
    assert found.did_you_mean and "Netanyahu" in found.did_you_mean[0]
    people = fetch(
        client, model(models, "PageEntitySummary", "Page_EntitySummary_"), "/entities", q="blinkin"
    )
    assert people.items[0].name == "Antony Blinken"
