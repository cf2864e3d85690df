"""The dead of an attack: each name after 'among them', the side that struck, not a father."""

from __future__ import annotations

import pytest

from graph.models import EventKind, Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article

TEXT = (
    "Israel carried out an air strike on the Hamas leadership in Doha on Tuesday. "
    "Hamas said six of its members were killed, among them Hammam al-Hayya, the son of its "
    "chief negotiator Khalil al-Hayya, and Jihad Labad, an aide."
)


def test_extract_each_person_listed_among_the_dead_was_killed_by_the_striker() -> None:
    facts = extract_article(make_article("t-dead", TEXT, published="2025-09-10"))
    killed = {
        (r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.KILLED
    }
    assert {("israel", "hammam-al-hayya"), ("israel", "jihad-labad")} <= killed, killed


def test_extract_a_father_named_to_say_whose_son_died_is_not_among_the_dead() -> None:
    facts = extract_article(make_article("t-dead2", TEXT, published="2025-09-10"))
    victims = {r.object_id for r in facts.relations if r.predicate is Predicate.KILLED}
    victims |= {
        p.entity_id for e in facts.events if e.kind is EventKind.KILLING for p in e.participants
    }
    assert "khalil-al-hayya" not in victims, victims
    assert "hammam-al-hayya" in {e.id for e in facts.entities}


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday Israeli jets failed to assassinate Khalil al-Hayya in Doha.",
        "Israel tried to kill Khalil al-Hayya in Doha on Tuesday.",
        "The strike on Tuesday came close to killing Khalil al-Hayya.",
    ],
)
def test_extract_no_killing_from_an_attempt(text: str) -> None:
    facts = extract_article(make_article("t-try", text, published="2025-09-10"))
    assert not [e for e in facts.events if e.kind is EventKind.KILLING]
    assert not [r for r in facts.relations if r.predicate is Predicate.KILLED]
