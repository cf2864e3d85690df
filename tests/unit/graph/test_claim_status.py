"""The status of a fact across the articles that give it one."""

from __future__ import annotations

import pytest

from graph.models import ClaimStatus, Event, EventKind, Relation, fact_status
from tests.support.factories import talks_article


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([], "stated"),
        (["planned", "doubted", "stated"], "stated"),
        (["doubted", "doubted", "planned"], "planned"),
        (["doubted", "doubted", "denied"], "doubted"),
        (["doubted", "denied"], "denied"),
        (["hypothetical", "doubted"], "doubted"),
        (["hypothetical", "denied"], "denied"),
        (["hypothetical", "hypothetical", "denied", "doubted"], "hypothetical"),
    ],
)
def test_fact_status_rule(given: list[str], expected: str) -> None:
    assert fact_status(given) == expected
    assert fact_status(reversed(given)) == expected


def test_events_and_relations_are_stated_unless_told_otherwise() -> None:
    facts = talks_article("a-1")
    assert {v.status for v in facts.events} == {ClaimStatus.STATED}
    assert {r.status for r in facts.relations} == {ClaimStatus.STATED}
    event = Event(id="e", kind=EventKind.TALKS, label="Talks", status="planned")
    assert event.status is ClaimStatus.PLANNED
    relation = facts.relations[0]
    doubted = Relation.model_validate({**relation.model_dump(), "status": "doubted"})
    assert doubted.key == relation.key  # one edge whatever each article says of it
