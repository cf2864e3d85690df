"""Schemathesis against the app's own OpenAPI spec with its built-in checks (no 5xx, documented
status codes, headers and content types, responses matching their schemas, invalid data
refused, auth not ignored), for generated valid and invalid requests on every operation, POST
/articles included."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from api.main import create_app
from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.worlds import API_KEY, api_settings, facts_from_text, load_world

# Every built-in check but one: positive_data_acceptance wants each schema-valid request to
# succeed, but some rules are beyond JSON Schema (a day of the calendar, `to` not before
# `from`, a search text holding a letter): those answer 422, by design.
EXCLUDED = [positive_data_acceptance]
EXAMPLES = 20  # per operation and generation mode


@pytest.fixture(scope="module")
def api_schema(session_store: GraphStore, graph_settings: ApiSettings) -> Any:
    """The OpenAPI schema of an app over the invented world, calls going to the app itself."""
    session_store.delete_all()
    load_world(session_store)
    session_store.derive_sequences()
    app = create_app(api_settings(graph_settings), ingest=facts_from_text)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


def run_operation(operation: Any, mode: GenerationMode) -> int:
    """Generated calls of one operation, each checked; returns how many were made."""
    calls = 0

    @given(operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case: Any) -> None:
        nonlocal calls
        calls += 1
        case.call_and_validate(headers={"X-API-Key": API_KEY}, excluded_checks=EXCLUDED)

    try:
        check()
    except Unsatisfiable:  # nothing invalid to send (no input, or unconstrained string ids)
        assert mode is GenerationMode.NEGATIVE and calls == 0
    return calls


@pytest.mark.parametrize("mode", list(GenerationMode), ids=str)
def test_every_operation_answers_within_its_schema(api_schema: Any, mode: GenerationMode) -> None:
    ops = operations(api_schema)
    assert len(ops) >= 10
    calls = {f"{op.method.upper()} {op.path}": run_operation(op, mode) for op in ops}
    answered = [name for name, n in calls.items() if n > 0]
    assert len(answered) >= (len(ops) if mode is GenerationMode.POSITIVE else 6), calls
