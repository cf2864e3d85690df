"""A state's bodies named by its possessive, in any case, as speakers of what they say."""

from __future__ import annotations

import pytest

from graph.models import EntityType, EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


@pytest.mark.parametrize(
    ("sentence", "body", "alias"),
    [
        (
            "Egypt's foreign ministry condemned the seizure of the crossing on Tuesday.",
            "egyptian-foreign-ministry",
            "Egypt's foreign ministry",
        ),
        (
            "Jordan's Health Ministry said on Tuesday that six people were shot.",
            "jordanian-health-ministry",
            "Jordan's Health Ministry",
        ),
    ],
)
def test_a_states_possessive_names_its_body_and_its_statement(
    sentence: str, body: str, alias: str
) -> None:
    facts = extract_article(make_article("t-body", sentence, published="2024-05-09"))
    entities = {e.id: e for e in facts.entities}
    assert entities[body].type is EntityType.ORGANIZATION
    assert alias in entities[body].aliases
    speakers = {
        p.entity_id for e in facts.events if e.kind is EventKind.STATEMENT for p in e.participants
    }
    assert body in speakers, speakers


def test_a_places_possessive_names_its_body_with_every_qualifier() -> None:
    text = "Gaza's civil defence agency said on Tuesday that 12 people were killed."
    facts = extract_article(make_article("t-body-place", text, published="2024-05-09"))
    entities = {e.id: e for e in facts.entities}
    assert "Gaza's civil defence agency" in entities["gaza-civil-defence-agency"].aliases


def test_a_body_the_dictionary_knows_keeps_its_name() -> None:
    facts = extract_article(
        make_article("t-body-known", "Israel's Mossad said on Tuesday it had sent a team.")
    )
    assert "mossad" in {e.id for e in facts.entities}
